// Role names, labels and the principal helpers.
#include "core/access/roles.hpp"

#include <array>

namespace motcua::core::access {
namespace {

struct RoleInfo {
  Role role;
  std::string_view name;
  std::string_view label;
  std::string_view label_en;
};

constexpr std::array<RoleInfo, 8> kRoles{{
    {Role::kOneStopOfficer, "one_stop_officer", "Cán bộ một cửa", "One-stop officer"},
    {Role::kSpecialist, "specialist", "Chuyên viên thụ lý", "Handling specialist"},
    {Role::kUnitHead, "unit_head", "Lãnh đạo phòng", "Head of division"},
    {Role::kAgencyLeader, "agency_leader", "Lãnh đạo cơ quan", "Agency leader"},
    {Role::kClerk, "clerk", "Văn thư", "Clerk"},
    {Role::kAgencyIt, "agency_it", "Cán bộ CNTT của cơ quan", "Agency IT officer"},
    {Role::kCityAdmin, "city_admin", "Quản trị hệ thống", "System administrator"},
    {Role::kAuditor, "auditor", "Thanh tra", "Inspector"},
}};

const RoleInfo& Info(Role role) {
  for (const auto& r : kRoles)
    if (r.role == role) return r;
  return kRoles[0];
}

}  // namespace

std::string_view ToString(AccountKind kind) {
  switch (kind) {
    case AccountKind::kCitizen:
      return "citizen";
    case AccountKind::kBusiness:
      return "business";
    case AccountKind::kOfficer:
      return "officer";
  }
  return "citizen";
}

std::optional<AccountKind> AccountKindFromString(std::string_view name) {
  if (name == "citizen") return AccountKind::kCitizen;
  if (name == "business") return AccountKind::kBusiness;
  if (name == "officer") return AccountKind::kOfficer;
  return std::nullopt;
}

std::string_view ToString(Role role) { return Info(role).name; }
std::string_view Label(Role role) { return Info(role).label; }
std::string_view LabelEn(Role role) { return Info(role).label_en; }

std::optional<Role> RoleFromString(std::string_view name) {
  for (const auto& r : kRoles)
    if (r.name == name) return r.role;
  return std::nullopt;
}

const std::vector<Role>& AllRoles() {
  static const std::vector<Role> kAll = [] {
    std::vector<Role> v;
    for (const auto& r : kRoles) v.push_back(r.role);
    return v;
  }();
  return kAll;
}

bool UnitScoped(Role role) { return role == Role::kSpecialist || role == Role::kUnitHead; }

bool Principal::Has(Role role) const {
  for (const auto& g : roles)
    if (g.role == role) return true;
  return false;
}

std::string Principal::MainRole() const {
  if (IsToken()) return "token";
  if (kind != AccountKind::kOfficer) return std::string(ToString(kind));
  if (roles.empty()) return "officer";
  // The widest role names the caller best.
  for (Role r : {Role::kCityAdmin, Role::kAuditor, Role::kAgencyIt, Role::kAgencyLeader, Role::kUnitHead, Role::kClerk,
                 Role::kOneStopOfficer, Role::kSpecialist})
    if (Has(r)) return std::string(ToString(r));
  return "officer";
}

}  // namespace motcua::core::access
