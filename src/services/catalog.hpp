// Catalog use cases: import and export of the catalog folder, and the read side (agencies,
// procedures with Vietnamese-aware search, rollout waves and progress) over a cached snapshot.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/access/roles.hpp"
#include "core/catalog/model.hpp"
#include "core/catalog/rollout.hpp"
#include "core/catalog/yaml_io.hpp"
#include "core/common/result.hpp"
#include "core/workflow/workflow.hpp"
#include "services/context.hpp"

namespace motcua::services::catalog {

namespace cat = core::catalog;
namespace wf = core::workflow;

// ---- import / export -------------------------------------------------------------------------

// The catalog files under `folder` (catalog.yaml, fields.yaml, agencies.yaml, wards/*.yaml,
// procedures/*.yaml, waves.yaml, workflows.yaml). Unreadable files are an error.
core::Result<std::vector<cat::SourceFile>> ReadFolder(const std::string& folder);
// Writes the files under `folder`, creating it; files of the catalog's kind not in the list are removed.
core::Status WriteFolder(const std::string& folder, const std::vector<cat::SourceFile>& files);

struct ImportReport {
  int fields = 0;
  int agencies = 0;
  int procedures = 0;
  int new_versions = 0;  // procedure versions stored by this import
  int waves = 0;
  int placements = 0;  // procedure × agency pairs planned
  int revision = 0;    // the catalog revision after the import
};

// Validates the whole catalog and, only when it has no problem, stores it in one transaction with
// an audit event. On problems nothing is written: the error `catalog_invalid` lists every problem
// in `fields` ("agencies.yaml:12" → message).
// Who changes the catalog: a signed-in admin (checked for catalog.admin) or the system itself
// (the command line, the demo), for the audit trail.
struct Actor {
  bool system = false;  // the command line or the demo: no permission check
  const core::access::Principal* principal = nullptr;
  std::optional<long long> user_id;
  std::string role;  // "city_admin", "cli", "demo"
  std::string request_id;
  // What the audit event says was changed (an admin edit names its object; an import the catalog).
  std::string action = "catalog.import";
  std::string object_type = "catalog";
  std::string object_id;
};
core::Result<ImportReport> Import(Context& ctx, const std::vector<cat::SourceFile>& files, const Actor& actor);

// The stored catalog, in canonical form.
core::Result<std::vector<cat::SourceFile>> Export(Context& ctx);

// ---- admin edits (city_admin) -----------------------------------------------------------------
// Each edit changes the stored catalog and goes through Import: the whole catalog is validated,
// published procedure versions stay immutable, and one audit event records who changed what.

// Creates or updates an agency (its units included). A new ward goes to its district's ward file.
core::Result<ImportReport> SaveAgency(Context& ctx, const Actor& actor, cat::Agency agency);
// Publishes a procedure version from its YAML text (the catalog file's form); its version must be
// new, or the same text as the stored one.
core::Result<ImportReport> SaveProcedure(Context& ctx, const Actor& actor, const std::string& code,
                                         const std::string& yaml_text);
// Creates or replaces a wave.
core::Result<ImportReport> SaveWave(Context& ctx, const Actor& actor, cat::Wave wave);
// Sets a catalog setting (e.g. wave2_date: the date of wave 2); "" unsets it.
core::Result<ImportReport> SetSetting(Context& ctx, const Actor& actor, const std::string& key,
                                      const std::string& value);

struct Change {
  std::string at;     // ISO 8601
  std::string actor;  // username, or "cli"/"demo"
  std::string action;
  std::string object_type;
  std::string object_id;
  std::string detail;  // JSON text
};
// The catalog's change history, newest first.
core::Result<std::vector<Change>> History(Context& ctx, const core::access::Principal* who, int limit);
// An actor for a signed-in caller.
Actor ActorOf(const core::access::Principal* who, std::string request_id);

// ---- read side ---------------------------------------------------------------------------------

struct PlacementInfo {
  const cat::Agency* agency = nullptr;
  const cat::Procedure* procedure = nullptr;
  int wave = 0;
  std::optional<std::chrono::year_month_day> since;
};

// An immutable, indexed view of one catalog revision.
class Snapshot {
 public:
  Snapshot(cat::Catalog catalog, int revision, std::vector<wf::Workflow> workflows = {},
           std::string workflows_text = {});
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

  const cat::Catalog& catalog() const { return catalog_; }
  int revision() const { return revision_; }
  const std::vector<PlacementInfo>& PlacementsOf(const cat::ProcedureCode& code) const;
  const std::vector<PlacementInfo>& PlacementsAt(const cat::AgencyCode& code) const;
  const std::vector<PlacementInfo>& placements() const { return placements_; }
  // The wave a procedure is planned in (0: none).
  int WaveOf(const cat::ProcedureCode& code) const;
  const std::string& FoldedName(const cat::Procedure& p) const;
  const std::string& FoldedField(const cat::Procedure& p) const;
  const cat::Field* FieldOf(const cat::Procedure& p) const { return catalog_.FindField(p.field); }
  // The procedure's processing workflow (null only in an empty catalog).
  const wf::Workflow* WorkflowOf(const cat::Procedure& p) const;
  const std::vector<wf::Workflow>& workflows() const { return workflows_; }
  const std::string& workflows_text() const { return workflows_text_; }  // workflows.yaml as stored

 private:
  cat::Catalog catalog_;
  int revision_;
  std::vector<wf::Workflow> workflows_;
  std::string workflows_text_;
  std::vector<PlacementInfo> placements_;
  std::map<std::string, std::vector<PlacementInfo>> by_procedure_;
  std::map<std::string, std::vector<PlacementInfo>> by_agency_;
  std::map<std::string, int> wave_of_;
  std::map<std::string, std::string> folded_name_;
  std::map<std::string, std::string> folded_field_;
};

// Caches the snapshot of the current revision; every read checks the revision in the database so
// several server processes stay coherent.
class Cache {
 public:
  std::shared_ptr<const Snapshot> Get(Context& ctx);
  // Forget the snapshot (this process changed the catalog).
  void Invalidate();

 private:
  // Another process's import is seen within this long; this process's own at once.
  static constexpr std::chrono::milliseconds kRecheck{500};
  std::mutex mu_;
  std::shared_ptr<const Snapshot> current_;
  std::chrono::steady_clock::time_point checked_{};
};

// The current catalog; an empty catalog before the first import.
std::shared_ptr<const Snapshot> Current(Context& ctx);

struct AgencyFilter {
  std::optional<cat::Tier> tier;
  std::optional<cat::AgencyKind> kind;
  std::optional<cat::AgencyCode> parent;
  bool inner_only = false;
};
core::Result<std::vector<const cat::Agency*>> ListAgencies(const Snapshot& s, const AgencyFilter& filter);

struct ProcedureQuery {
  std::string q;
  std::optional<cat::AgencyCode> agency;  // planned at this agency (any date)
  std::optional<cat::FieldKey> field;
  std::optional<cat::Level> level;
  std::optional<cat::Tier> tier;
  std::optional<int> wave;
  std::optional<cat::AgencyCode> online_at;  // online at this agency on `today`
  int page = 1;
  int per_page = 20;
};
struct ProcedureHit {
  const cat::Procedure* procedure = nullptr;
  int wave = 0;
  int score = 0;
};
struct ProcedurePage {
  std::vector<ProcedureHit> items;
  int total = 0;
};
// Unknown agencies, fields or waves in the query → bad_request naming the parameter.
core::Result<ProcedurePage> SearchProcedures(const Snapshot& s, const ProcedureQuery& query,
                                             std::chrono::year_month_day today);

// Procedures online at `agency` on `today`, with their dates.
std::vector<PlacementInfo> OnlineAt(const Snapshot& s, const cat::AgencyCode& agency,
                                    std::chrono::year_month_day today);

struct WaveSummary {
  const cat::Wave* wave = nullptr;
  std::optional<std::chrono::year_month_day> date;
  int procedure_count = 0;
  int agency_count = 0;
  std::vector<const cat::Agency*> agencies;
  bool live = false;
};
std::vector<WaveSummary> Waves(const Snapshot& s, std::chrono::year_month_day today);

struct ProgressRow {
  const cat::Agency* agency = nullptr;  // null for a tier row
  cat::Tier tier = cat::Tier::kCity;
  cat::Progress progress;
};
struct ProgressReport {
  std::vector<ProgressRow> tiers;     // distinct procedures per tier
  std::vector<ProgressRow> agencies;  // per agency with something planned, in catalog order
};
ProgressReport Progress(const Snapshot& s, std::chrono::year_month_day today);

}  // namespace motcua::services::catalog
