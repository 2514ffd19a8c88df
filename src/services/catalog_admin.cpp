// Admin edits of the catalog: change the current catalog in memory, write it out canonically and
// import it again, so every edit gets the importer's full validation and audit.
#include <algorithm>
#include <regex>

#include "core/access/permissions.hpp"
#include "core/catalog/rollout.hpp"
#include "services/accounts.hpp"
#include "services/catalog.hpp"

namespace motcua::services::catalog {
namespace {

const store::Query kHistory{
    "catalog.history",
    "SELECT e.occurred_at, COALESCE(u.username, e.actor_role), e.action, e.object_type, e.object_id, e.detail "
    "FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id "
    "WHERE e.action LIKE 'catalog.%' ORDER BY e.id DESC LIMIT $1"};

core::Status MayAdminister(const Actor& actor) {
  // A signed-in caller needs catalog.admin; the command line and the demo act as the system.
  if (actor.system) return core::Ok{};
  return accounts::Authorize(actor.principal, core::access::perm::kCatalogAdmin);
}

// The edited catalog goes through Import with the current workflows, which admin edits never touch.
core::Result<ImportReport> Reimport(Context& ctx, const Snapshot& current, const Actor& actor,
                                    const cat::Catalog& changed,
                                    const std::vector<cat::SourceFile>* override_files = nullptr) {
  auto files = override_files ? *override_files : cat::Export(changed);
  files.push_back({"workflows.yaml", current.workflows_text()});
  return Import(ctx, files, actor);
}

Actor Named(Actor a, std::string action, std::string type, std::string id) {
  a.action = std::move(action);
  a.object_type = std::move(type);
  a.object_id = std::move(id);
  return a;
}

}  // namespace

core::Result<ImportReport> SaveAgency(Context& ctx, const Actor& actor, cat::Agency agency) {
  if (auto ok = MayAdminister(actor); !ok) return std::move(ok).error();
  auto snap = Current(ctx);
  cat::Catalog c = snap->catalog();
  auto it = std::find_if(c.agencies.begin(), c.agencies.end(), [&](const auto& a) { return a.code == agency.code; });
  if (it != c.agencies.end()) {
    *it = std::move(agency);
  } else {
    c.agencies.push_back(std::move(agency));
  }
  auto code = (it != c.agencies.end() ? it->code : c.agencies.back().code).value;
  return Reimport(ctx, *snap, Named(actor, "catalog.agency.save", "agency", code), c);
}

core::Result<ImportReport> SaveProcedure(Context& ctx, const Actor& actor, const std::string& code,
                                         const std::string& yaml_text) {
  if (auto ok = MayAdminister(actor); !ok) return std::move(ok).error();
  static const std::regex kCode("^[A-Z0-9.]{1,40}$");
  if (!std::regex_match(code, kCode))
    return core::Error::BadRequest("Mã thủ tục không hợp lệ.", "The procedure code is not valid.");
  auto snap = Current(ctx);
  auto files = cat::Export(snap->catalog());
  auto path = "procedures/" + code + ".yaml";
  auto f = std::find_if(files.begin(), files.end(), [&](const auto& x) { return x.path == path; });
  if (f != files.end()) {
    f->text = yaml_text;
  } else {
    files.push_back({path, yaml_text});
  }
  return Reimport(ctx, *snap, Named(actor, "catalog.procedure.save", "procedure", code), snap->catalog(), &files);
}

core::Result<ImportReport> SaveWave(Context& ctx, const Actor& actor, cat::Wave wave) {
  if (auto ok = MayAdminister(actor); !ok) return std::move(ok).error();
  auto snap = Current(ctx);
  cat::Catalog c = snap->catalog();
  auto number = wave.number;
  auto it = std::find_if(c.waves.begin(), c.waves.end(), [&](const auto& w) { return w.number == number; });
  if (it != c.waves.end()) {
    *it = std::move(wave);
  } else {
    c.waves.push_back(std::move(wave));
    std::sort(c.waves.begin(), c.waves.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
  }
  return Reimport(ctx, *snap, Named(actor, "catalog.wave.save", "wave", std::to_string(number)), c);
}

core::Result<ImportReport> SetSetting(Context& ctx, const Actor& actor, const std::string& key,
                                      const std::string& value) {
  if (auto ok = MayAdminister(actor); !ok) return std::move(ok).error();
  static const std::regex kKey("^[a-z][a-z0-9_]{0,63}$");
  if (!std::regex_match(key, kKey))
    return core::Error::BadRequest("Tên thiết lập không hợp lệ.", "The setting name is not valid.");
  auto snap = Current(ctx);
  cat::Catalog c = snap->catalog();
  c.settings[key] = value;
  return Reimport(ctx, *snap, Named(actor, "catalog.setting.save", "setting", key), c);
}

Actor ActorOf(const core::access::Principal* who, std::string request_id) {
  Actor a;
  a.principal = who;
  if (who) {
    if (who->user_id) a.user_id = who->user_id;
    a.role = who->MainRole();
  }
  a.request_id = std::move(request_id);
  return a;
}

core::Result<std::vector<Change>> History(Context& ctx, const core::access::Principal* who, int limit) {
  if (auto ok = accounts::Authorize(who, core::access::perm::kCatalogAdmin); !ok) return std::move(ok).error();
  auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
  std::vector<Change> out;
  for (const auto& r : tx->Query(kHistory, {static_cast<std::int64_t>(limit)}))
    out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5)});
  tx->Commit();
  return out;
}

}  // namespace motcua::services::catalog
