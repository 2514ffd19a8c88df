// Accounts administration: officers of an agency (users.manage) and API tokens (tokens.manage).
#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "core/access/credentials.hpp"
#include "services/accounts.hpp"
#include "services/accounts_internal.hpp"

namespace motcua::services::accounts {

using namespace internal;  // NOLINT: the service's own helpers
using nlohmann::json;

namespace {

const store::Query kAgencyExists{"accounts.agency.exists", "SELECT name FROM agencies WHERE code = $1"};
const store::Query kUnitExists{"accounts.unit.exists", "SELECT name FROM units WHERE agency_code = $1 AND key = $2"};
const store::Query kOfficerIds{"accounts.officers.ids",
                               "SELECT id FROM users WHERE agency_code = $1 AND kind = 'officer' ORDER BY username"};
const store::Query kUpdateOfficer{
    "accounts.officer.update",
    "UPDATE users SET full_name = $1, unit_key = $2, status = $3, version = version + 1, updated_at = $4 "
    "WHERE id = $5 AND version = $6"};
const store::Query kTokenInsert{"accounts.api_token.insert",
                                "INSERT INTO api_tokens (name, token_hash, agency_code, roles, created_by, created_at) "
                                "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"};
const store::Query kTokenList{"accounts.api_token.list",
                              "SELECT id, name, agency_code, roles, created_at, last_used_at FROM api_tokens "
                              "WHERE agency_code = $1 AND revoked_at IS NULL ORDER BY id"};
const store::Query kTokenGet{"accounts.api_token.get", "SELECT agency_code, revoked_at FROM api_tokens WHERE id = $1"};
const store::Query kTokenRevoke{"accounts.api_token.revoke",
                                "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL"};

core::Error AgencyNotFound() {
  return core::Error::Make(core::errc::kNotFound, "Không tìm thấy cơ quan.", "No such agency.");
}

std::string JoinRoles(const std::vector<access::Role>& roles) {
  std::string out;
  for (auto r : roles) out += (out.empty() ? "" : ",") + std::string(access::ToString(r));
  return out;
}

std::vector<access::Role> SplitRoles(const std::string& text) {
  std::vector<access::Role> out;
  size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    if (auto r = access::RoleFromString(text.substr(start, comma == std::string::npos ? comma : comma - start)))
      out.push_back(*r);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// Parses role names (distinct, known); adds a field problem to `bad` otherwise.
std::vector<access::Role> ParseRoles(const std::vector<std::string>& names,
                                     std::map<std::string, core::FieldError>& bad) {
  std::vector<access::Role> roles;
  if (names.empty()) {
    bad["roles"] = core::FieldError{"required", "Chọn ít nhất một vai trò.", "Choose at least one role."};
    return roles;
  }
  for (const auto& n : names) {
    auto r = access::RoleFromString(n);
    if (!r) {
      bad["roles"] = InvalidFormat("Vai trò không tồn tại: " + n + ".", "Unknown role: " + n + ".");
      return {};
    }
    if (std::find(roles.begin(), roles.end(), *r) == roles.end()) roles.push_back(*r);
  }
  return roles;
}

std::vector<access::RoleGrant> Grants(const std::vector<access::Role>& roles, const std::string& agency,
                                      const std::string& unit) {
  std::vector<access::RoleGrant> out;
  for (auto r : roles) out.push_back({r, agency, access::UnitScoped(r) ? unit : ""});
  return out;
}

core::Error CannotGrant(access::Role r) {
  auto e = core::Error::Make(core::errc::kForbidden, "Bạn không có quyền giao vai trò này.",
                             "You are not allowed to give this role.");
  e.fields["roles"] =
      core::FieldError{"not_grantable", "Bạn không thể giao vai trò " + std::string(access::Label(r)) + ".",
                       "You cannot give the role " + std::string(access::ToString(r)) + "."};
  return e;
}

}  // namespace

// ---- officers ----------------------------------------------------------------------------------------

core::Result<std::vector<User>> ListOfficers(Context& ctx, const Caller& caller, const std::string& agency) {
  if (auto ok = Authorize(caller.principal, access::perm::kUsersManage, {agency, {}, {}}); !ok) return ok.error();
  auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
  if (!tx->QueryOne(kAgencyExists, {agency})) return AgencyNotFound();
  std::vector<User> out;
  for (const auto& r : tx->Query(kOfficerIds, {agency}))
    if (auto u = LoadUser(*tx, r.Int(0))) out.push_back(std::move(*u));
  return out;
}

core::Result<User> CreateOfficer(Context& ctx, const Caller& caller, const std::string& agency, const NewOfficer& o) {
  if (auto ok = Authorize(caller.principal, access::perm::kUsersManage, {agency, {}, {}}); !ok) return ok.error();
  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    if (!tx->QueryOne(kAgencyExists, {agency})) return AgencyNotFound();
  }
  std::map<std::string, core::FieldError> bad;
  auto username = access::NormalizeUsername(o.username);
  if (o.username.empty())
    bad["username"] = Required();
  else if (!username)
    bad["username"] = InvalidFormat("Tên đăng nhập gồm 3–50 ký tự a–z, 0–9, dấu chấm, gạch dưới hoặc gạch ngang.",
                                    "A user name has 3–50 of a–z, 0–9, dot, underscore or dash.");
  auto full_name = CleanText(o.full_name, 2, 200);
  if (!full_name)
    bad["full_name"] = o.full_name.empty()
                           ? Required()
                           : InvalidFormat("Họ tên dài 2–200 ký tự.", "The name must have 2–200 characters.");
  auto email = access::NormalizeEmail(o.email);
  if (o.email.empty())
    bad["email"] = Required();
  else if (!email)
    bad["email"] = InvalidFormat("Địa chỉ thư điện tử không hợp lệ.", "This is not an e-mail address.");
  std::string phone;
  if (!o.phone.empty()) {
    if (auto p = access::NormalizePhone(o.phone))
      phone = *p;
    else
      bad["phone"] = InvalidFormat("Số điện thoại không hợp lệ.", "This is not a Vietnamese phone number.");
  }
  if (!o.unit.empty()) {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    if (!tx->QueryOne(kUnitExists, {agency, o.unit}))
      bad["unit"] = InvalidFormat("Cơ quan không có phòng/bộ phận này.", "The agency has no such unit.");
  }
  auto roles = ParseRoles(o.roles, bad);
  if (o.password.empty())
    bad["password"] = Required();
  else if (auto p = access::CheckPassword(o.password, username.value_or(o.username), email.value_or(o.email)))
    bad["password"] = *p;
  if (!bad.empty()) return Validation(std::move(bad));
  for (auto r : roles)
    if (!access::CanGrant(*caller.principal, r, agency)) return CannotGrant(r);
  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    if (UsernameOrEmailTaken(*tx, *username, *email)) return Conflict();
  }
  NewUserRow row;
  row.username = *username;
  row.email = *email;
  row.kind = "officer";
  row.full_name = *full_name;
  row.password_hash = HashPassword(o.password);
  row.status = "active";
  row.verified = true;
  row.agency_code = agency;
  row.unit_key = o.unit;
  row.phone = phone;
  try {
    auto tx = ctx.db.Begin();
    auto id = InsertUser(*tx, Now(ctx), row);
    auto grants = Grants(roles, agency, o.unit);
    ReplaceRoles(*tx, id, grants);
    json names = json::array();
    for (auto r : roles) names.push_back(access::ToString(r));
    Audit(*tx, ctx, caller, "user.create", "user", std::to_string(id),
          {{"agency", agency}, {"unit", o.unit}, {"roles", names}});
    auto user = LoadUser(*tx, id);
    tx->Commit();
    return *user;
  } catch (const store::DbError& e) {
    if (e.kind() == store::DbError::Kind::kUniqueViolation) return Conflict();
    throw;
  }
}

core::Result<User> UpdateOfficer(Context& ctx, const Caller& caller, std::int64_t id, const OfficerChange& change) {
  std::optional<User> current;
  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    current = LoadUser(*tx, id);
  }
  if (!current || current->kind != access::AccountKind::kOfficer) {
    // Do not tell an outsider which ids exist.
    if (auto ok = Authorize(caller.principal, access::perm::kUsersManage, {}); !ok) return ok.error();
    return core::Error::NotFound();
  }
  const auto& agency = current->agency_code;
  if (auto ok = Authorize(caller.principal, access::perm::kUsersManage, {agency, {}, {}}); !ok) return ok.error();

  std::map<std::string, core::FieldError> bad;
  if (!change.version) bad["version"] = Required();
  std::string full_name = current->full_name, unit = current->unit_key, status = current->status;
  if (change.full_name) {
    if (auto n = CleanText(*change.full_name, 2, 200))
      full_name = *n;
    else
      bad["full_name"] = InvalidFormat("Họ tên dài 2–200 ký tự.", "The name must have 2–200 characters.");
  }
  if (change.unit) {
    unit = *change.unit;
    if (!unit.empty()) {
      auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
      if (!tx->QueryOne(kUnitExists, {agency, unit}))
        bad["unit"] = InvalidFormat("Cơ quan không có phòng/bộ phận này.", "The agency has no such unit.");
    }
  }
  if (change.status) {
    status = *change.status;
    if (status != "active" && status != "locked")
      bad["status"] = InvalidFormat("Trạng thái phải là active hoặc locked.", "The status must be active or locked.");
    else if (status == "locked" && caller.principal && caller.principal->user_id == id)
      bad["status"] = InvalidFormat("Bạn không thể tự khóa tài khoản của mình.", "You cannot lock your own account.");
  }
  std::vector<access::Role> old_roles, new_roles;
  for (const auto& r : current->roles) old_roles.push_back(r.role);
  new_roles = old_roles;
  if (change.roles) new_roles = ParseRoles(*change.roles, bad);
  if (!bad.empty()) return Validation(std::move(bad));
  // Whoever changes roles must be able to give every role that is added or taken away.
  for (auto r : new_roles)
    if (std::find(old_roles.begin(), old_roles.end(), r) == old_roles.end() &&
        !access::CanGrant(*caller.principal, r, agency))
      return CannotGrant(r);
  for (auto r : old_roles)
    if (std::find(new_roles.begin(), new_roles.end(), r) == new_roles.end() &&
        !access::CanGrant(*caller.principal, r, agency))
      return CannotGrant(r);

  auto tx = ctx.db.Begin();
  auto now = Now(ctx);
  if (tx->Execute(kUpdateOfficer, {full_name, unit.empty() ? store::Value(store::Null{}) : store::Value(unit), status,
                                   now, id, static_cast<std::int64_t>(*change.version)}) != 1)
    return core::Error::Make(core::errc::kConflict, "Tài khoản đã được người khác sửa. Vui lòng tải lại và thử lại.",
                             "Someone else changed this account; reload it and try again.");
  bool roles_changed = std::set(old_roles.begin(), old_roles.end()) != std::set(new_roles.begin(), new_roles.end());
  if (roles_changed || unit != current->unit_key) ReplaceRoles(*tx, id, Grants(new_roles, agency, unit));
  auto names = [](const std::vector<access::Role>& v) {
    json a = json::array();
    for (auto r : v) a.push_back(access::ToString(r));
    return a;
  };
  if (roles_changed)
    Audit(*tx, ctx, caller, "user.roles", "user", std::to_string(id),
          {{"old", names(old_roles)}, {"new", names(new_roles)}});
  if (status != current->status) {
    Audit(*tx, ctx, caller, status == "locked" ? "user.lock" : "user.unlock", "user", std::to_string(id),
          {{"old", current->status}, {"new", status}});
    if (status == "locked") RevokeSessions(*tx, id, now);
  }
  if (full_name != current->full_name || unit != current->unit_key)
    Audit(*tx, ctx, caller, "user.update", "user", std::to_string(id),
          {{"unit", {{"old", current->unit_key}, {"new", unit}}}});
  auto user = LoadUser(*tx, id);
  tx->Commit();
  return *user;
}

// ---- API tokens -----------------------------------------------------------------------------------------

core::Result<std::vector<ApiToken>> ListTokens(Context& ctx, const Caller& caller, const std::string& agency) {
  if (auto ok = Authorize(caller.principal, access::perm::kTokensManage, {agency, {}, {}}); !ok) return ok.error();
  auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
  if (!tx->QueryOne(kAgencyExists, {agency})) return AgencyNotFound();
  std::vector<ApiToken> out;
  for (const auto& r : tx->Query(kTokenList, {agency}))
    out.push_back({r.Int(0), r.Text(1), r.Text(2), SplitRoles(r.Text(3)), r.Text(4), r.Text(5), ""});
  return out;
}

core::Result<ApiToken> CreateToken(Context& ctx, const Caller& caller, const std::string& agency,
                                   const std::string& name, const std::vector<std::string>& role_names) {
  if (auto ok = Authorize(caller.principal, access::perm::kTokensManage, {agency, {}, {}}); !ok) return ok.error();
  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    if (!tx->QueryOne(kAgencyExists, {agency})) return AgencyNotFound();
  }
  std::map<std::string, core::FieldError> bad;
  auto clean = CleanText(name, 1, 100);
  if (!clean)
    bad["name"] =
        name.empty() ? Required() : InvalidFormat("Tên dài 1–100 ký tự.", "The name must have 1–100 characters.");
  auto roles = ParseRoles(role_names, bad);
  for (auto r : roles)
    if (!access::TokenMayHold(r))
      bad["roles"] =
          InvalidFormat("Khóa API không được mang vai trò quản trị (" + std::string(access::ToString(r)) + ").",
                        "An API token cannot hold an administrative role (" + std::string(access::ToString(r)) + ").");
  if (!bad.empty()) return Validation(std::move(bad));
  ApiToken t;
  t.name = *clean;
  t.agency_code = agency;
  t.roles = roles;
  t.token = "mct_" + RandomToken();
  t.created_at = Now(ctx);
  auto tx = ctx.db.Begin();
  store::Value creator = caller.principal && caller.principal->user_id ? store::Value(caller.principal->user_id)
                                                                       : store::Value(store::Null{});
  t.id =
      tx->QueryOne(kTokenInsert, {t.name, Sha256Hex(t.token), agency, JoinRoles(roles), creator, t.created_at})->Int(0);
  json names = json::array();
  for (auto r : roles) names.push_back(access::ToString(r));
  Audit(*tx, ctx, caller, "token.create", "api_token", std::to_string(t.id), {{"agency", agency}, {"roles", names}});
  tx->Commit();
  return t;
}

core::Status RevokeToken(Context& ctx, const Caller& caller, std::int64_t id) {
  std::string agency;
  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    auto row = tx->QueryOne(kTokenGet, {id});
    if (!row) {
      if (auto ok = Authorize(caller.principal, access::perm::kTokensManage, {}); !ok) return ok.error();
      return core::Error::NotFound();
    }
    agency = row->Text(0);
  }
  if (auto ok = Authorize(caller.principal, access::perm::kTokensManage, {agency, {}, {}}); !ok) return ok.error();
  auto tx = ctx.db.Begin();
  if (tx->Execute(kTokenRevoke, {Now(ctx), id}) == 1)
    Audit(*tx, ctx, caller, "token.revoke", "api_token", std::to_string(id));
  tx->Commit();
  return core::Ok{};
}

}  // namespace motcua::services::accounts
