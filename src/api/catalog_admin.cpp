// Catalog admin over HTTP: JSON for agencies, waves and settings; a procedure version is sent as
// the YAML of its catalog file (the form admins already edit).
#include "api/catalog_admin.hpp"

#include <nlohmann/json.hpp>

#include "api/auth.hpp"
#include "api/params.hpp"
#include "core/common/time.hpp"
#include "core/text/fold.hpp"
#include "services/catalog.hpp"

namespace motcua::api {
namespace {

namespace cat = core::catalog;
namespace svc = services::catalog;
using nlohmann::json;

// Collects every problem of a JSON body as fields of one validation_failed error.
class Body {
 public:
  explicit Body(const json& j) : j_(j) {}
  std::string Text(const char* key, bool required, size_t max_chars = 300) {
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) {
      if (required) Problem(key, "required", "Bắt buộc.", "Required.");
      return {};
    }
    if (!it->is_string()) {
      Problem(key, "invalid_type", "Phải là văn bản.", "Must be text.");
      return {};
    }
    auto s = it->get<std::string>();
    if (!core::text::IsValidUtf8(s)) {
      Problem(key, "invalid_format", "Không phải UTF-8 hợp lệ.", "Not valid UTF-8.");
      return {};
    }
    if (core::text::CharCount(s) > max_chars) {
      Problem(key, "too_long", "Dài quá " + std::to_string(max_chars) + " ký tự.",
              "Longer than " + std::to_string(max_chars) + " characters.");
      return {};
    }
    return core::text::Nfc(s);
  }
  bool Bool(const char* key) {
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return false;
    if (!it->is_boolean()) Problem(key, "invalid_type", "Phải là true/false.", "Must be true or false.");
    return it->is_boolean() && it->get<bool>();
  }
  template <typename E, typename F>
  E Enum(const char* key, F from, E fallback) {
    auto text = Text(key, true, 40);
    if (text.empty()) return fallback;
    auto e = from(text);
    if (!e) Problem(key, "invalid_value", "Giá trị không hợp lệ.", "Not an allowed value.");
    return e.value_or(fallback);
  }
  void Problem(const std::string& key, const char* code, std::string vi, std::string en) {
    error_.fields[key] = {code, std::move(vi), std::move(en)};
  }
  bool ok() const { return error_.fields.empty(); }
  core::Error error() {
    error_.code = core::errc::kValidationFailed;
    error_.message = "Dữ liệu gửi lên chưa hợp lệ.";
    error_.message_en = "The data sent is not valid.";
    return error_;
  }

 private:
  const json& j_;
  core::Error error_;
};

http::Response Report(const core::Result<svc::ImportReport>& r) {
  if (!r) return http::Response::FromError(r.error());
  return http::Response::Json(200, {{"revision", r->revision},
                                    {"procedures", r->procedures},
                                    {"new_versions", r->new_versions},
                                    {"agencies", r->agencies},
                                    {"waves", r->waves},
                                    {"placements", r->placements}});
}

svc::Actor ActorFor(const http::Request& req) {
  const auto* auth = AuthOf(req);
  return svc::ActorOf(auth ? &auth->principal : nullptr, req.request_id);
}

}  // namespace

http::Response AdminSaveAgency(services::Context& ctx, http::Request& req) {
  auto body = JsonObjectBody(req);
  if (!body) return http::Response::FromError(body.error());
  Body b(*body);
  cat::Agency a;
  a.code = cat::AgencyCode{req.Param("code")};
  a.name = b.Text("name", true);
  a.name_en = b.Text("name_en", false);
  a.kind = b.Enum<cat::AgencyKind>("kind", cat::AgencyKindFromString, cat::AgencyKind::kWard);
  a.tier = b.Enum<cat::Tier>("tier", cat::TierFromString, cat::Tier::kWard);
  if (auto parent = b.Text("parent", false, 40); !parent.empty()) a.parent = cat::AgencyCode{parent};
  a.inner = b.Bool("inner");
  a.address = b.Text("address", false);
  a.phone = b.Text("phone", false, 40);
  if (auto units = body->find("units"); units != body->end()) {
    if (!units->is_array()) {
      b.Problem("units", "invalid_type", "Phải là danh sách.", "Must be a list.");
    } else {
      for (size_t i = 0; i < units->size(); ++i) {
        const auto& u = (*units)[i];
        if (!u.is_object()) {
          b.Problem("units[" + std::to_string(i) + "]", "invalid_type", "Phải là đối tượng.", "Must be an object.");
          continue;
        }
        Body ub(u);
        cat::Unit unit{cat::UnitKey{ub.Text("key", true, 40)}, ub.Text("name", true), ub.Bool("one_stop")};
        if (!ub.ok())
          for (const auto& [k, v] : ub.error().fields)
            b.Problem("units[" + std::to_string(i) + "]." + k, v.code.c_str(), v.message, v.message_en);
        a.units.push_back(std::move(unit));
      }
    }
  }
  if (!b.ok()) return http::Response::FromError(b.error());
  return Report(svc::SaveAgency(ctx, ActorFor(req), std::move(a)));
}

http::Response AdminSaveProcedure(services::Context& ctx, http::Request& req) {
  auto type = req.Header("content-type");
  if (type.rfind("application/yaml", 0) != 0 && type.rfind("text/yaml", 0) != 0 &&
      type.rfind("application/x-yaml", 0) != 0)
    return http::Response::FromError(core::Error::Make(
        core::errc::kUnsupportedMediaType, "Gửi nội dung tệp thủ tục dạng YAML (Content-Type: application/yaml).",
        "Send the procedure file as YAML (Content-Type: application/yaml)."));
  if (!core::text::IsValidUtf8(req.body))
    return http::Response::FromError(
        core::Error::BadRequest("Nội dung không phải UTF-8 hợp lệ.", "The body is not valid UTF-8."));
  return Report(svc::SaveProcedure(ctx, ActorFor(req), req.Param("code"), req.body));
}

http::Response AdminSaveWave(services::Context& ctx, http::Request& req) {
  Params params(req);
  int number = 0;
  {
    auto n = req.Param("number");
    try {
      number = std::stoi(n);
    } catch (...) {
      number = 0;
    }
    if (number < 1 || number > 1000 || std::to_string(number) != n)
      return http::Response::FromError(
          core::Error::BadRequest("Số đợt không hợp lệ.", "The wave number is not valid."));
  }
  auto body = JsonObjectBody(req);
  if (!body) return http::Response::FromError(body.error());
  Body b(*body);
  cat::Wave w;
  w.number = number;
  w.name = b.Text("name", true);
  auto date = b.Text("date", false, 10);
  w.date_setting = b.Text("setting", false, 64);
  if (!date.empty()) {
    if (auto d = core::ParseDate(date)) {
      w.date = *d;
    } else {
      b.Problem("date", "invalid_format", "Ngày phải dạng YYYY-MM-DD.", "The date must be YYYY-MM-DD.");
    }
  }
  if (date.empty() == w.date_setting.empty())
    b.Problem("date", "invalid_value", "Cần đúng một trong hai: date hoặc setting.",
              "Give exactly one of date or setting.");
  auto rollouts = body->find("rollouts");
  if (rollouts == body->end() || !rollouts->is_array()) {
    b.Problem("rollouts", "required", "Cần danh sách rollouts.", "A list of rollouts is required.");
  } else {
    for (size_t i = 0; i < rollouts->size(); ++i) {
      const auto& r = (*rollouts)[i];
      auto at = "rollouts[" + std::to_string(i) + "]";
      cat::Rollout rollout;
      if (!r.is_object() || !r.contains("procedures") || !r["procedures"].is_array() || !r.contains("agencies") ||
          !r["agencies"].is_object()) {
        b.Problem(at, "invalid_type", "Cần procedures (danh sách) và agencies (bộ chọn).",
                  "Needs procedures (a list) and agencies (a selector).");
        continue;
      }
      for (const auto& p : r["procedures"])
        if (p.is_string()) rollout.procedures.push_back(cat::ProcedureCode{p.get<std::string>()});
      const auto& sel = r["agencies"];
      if (sel.contains("codes") && sel["codes"].is_array()) {
        cat::CodeSelector c;
        for (const auto& code : sel["codes"])
          if (code.is_string()) c.codes.push_back(cat::AgencyCode{code.get<std::string>()});
        rollout.agencies = c;
      } else if (sel.value("handling", false)) {
        rollout.agencies = cat::HandlingSelector{};
      } else if (sel.contains("tiers") && sel["tiers"].is_array()) {
        cat::TierSelector t;
        for (const auto& tier : sel["tiers"]) {
          auto parsed = tier.is_string() ? cat::TierFromString(tier.get<std::string>()) : std::nullopt;
          if (!parsed)
            b.Problem(at + ".agencies.tiers", "invalid_value", "Cấp không hợp lệ.", "Not a tier.");
          else
            t.tiers.push_back(*parsed);
        }
        t.inner_only = sel.value("inner_only", false);
        rollout.agencies = t;
      } else {
        b.Problem(at + ".agencies", "invalid_value", "Bộ chọn phải có tiers, handling hoặc codes.",
                  "The selector needs tiers, handling or codes.");
      }
      w.rollouts.push_back(std::move(rollout));
    }
  }
  if (!b.ok()) return http::Response::FromError(b.error());
  return Report(svc::SaveWave(ctx, ActorFor(req), std::move(w)));
}

http::Response AdminSetSetting(services::Context& ctx, http::Request& req) {
  auto body = JsonObjectBody(req);
  if (!body) return http::Response::FromError(body.error());
  Body b(*body);
  auto value = b.Text("value", false, 200);
  if (!b.ok()) return http::Response::FromError(b.error());
  return Report(svc::SetSetting(ctx, ActorFor(req), req.Param("key"), value));
}

http::Response AdminCatalogHistory(services::Context& ctx, http::Request& req) {
  Params params(req);
  int limit = params.Int("limit", 1, 500).value_or(100);
  if (!params.ok()) return http::Response::FromError(params.error());
  const auto* auth = AuthOf(req);
  auto changes = svc::History(ctx, auth ? &auth->principal : nullptr, limit);
  if (!changes) return http::Response::FromError(changes.error());
  json items = json::array();
  for (const auto& c : *changes)
    items.push_back({{"at", c.at},
                     {"actor", c.actor},
                     {"action", c.action},
                     {"object_type", c.object_type},
                     {"object_id", c.object_id},
                     {"detail", json::parse(c.detail, nullptr, false)}});
  return http::Response::Json(200, {{"items", items}});
}

}  // namespace motcua::api
