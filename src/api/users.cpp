// Officer and API-token administration as JSON. Scope checks live in the accounts service.
#include "api/users.hpp"

#include <charconv>

#include <nlohmann/json.hpp>

#include "api/auth.hpp"
#include "services/accounts.hpp"

namespace motcua::api {
namespace {

namespace accounts = services::accounts;
namespace access = core::access;
using nlohmann::json;

std::optional<std::int64_t> IdParam(const http::Request& req) {
  auto text = req.Param("id");
  std::int64_t id = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || p != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

// Role names of a JSON array; a non-string entry becomes "" (an unknown role for the service).
std::vector<std::string> Names(const json& j) {
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& x : j) out.push_back(x.is_string() ? x.get<std::string>() : std::string());
  return out;
}

json TokenJson(const accounts::ApiToken& t) {
  json roles = json::array();
  for (auto r : t.roles) roles.push_back(access::ToString(r));
  json out = {{"id", t.id},
              {"name", t.name},
              {"agency", t.agency_code},
              {"roles", roles},
              {"created_at", t.created_at},
              {"last_used_at", t.last_used_at.empty() ? json(nullptr) : json(t.last_used_at)}};
  if (!t.token.empty()) out["token"] = t.token;
  return out;
}

}  // namespace

http::Response ListOfficers(services::Context& ctx, http::Request& req) {
  auto list = accounts::ListOfficers(ctx, CallerOf(req), req.Param("code"));
  if (!list) return http::Response::FromError(list.error());
  json items = json::array();
  for (const auto& u : *list) items.push_back(UserJson(u, false));
  return http::Response::Json(200, {{"items", items}, {"total", items.size()}});
}

http::Response CreateOfficer(services::Context& ctx, http::Request& req) {
  auto body = JsonObjectBody(req);
  if (!body) return http::Response::FromError(body.error());
  accounts::NewOfficer o;
  o.username = Str(*body, "username");
  o.full_name = Str(*body, "full_name");
  o.email = Str(*body, "email");
  o.phone = Str(*body, "phone");
  o.unit = Str(*body, "unit");
  o.password = Str(*body, "password");
  if (body->contains("roles")) o.roles = Names((*body)["roles"]);
  auto user = accounts::CreateOfficer(ctx, CallerOf(req), req.Param("code"), o);
  if (!user) return http::Response::FromError(user.error());
  return http::Response::Json(201, UserJson(*user, false));
}

http::Response UpdateOfficer(services::Context& ctx, http::Request& req) {
  auto id = IdParam(req);
  if (!id) return http::Response::FromError(core::Error::NotFound());
  auto body = JsonObjectBody(req);
  if (!body) return http::Response::FromError(body.error());
  accounts::OfficerChange change;
  if (auto it = body->find("version"); it != body->end() && it->is_number_integer()) change.version = it->get<int>();
  if (auto it = body->find("full_name"); it != body->end())
    change.full_name = it->is_string() ? it->get<std::string>() : "";
  if (auto it = body->find("unit"); it != body->end()) change.unit = it->is_string() ? it->get<std::string>() : "";
  if (auto it = body->find("status"); it != body->end()) change.status = it->is_string() ? it->get<std::string>() : "";
  if (auto it = body->find("roles"); it != body->end()) change.roles = Names(*it);
  auto user = accounts::UpdateOfficer(ctx, CallerOf(req), *id, change);
  if (!user) return http::Response::FromError(user.error());
  return http::Response::Json(200, UserJson(*user, false));
}

http::Response ListTokens(services::Context& ctx, http::Request& req) {
  auto list = accounts::ListTokens(ctx, CallerOf(req), req.Param("code"));
  if (!list) return http::Response::FromError(list.error());
  json items = json::array();
  for (const auto& t : *list) items.push_back(TokenJson(t));
  return http::Response::Json(200, {{"items", items}, {"total", items.size()}});
}

http::Response CreateToken(services::Context& ctx, http::Request& req) {
  auto body = JsonObjectBody(req);
  if (!body) return http::Response::FromError(body.error());
  std::vector<std::string> roles;
  if (body->contains("roles")) roles = Names((*body)["roles"]);
  auto token = accounts::CreateToken(ctx, CallerOf(req), req.Param("code"), Str(*body, "name"), roles);
  if (!token) return http::Response::FromError(token.error());
  auto r = http::Response::Json(201, TokenJson(*token));
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

http::Response RevokeToken(services::Context& ctx, http::Request& req) {
  auto id = IdParam(req);
  if (!id) return http::Response::FromError(core::Error::NotFound());
  auto ok = accounts::RevokeToken(ctx, CallerOf(req), *id);
  if (!ok) return http::Response::FromError(ok.error());
  http::Response r;
  r.status = 204;
  return r;
}

}  // namespace motcua::api
