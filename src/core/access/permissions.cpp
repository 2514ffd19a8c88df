// The rules table and its evaluation.
#include "core/access/permissions.hpp"

#include <algorithm>

namespace motcua::core::access {
namespace {

enum class Scope {
  kAgency,  // the grant's agency must be the object's agency
  kUnit,    // as kAgency, and a unit-scoped grant must be the object's unit
  kCity,    // anywhere (auditors read reports of every agency)
};

struct Rule {
  std::string_view permission;
  bool applicants_own = false;  // citizens and businesses, on what they own
  std::vector<std::pair<Role, Scope>> roles;
};

// city_admin may do everything and is not listed.
const std::vector<Rule>& Rules() {
  static const std::vector<Rule> kRules = {
      {perm::kUsersManage, false, {{Role::kAgencyIt, Scope::kAgency}}},
      {perm::kTokensManage, false, {{Role::kAgencyIt, Scope::kAgency}}},
      {perm::kCatalogAdmin, false, {}},
      {perm::kReportsRead,
       false,
       {{Role::kAuditor, Scope::kCity}, {Role::kAgencyLeader, Scope::kAgency}, {Role::kUnitHead, Scope::kUnit}}},
      {perm::kAuditRead, false, {{Role::kAuditor, Scope::kCity}}},
      {perm::kDossiersOwn, true, {}},
      {perm::kDossiersHandle,
       false,
       {{Role::kOneStopOfficer, Scope::kAgency},
        {Role::kSpecialist, Scope::kUnit},
        {Role::kUnitHead, Scope::kUnit},
        {Role::kAgencyLeader, Scope::kAgency},
        {Role::kClerk, Scope::kAgency}}},
      // The applicant acts on their own dossier (withdraw, supplement); officers as dossiers.handle.
      {perm::kDossiersAct,
       true,
       {{Role::kOneStopOfficer, Scope::kAgency},
        {Role::kSpecialist, Scope::kUnit},
        {Role::kUnitHead, Scope::kUnit},
        {Role::kAgencyLeader, Scope::kAgency},
        {Role::kClerk, Scope::kAgency}}},
  };
  return kRules;
}

bool GrantCovers(const RoleGrant& g, Scope scope, const Target& t) {
  if (scope == Scope::kCity) return true;
  if (!t.agency.empty() && t.agency != g.agency) return false;
  if (scope == Scope::kUnit && UnitScoped(g.role) && !g.unit.empty() && !t.unit.empty() && t.unit != g.unit)
    return false;
  return true;
}

}  // namespace

const std::vector<std::string_view>& KnownPermissions() {
  static const std::vector<std::string_view> kAll = [] {
    std::vector<std::string_view> v{perm::kPublic, perm::kAuthenticated};
    for (const auto& r : Rules()) v.push_back(r.permission);
    return v;
  }();
  return kAll;
}

bool Allows(const Principal* who, std::string_view permission, const Target& target) {
  if (permission == perm::kPublic) return true;
  if (!who) return false;
  if (permission == perm::kAuthenticated) return true;
  auto rule = std::find_if(Rules().begin(), Rules().end(), [&](const Rule& r) { return r.permission == permission; });
  if (rule == Rules().end()) return false;  // an unknown permission denies
  if (who->Has(Role::kCityAdmin)) return true;
  if (rule->applicants_own && !who->IsToken() && who->kind != AccountKind::kOfficer)
    return !target.owner || *target.owner == who->user_id;
  for (const auto& grant : who->roles)
    for (const auto& [role, scope] : rule->roles)
      if (grant.role == role && GrantCovers(grant, scope, target)) return true;
  return false;
}

bool CanGrant(const Principal& who, Role role, std::string_view agency) {
  if (who.Has(Role::kCityAdmin)) return true;
  if (role == Role::kCityAdmin || role == Role::kAuditor) return false;
  return Allows(&who, perm::kUsersManage, Target{std::string(agency), {}, {}});
}

bool TokenMayHold(Role role) { return role != Role::kCityAdmin && role != Role::kAgencyIt; }

}  // namespace motcua::core::access
