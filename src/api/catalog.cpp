// Catalog resources as JSON: /api/v1/fields, /agencies, /procedures, /rollout/*.
#include "api/catalog.hpp"

#include <map>
#include <memory>
#include <mutex>

#include <nlohmann/json.hpp>

#include "api/params.hpp"
#include "core/common/time.hpp"
#include "services/catalog.hpp"
#include "services/slip_pdf.hpp"

namespace motcua::api {
namespace {

namespace cat = core::catalog;
namespace svc = services::catalog;
using nlohmann::json;

json Nullable(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json DateOrNull(const std::optional<std::chrono::year_month_day>& d) {
  return d ? json(core::FormatDate(*d)) : json(nullptr);
}

std::chrono::year_month_day Today(services::Context& ctx) { return core::LocalDate(ctx.clock.Now()); }

json AgencyRef(const cat::Agency& a) { return {{"code", a.code.value}, {"name", a.name}}; }

json AgencyJson(const cat::Agency& a) {
  return {{"code", a.code.value},
          {"name", a.name},
          {"name_en", Nullable(a.name_en)},
          {"kind", cat::ToString(a.kind)},
          {"tier", cat::ToString(a.tier)},
          {"parent", a.parent ? json(a.parent->value) : json(nullptr)},
          {"inner", a.inner},
          {"address", Nullable(a.address)},
          {"phone", Nullable(a.phone)}};
}

json FieldJson(const cat::Field* f, const cat::FieldKey& key) {
  if (!f) return {{"key", key.value}, {"name", key.value}, {"name_en", nullptr}};
  return {{"key", f->key.value}, {"name", f->name}, {"name_en", Nullable(f->name_en)}};
}

json ProcessingTimeJson(const cat::ProcessingTime& t) { return {{std::string(cat::ToString(t.unit)), t.amount}}; }

json FeeJson(const std::vector<cat::FeeItem>& items) {
  json out = {{"items", json::array()}, {"total", 0}};
  long long total = 0;
  for (const auto& f : items) {
    json item = {{"name", f.name}, {"amount", f.amount}};
    if (!f.per.empty()) item["per"] = f.per;
    out["items"].push_back(item);
    if (f.per.empty()) total += f.amount;
  }
  out["total"] = total;
  return out;
}

std::string_view LevelName(cat::Level l) {
  switch (l) {
    case cat::Level::kLevel2:
      return "thông tin trực tuyến";
    case cat::Level::kLevel3:
      return "một phần";
    case cat::Level::kLevel4:
      return "toàn trình";
  }
  return "";
}

json ProcedureSummary(const svc::Snapshot& s, const cat::Procedure& p, int wave) {
  json tiers = json::array();
  for (auto t : p.tiers) tiers.push_back(cat::ToString(t));
  return {{"code", p.code.value},
          {"name", p.name},
          {"name_en", Nullable(p.name_en)},
          {"field", FieldJson(s.FieldOf(p), p.field)},
          {"level", cat::ToInt(p.level)},
          {"level_name", LevelName(p.level)},
          {"tier", p.tiers.empty() ? json(nullptr) : json(cat::ToString(p.tiers.front()))},
          {"tiers", tiers},
          {"wave", wave == 0 ? json(nullptr) : json(wave)},
          {"processing_time", ProcessingTimeJson(p.processing_time)},
          {"fee", FeeJson(p.fee)}};
}

template <typename E, typename F>
std::optional<E> ParseEnum(Params& params, const std::string& name, F from_string, const std::string& allowed) {
  auto v = params.Text(name, 40);
  if (!v) return std::nullopt;
  auto e = from_string(*v);
  if (!e)
    params.Invalid(name, "Giá trị phải là một trong: " + allowed + ".", "The value must be one of: " + allowed + ".");
  return e;
}

}  // namespace

http::Response ListFields(services::Context& ctx, http::Request&) {
  auto snap = svc::Current(ctx);
  json items = json::array();
  for (const auto& f : snap->catalog().fields) items.push_back(FieldJson(&f, f.key));
  return http::Response::Json(200, {{"items", items}});
}

http::Response ListAgencies(services::Context& ctx, http::Request& req) {
  Params params(req);
  svc::AgencyFilter filter;
  filter.tier = ParseEnum<cat::Tier>(params, "tier", cat::TierFromString, "city, department, district, ward");
  filter.kind =
      ParseEnum<cat::AgencyKind>(params, "kind", cat::AgencyKindFromString,
                                 "city, department, urban_district, rural_district, town, ward, commune, township");
  if (auto parent = params.Text("parent", 40)) filter.parent = cat::AgencyCode{*parent};
  filter.inner_only = params.Bool("inner").value_or(false);
  if (!params.ok()) return http::Response::FromError(params.error());
  auto snap = svc::Current(ctx);
  auto list = svc::ListAgencies(*snap, filter);
  if (!list) return http::Response::FromError(list.error());
  json items = json::array();
  for (const auto* a : *list) items.push_back(AgencyJson(*a));
  return http::Response::Json(200, {{"items", items}, {"total", items.size()}});
}

http::Response GetAgency(services::Context& ctx, http::Request& req) {
  auto snap = svc::Current(ctx);
  const auto* a = snap->catalog().FindAgency(cat::AgencyCode{req.Param("code")});
  if (!a) return http::Response::FromError(core::Error::NotFound());
  json out = AgencyJson(*a);
  out["units"] = json::array();
  for (const auto& u : a->units)
    out["units"].push_back({{"key", u.key.value}, {"name", u.name}, {"one_stop", u.one_stop}});
  out["procedures_online"] = json::array();
  for (const auto& p : svc::OnlineAt(*snap, a->code, Today(ctx)))
    out["procedures_online"].push_back({{"code", p.procedure->code.value},
                                        {"name", p.procedure->name},
                                        {"level", cat::ToInt(p.procedure->level)},
                                        {"since", DateOrNull(p.since)}});
  int children = 0;
  for (const auto& other : snap->catalog().agencies)
    if (other.parent && other.parent->value == a->code.value) ++children;
  out["children_count"] = children;
  return http::Response::Json(200, out);
}

http::Response ListProcedures(services::Context& ctx, http::Request& req) {
  Params params(req);
  svc::ProcedureQuery q;
  q.q = params.Text("q", 200).value_or("");
  if (auto v = params.Text("agency", 40)) q.agency = cat::AgencyCode{*v};
  if (auto v = params.Text("online_at", 40)) q.online_at = cat::AgencyCode{*v};
  if (auto v = params.Text("field", 60)) q.field = cat::FieldKey{*v};
  if (auto v = params.Int("level", 2, 4)) q.level = cat::LevelFromInt(*v);
  q.tier = ParseEnum<cat::Tier>(params, "tier", cat::TierFromString, "department, district, ward");
  q.wave = params.Int("wave", 1, 1000);
  q.page = params.Int("page", 1, 100000).value_or(1);
  q.per_page = params.Int("per_page", 1, 100).value_or(20);
  if (!params.ok()) return http::Response::FromError(params.error());
  auto snap = svc::Current(ctx);
  auto page = svc::SearchProcedures(*snap, q, Today(ctx));
  if (!page) return http::Response::FromError(page.error());
  json items = json::array();
  for (const auto& hit : page->items) items.push_back(ProcedureSummary(*snap, *hit.procedure, hit.wave));
  return http::Response::Json(200,
                              {{"items", items}, {"total", page->total}, {"page", q.page}, {"per_page", q.per_page}});
}

http::Response GetProcedure(services::Context& ctx, http::Request& req) {
  Params params(req);
  auto agency_code = params.Text("agency", 40);
  if (!params.ok()) return http::Response::FromError(params.error());
  auto snap = svc::Current(ctx);
  const auto& c = snap->catalog();
  const auto* p = c.FindProcedure(cat::ProcedureCode{req.Param("code")});
  if (!p) return http::Response::FromError(core::Error::NotFound());
  json out = ProcedureSummary(*snap, *p, snap->WaveOf(p->code));
  out["version"] = p->version;
  out["valid_from"] = core::FormatDate(p->valid_from);
  out["applicants"] = json::array();
  for (auto a : p->applicants) out["applicants"].push_back(cat::ToString(a));
  out["result"] = p->result;
  out["legal_basis"] = p->legal_basis;
  out["workflow"] = cat::ToString(p->workflow);
  const cat::Agency* department = p->department ? c.FindAgency(*p->department) : nullptr;
  out["department"] = department ? AgencyRef(*department) : json(nullptr);
  // The handling unit's name as the handling agency calls it (the department, or a typical agency of the tier).
  std::string unit_name;
  if (department) {
    if (const auto* u = department->FindUnit(p->handling_unit)) unit_name = u->name;
  } else {
    for (const auto& a : c.agencies)
      if (cat::Handles(*p, a))
        if (const auto* u = a.FindUnit(p->handling_unit)) {
          unit_name = u->name;
          break;
        }
  }
  out["handling_unit"] = {{"key", p->handling_unit.value}, {"name", Nullable(unit_name)}};
  out["components"] = json::array();
  for (const auto& comp : p->components) {
    json types = json::array();
    for (auto t : comp.file_types) types.push_back(cat::ToString(t));
    json j = {{"name", comp.name},   {"kind", cat::ToString(comp.kind)},
              {"count", comp.count}, {"required", comp.required},
              {"file_types", types}, {"max_size_mb", comp.max_size_mb}};
    if (!comp.template_file.empty()) j["template"] = comp.template_file;
    out["components"].push_back(j);
  }
  out["form"] = core::forms::ToJson(p->form);
  out["online_at"] = json::array();
  for (const auto& pl : snap->PlacementsOf(p->code))
    out["online_at"].push_back({{"agency", AgencyRef(*pl.agency)}, {"since", DateOrNull(pl.since)}, {"wave", pl.wave}});
  if (agency_code) {
    const auto* a = c.FindAgency(cat::AgencyCode{*agency_code});
    if (!a) {
      Params bad(req);
      bad.Invalid("agency", "Không có cơ quan mã " + *agency_code + ".", "No agency has code " + *agency_code + ".");
      return http::Response::FromError(bad.error());
    }
    auto since = cat::OnlineSince(c, p->code, a->code);
    out["online_here"] = {
        {"agency", AgencyRef(*a)}, {"online", since && *since <= Today(ctx)}, {"since", DateOrNull(since)}};
  }
  return http::Response::Json(200, out);
}

http::Response ListWaves(services::Context& ctx, http::Request&) {
  auto snap = svc::Current(ctx);
  json items = json::array();
  for (const auto& w : svc::Waves(*snap, Today(ctx))) {
    json agencies = json::array();
    for (const auto* a : w.agencies) agencies.push_back(a->code.value);
    items.push_back({{"number", w.wave->number},
                     {"name", w.wave->name},
                     {"date", DateOrNull(w.date)},
                     {"date_setting", Nullable(w.wave->date_setting)},
                     {"procedure_count", w.procedure_count},
                     {"agency_count", w.agency_count},
                     {"agencies", agencies},
                     {"live", w.live}});
  }
  return http::Response::Json(200, {{"items", items}, {"date", core::FormatDate(Today(ctx))}});
}

http::Response RolloutProgress(services::Context& ctx, http::Request&) {
  auto snap = svc::Current(ctx);
  auto today = Today(ctx);
  auto report = svc::Progress(*snap, today);
  auto progress_json = [](const cat::Progress& p) {
    json by_level = json::object();
    for (const auto& [level, counts] : p.by_level)
      by_level[std::string(cat::ToString(level))] = {{"planned", counts.planned}, {"live", counts.live}};
    return json{{"planned", p.total.planned}, {"live", p.total.live}, {"by_level", by_level}};
  };
  json tiers = json::array();
  for (const auto& row : report.tiers) {
    json j = progress_json(row.progress);
    j["tier"] = cat::ToString(row.tier);
    tiers.push_back(j);
  }
  json agencies = json::array();
  for (const auto& row : report.agencies) {
    json j = progress_json(row.progress);
    j["code"] = row.agency->code.value;
    j["name"] = row.agency->name;
    j["tier"] = cat::ToString(row.tier);
    agencies.push_back(j);
  }
  return http::Response::Json(200, {{"date", core::FormatDate(today)}, {"tiers", tiers}, {"agencies", agencies}});
}

http::Response ProcedureBlankForm(services::Context& ctx, http::Request& req) {
  auto snap = svc::Current(ctx);
  const auto* p = snap->catalog().FindProcedure(cat::ProcedureCode{req.Param("code")});
  if (!p) return http::Response::FromError(core::Error::NotFound());
  // Rendered once per procedure and catalog revision: the catalog is public and changes rarely.
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const std::string>> cache;
  const std::string key = p->code.value + "@" + std::to_string(snap->revision());
  std::shared_ptr<const std::string> pdf;
  {
    std::lock_guard lock(mu);
    if (auto it = cache.find(key); it != cache.end()) pdf = it->second;
  }
  if (!pdf) {
    pdf = std::make_shared<const std::string>(
        services::slips::RenderBlankForm(*p, {ctx.site.city_name, ctx.site.public_url}));
    std::lock_guard lock(mu);
    if (cache.size() >= 1000) cache.clear();  // old revisions' entries go
    cache.emplace(key, pdf);
  }
  http::Response r;
  r.status = 200;
  r.body = *pdf;
  r.SetHeader("Content-Type", "application/pdf");
  r.SetHeader("Content-Disposition", "inline; filename=\"to-khai-" + p->code.value + ".pdf\"");
  r.SetHeader("Cache-Control", "public, max-age=3600");
  return r;
}

}  // namespace motcua::api
