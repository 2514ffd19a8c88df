// Who is acting: account kinds, the officer roles (each scoped to an agency, and a unit where it
// matters) and the principal that the authorization rules judge.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::core::access {

enum class AccountKind { kCitizen, kBusiness, kOfficer };
std::string_view ToString(AccountKind kind);
std::optional<AccountKind> AccountKindFromString(std::string_view name);

enum class Role {
  kOneStopOfficer,  // cán bộ một cửa
  kSpecialist,      // chuyên viên thụ lý
  kUnitHead,        // lãnh đạo phòng
  kAgencyLeader,    // lãnh đạo cơ quan
  kClerk,           // văn thư
  kAgencyIt,        // cán bộ CNTT của cơ quan
  kCityAdmin,       // quản trị hệ thống
  kAuditor,         // thanh tra
};
std::string_view ToString(Role role);
std::optional<Role> RoleFromString(std::string_view name);
std::string_view Label(Role role);  // Vietnamese
std::string_view LabelEn(Role role);
const std::vector<Role>& AllRoles();
// Roles whose scope narrows to the holder's unit (a division of the agency).
bool UnitScoped(Role role);

// One role held at one agency (and unit). A city_admin's agency is where the account lives; its
// scope is the whole city regardless.
struct RoleGrant {
  Role role = Role::kSpecialist;
  std::string agency;  // agency code
  std::string unit;    // unit key; empty: the whole agency
  bool operator==(const RoleGrant&) const = default;
};

// The caller of a use case: a signed-in person (session) or a machine client (API token).
struct Principal {
  long long user_id = 0;   // 0 for an API token
  long long token_id = 0;  // 0 for a person
  AccountKind kind = AccountKind::kCitizen;
  std::string username;
  std::string agency;  // officers: the agency of the account
  std::vector<RoleGrant> roles;

  bool IsToken() const { return token_id != 0; }
  bool Has(Role role) const;
  // "city_admin", "citizen", "token", … for logs and audit events.
  std::string MainRole() const;
};

}  // namespace motcua::core::access
