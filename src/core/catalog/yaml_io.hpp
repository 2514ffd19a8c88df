// The catalog's YAML text form (catalog/FORMAT.md): loading a folder's files into a Catalog with
// every problem located, and writing a Catalog back in canonical form. The caller reads and
// writes the files; this code only sees their paths and contents.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/catalog/model.hpp"

namespace motcua::core::catalog {

// One file of a catalog folder. `path` is relative to the catalog root with '/' separators:
// catalog.yaml, fields.yaml, agencies.yaml, wards/<district-slug>.yaml, procedures/<code>.yaml,
// waves.yaml.
struct SourceFile {
  std::string path;
  std::string text;
  bool operator==(const SourceFile&) const = default;
};

struct Problem {
  std::string file;  // a SourceFile path
  int line = 0;      // 1-based; 0 when it concerns the whole file
  std::string message;
  bool operator==(const Problem&) const = default;
};
// "agencies.yaml:12: agency 000.00.01.H26: ..." (the line is left out when 0).
std::string ToString(const Problem& problem);

// Either a complete catalog (no problems) or every problem found; never a half-loaded catalog.
struct LoadResult {
  std::optional<Catalog> catalog;
  std::vector<Problem>
      problems;  // by file (catalog.yaml, fields.yaml, agencies.yaml, wards, procedures, waves), then line
  bool ok() const { return catalog.has_value(); }
};

// Reads a catalog folder's files. Checks, beyond YAML syntax, key names, value types and enum
// values: unique codes and keys; NFC text; agency codes in QCVN 102 shape ending in the province
// code; each agency's kind matching its tier, its parent existing and one tier up (city →
// department | district → ward), wards only in wards/*.yaml, one file per district; a procedure's
// file named after its code, its field in fields.yaml, its department existing (only and always
// for the department tier), processing_time in exactly one unit; waves pointing at existing
// procedures, agencies and settings, no procedure in two waves, every rollout selecting at least
// one agency. The handling unit rule:
//   - department tier: `handling_unit` must be a unit of the procedure's department;
//   - district and ward tiers: at least one agency of each such tier must have that unit (else it
//     is a typo), and every agency a wave switches the procedure on at must have it (a dossier
//     filed there must have a unit to go to). Agencies not yet in a wave may lack it.
LoadResult Load(const std::vector<SourceFile>& files);

// The catalog in canonical form, one SourceFile per file, in the order catalog.yaml, fields.yaml,
// agencies.yaml, wards/* and procedures/* by path, waves.yaml. Settings are written sorted by
// name; a district's wards go to wards/<slug>.yaml with the slug from `ward_files` (or, for a
// catalog built in code, the district name folded to ASCII words joined by '-', without its
// "Ủy ban nhân dân"/kind prefix). For a catalog that Load accepted, Load(Export(c)) == c, and
// Export(Load(files)) == files when the files were already canonical.
std::vector<SourceFile> Export(const Catalog& catalog);

}  // namespace motcua::core::catalog
