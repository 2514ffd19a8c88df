// Accounts: passwords, registration, verification, login with throttling, sessions, password
// change and reset, principal resolution, and the authorization check.
#include "services/accounts.hpp"

#include <sodium.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/access/credentials.hpp"
#include "core/common/time.hpp"
#include "core/text/fold.hpp"
#include "services/accounts_internal.hpp"
#include "services/audit.hpp"
#include "services/log.hpp"

namespace motcua::services::accounts {

using namespace internal;  // NOLINT: this file's own helpers
using nlohmann::json;

namespace {

std::mutex g_settings_mu;
Settings g_settings;

void EnsureSodium() {
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw std::runtime_error("libsodium cannot be initialised");
}

std::pair<unsigned long long, size_t> Limits(PasswordCost cost) {
  switch (cost) {
    case PasswordCost::kMin:
      return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
    case PasswordCost::kModerate:
      return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
    case PasswordCost::kInteractive:
      break;
  }
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

// A hash to verify against when the account does not exist, so both paths cost the same.
const std::string& DummyHash() {
  static std::mutex mu;
  static std::map<PasswordCost, std::string> hashes;
  std::lock_guard lock(mu);
  auto cost = CurrentSettings().password_cost;
  auto it = hashes.find(cost);
  if (it == hashes.end()) it = hashes.emplace(cost, HashPassword(RandomToken())).first;
  return it->second;
}

bool NeedsRehash(const std::string& hash) {
  auto [ops, mem] = Limits(CurrentSettings().password_cost);
  return crypto_pwhash_str_needs_rehash(hash.c_str(), ops, mem) != 0;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.pop_back();
  while (!out.empty() && std::isspace(static_cast<unsigned char>(out.front()))) out.erase(out.begin());
  return out;
}

const store::Query kFindLogin{"accounts.find_login",
                              "SELECT id, password_hash, status FROM users WHERE username = $1 OR email = $1 "
                              "ORDER BY CASE WHEN username = $1 THEN 0 ELSE 1 END LIMIT 1"};
const store::Query kUpdateHash{"accounts.update_hash",
                               "UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3"};
const store::Query kThrottleGet{
    "accounts.throttle.get",
    "SELECT failures, locks, locked_until, last_failure_at FROM login_throttle WHERE key = $1"};
const store::Query kThrottleGetForUpdate{
    "accounts.throttle.get_for_update",
    "SELECT failures, locks, locked_until, last_failure_at FROM login_throttle WHERE key = $1 FOR UPDATE"};
const store::Query kThrottlePut{
    "accounts.throttle.put",
    "INSERT INTO login_throttle (key, failures, locks, locked_until, last_failure_at) VALUES ($1, $2, $3, $4, $5) "
    "ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, locks = excluded.locks, "
    "locked_until = excluded.locked_until, last_failure_at = excluded.last_failure_at"};
const store::Query kThrottleClear{"accounts.throttle.clear", "DELETE FROM login_throttle WHERE key = $1"};
const store::Query kSessionInsert{
    "accounts.session.insert",
    "INSERT INTO sessions (user_id, token_hash, csrf_token, created_at, last_seen_at, expires_at, client_address) "
    "VALUES ($1, $2, $3, $4, $4, $5, $6) RETURNING id"};
const store::Query kSessionFind{
    "accounts.session.find",
    "SELECT s.id, s.user_id, s.csrf_token, s.last_seen_at, s.expires_at, u.status FROM sessions s "
    "JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.revoked_at IS NULL"};
const store::Query kSessionTouch{"accounts.session.touch", "UPDATE sessions SET last_seen_at = $1 WHERE id = $2"};
const store::Query kSessionPrune{
    "accounts.session.prune",
    "DELETE FROM sessions WHERE user_id = $1 AND (expires_at <= $2 OR revoked_at IS NOT NULL)"};
const store::Query kSessionRevoke{"accounts.session.revoke",
                                  "UPDATE sessions SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL"};
const store::Query kPrincipalUser{"accounts.principal.user",
                                  "SELECT kind, username, agency_code FROM users WHERE id = $1"};
const store::Query kPrincipalRoles{"accounts.principal.roles",
                                   "SELECT role, agency_code, unit_key FROM user_roles WHERE user_id = $1"};
const store::Query kTokenFind{"accounts.api_token.find",
                              "SELECT id, name, agency_code, roles, last_used_at FROM api_tokens "
                              "WHERE token_hash = $1 AND revoked_at IS NULL"};
const store::Query kTokenTouch{"accounts.api_token.touch", "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2"};
const store::Query kOneTimeInsert{
    "accounts.one_time.insert",
    "INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)"};
const store::Query kOneTimeFind{"accounts.one_time.find",
                                "SELECT user_id, expires_at, used_at FROM account_tokens "
                                "WHERE token_hash = $1 AND purpose = $2"};
const store::Query kOneTimeUse{"accounts.one_time.use",
                               "UPDATE account_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL"};
const store::Query kActivate{"accounts.activate",
                             "UPDATE users SET status = 'active', email_verified_at = $1, updated_at = $1 "
                             "WHERE id = $2 AND status = 'pending'"};
const store::Query kFindByEmail{"accounts.find_by_email", "SELECT id, status FROM users WHERE email = $1"};
const store::Query kUserHash{"accounts.user_hash", "SELECT password_hash, username, email FROM users WHERE id = $1"};

core::Instant Parse(const std::string& text) {
  auto t = core::ParseInstant(text);
  return t ? *t : core::Instant{};
}

access::ThrottleState LoadThrottle(store::Transaction& tx, const std::string& key, bool for_update) {
  bool lock = for_update && tx.dialect() == store::Dialect::kPostgres;  // SQLite: one writer already
  auto row = tx.QueryOne(lock ? kThrottleGetForUpdate : kThrottleGet, {key});
  access::ThrottleState s;
  if (!row) return s;
  s.failures = static_cast<int>(row->Int(0));
  s.locks = static_cast<int>(row->Int(1));
  if (!row->IsNull(2)) s.locked_until = Parse(row->Text(2));
  if (!row->IsNull(3)) s.last_failure = Parse(row->Text(3));
  return s;
}

void SaveThrottle(store::Transaction& tx, const std::string& key, const access::ThrottleState& s) {
  auto opt = [](const std::optional<core::Instant>& t) {
    return t ? store::Value(core::FormatInstant(*t)) : store::Value(store::Null{});
  };
  tx.Execute(kThrottlePut, {key, static_cast<std::int64_t>(s.failures), static_cast<std::int64_t>(s.locks),
                            opt(s.locked_until), opt(s.last_failure)});
}

core::Error TooMany(bool account, int seconds) {
  auto n = std::to_string(seconds);
  if (account)
    return core::Error::Make(
        core::errc::kTooManyRequests,
        "Tài khoản này tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau " + n + " giây.",
        "This account is temporarily locked after too many failed logins. Please try again in " + n + " seconds.");
  return core::Error::Make(core::errc::kTooManyRequests,
                           "Có quá nhiều lần đăng nhập sai từ địa chỉ này. Vui lòng thử lại sau " + n + " giây.",
                           "Too many failed logins from this address. Please try again in " + n + " seconds.");
}

core::Error InvalidCredentials() {
  return core::Error::Make("invalid_credentials", "Tên đăng nhập hoặc mật khẩu không đúng.",
                           "The user name or password is incorrect.");
}

core::Error InvalidToken() {
  return core::Error::Make("invalid_token", "Liên kết không hợp lệ, đã được dùng hoặc đã hết hạn.",
                           "The link is invalid, already used or expired.");
}

std::string Link(Context& ctx, std::string_view path, const std::string& token) {
  auto base = ctx.site.public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + std::string(path) + "?token=" + token;
}

// Creates a one-time token of `purpose` for `user_id`; returns the token.
std::string IssueOneTime(store::Transaction& tx, Context& ctx, std::int64_t user_id, const char* purpose,
                         std::chrono::hours lifetime) {
  auto token = RandomToken();
  auto now = ctx.clock.Now();
  tx.Execute(kOneTimeInsert, {Sha256Hex(token), user_id, std::string(purpose), core::FormatInstant(now),
                              core::FormatInstant(now + lifetime)});
  return token;
}

// The user id of a live one-time token, or none.
std::optional<std::int64_t> FindOneTime(store::Transaction& tx, Context& ctx, std::string_view token,
                                        const char* purpose) {
  if (token.empty() || token.size() > 200) return std::nullopt;
  auto row = tx.QueryOne(kOneTimeFind, {Sha256Hex(token), std::string(purpose)});
  if (!row || !row->IsNull(2)) return std::nullopt;
  if (Parse(row->Text(1)) <= ctx.clock.Now()) return std::nullopt;
  return row->Int(0);
}

}  // namespace

// ---- settings and primitives ----------------------------------------------------------------------

std::optional<PasswordCost> PasswordCostFromString(std::string_view name) {
  if (name == "min") return PasswordCost::kMin;
  if (name == "interactive") return PasswordCost::kInteractive;
  if (name == "moderate") return PasswordCost::kModerate;
  return std::nullopt;
}

void Configure(const Settings& settings) {
  std::lock_guard lock(g_settings_mu);
  g_settings = settings;
}

const Settings& CurrentSettings() { return g_settings; }

std::string HashPassword(std::string_view password) {
  EnsureSodium();
  char out[crypto_pwhash_STRBYTES];
  auto [ops, mem] = Limits(CurrentSettings().password_cost);
  if (crypto_pwhash_str(out, password.data(), password.size(), ops, mem) != 0)
    throw std::runtime_error("argon2id hashing failed (out of memory)");
  return out;
}

bool VerifyPassword(const std::string& hash, std::string_view password) {
  EnsureSodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string RandomToken() {
  EnsureSodium();
  unsigned char buf[32];
  randombytes_buf(buf, sizeof buf);
  char out[sodium_base64_ENCODED_LEN(sizeof buf, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, buf, sizeof buf, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string Sha256Hex(std::string_view text) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

// ---- authorization ---------------------------------------------------------------------------------

core::Status Authorize(const access::Principal* who, std::string_view permission, const access::Target& target) {
  if (access::Allows(who, permission, target)) return core::Ok{};
  if (!who)
    return core::Error::Make(core::errc::kUnauthorized, "Vui lòng đăng nhập để tiếp tục.",
                             "Please log in to continue.");
  return core::Error::Make(core::errc::kForbidden, "Bạn không có quyền thực hiện thao tác này.",
                           "You are not allowed to do this.");
}

core::Result<User> GetUser(Context& ctx, std::int64_t id) {
  auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
  auto user = LoadUser(*tx, id);
  if (!user) return core::Error::NotFound();
  return *user;
}

std::optional<access::Principal> PrincipalOfUser(Context& ctx, std::int64_t id) {
  auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
  auto row = tx->QueryOne(kPrincipalUser, {id});
  if (!row) return std::nullopt;
  access::Principal p;
  p.user_id = id;
  p.kind = access::AccountKindFromString(row->Text(0)).value_or(access::AccountKind::kCitizen);
  p.username = row->Text(1);
  p.agency = row->Text(2);
  for (const auto& r : tx->Query(kPrincipalRoles, {id}))
    if (auto role = access::RoleFromString(r.Text(0))) p.roles.push_back({*role, r.Text(1), r.Text(2)});
  return p;
}

// ---- registration -------------------------------------------------------------------------------------

core::Result<User> Register(Context& ctx, const Registration& r, const Caller& caller) {
  std::map<std::string, core::FieldError> bad;
  bool citizen = r.kind == "citizen", business = r.kind == "business";
  if (!citizen && !business)
    bad["kind"] = InvalidFormat("Loại tài khoản phải là citizen (công dân) hoặc business (doanh nghiệp).",
                                "The account kind must be citizen or business.");
  auto username = access::NormalizeUsername(r.username);
  if (r.username.empty())
    bad["username"] = Required();
  else if (!username)
    bad["username"] = InvalidFormat("Tên đăng nhập gồm 3–50 ký tự a–z, 0–9, dấu chấm, gạch dưới hoặc gạch ngang.",
                                    "A user name has 3–50 of a–z, 0–9, dot, underscore or dash.");
  auto email = access::NormalizeEmail(r.email);
  if (r.email.empty())
    bad["email"] = Required();
  else if (!email)
    bad["email"] = InvalidFormat("Địa chỉ thư điện tử không hợp lệ.", "This is not an e-mail address.");
  if (r.password.empty())
    bad["password"] = Required();
  else if (auto p = access::CheckPassword(r.password, username.value_or(r.username), email.value_or(r.email)))
    bad["password"] = *p;
  auto full_name = CleanText(r.full_name, 2, 200);
  if (!full_name)
    bad["full_name"] = r.full_name.empty() ? Required()
                                           : InvalidFormat("Họ tên (tên doanh nghiệp) dài 2–200 ký tự.",
                                                           "The name must have 2–200 characters.");
  auto phone = access::NormalizePhone(r.phone);
  if (r.phone.empty())
    bad["phone"] = Required();
  else if (!phone)
    bad["phone"] = InvalidFormat("Số điện thoại không hợp lệ.", "This is not a Vietnamese phone number.");
  auto address = CleanText(r.address, 5, 500);
  if (!address)
    bad["address"] = r.address.empty()
                         ? Required()
                         : InvalidFormat("Địa chỉ dài 5–500 ký tự.", "The address must have 5–500 characters.");
  NewUserRow row;
  if (citizen) {
    auto id = access::NormalizeCitizenId(r.id_number);
    if (r.id_number.empty())
      bad["id_number"] = Required();
    else if (!id)
      bad["id_number"] =
          InvalidFormat("Số định danh cá nhân (CCCD) gồm 12 chữ số.", "A citizen ID number has 12 digits.");
    else
      row.id_number = *id;
    auto dob = core::ParseDate(r.date_of_birth);
    auto today = core::LocalDate(ctx.clock.Now());
    if (r.date_of_birth.empty())
      bad["date_of_birth"] = Required();
    else if (!dob || *dob >= today || dob->year() < std::chrono::year(1900))
      bad["date_of_birth"] = InvalidFormat("Ngày sinh không hợp lệ (YYYY-MM-DD, trước hôm nay).",
                                           "The date of birth must be a past date (YYYY-MM-DD).");
    else
      row.date_of_birth = core::FormatDate(*dob);
  }
  if (business) {
    auto tax = access::NormalizeTaxCode(r.tax_code);
    if (r.tax_code.empty())
      bad["tax_code"] = Required();
    else if (!tax)
      bad["tax_code"] = InvalidFormat("Mã số doanh nghiệp/mã số thuế gồm 10 hoặc 13 chữ số (0100109106-001).",
                                      "An enterprise/tax code has 10 or 13 digits (0100109106-001).");
    else
      row.tax_code = *tax;
    auto rep = CleanText(r.representative, 2, 200);
    if (!rep)
      bad["representative"] =
          r.representative.empty()
              ? Required()
              : InvalidFormat("Người đại diện dài 2–200 ký tự.", "The representative must have 2–200 characters.");
    else
      row.representative = *rep;
  }
  if (!bad.empty()) return Validation(std::move(bad));

  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    if (UsernameOrEmailTaken(*tx, *username, *email)) return Conflict();
  }
  row.username = *username;
  row.email = *email;
  row.kind = r.kind;
  row.full_name = *full_name;
  row.password_hash = HashPassword(r.password);
  row.status = "pending";
  row.phone = *phone;
  row.address = *address;
  std::string token;
  std::int64_t id = 0;
  try {
    auto tx = ctx.db.Begin();
    id = InsertUser(*tx, Now(ctx), row);
    token = IssueOneTime(*tx, ctx, id, "verify", kVerifyTokenLifetime);
    Audit(*tx, ctx, caller, "user.register", "user", std::to_string(id), {{"kind", r.kind}});
    tx->Commit();
  } catch (const store::DbError& e) {
    if (e.kind() == store::DbError::Kind::kUniqueViolation) return Conflict();
    throw;
  }
  if (CurrentSettings().link_sink) CurrentSettings().link_sink("verify", id, token);
  if (CurrentSettings().log_links)
    Log(LogLevel::kInfo, "verification link (development mode; no mail yet)",
        {{"user_id", id}, {"request_id", caller.request_id}, {"link", Link(ctx, "/xac-thuc", token)}});
  return GetUser(ctx, id);
}

core::Result<User> VerifyEmail(Context& ctx, std::string_view token, const Caller& caller) {
  auto tx = ctx.db.Begin();
  auto user_id = FindOneTime(*tx, ctx, token, "verify");
  if (!user_id) return InvalidToken();
  auto now = Now(ctx);
  if (tx->Execute(kOneTimeUse, {now, Sha256Hex(token)}) != 1) return InvalidToken();
  tx->Execute(kActivate, {now, *user_id});
  Audit(*tx, ctx, caller, "user.verify", "user", std::to_string(*user_id));
  auto user = LoadUser(*tx, *user_id);
  tx->Commit();
  if (!user) return InvalidToken();
  return *user;
}

// ---- login and sessions -------------------------------------------------------------------------------

core::Result<LoginResult> Login(Context& ctx, std::string_view login, std::string_view password, const Caller& caller,
                                int* retry_after) {
  auto name = Lower(login);
  std::map<std::string, core::FieldError> bad;
  if (name.empty()) bad["username"] = Required();
  if (password.empty()) bad["password"] = Required();
  if (!bad.empty()) return Validation(std::move(bad));
  // Nothing that long was ever accepted as a name or a password: no need to hash it.
  if (name.size() > 254 || core::access::CountChars(password) > 4 * access::kPasswordMaxChars)
    return InvalidCredentials();
  const auto& settings = CurrentSettings();
  struct Key {
    std::string key;
    bool account;
    const access::ThrottlePolicy* policy;
  };
  std::vector<Key> keys{{"login:" + name, true, &settings.account_throttle}};
  if (!caller.address.empty()) keys.push_back({"ip:" + caller.address, false, &settings.address_throttle});
  auto now = ctx.clock.Now();

  // Locked keys are refused before any password is checked (and cost nothing).
  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    for (const auto& k : keys)
      if (auto left = access::LockedFor(LoadThrottle(*tx, k.key, false), now)) {
        if (retry_after) *retry_after = static_cast<int>(left->count());
        return TooMany(k.account, static_cast<int>(left->count()));
      }
  }

  std::optional<std::int64_t> user_id;
  std::string hash, status;
  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    if (auto row = tx->QueryOne(kFindLogin, {name})) {
      user_id = row->Int(0);
      hash = row->Text(1);
      status = row->Text(2);
    }
  }
  // The slow hash runs outside any transaction, and for unknown names too.
  bool ok = user_id ? VerifyPassword(hash, password) : (VerifyPassword(DummyHash(), password), false);

  if (!ok) {
    std::optional<std::pair<bool, int>> locked;  // (account key?, seconds)
    auto tx = ctx.db.Begin();
    for (const auto& k : keys) {
      auto state = access::AfterFailure(LoadThrottle(*tx, k.key, true), *k.policy, now);
      SaveThrottle(*tx, k.key, state);
      if (state.failures == 0)
        if (auto left = access::LockedFor(state, now)) {
          Audit(*tx, ctx, caller, "user.lock", user_id ? "user" : "login", user_id ? std::to_string(*user_id) : "",
                {{"by", k.account ? "account" : "address"}, {"seconds", left->count()}, {"locks", state.locks}});
          if (!locked) locked = std::pair{k.account, static_cast<int>(left->count())};
        }
    }
    Audit(*tx, ctx, caller, "user.login_failed", user_id ? "user" : "login", user_id ? std::to_string(*user_id) : "",
          {{"reason", user_id ? "wrong_password" : "unknown_user"}});
    tx->Commit();
    if (locked) {
      if (retry_after) *retry_after = locked->second;
      return TooMany(locked->first, locked->second);
    }
    return InvalidCredentials();
  }

  if (status == "pending")
    return core::Error::Make(
        "account_not_verified",
        "Tài khoản chưa được xác thực. Vui lòng mở liên kết xác thực đã gửi tới thư điện tử của bạn.",
        "This account is not verified yet. Please open the verification link sent to your e-mail.");
  if (status != "active")
    return core::Error::Make("account_disabled", "Tài khoản đã bị khóa. Vui lòng liên hệ bộ phận quản trị của cơ quan.",
                             "This account is locked. Please contact your agency's administrator.");

  std::optional<std::string> rehash;
  if (NeedsRehash(hash)) rehash = HashPassword(password);
  LoginResult result;
  result.session_token = RandomToken();
  result.csrf_token = RandomToken();
  auto tx = ctx.db.Begin();
  auto stamp = core::FormatInstant(now);
  tx->Execute(kThrottleClear, {keys.front().key});
  tx->Execute(kSessionPrune, {*user_id, stamp});  // the account's dead sessions go as a new one starts
  if (rehash) tx->Execute(kUpdateHash, {*rehash, stamp, *user_id});
  auto sid = tx->QueryOne(
      kSessionInsert,
      {*user_id, Sha256Hex(result.session_token), result.csrf_token, stamp,
       core::FormatInstant(now + std::chrono::duration_cast<std::chrono::microseconds>(settings.session_absolute)),
       caller.address});
  Audit(*tx, ctx, caller, "user.login", "user", std::to_string(*user_id), {{"session", sid ? sid->Int(0) : 0}});
  auto user = LoadUser(*tx, *user_id);
  tx->Commit();
  if (!user) return core::Error::Internal("user vanished during login");
  result.user = std::move(*user);
  return result;
}

std::optional<SessionInfo> ResolveSession(Context& ctx, std::string_view token) {
  if (token.empty() || token.size() > 200) return std::nullopt;
  std::int64_t id = 0, user_id = 0;
  std::string csrf;
  core::Instant last_seen;
  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    auto row = tx->QueryOne(kSessionFind, {Sha256Hex(token)});
    if (!row || row->Text(5) != "active") return std::nullopt;
    auto now = ctx.clock.Now();
    last_seen = Parse(row->Text(3));
    if (Parse(row->Text(4)) <= now) return std::nullopt;
    if (last_seen + std::chrono::duration_cast<std::chrono::microseconds>(CurrentSettings().session_idle) <= now)
      return std::nullopt;
    id = row->Int(0);
    user_id = row->Int(1);
    csrf = row->Text(2);
  }
  auto now = ctx.clock.Now();
  if (now - last_seen >= std::chrono::minutes(1)) {
    auto tx = ctx.db.Begin();
    tx->Execute(kSessionTouch, {core::FormatInstant(now), id});
    tx->Commit();
  }
  auto principal = PrincipalOfUser(ctx, user_id);
  if (!principal) return std::nullopt;
  return SessionInfo{std::move(*principal), id, std::move(csrf)};
}

std::optional<access::Principal> ResolveApiToken(Context& ctx, std::string_view token) {
  if (token.empty() || token.size() > 200) return std::nullopt;
  access::Principal p;
  std::string last_used;
  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    auto row = tx->QueryOne(kTokenFind, {Sha256Hex(token)});
    if (!row) return std::nullopt;
    p.token_id = row->Int(0);
    p.username = "token:" + row->Text(1);
    p.agency = row->Text(2);
    p.kind = access::AccountKind::kOfficer;
    std::string roles = row->Text(3);
    size_t start = 0;
    while (start <= roles.size()) {
      auto comma = roles.find(',', start);
      auto name = roles.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (auto role = access::RoleFromString(name)) p.roles.push_back({*role, p.agency, ""});
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    last_used = row->Text(4);
  }
  auto now = ctx.clock.Now();
  if (last_used.empty() || now - Parse(last_used) >= std::chrono::minutes(1)) {
    auto tx = ctx.db.Begin();
    tx->Execute(kTokenTouch, {core::FormatInstant(now), p.token_id});
    tx->Commit();
  }
  return p;
}

void Logout(Context& ctx, std::int64_t session_id, const Caller& caller) {
  if (session_id == 0) return;
  auto tx = ctx.db.Begin();
  tx->Execute(kSessionRevoke, {Now(ctx), session_id});
  if (caller.principal) Audit(*tx, ctx, caller, "user.logout", "user", std::to_string(caller.principal->user_id));
  tx->Commit();
}

core::Status LogoutAll(Context& ctx, const Caller& caller) {
  if (!caller.principal || caller.principal->user_id == 0)
    return core::Error::BadRequest("Chỉ dùng cho phiên đăng nhập của người dùng.", "Only for a person's sessions.");
  auto tx = ctx.db.Begin();
  RevokeSessions(*tx, caller.principal->user_id, Now(ctx));
  Audit(*tx, ctx, caller, "user.logout_all", "user", std::to_string(caller.principal->user_id));
  tx->Commit();
  return core::Ok{};
}

// ---- passwords -----------------------------------------------------------------------------------------

core::Status ChangePassword(Context& ctx, const Caller& caller, std::int64_t session_id,
                            std::string_view current_password, std::string_view new_password) {
  if (!caller.principal || caller.principal->user_id == 0)
    return core::Error::BadRequest("Chỉ dùng cho tài khoản người dùng.", "Only for a person's account.");
  auto user_id = caller.principal->user_id;
  std::string hash, username, email;
  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    auto row = tx->QueryOne(kUserHash, {user_id});
    if (!row) return core::Error::NotFound();
    hash = row->Text(0);
    username = row->Text(1);
    email = row->Text(2);
  }
  std::map<std::string, core::FieldError> bad;
  if (current_password.empty())
    bad["current_password"] = Required();
  else if (!VerifyPassword(hash, current_password))
    bad["current_password"] =
        core::FieldError{"wrong_password", "Mật khẩu hiện tại không đúng.", "The current password is not correct."};
  if (new_password.empty())
    bad["new_password"] = Required();
  else if (auto p = access::CheckPassword(new_password, username, email))
    bad["new_password"] = *p;
  if (!bad.empty()) return Validation(std::move(bad));
  auto new_hash = HashPassword(new_password);
  auto tx = ctx.db.Begin();
  auto now = Now(ctx);
  tx->Execute(kUpdateHash, {new_hash, now, user_id});
  RevokeSessions(*tx, user_id, now, session_id);
  Audit(*tx, ctx, caller, "user.password_change", "user", std::to_string(user_id));
  tx->Commit();
  return core::Ok{};
}

void RequestPasswordReset(Context& ctx, std::string_view email_text, const Caller& caller) {
  auto email = access::NormalizeEmail(email_text);
  if (!email) return;
  auto tx = ctx.db.Begin();
  auto row = tx->QueryOne(kFindByEmail, {*email});
  if (!row || row->Text(1) == "locked") return;
  auto user_id = row->Int(0);
  auto token = IssueOneTime(*tx, ctx, user_id, "reset", kResetTokenLifetime);
  Audit(*tx, ctx, caller, "user.password_reset_request", "user", std::to_string(user_id));
  tx->Commit();
  if (CurrentSettings().link_sink) CurrentSettings().link_sink("reset", user_id, token);
  if (CurrentSettings().log_links)
    Log(LogLevel::kInfo, "password reset link (development mode; no mail yet)",
        {{"user_id", user_id}, {"request_id", caller.request_id}, {"link", Link(ctx, "/dat-lai-mat-khau", token)}});
}

core::Status ConfirmPasswordReset(Context& ctx, std::string_view token, std::string_view new_password,
                                  const Caller& caller) {
  std::int64_t user_id = 0;
  std::string username, email;
  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    auto id = FindOneTime(*tx, ctx, token, "reset");
    if (!id) return InvalidToken();
    user_id = *id;
    auto row = tx->QueryOne(kUserHash, {user_id});
    if (!row) return InvalidToken();
    username = row->Text(1);
    email = row->Text(2);
  }
  if (new_password.empty()) return Validation({{"new_password", Required()}});
  if (auto p = access::CheckPassword(new_password, username, email)) return Validation({{"new_password", *p}});
  auto hash = HashPassword(new_password);
  auto tx = ctx.db.Begin();
  auto now = Now(ctx);
  if (!FindOneTime(*tx, ctx, token, "reset") || tx->Execute(kOneTimeUse, {now, Sha256Hex(token)}) != 1)
    return InvalidToken();
  tx->Execute(kUpdateHash, {hash, now, user_id});
  tx->Execute(kActivate, {now, user_id});  // the link came by e-mail: the address is verified
  RevokeSessions(*tx, user_id, now);
  tx->Execute(kThrottleClear, {"login:" + username});
  tx->Execute(kThrottleClear, {"login:" + email});
  Audit(*tx, ctx, caller, "user.password_reset", "user", std::to_string(user_id));
  tx->Commit();
  return core::Ok{};
}

// ---- housekeeping ------------------------------------------------------------------------------------

namespace {
const store::Query kDeadSessions{
    "accounts.housekeep.sessions",
    "DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2 OR revoked_at IS NOT NULL"};
const store::Query kDeadLinks{"accounts.housekeep.links",
                              "DELETE FROM account_tokens WHERE expires_at <= $1 OR used_at IS NOT NULL"};
const store::Query kForgottenKeys{"accounts.housekeep.throttle",
                                  "DELETE FROM login_throttle WHERE (locked_until IS NULL OR locked_until <= $1) "
                                  "AND (last_failure_at IS NULL OR last_failure_at <= $2)"};
}  // namespace

core::Result<HousekeepReport> Housekeep(Context& ctx) {
  const auto& settings = CurrentSettings();
  const auto now = ctx.clock.Now();
  // last_seen_at moves at most once a minute: a session is surely idle a minute after its limit.
  const auto idle =
      std::chrono::duration_cast<std::chrono::microseconds>(settings.session_idle + std::chrono::minutes(1));
  const auto forget = std::chrono::duration_cast<std::chrono::microseconds>(
      std::max(settings.account_throttle.forget_after, settings.address_throttle.forget_after));
  const std::string stamp = core::FormatInstant(now);
  HousekeepReport report;
  auto tx = ctx.db.Begin();
  report.sessions = static_cast<int>(tx->Execute(kDeadSessions, {stamp, core::FormatInstant(now - idle)}));
  report.links = static_cast<int>(tx->Execute(kDeadLinks, {stamp}));
  report.throttle = static_cast<int>(tx->Execute(kForgottenKeys, {stamp, core::FormatInstant(now - forget)}));
  if (report.sessions || report.links || report.throttle) {
    audit::Event e;
    e.actor_role = "system";
    e.action = "accounts.housekeep";
    e.object_type = "system";
    e.detail = {{"sessions", report.sessions}, {"links", report.links}, {"throttle_keys", report.throttle}};
    audit::Record(*tx, ctx.clock, e);
  }
  tx->Commit();
  return report;
}

// ---- shared helpers ------------------------------------------------------------------------------------

namespace internal {

namespace {
const store::Query kLoadUser{
    "accounts.user.load",
    "SELECT u.id, u.username, u.kind, u.full_name, u.email, u.status, u.agency_code, a.name, u.unit_key, un.name, "
    "u.phone, u.address, u.id_number, u.date_of_birth, u.tax_code, u.representative, u.version, u.created_at "
    "FROM users u LEFT JOIN agencies a ON a.code = u.agency_code "
    "LEFT JOIN units un ON un.agency_code = u.agency_code AND un.key = u.unit_key WHERE u.id = $1"};
const store::Query kLoadRoles{
    "accounts.user.roles",
    "SELECT r.role, r.agency_code, a.name, r.unit_key, un.name FROM user_roles r "
    "LEFT JOIN agencies a ON a.code = r.agency_code "
    "LEFT JOIN units un ON un.agency_code = r.agency_code AND un.key = r.unit_key WHERE r.user_id = $1"};
const store::Query kInsertUser{
    "accounts.user.insert",
    "INSERT INTO users (username, email, kind, full_name, password_hash, status, email_verified_at, agency_code, "
    "unit_key, id_number, date_of_birth, tax_code, representative, phone, address, version, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 1, $16, $16) RETURNING id"};
const store::Query kTaken{
    "accounts.user.taken",
    "SELECT count(*) FROM users WHERE username = $1 OR email = $2 OR username = $2 OR email = $1"};
const store::Query kDeleteRoles{"accounts.roles.delete", "DELETE FROM user_roles WHERE user_id = $1"};
const store::Query kInsertRole{"accounts.roles.insert",
                               "INSERT INTO user_roles (user_id, role, agency_code, unit_key) VALUES ($1, $2, $3, $4)"};
const store::Query kRevokeAll{
    "accounts.session.revoke_all",
    "UPDATE sessions SET revoked_at = $1 WHERE user_id = $2 AND id <> $3 AND revoked_at IS NULL"};

store::Value OrNull(const std::string& s) { return s.empty() ? store::Value(store::Null{}) : store::Value(s); }
}  // namespace

std::string Now(Context& ctx) { return core::FormatInstant(ctx.clock.Now()); }

core::Error Validation(std::map<std::string, core::FieldError> fields) {
  auto e = core::Error::Make(core::errc::kValidationFailed,
                             "Thông tin chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.",
                             "Some information is not valid; please check the marked fields.");
  e.fields = std::move(fields);
  return e;
}

core::Error Conflict() {
  return core::Error::Make(core::errc::kConflict, "Tên đăng nhập hoặc địa chỉ thư điện tử đã được sử dụng.",
                           "The user name or e-mail address is already in use.");
}

core::FieldError Required() { return {"required", "Vui lòng nhập thông tin này.", "This is required."}; }

core::FieldError InvalidFormat(std::string vi, std::string en) {
  return {"invalid_format", std::move(vi), std::move(en)};
}

std::optional<std::string> CleanText(std::string_view text, std::size_t min, std::size_t max) {
  if (!core::text::IsValidUtf8(text)) return std::nullopt;
  auto s = core::text::Nfc(text);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t start = 0;
  while (start < s.size() && std::isspace(static_cast<unsigned char>(s[start]))) ++start;
  s.erase(0, start);
  if (s.find_first_of("\r\n\t") != std::string::npos) return std::nullopt;
  auto n = core::text::CharCount(s);
  if (n < min || n > max) return std::nullopt;
  return s;
}

std::optional<User> LoadUser(store::Transaction& tx, std::int64_t id) {
  auto row = tx.QueryOne(kLoadUser, {id});
  if (!row) return std::nullopt;
  User u;
  u.id = row->Int(0);
  u.username = row->Text(1);
  u.kind = access::AccountKindFromString(row->Text(2)).value_or(access::AccountKind::kCitizen);
  u.full_name = row->Text(3);
  u.email = row->Text(4);
  u.status = row->Text(5);
  u.agency_code = row->Text(6);
  u.agency_name = row->Text(7);
  u.unit_key = row->Text(8);
  u.unit_name = row->Text(9);
  u.phone = row->Text(10);
  u.address = row->Text(11);
  u.id_number = row->Text(12);
  u.date_of_birth = row->Text(13);
  u.tax_code = row->Text(14);
  u.representative = row->Text(15);
  u.version = static_cast<int>(row->Int(16));
  u.created_at = row->Text(17);
  for (const auto& r : tx.Query(kLoadRoles, {id})) {
    auto role = access::RoleFromString(r.Text(0));
    if (!role) continue;
    u.roles.push_back({*role, r.Text(1), r.Text(2), r.Text(3), r.Text(4)});
  }
  const auto& order = access::AllRoles();
  auto rank = [&](access::Role x) { return std::find(order.begin(), order.end(), x) - order.begin(); };
  std::sort(u.roles.begin(), u.roles.end(), [&](const RoleView& a, const RoleView& b) {
    return std::tie(a.agency_code, a.unit_key) < std::tie(b.agency_code, b.unit_key) ||
           (std::tie(a.agency_code, a.unit_key) == std::tie(b.agency_code, b.unit_key) && rank(a.role) < rank(b.role));
  });
  return u;
}

std::int64_t InsertUser(store::Transaction& tx, const std::string& now, const NewUserRow& r) {
  auto row =
      tx.QueryOne(kInsertUser, {r.username, OrNull(r.email), r.kind, r.full_name, r.password_hash, r.status,
                                r.verified ? store::Value(now) : store::Value(store::Null{}), OrNull(r.agency_code),
                                OrNull(r.unit_key), OrNull(r.id_number), OrNull(r.date_of_birth), OrNull(r.tax_code),
                                OrNull(r.representative), OrNull(r.phone), OrNull(r.address), now});
  return row->Int(0);
}

bool UsernameOrEmailTaken(store::Transaction& tx, const std::string& username, const std::string& email) {
  return tx.QueryOne(kTaken, {username, email})->Int(0) > 0;
}

void ReplaceRoles(store::Transaction& tx, std::int64_t user_id, const std::vector<access::RoleGrant>& grants) {
  tx.Execute(kDeleteRoles, {user_id});
  for (const auto& g : grants)
    tx.Execute(kInsertRole, {user_id, std::string(access::ToString(g.role)), g.agency, g.unit});
}

void RevokeSessions(store::Transaction& tx, std::int64_t user_id, const std::string& now, std::int64_t except) {
  tx.Execute(kRevokeAll, {now, user_id, except});
}

void Audit(store::Transaction& tx, Context& ctx, const Caller& caller, std::string action, std::string object_type,
           std::string object_id, nlohmann::json detail) {
  audit::Event e;
  if (caller.principal && caller.principal->user_id) e.actor_id = caller.principal->user_id;
  e.actor_role = caller.principal ? caller.principal->MainRole() : "anonymous";
  if (caller.principal && caller.principal->IsToken()) detail["token_id"] = caller.principal->token_id;
  // The client address is kept for the events of the login defence only.
  bool login_event = action == "user.login" || action == "user.login_failed" || action == "user.lock";
  if (login_event && !caller.address.empty()) detail["address"] = caller.address;
  e.action = std::move(action);
  e.object_type = std::move(object_type);
  e.object_id = std::move(object_id);
  e.request_id = caller.request_id;
  e.detail = std::move(detail);
  audit::Record(tx, ctx.clock, e);
}

}  // namespace internal
}  // namespace motcua::services::accounts
