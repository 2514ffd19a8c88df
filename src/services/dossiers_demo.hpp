// The demo dossiers of `motcua demo` (issue 5, item 12).
#pragma once

#include <string>
#include <vector>

#include "services/context.hpp"

namespace motcua::services::dossiers {

struct DemoDossiersReport {
  int created = 0;
  bool existing = false;             // the demo applicants already had dossiers: nothing was made
  std::vector<std::string> skipped;  // what could not be made, and why
};

// Sample dossiers of `congdan` and `doanhnghiep` at the demo agencies (those with demo officers
// `<prefix>.motcua`… for badinh, hoankiem, soct) in every state of the standard workflow — draft,
// submitted, withdrawn, not received, refused, received, assigned, awaiting supplement, proposed,
// reviewed, approved, issued, returned, not eligible — made through the use cases on a clock that
// walks through the past weeks' working hours. Needs the catalog and the demo accounts; does
// nothing when the demo applicants already have dossiers.
DemoDossiersReport CreateDemoDossiers(Context& ctx);

}  // namespace motcua::services::dossiers
