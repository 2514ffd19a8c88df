// Dossiers over HTTP: JSON in and out, the Idempotency-Key header, and a per-address token bucket
// in front of the public lookup.
#include "api/dossiers.hpp"

#include <charconv>
#include <chrono>
#include <cmath>
#include <mutex>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "api/auth.hpp"
#include "api/documents.hpp"
#include "api/params.hpp"
#include "services/dossiers.hpp"

namespace motcua::api {
namespace {

namespace svc = services::dossiers;
namespace dos = core::dossier;
using nlohmann::json;

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json ProcedureJson(const svc::ProcedureRef& p) {
  return {{"code", p.code}, {"version", p.version}, {"name", p.name}, {"name_en", p.name_en}};
}
json AgencyJson(const svc::AgencyRef& a) { return {{"code", a.code}, {"name", a.name}, {"name_en", a.name_en}}; }

json StatusFields(json out, const std::string& s) {
  out["status"] = s;
  out["status_label"] = dos::StateLabel(s);
  out["status_label_en"] = dos::StateLabelEn(s);
  return out;
}

}  // namespace

bool CallerIsOfficer(const http::Request& req) {
  const auto* who = CallerOf(req).principal;
  return who && (who->IsToken() || who->kind == core::access::AccountKind::kOfficer);
}

json DossierSummaryJson(const svc::Dossier& d) {
  json out = StatusFields({{"id", d.id},
                           {"code", OrNull(d.code)},
                           {"procedure", ProcedureJson(d.procedure)},
                           {"agency", AgencyJson(d.agency)},
                           {"created_at", d.created_at},
                           {"updated_at", d.updated_at},
                           {"submitted_at", OrNull(d.submitted_at)},
                           {"received_at", OrNull(d.received_at)},
                           {"due_at", OrNull(d.due_at)}},
                          d.status);
  out["unit"] = OrNull(d.unit);
  out["assignee"] = OrNull(d.assignee);
  out["working_days_left"] = d.working_days_left ? json(*d.working_days_left) : json(nullptr);
  out["due_flag"] = OrNull(d.due_flag);
  out["paused"] = d.clock == "paused";
  out["result_timing"] = OrNull(d.result_timing);
  return out;
}

json DossierJson(const svc::Dossier& d, bool officer) {
  json out = DossierSummaryJson(d);
  out["version"] = d.version;
  out["outcome"] = OrNull(d.outcome);
  out["finished_at"] = OrNull(d.finished_at);
  out["result_number"] = OrNull(d.result_number);
  out["return_method"] = OrNull(d.return_method);
  out["extension_due"] = OrNull(d.extension_due);
  if (officer && !d.applicant_name.empty()) out["applicant"] = {{"name", d.applicant_name}, {"kind", d.applicant_kind}};
  // Inter-agency: the agency and unit the dossier was handed to (officers only).
  if (officer)
    out["partner"] =
        d.partner_agency.empty() ? json(nullptr) : json{{"agency", d.partner_agency}, {"unit", OrNull(d.partner_unit)}};
  out["form_data"] = d.form_data;
  json timeline = json::array();
  for (const auto& t : d.timeline)
    timeline.push_back({{"at", t.at}, {"actor_role", t.actor_role}, {"action", t.action}, {"detail", t.detail}});
  if (!timeline.empty()) out["timeline"] = timeline;  // GET of one dossier only
  return out;
}

namespace {

std::optional<std::int64_t> IdOf(const http::Request& req) {
  auto text = req.Param("id");
  std::int64_t id = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || p != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

svc::Caller Caller(const http::Request& req) { return CallerOf(req); }

// A token bucket per client address: a burst of kBurst lookups, then one every kRefill.
class LookupLimiter {
 public:
  static constexpr double kBurst = 20;
  static constexpr std::chrono::seconds kRefill{3};

  // 0 when allowed; else the seconds to wait.
  int Take(const std::string& address) {
    auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mu_);
    if (buckets_.size() > 100000) buckets_.clear();  // a crude bound on memory under a flood of addresses
    auto [it, fresh] = buckets_.try_emplace(address, Bucket{kBurst, now});
    auto& b = it->second;
    if (!fresh) {
      double elapsed = std::chrono::duration<double>(now - b.at).count();
      b.tokens = std::min(kBurst, b.tokens + elapsed / static_cast<double>(kRefill.count()));
      b.at = now;
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return static_cast<int>(std::ceil((1 - b.tokens) * static_cast<double>(kRefill.count())));
  }

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point at;
  };
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

LookupLimiter& Limiter() {
  static LookupLimiter limiter;
  return limiter;
}

}  // namespace

http::Response CreateDossier(services::Context& ctx, http::Request& req) {
  auto body = JsonObjectBody(req);
  if (!body) return http::Response::FromError(body.error());
  auto d = svc::Create(ctx, Caller(req), Str(*body, "procedure"), Str(*body, "agency"));
  if (!d) return http::Response::FromError(d.error());
  auto r = http::Response::Json(201, DossierJson(*d, false));
  r.SetHeader("Location", "/api/v1/dossiers/" + std::to_string(d->id));
  return r;
}

http::Response ListDossiers(services::Context& ctx, http::Request& req) {
  Params params(req);
  svc::ListQuery q;
  if (auto s = params.Text("status", 40)) {
    q.status = *s;
    if (dos::StateLabel(*s) == *s) params.Invalid("status", "Trạng thái không hợp lệ.", "Unknown status.");
  }
  q.page = params.Int("page", 1, 100000).value_or(1);
  q.per_page = params.Int("per_page", 1, 100).value_or(20);
  if (!params.ok()) return http::Response::FromError(params.error());
  auto page = svc::List(ctx, Caller(req), q);
  if (!page) return http::Response::FromError(page.error());
  json items = json::array();
  for (const auto& d : page->items) items.push_back(DossierSummaryJson(d));
  return http::Response::Json(200, {{"items", items}, {"total", page->total}});
}

http::Response GetDossier(services::Context& ctx, http::Request& req) {
  auto id = IdOf(req);
  if (!id) return http::Response::FromError(core::Error::NotFound());
  auto d = svc::Get(ctx, Caller(req), *id);
  if (!d) return http::Response::FromError(d.error());
  json out = DossierJson(*d, CallerIsOfficer(req));
  out["documents"] = json::array();  // the caller may see the dossier, so its papers too
  for (const auto& p : services::papers::ListOf(ctx, d->id)) out["documents"].push_back(DocumentJson(p));
  return http::Response::Json(200, out);
}

http::Response SaveDossierDraft(services::Context& ctx, http::Request& req) {
  auto id = IdOf(req);
  if (!id) return http::Response::FromError(core::Error::NotFound());
  auto body = JsonObjectBody(req);
  if (!body) return http::Response::FromError(body.error());
  std::optional<int> version;
  if (auto it = body->find("version"); it != body->end() && it->is_number_integer()) version = it->get<int>();
  json form = body->value("form_data", json());
  auto d = svc::SaveDraft(ctx, Caller(req), *id, version, form);
  if (!d) return http::Response::FromError(d.error());
  return http::Response::Json(200, DossierJson(*d, false));
}

http::Response SubmitDossier(services::Context& ctx, http::Request& req) {
  auto id = IdOf(req);
  if (!id) return http::Response::FromError(core::Error::NotFound());
  std::string online_since;
  auto s = svc::Submit(ctx, Caller(req), *id, req.Header("idempotency-key"), &online_since);
  if (!s) {
    auto r = http::Response::FromError(s.error());
    if (s.error().code == "procedure_not_online") {
      auto body = json::parse(r.body);
      body["error"]["online_since"] = OrNull(online_since);
      r.body = body.dump();
    }
    return r;
  }
  json out = DossierJson(s->dossier, false);
  // Shown once: only its hash is stored.
  out["lookup_secret"] = OrNull(s->lookup_secret);
  out["replayed"] = s->replay;
  auto r = http::Response::Json(200, out);
  r.SetHeader("Cache-Control", "no-store");
  if (s->replay) r.SetHeader("Idempotent-Replayed", "true");
  return r;
}

http::Response WithdrawDossier(services::Context& ctx, http::Request& req) {
  auto id = IdOf(req);
  if (!id) return http::Response::FromError(core::Error::NotFound());
  auto d = svc::Withdraw(ctx, Caller(req), *id);
  if (!d) return http::Response::FromError(d.error());
  return http::Response::Json(200, DossierJson(*d, false));
}

http::Response LookupDossier(services::Context& ctx, http::Request& req) {
  if (int wait = Limiter().Take(req.remote_address); wait > 0) {
    auto r = http::Response::FromError(core::Error::Make(core::errc::kTooManyRequests,
                                                         "Tra cứu quá nhiều lần, vui lòng thử lại sau.",
                                                         "Too many lookups; please try again later."));
    r.SetHeader("Retry-After", std::to_string(wait));
    return r;
  }
  auto v = svc::Lookup(ctx, req.Param("code"), req.QueryParam("secret").value_or(""));
  if (!v) return http::Response::FromError(v.error());
  json out = StatusFields(
      {{"code", v->code},
       {"procedure", {{"code", v->procedure.code}, {"name", v->procedure.name}, {"name_en", v->procedure.name_en}}},
       {"agency", AgencyJson(v->agency)},
       {"submitted_at", OrNull(v->submitted_at)},
       {"received_at", OrNull(v->received_at)},
       {"appointment_at", OrNull(v->appointment_at)}},
      v->status);
  auto r = http::Response::Json(200, out);
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

}  // namespace motcua::api
