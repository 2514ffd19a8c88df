// Authentication over HTTP: the auth middleware (session cookie or Bearer token → principal, CSRF,
// the route's permission) and the /api/v1/auth/*, /api/v1/me and /api/v1/roles handlers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/access/roles.hpp"
#include "core/common/result.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "services/accounts.hpp"
#include "services/context.hpp"

namespace motcua::api {

inline constexpr const char* kSessionCookie = "motcua_session";

// What the middleware leaves in Request::auth.
struct AuthState {
  core::access::Principal principal;
  std::int64_t session_id = 0;  // 0: a Bearer token
  std::string csrf_token;
};

// Resolves the caller, then enforces the route's permission: anonymous on a non-public route → 401,
// a cookie-authenticated POST/PUT/PATCH/DELETE without the session's X-CSRF-Token → 403 csrf_failed,
// a caller without the permission anywhere → 403. Object scope is the use case's check.
std::optional<http::Response> Authenticate(services::Context& ctx, http::Request& req, const http::Route& route);

const AuthState* AuthOf(const http::Request& req);
services::accounts::Caller CallerOf(const http::Request& req);

// The body as a JSON object, or a bad_request error.
core::Result<nlohmann::json> JsonObjectBody(const http::Request& req);
// A string member; "" when absent or not a string.
std::string Str(const nlohmann::json& j, const char* key);

// The user as the API shows it; `profile` adds the account's own contact and identity fields.
nlohmann::json UserJson(const services::accounts::User& u, bool profile);

http::Response ListRoles(http::Request& req);
http::Response Register(services::Context& ctx, http::Request& req);
http::Response Verify(services::Context& ctx, http::Request& req);
http::Response Login(services::Context& ctx, http::Request& req);
http::Response Logout(services::Context& ctx, http::Request& req);
http::Response LogoutAll(services::Context& ctx, http::Request& req);
http::Response Me(services::Context& ctx, http::Request& req);
http::Response ChangePassword(services::Context& ctx, http::Request& req);
http::Response RequestPasswordReset(services::Context& ctx, http::Request& req);
http::Response ConfirmPasswordReset(services::Context& ctx, http::Request& req);

}  // namespace motcua::api
