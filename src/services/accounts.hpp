// Accounts: registration with e-mail verification, login with throttling, sessions, password
// change and reset, officers administered per agency, API tokens, principal resolution, and the one
// authorization check of the service layer (Authorize, over core/access rules).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/permissions.hpp"
#include "core/access/roles.hpp"
#include "core/access/throttle.hpp"
#include "core/common/result.hpp"
#include "services/context.hpp"

namespace motcua::services::accounts {

namespace access = core::access;

// ---- settings ------------------------------------------------------------------------------------

// argon2id cost: libsodium's INTERACTIVE limits in production, MODERATE for the careful, MIN for tests.
enum class PasswordCost { kMin, kInteractive, kModerate };
std::optional<PasswordCost> PasswordCostFromString(std::string_view name);

struct Settings {
  PasswordCost password_cost = PasswordCost::kInteractive;
  std::chrono::seconds session_idle{30 * 60};
  std::chrono::seconds session_absolute{12 * 60 * 60};
  bool secure_cookies = false;
  // Development mode: verification and reset links are logged (there is no mail yet).
  bool log_links = false;
  // Where the one-time tokens of those links go besides the log until the mail outbox exists
  // (purpose "verify" or "reset", user id, token); tests capture them here.
  std::function<void(std::string_view purpose, std::int64_t user_id, const std::string& token)> link_sink;
  access::ThrottlePolicy account_throttle{5, std::chrono::seconds(30), std::chrono::seconds(15 * 60),
                                          std::chrono::seconds(60 * 60)};
  access::ThrottlePolicy address_throttle{20, std::chrono::seconds(30), std::chrono::seconds(15 * 60),
                                          std::chrono::seconds(60 * 60)};
};
// Process-wide; set once at start (app) or by a test before it calls the service.
void Configure(const Settings& settings);
const Settings& CurrentSettings();

inline constexpr std::chrono::hours kVerifyTokenLifetime{48};
inline constexpr std::chrono::hours kResetTokenLifetime{1};

// ---- passwords and tokens -----------------------------------------------------------------------

// argon2id (crypto_pwhash_str) at the configured cost. Slow by design: call from handler threads.
std::string HashPassword(std::string_view password);
bool VerifyPassword(const std::string& hash, std::string_view password);
// 32 random bytes, base64url without padding.
std::string RandomToken();
// Lower-case hex SHA-256: how tokens are stored.
std::string Sha256Hex(std::string_view text);

// ---- users --------------------------------------------------------------------------------------

struct RoleView {
  access::Role role = access::Role::kSpecialist;
  std::string agency_code, agency_name;
  std::string unit_key, unit_name;
};

struct User {
  std::int64_t id = 0;
  std::string username;
  access::AccountKind kind = access::AccountKind::kCitizen;
  std::string full_name;
  std::string email;
  std::string status;  // pending | active | locked
  std::string agency_code, agency_name;
  std::string unit_key, unit_name;
  std::vector<RoleView> roles;
  std::string phone, address;
  std::string id_number, date_of_birth;  // citizens
  std::string tax_code, representative;  // businesses
  int version = 1;
  std::string created_at;
};

// Who calls a use case, for authorization and the audit trail.
struct Caller {
  const access::Principal* principal = nullptr;  // null: anonymous
  std::string request_id;
  std::string address;  // client IP address
};

// The one permission check: ok, or unauthorized (anonymous) / forbidden.
core::Status Authorize(const access::Principal* who, std::string_view permission, const access::Target& target = {});

core::Result<User> GetUser(Context& ctx, std::int64_t id);
// The principal of a user: kind and roles.
std::optional<access::Principal> PrincipalOfUser(Context& ctx, std::int64_t id);

// ---- registration --------------------------------------------------------------------------------

struct Registration {
  std::string kind;  // citizen | business
  std::string username, password, full_name;
  std::string id_number, date_of_birth;  // citizen
  std::string tax_code, representative;  // business
  std::string phone, email, address;
};
// Every invalid field at once (validation_failed); a taken user name or e-mail → conflict. The new
// account is pending until its e-mail is verified; the link is logged in development mode.
core::Result<User> Register(Context& ctx, const Registration& r, const Caller& caller);
// One-time, 48 h: activates the account.
core::Result<User> VerifyEmail(Context& ctx, std::string_view token, const Caller& caller);

// ---- login and sessions ---------------------------------------------------------------------------

struct LoginResult {
  User user;
  std::string session_token;  // for the cookie; stored only as its hash
  std::string csrf_token;
};
// `login` is a user name or an e-mail. Wrong credentials → invalid_credentials (the same whether
// the account exists or not); throttled → too_many_requests with `retry_after` seconds set.
core::Result<LoginResult> Login(Context& ctx, std::string_view login, std::string_view password, const Caller& caller,
                                int* retry_after = nullptr);

struct SessionInfo {
  access::Principal principal;
  std::int64_t session_id = 0;
  std::string csrf_token;
};
// The live session of a cookie token (idle and absolute expiry, not revoked, account active).
std::optional<SessionInfo> ResolveSession(Context& ctx, std::string_view token);
// The principal of an API token (`Authorization: Bearer`).
std::optional<access::Principal> ResolveApiToken(Context& ctx, std::string_view token);

void Logout(Context& ctx, std::int64_t session_id, const Caller& caller);
// Revokes every session of the caller's account.
core::Status LogoutAll(Context& ctx, const Caller& caller);

// Other sessions of the account are revoked. Wrong current password → validation_failed.
core::Status ChangePassword(Context& ctx, const Caller& caller, std::int64_t session_id,
                            std::string_view current_password, std::string_view new_password);
// Always succeeds (reveals nothing); the 1-hour link is logged in development mode.
void RequestPasswordReset(Context& ctx, std::string_view email, const Caller& caller);
// Single use; every session of the account is revoked.
core::Status ConfirmPasswordReset(Context& ctx, std::string_view token, std::string_view new_password,
                                  const Caller& caller);

struct HousekeepReport {
  int sessions = 0;  // expired (idle or absolute) and revoked sessions removed
  int links = 0;     // verification and reset links used or expired, removed
  int throttle = 0;  // login-throttle keys neither locked nor failed within their forget time, removed
};
// Removes what can never be used again, so these tables do not grow without end: sessions past
// their idle or absolute expiry or revoked, one-time links used or expired, and throttle keys that
// are not locked and have had no failure within the policy's forget time. Idempotent; several
// processes may run it at once. One audit event when anything was removed.
core::Result<HousekeepReport> Housekeep(Context& ctx);

// ---- officers (users.manage) ---------------------------------------------------------------------

core::Result<std::vector<User>> ListOfficers(Context& ctx, const Caller& caller, const std::string& agency);

struct NewOfficer {
  std::string username, full_name, email, phone, unit, password;
  std::vector<std::string> roles;
};
core::Result<User> CreateOfficer(Context& ctx, const Caller& caller, const std::string& agency, const NewOfficer& o);

struct OfficerChange {
  std::optional<int> version;  // required
  std::optional<std::string> full_name, unit, status;
  std::optional<std::vector<std::string>> roles;
};
// Stale version → conflict. Role changes and locks are audit events; a lock revokes the sessions.
core::Result<User> UpdateOfficer(Context& ctx, const Caller& caller, std::int64_t id, const OfficerChange& change);

// ---- API tokens (tokens.manage) --------------------------------------------------------------------

struct ApiToken {
  std::int64_t id = 0;
  std::string name;
  std::string agency_code;
  std::vector<access::Role> roles;
  std::string created_at, last_used_at;
  std::string token;  // only right after creation
};
core::Result<std::vector<ApiToken>> ListTokens(Context& ctx, const Caller& caller, const std::string& agency);
core::Result<ApiToken> CreateToken(Context& ctx, const Caller& caller, const std::string& agency,
                                   const std::string& name, const std::vector<std::string>& roles);
core::Status RevokeToken(Context& ctx, const Caller& caller, std::int64_t id);

// ---- demo ------------------------------------------------------------------------------------------

struct DemoReport {
  int created = 0;
  int existing = 0;
  std::vector<std::string> missing;  // agencies or units not found in the catalog
};
// The demo accounts (password Demo@2017), found by agency and unit names in the imported catalog.
// Existing accounts are left as they are.
DemoReport CreateDemoUsers(Context& ctx);
inline constexpr std::string_view kDemoPassword = "Demo@2017";

}  // namespace motcua::services::accounts
