// Catalog import/export (one transaction, every problem listed, nothing half-written) and the
// cached, indexed read side.
#include "services/catalog.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/common/time.hpp"
#include "core/text/fold.hpp"
#include "services/audit.hpp"
#include "services/log.hpp"

namespace motcua::services {

Context MakeContext(store::Database& db, const core::Clock& clock, SiteInfo site) {
  return Context{db, clock, std::move(site), std::make_shared<catalog::Cache>(), {}};
}

namespace catalog {
namespace {

namespace fs = std::filesystem;
using std::chrono::year_month_day;

const store::Query kRevision{"catalog.revision", "SELECT value FROM settings WHERE key = 'catalog.revision'"};
const store::Query kSetSetting{"settings.upsert",
                               "INSERT INTO settings (key, value) VALUES ($1, $2) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value"};
const store::Query kFiles{"catalog.files", "SELECT path, text FROM catalog_files ORDER BY path"};
const store::Query kDeleteFiles{"catalog.files.delete", "DELETE FROM catalog_files"};
const store::Query kInsertFile{"catalog.files.insert", "INSERT INTO catalog_files (path, text) VALUES ($1, $2)"};
const store::Query kUpsertField{"catalog.field.upsert",
                                "INSERT INTO fields (key, name, name_en, position) VALUES ($1, $2, $3, $4) "
                                "ON CONFLICT (key) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, "
                                "position = excluded.position"};
const store::Query kUpsertAgency{
    "catalog.agency.upsert",
    "INSERT INTO agencies (code, name, name_en, kind, tier, parent_code, inner_district, address, phone, "
    "source_file, position, name_folded, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) "
    "ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, kind = excluded.kind, "
    "tier = excluded.tier, parent_code = excluded.parent_code, inner_district = excluded.inner_district, "
    "address = excluded.address, phone = excluded.phone, source_file = excluded.source_file, "
    "position = excluded.position, name_folded = excluded.name_folded, updated_at = excluded.updated_at"};
const store::Query kUpsertUnit{
    "catalog.unit.upsert",
    "INSERT INTO units (agency_code, key, name, one_stop, position) VALUES ($1, $2, $3, $4, $5) "
    "ON CONFLICT (agency_code, key) DO UPDATE SET name = excluded.name, "
    "one_stop = excluded.one_stop, position = excluded.position"};
const store::Query kProcedureVersion{"catalog.procedure.version",
                                     "SELECT document FROM procedures WHERE code = $1 AND version = $2"};
const store::Query kInsertProcedure{
    "catalog.procedure.insert",
    "INSERT INTO procedures (code, version, valid_from, name, name_folded, field_key, tiers, department_code, level, "
    "document, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"};
const store::Query kDeleteEntries{"catalog.rollout.delete", "DELETE FROM rollout_entries"};
const store::Query kDeleteWaves{"catalog.wave.delete", "DELETE FROM waves"};
const store::Query kInsertWave{"catalog.wave.insert",
                               "INSERT INTO waves (number, name, official_date, date_setting, rollouts) "
                               "VALUES ($1, $2, $3, $4, $5)"};
const store::Query kInsertEntry{
    "catalog.rollout.insert",
    "INSERT INTO rollout_entries (wave_number, procedure_code, agency_code) VALUES ($1, $2, $3)"};

constexpr const char* kWorkflowsFile = "workflows.yaml";

bool IsCatalogFile(const std::string& rel) {
  if (rel == "catalog.yaml" || rel == "fields.yaml" || rel == "agencies.yaml" || rel == "waves.yaml" ||
      rel == kWorkflowsFile)
    return true;
  for (const char* dir : {"wards/", "procedures/"})
    if (rel.rfind(dir, 0) == 0 && rel.size() > 5 && rel.substr(rel.size() - 5) == ".yaml" &&
        rel.find('/', std::string(dir).size()) == std::string::npos)
      return true;
  return false;
}

core::Error IoError(const std::string& what, const std::string& path) {
  return core::Error::Make("catalog_io", "Không đọc/ghi được tệp danh mục: " + path,
                           "Cannot " + what + " the catalog file: " + path, path);
}

std::string TiersColumn(const cat::Procedure& p) {
  std::string s = ",";
  for (auto t : p.tiers) s += std::string(cat::ToString(t)) + ",";
  return s;
}

std::string RolloutsJson(const cat::Wave& w) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : w.rollouts) {
    nlohmann::json j;
    j["procedures"] = nlohmann::json::array();
    for (const auto& p : r.procedures) j["procedures"].push_back(p.value);
    std::visit(
        [&](const auto& sel) {
          using T = std::decay_t<decltype(sel)>;
          if constexpr (std::is_same_v<T, cat::TierSelector>) {
            j["agencies"]["tiers"] = nlohmann::json::array();
            for (auto t : sel.tiers) j["agencies"]["tiers"].push_back(cat::ToString(t));
            if (sel.inner_only) j["agencies"]["inner_only"] = true;
          } else if constexpr (std::is_same_v<T, cat::HandlingSelector>) {
            j["agencies"]["handling"] = true;
          } else {
            j["agencies"]["codes"] = nlohmann::json::array();
            for (const auto& c : sel.codes) j["agencies"]["codes"].push_back(c.value);
          }
        },
        r.agencies);
    out.push_back(std::move(j));
  }
  return out.dump();
}

std::string ProcedureFileText(const std::vector<cat::SourceFile>& files, const cat::ProcedureCode& code) {
  auto path = "procedures/" + code.value + ".yaml";
  for (const auto& f : files)
    if (f.path == path) return f.text;
  return {};
}

// The catalog proper (core/catalog) and its workflows (core/workflow), loaded together: every
// procedure's workflow must be declared in workflows.yaml.
struct Loaded {
  std::optional<cat::Catalog> catalog;
  std::vector<wf::Workflow> workflows;
  std::string workflows_text;
  std::vector<cat::Problem> problems;
};

Loaded LoadAll(const std::vector<cat::SourceFile>& files) {
  Loaded out;
  std::vector<cat::SourceFile> rest;
  const cat::SourceFile* workflows = nullptr;
  for (const auto& f : files) {
    if (f.path == kWorkflowsFile)
      workflows = &f;
    else
      rest.push_back(f);
  }
  auto loaded = cat::Load(rest);
  out.problems = std::move(loaded.problems);
  if (!workflows) {
    out.problems.push_back({kWorkflowsFile, 0, "missing: the catalog declares its processing workflows here"});
  } else {
    core::text::LineProblems lp;
    out.workflows = wf::ParseWorkflows(workflows->text, lp);
    out.workflows_text = workflows->text;
    for (auto& p : lp) out.problems.push_back({kWorkflowsFile, p.line, std::move(p.message)});
    if (!out.workflows.empty() && loaded.catalog) {
      for (const auto& p : loaded.catalog->procedures)
        if (!wf::FindWorkflow(out.workflows, p.workflow))
          out.problems.push_back({"procedures/" + p.code.value + ".yaml", 0,
                                  "workflow '" + std::string(cat::ToString(p.workflow)) +
                                      "' is not declared in workflows.yaml"});
    }
  }
  if (out.problems.empty()) out.catalog = std::move(loaded.catalog);
  return out;
}

}  // namespace

// ---- folders ---------------------------------------------------------------------------------

core::Result<std::vector<cat::SourceFile>> ReadFolder(const std::string& folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    return core::Error::Make("catalog_io", "Không tìm thấy thư mục danh mục: " + folder,
                             "The catalog folder does not exist: " + folder);
  std::vector<cat::SourceFile> files;
  for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    auto rel = fs::relative(it->path(), folder).generic_string();
    if (!IsCatalogFile(rel)) continue;
    std::ifstream in(it->path(), std::ios::binary);
    if (!in) return IoError("read", rel);
    std::stringstream ss;
    ss << in.rdbuf();
    files.push_back({rel, ss.str()});
  }
  if (ec) return IoError("list", folder);
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return files;
}

core::Status WriteFolder(const std::string& folder, const std::vector<cat::SourceFile>& files) {
  std::error_code ec;
  std::set<std::string> keep;
  for (const auto& f : files) {
    keep.insert(f.path);
    auto path = fs::path(folder) / f.path;
    fs::create_directories(path.parent_path(), ec);
    if (ec) return IoError("create", path.parent_path().string());
    auto tmp = path.string() + ".tmp";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out << f.text;
      if (!out) return IoError("write", f.path);
    }
    fs::rename(tmp, path, ec);
    if (ec) return IoError("write", f.path);
  }
  // Files of the catalog's kind that the catalog no longer has (a removed procedure) go away.
  for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    auto rel = fs::relative(it->path(), folder).generic_string();
    if (IsCatalogFile(rel) && !keep.count(rel)) fs::remove(it->path(), ec);
  }
  return core::Ok{};
}

// ---- import / export -------------------------------------------------------------------------

core::Result<ImportReport> Import(Context& ctx, const std::vector<cat::SourceFile>& files, const Actor& actor) {
  auto loaded = LoadAll(files);
  if (!loaded.catalog) {
    auto err = core::Error::Make(
        "catalog_invalid",
        "Danh mục có " + std::to_string(loaded.problems.size()) + " lỗi; chưa có thay đổi nào được ghi.",
        "The catalog has " + std::to_string(loaded.problems.size()) + " problem(s); nothing was written.");
    for (const auto& p : loaded.problems) {
      auto where = p.line > 0 ? p.file + ":" + std::to_string(p.line) : p.file;
      // Several problems on one line keep their own entries.
      auto key = where;
      for (int n = 2; err.fields.count(key); ++n) key = where + "#" + std::to_string(n);
      err.fields[key] = {"invalid", p.message, p.message};
    }
    return err;
  }
  const cat::Catalog& c = *loaded.catalog;
  auto canonical = cat::Export(c);
  canonical.push_back({kWorkflowsFile, loaded.workflows_text});  // kept as written: comments explain it
  auto now = core::FormatInstant(ctx.clock.Now());
  ImportReport report;

  auto tx = ctx.db.Begin();
  auto rev_row = tx->QueryOne(kRevision);
  report.revision = (rev_row ? static_cast<int>(rev_row->Int(0)) : 0) + 1;

  tx->Execute(kDeleteFiles);
  for (const auto& f : canonical) tx->Execute(kInsertFile, {f.path, f.text});

  int pos = 0;
  for (const auto& f : c.fields) {
    tx->Execute(kUpsertField,
                {f.key.value, f.name, f.name_en.empty() ? store::Value(store::Null{}) : store::Value(f.name_en),
                 static_cast<std::int64_t>(pos++)});
  }
  report.fields = pos;

  std::map<std::string, std::string> source_of;  // district code → wards file
  for (const auto& [district, slug] : c.ward_files) source_of[district.value] = "wards/" + slug + ".yaml";
  std::map<std::string, int> position_in_file;
  for (const auto& a : c.agencies) {
    std::string file = "agencies.yaml";
    if (a.tier == cat::Tier::kWard && a.parent && source_of.count(a.parent->value)) file = source_of[a.parent->value];
    auto opt = [](const std::string& s) { return s.empty() ? store::Value(store::Null{}) : store::Value(s); };
    tx->Execute(kUpsertAgency, {a.code.value, a.name, opt(a.name_en), std::string(cat::ToString(a.kind)),
                                std::string(cat::ToString(a.tier)),
                                a.parent ? store::Value(a.parent->value) : store::Value(store::Null{}),
                                static_cast<std::int64_t>(a.inner ? 1 : 0), opt(a.address), opt(a.phone), file,
                                static_cast<std::int64_t>(position_in_file[file]++), core::text::Fold(a.name), now});
    int upos = 0;
    for (const auto& u : a.units)
      tx->Execute(kUpsertUnit, {a.code.value, u.key.value, u.name, static_cast<std::int64_t>(u.one_stop ? 1 : 0),
                                static_cast<std::int64_t>(upos++)});
    ++report.agencies;
  }
  // A published procedure version never changes: the same code and version must have the same text.
  core::Error immutable =
      core::Error::Make("catalog_invalid", "Phiên bản thủ tục đã công bố không được sửa; hãy tăng số phiên bản.",
                        "A published procedure version cannot change; give the change a new version number.");
  for (const auto& p : c.procedures) {
    auto text = ProcedureFileText(canonical, p.code);
    auto existing = tx->QueryOne(kProcedureVersion, {p.code.value, static_cast<std::int64_t>(p.version)});
    if (existing) {
      if (existing->Text(0) != text)
        immutable.fields["procedures/" + p.code.value + ".yaml"] = {
            "version_published", "Phiên bản " + std::to_string(p.version) + " đã công bố với nội dung khác.",
            "Version " + std::to_string(p.version) + " was published with other content."};
      continue;
    }
    std::string department = p.department ? p.department->value : "";
    tx->Execute(kInsertProcedure, {p.code.value, static_cast<std::int64_t>(p.version), core::FormatDate(p.valid_from),
                                   p.name, core::text::Fold(p.name), p.field.value, TiersColumn(p),
                                   department.empty() ? store::Value(store::Null{}) : store::Value(department),
                                   static_cast<std::int64_t>(cat::ToInt(p.level)), text, now});
    ++report.new_versions;
  }
  if (!immutable.fields.empty()) return immutable;  // the transaction rolls back

  report.procedures = static_cast<int>(c.procedures.size());

  tx->Execute(kDeleteEntries);
  tx->Execute(kDeleteWaves);
  for (const auto& w : c.waves) {
    tx->Execute(kInsertWave,
                {static_cast<std::int64_t>(w.number), w.name,
                 w.date ? store::Value(core::FormatDate(*w.date)) : store::Value(store::Null{}),
                 w.date_setting.empty() ? store::Value(store::Null{}) : store::Value(w.date_setting), RolloutsJson(w)});
  }
  report.waves = static_cast<int>(c.waves.size());
  for (const auto& p : cat::Placements(c)) {
    tx->Execute(kInsertEntry, {static_cast<std::int64_t>(p.wave), p.procedure->code.value, p.agency->code.value});
    ++report.placements;
  }
  for (const auto& [k, v] : c.settings) tx->Execute(kSetSetting, {"catalog." + k, v});
  tx->Execute(kSetSetting, {"catalog.revision", std::to_string(report.revision)});

  audit::Record(*tx, ctx.clock,
                {actor.user_id,
                 actor.role,
                 actor.action,
                 actor.object_type,
                 actor.object_id.empty() ? std::to_string(report.revision) : actor.object_id,
                 actor.request_id,
                 {{"fields", report.fields},
                  {"agencies", report.agencies},
                  {"procedures", report.procedures},
                  {"new_versions", report.new_versions},
                  {"waves", report.waves},
                  {"placements", report.placements}}});
  tx->Commit();
  if (ctx.catalog_cache) ctx.catalog_cache->Invalidate();
  Log(LogLevel::kInfo, "catalog imported",
      {{"revision", report.revision}, {"procedures", report.procedures}, {"agencies", report.agencies}});
  return report;
}

core::Result<std::vector<cat::SourceFile>> Export(Context& ctx) {
  auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
  std::vector<cat::SourceFile> files;
  for (const auto& r : tx->Query(kFiles)) files.push_back({r.Text(0), r.Text(1)});
  tx->Commit();
  if (files.empty())
    return core::Error::Make("catalog_empty", "Chưa có danh mục nào được nạp.", "No catalog has been imported yet.");
  return files;
}

// ---- snapshot ----------------------------------------------------------------------------------

Snapshot::Snapshot(cat::Catalog catalog, int revision, std::vector<wf::Workflow> workflows,
                   std::string workflows_text)
    : catalog_(std::move(catalog)),
      revision_(revision),
      workflows_(std::move(workflows)),
      workflows_text_(std::move(workflows_text)) {
  for (const auto& p : cat::Placements(catalog_)) {
    PlacementInfo info{p.agency, p.procedure, p.wave, p.since};
    placements_.push_back(info);
    by_procedure_[p.procedure->code.value].push_back(info);
    by_agency_[p.agency->code.value].push_back(info);
    auto& w = wave_of_[p.procedure->code.value];
    if (w == 0 || p.wave < w) w = p.wave;
  }
  for (const auto& p : catalog_.procedures) {
    folded_name_[p.code.value] = core::text::Fold(p.name);
    const auto* f = catalog_.FindField(p.field);
    folded_field_[p.code.value] = f ? core::text::Fold(f->name) : std::string();
  }
}

const std::vector<PlacementInfo>& Snapshot::PlacementsOf(const cat::ProcedureCode& code) const {
  static const std::vector<PlacementInfo> kNone;
  auto it = by_procedure_.find(code.value);
  return it == by_procedure_.end() ? kNone : it->second;
}

const std::vector<PlacementInfo>& Snapshot::PlacementsAt(const cat::AgencyCode& code) const {
  static const std::vector<PlacementInfo> kNone;
  auto it = by_agency_.find(code.value);
  return it == by_agency_.end() ? kNone : it->second;
}

const wf::Workflow* Snapshot::WorkflowOf(const cat::Procedure& p) const {
  return wf::FindWorkflow(workflows_, p.workflow);
}

int Snapshot::WaveOf(const cat::ProcedureCode& code) const {
  auto it = wave_of_.find(code.value);
  return it == wave_of_.end() ? 0 : it->second;
}

const std::string& Snapshot::FoldedName(const cat::Procedure& p) const { return folded_name_.at(p.code.value); }
const std::string& Snapshot::FoldedField(const cat::Procedure& p) const { return folded_field_.at(p.code.value); }

void Cache::Invalidate() {
  std::lock_guard lock(mu_);
  current_.reset();
}

std::shared_ptr<const Snapshot> Cache::Get(Context& ctx) {
  {
    std::lock_guard lock(mu_);
    if (current_ && std::chrono::steady_clock::now() - checked_ < kRecheck) return current_;
  }
  int revision = 0;
  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    if (auto row = tx->QueryOne(kRevision)) revision = static_cast<int>(row->Int(0));
    tx->Commit();
  }
  {
    std::lock_guard lock(mu_);
    if (current_ && current_->revision() == revision) {
      checked_ = std::chrono::steady_clock::now();
      return current_;
    }
  }
  // Build outside the lock; the last builder wins, all results are equivalent.
  std::vector<cat::SourceFile> files;
  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    for (const auto& r : tx->Query(kFiles)) files.push_back({r.Text(0), r.Text(1)});
    tx->Commit();
  }
  std::shared_ptr<const Snapshot> snap;
  if (files.empty()) {
    snap = std::make_shared<Snapshot>(cat::Catalog{}, revision);
  } else {
    auto loaded = LoadAll(files);
    if (!loaded.catalog) {
      Log(LogLevel::kError, "stored catalog does not load",
          {{"revision", revision}, {"problems", loaded.problems.size()}});
      snap = std::make_shared<Snapshot>(cat::Catalog{}, revision);
    } else {
      snap = std::make_shared<Snapshot>(std::move(*loaded.catalog), revision, std::move(loaded.workflows),
                                        std::move(loaded.workflows_text));
    }
  }
  std::lock_guard lock(mu_);
  current_ = snap;
  checked_ = std::chrono::steady_clock::now();
  return snap;
}

std::shared_ptr<const Snapshot> Current(Context& ctx) { return ctx.catalog_cache->Get(ctx); }

// ---- queries -----------------------------------------------------------------------------------

namespace {

core::Error UnknownParam(const std::string& param, const std::string& vi, const std::string& en) {
  auto e = core::Error::BadRequest("Giá trị bộ lọc không hợp lệ.", "A filter value is not valid.");
  e.fields[param] = {"unknown_value", vi, en};
  return e;
}

bool Live(const PlacementInfo& p, year_month_day today) { return p.since && *p.since <= today; }

}  // namespace

core::Result<std::vector<const cat::Agency*>> ListAgencies(const Snapshot& s, const AgencyFilter& f) {
  if (f.parent && !s.catalog().FindAgency(*f.parent))
    return UnknownParam("parent", "Không có cơ quan mã " + f.parent->value + ".",
                        "No agency has code " + f.parent->value + ".");
  std::vector<const cat::Agency*> out;
  for (const auto& a : s.catalog().agencies) {
    if (f.tier && a.tier != *f.tier) continue;
    if (f.kind && a.kind != *f.kind) continue;
    if (f.parent && (!a.parent || *a.parent != *f.parent)) continue;
    if (f.inner_only && !a.inner) continue;
    out.push_back(&a);
  }
  return out;
}

core::Result<ProcedurePage> SearchProcedures(const Snapshot& s, const ProcedureQuery& q, year_month_day today) {
  const auto& c = s.catalog();
  const cat::Agency* agency = nullptr;
  if (q.agency && !(agency = c.FindAgency(*q.agency)))
    return UnknownParam("agency", "Không có cơ quan mã " + q.agency->value + ".",
                        "No agency has code " + q.agency->value + ".");
  if (q.online_at && !c.FindAgency(*q.online_at))
    return UnknownParam("online_at", "Không có cơ quan mã " + q.online_at->value + ".",
                        "No agency has code " + q.online_at->value + ".");
  if (q.field && !c.FindField(*q.field))
    return UnknownParam("field", "Không có lĩnh vực " + q.field->value + ".",
                        "No field is named " + q.field->value + ".");
  if (q.wave && std::none_of(c.waves.begin(), c.waves.end(), [&](const auto& w) { return w.number == *q.wave; }))
    return UnknownParam("wave", "Không có đợt " + std::to_string(*q.wave) + ".",
                        "No wave " + std::to_string(*q.wave) + ".");

  auto words = core::text::Words(core::text::Fold(q.q));
  std::vector<ProcedureHit> hits;
  for (const auto& p : c.procedures) {
    if (q.field && p.field != *q.field) continue;
    if (q.level && p.level != *q.level) continue;
    if (q.tier && !p.HandledAt(*q.tier)) continue;
    int wave = s.WaveOf(p.code);
    if (q.wave && wave != *q.wave) continue;
    if (agency && !cat::Handles(p, *agency)) continue;
    if (q.online_at) {
      const auto& at = s.PlacementsOf(p.code);
      if (std::none_of(at.begin(), at.end(),
                       [&](const auto& pl) { return pl.agency->code == *q.online_at && Live(pl, today); }))
        continue;
    }
    int score = words.empty() ? 1 : core::text::MatchScore(words, s.FoldedName(p), s.FoldedField(p));
    if (score <= 0) continue;
    hits.push_back({&p, wave, score});
  }
  std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.procedure->code < b.procedure->code;
  });
  ProcedurePage page;
  page.total = static_cast<int>(hits.size());
  size_t from = static_cast<size_t>(q.page - 1) * static_cast<size_t>(q.per_page);
  for (size_t i = from; i < hits.size() && i < from + static_cast<size_t>(q.per_page); ++i)
    page.items.push_back(hits[i]);
  return page;
}

std::vector<PlacementInfo> OnlineAt(const Snapshot& s, const cat::AgencyCode& agency, year_month_day today) {
  std::vector<PlacementInfo> out;
  for (const auto& p : s.PlacementsAt(agency))
    if (Live(p, today)) out.push_back(p);
  return out;
}

std::vector<WaveSummary> Waves(const Snapshot& s, year_month_day today) {
  std::vector<WaveSummary> out;
  for (const auto& w : s.catalog().waves) {
    WaveSummary sum;
    sum.wave = &w;
    sum.date = cat::WaveDate(s.catalog(), w);
    sum.live = sum.date && *sum.date <= today;
    std::set<std::string> procedures;
    std::set<std::string> seen;
    for (const auto& p : s.placements()) {
      if (p.wave != w.number) continue;
      procedures.insert(p.procedure->code.value);
      if (seen.insert(p.agency->code.value).second) sum.agencies.push_back(p.agency);
    }
    // Procedures of the wave that select no agency still count as the wave's.
    for (const auto& r : w.rollouts)
      for (const auto& code : r.procedures) procedures.insert(code.value);
    sum.procedure_count = static_cast<int>(procedures.size());
    sum.agency_count = static_cast<int>(sum.agencies.size());
    out.push_back(std::move(sum));
  }
  return out;
}

ProgressReport Progress(const Snapshot& s, year_month_day today) {
  ProgressReport report;
  // Per agency: each placement is one procedure planned there.
  std::map<std::string, cat::Progress> per_agency;
  // Per tier: distinct procedures planned at some agency of the tier, live at one at least.
  std::map<cat::Tier, std::map<std::string, std::pair<cat::Level, bool>>> per_tier;
  for (const auto& p : s.placements()) {
    bool live = Live(p, today);
    auto& a = per_agency[p.agency->code.value];
    a.total.planned++;
    a.by_level[p.procedure->level].planned++;
    if (live) {
      a.total.live++;
      a.by_level[p.procedure->level].live++;
    }
    auto& entry = per_tier[p.agency->tier][p.procedure->code.value];
    entry.first = p.procedure->level;
    entry.second = entry.second || live;
  }
  for (const auto& [tier, procs] : per_tier) {
    ProgressRow row;
    row.tier = tier;
    for (const auto& [code, lv] : procs) {
      row.progress.total.planned++;
      row.progress.by_level[lv.first].planned++;
      if (lv.second) {
        row.progress.total.live++;
        row.progress.by_level[lv.first].live++;
      }
    }
    report.tiers.push_back(std::move(row));
  }
  for (const auto& a : s.catalog().agencies) {
    auto it = per_agency.find(a.code.value);
    if (it == per_agency.end()) continue;
    report.agencies.push_back({&a, a.tier, it->second});
  }
  return report;
}

}  // namespace catalog
}  // namespace motcua::services
