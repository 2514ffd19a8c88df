// The auth middleware and the authentication handlers.
#include "api/auth.hpp"

#include <sodium.h>

#include "core/access/permissions.hpp"

namespace motcua::api {
namespace {

namespace accounts = services::accounts;
namespace access = core::access;
using nlohmann::json;

bool StateChanging(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return s.substr(i);
}

std::optional<std::string> CookieValue(const http::Request& req, std::string_view name) {
  auto header = req.Header("cookie");
  size_t pos = 0;
  while (pos < header.size()) {
    auto end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    auto part = Trim(header.substr(pos, end - pos));
    auto eq = part.find('=');
    if (eq != std::string::npos && part.substr(0, eq) == name) return part.substr(eq + 1);
    pos = end + 1;
  }
  return std::nullopt;
}

bool SameSecret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool Secure(const http::Request& req) {
  return accounts::CurrentSettings().secure_cookies || req.Header("x-forwarded-proto") == "https";
}

std::string Cookie(const http::Request& req, const std::string& value, long long max_age) {
  return std::string(kSessionCookie) + "=" + value +
         "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age) + (Secure(req) ? "; Secure" : "");
}

http::Response NoContent(int status = 204) {
  http::Response r;
  r.status = status;
  return r;
}

http::Response ClearCookie(const http::Request& req, http::Response r) {
  r.headers.emplace_back("Set-Cookie", Cookie(req, "", 0));
  return r;
}

json Ref(const std::string& code, const std::string& name, const char* code_key) {
  if (code.empty()) return nullptr;
  return {{code_key, code}, {"name", name.empty() ? json(nullptr) : json(name)}};
}

}  // namespace

// ---- middleware ---------------------------------------------------------------------------------------

std::optional<http::Response> Authenticate(services::Context& ctx, http::Request& req, const http::Route& route) {
  const bool is_public = route.permission == access::perm::kPublic;
  std::optional<AuthState> state;
  bool via_cookie = false;
  auto authorization = req.Header("authorization");
  if (!authorization.empty()) {
    if (authorization.size() > 7 &&
        (authorization.rfind("Bearer ", 0) == 0 || authorization.rfind("bearer ", 0) == 0)) {
      if (auto p = accounts::ResolveApiToken(ctx, Trim(authorization.substr(7))))
        state = AuthState{std::move(*p), 0, ""};
    }
    if (!state)
      return http::Response::FromError(core::Error::Make(core::errc::kUnauthorized,
                                                         "Khóa API không hợp lệ hoặc đã bị thu hồi.",
                                                         "The API token is invalid or revoked."));
  } else if (auto cookie = CookieValue(req, kSessionCookie); cookie && !cookie->empty()) {
    if (auto s = accounts::ResolveSession(ctx, *cookie)) {
      state = AuthState{std::move(s->principal), s->session_id, std::move(s->csrf_token)};
      via_cookie = true;
    }
  }
  if (state) {
    req.user_id = state->principal.IsToken() ? "token:" + std::to_string(state->principal.token_id)
                                             : std::to_string(state->principal.user_id);
    req.auth = *state;
  }
  if (is_public) return std::nullopt;
  if (!state) {
    auto r = http::Response::FromError(core::Error::Make(
        core::errc::kUnauthorized, "Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập.",
        "You are not logged in, or the session has expired."));
    return CookieValue(req, kSessionCookie) ? ClearCookie(req, std::move(r)) : r;
  }
  if (via_cookie && StateChanging(req.method) && !SameSecret(req.Header("x-csrf-token"), state->csrf_token))
    return http::Response::FromError(
        core::Error::Make("csrf_failed", "Yêu cầu thiếu mã chống giả mạo (CSRF) hợp lệ. Vui lòng tải lại trang.",
                          "The request lacks a valid CSRF token. Please reload the page."));
  if (auto ok = accounts::Authorize(&state->principal, route.permission); !ok)
    return http::Response::FromError(ok.error());
  return std::nullopt;
}

const AuthState* AuthOf(const http::Request& req) { return std::any_cast<AuthState>(&req.auth); }

accounts::Caller CallerOf(const http::Request& req) {
  const auto* auth = AuthOf(req);
  return accounts::Caller{auth ? &auth->principal : nullptr, req.request_id, req.remote_address};
}

core::Result<json> JsonObjectBody(const http::Request& req) {
  auto j = json::parse(req.body, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return core::Error::BadRequest("Nội dung yêu cầu phải là một đối tượng JSON.",
                                   "The request body must be a JSON object.");
  return j;
}

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

json UserJson(const accounts::User& u, bool profile) {
  json roles = json::array();
  for (const auto& r : u.roles)
    roles.push_back({{"role", access::ToString(r.role)},
                     {"label", access::Label(r.role)},
                     {"agency", Ref(r.agency_code, r.agency_name, "code")},
                     {"unit", Ref(r.unit_key, r.unit_name, "key")}});
  json out = {{"id", u.id},
              {"username", u.username},
              {"kind", access::ToString(u.kind)},
              {"full_name", u.full_name},
              {"email", u.email.empty() ? json(nullptr) : json(u.email)},
              {"agency", Ref(u.agency_code, u.agency_name, "code")},
              {"unit", Ref(u.unit_key, u.unit_name, "key")},
              {"roles", roles},
              {"status", u.status},
              {"version", u.version}};
  if (profile || u.kind == access::AccountKind::kOfficer)
    out["phone"] = u.phone.empty() ? json(nullptr) : json(u.phone);
  if (profile) {
    out["address"] = u.address.empty() ? json(nullptr) : json(u.address);
    if (u.kind == access::AccountKind::kCitizen) {
      out["id_number"] = u.id_number;
      out["date_of_birth"] = u.date_of_birth;
    }
    if (u.kind == access::AccountKind::kBusiness) {
      out["tax_code"] = u.tax_code;
      out["representative"] = u.representative;
    }
  }
  return out;
}

// ---- handlers --------------------------------------------------------------------------------------------

http::Response ListRoles(http::Request&) {
  json out = json::array();
  for (auto r : access::AllRoles()) out.push_back({{"role", access::ToString(r)}, {"label", access::Label(r)}});
  return http::Response::Json(200, out);
}

http::Response Register(services::Context& ctx, http::Request& req) {
  auto body = JsonObjectBody(req);
  if (!body) return http::Response::FromError(body.error());
  accounts::Registration r;
  r.kind = Str(*body, "kind");
  r.username = Str(*body, "username");
  r.password = Str(*body, "password");
  r.full_name = Str(*body, "full_name");
  r.id_number = Str(*body, "id_number");
  r.date_of_birth = Str(*body, "date_of_birth");
  r.tax_code = Str(*body, "tax_code");
  r.representative = Str(*body, "representative");
  r.phone = Str(*body, "phone");
  r.email = Str(*body, "email");
  r.address = Str(*body, "address");
  auto user = accounts::Register(ctx, r, CallerOf(req));
  if (!user) return http::Response::FromError(user.error());
  return http::Response::Json(201, {{"user", UserJson(*user, true)}, {"verification", "sent"}});
}

http::Response Verify(services::Context& ctx, http::Request& req) {
  auto body = JsonObjectBody(req);
  if (!body) return http::Response::FromError(body.error());
  auto user = accounts::VerifyEmail(ctx, Str(*body, "token"), CallerOf(req));
  if (!user) return http::Response::FromError(user.error());
  return http::Response::Json(200, {{"user", UserJson(*user, true)}});
}

http::Response Login(services::Context& ctx, http::Request& req) {
  auto body = JsonObjectBody(req);
  if (!body) return http::Response::FromError(body.error());
  int retry_after = 0;
  auto caller = CallerOf(req);
  caller.principal = nullptr;  // whoever was signed in before, this is a new login
  auto result = accounts::Login(ctx, Str(*body, "username"), Str(*body, "password"), caller, &retry_after);
  if (!result) {
    auto r = http::Response::FromError(result.error());
    if (retry_after > 0) r.SetHeader("Retry-After", std::to_string(retry_after));
    return r;
  }
  req.user_id = std::to_string(result->user.id);
  auto r = http::Response::Json(200, {{"user", UserJson(result->user, true)}, {"csrf_token", result->csrf_token}});
  r.headers.emplace_back("Set-Cookie",
                         Cookie(req, result->session_token, accounts::CurrentSettings().session_absolute.count()));
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

http::Response Logout(services::Context& ctx, http::Request& req) {
  const auto* auth = AuthOf(req);
  if (auth) accounts::Logout(ctx, auth->session_id, CallerOf(req));
  return ClearCookie(req, NoContent());
}

http::Response LogoutAll(services::Context& ctx, http::Request& req) {
  auto ok = accounts::LogoutAll(ctx, CallerOf(req));
  if (!ok) return http::Response::FromError(ok.error());
  return ClearCookie(req, NoContent());
}

http::Response Me(services::Context& ctx, http::Request& req) {
  const auto* auth = AuthOf(req);
  if (!auth)
    return http::Response::FromError(
        core::Error::Make(core::errc::kUnauthorized, "Vui lòng đăng nhập.", "Please log in."));
  json out;
  if (auth->principal.IsToken()) {
    json roles = json::array();
    for (const auto& g : auth->principal.roles) roles.push_back(access::ToString(g.role));
    out = {{"user", nullptr},
           {"token", {{"id", auth->principal.token_id}, {"agency", auth->principal.agency}, {"roles", roles}}},
           {"csrf_token", nullptr}};
  } else {
    auto user = accounts::GetUser(ctx, auth->principal.user_id);
    if (!user) return http::Response::FromError(user.error());
    out = {{"user", UserJson(*user, true)}, {"csrf_token", auth->csrf_token}};
  }
  auto r = http::Response::Json(200, out);
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

http::Response ChangePassword(services::Context& ctx, http::Request& req) {
  auto body = JsonObjectBody(req);
  if (!body) return http::Response::FromError(body.error());
  const auto* auth = AuthOf(req);
  auto ok = accounts::ChangePassword(ctx, CallerOf(req), auth ? auth->session_id : 0, Str(*body, "current_password"),
                                     Str(*body, "new_password"));
  if (!ok) return http::Response::FromError(ok.error());
  return NoContent();
}

http::Response RequestPasswordReset(services::Context& ctx, http::Request& req) {
  auto body = JsonObjectBody(req);
  if (!body) return http::Response::FromError(body.error());
  accounts::RequestPasswordReset(ctx, Str(*body, "email"), CallerOf(req));
  return http::Response::Json(
      202, {{"message", "Nếu địa chỉ này thuộc một tài khoản, liên kết đặt lại mật khẩu đã được gửi tới đó."},
            {"message_en", "If this address belongs to an account, a password reset link has been sent to it."}});
}

http::Response ConfirmPasswordReset(services::Context& ctx, http::Request& req) {
  auto body = JsonObjectBody(req);
  if (!body) return http::Response::FromError(body.error());
  auto ok = accounts::ConfirmPasswordReset(ctx, Str(*body, "token"), Str(*body, "new_password"), CallerOf(req));
  if (!ok) return http::Response::FromError(ok.error());
  return NoContent();
}

}  // namespace motcua::api
