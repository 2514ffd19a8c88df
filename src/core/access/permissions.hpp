// The authorization rules, role × action × scope, in one table. The route table names a permission
// for every route; the auth middleware asks Allows() at route level (is there any scope where the
// caller may do this?), and the use case asks again with the object's scope (the agency in the path,
// the owner of a dossier).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/roles.hpp"

namespace motcua::core::access {

// Permission names used by routes. "public" needs nobody; "authenticated" any signed-in caller.
namespace perm {
inline constexpr std::string_view kPublic = "public";
inline constexpr std::string_view kAuthenticated = "authenticated";
inline constexpr std::string_view kUsersManage = "users.manage";        // officers of an agency
inline constexpr std::string_view kTokensManage = "tokens.manage";      // API tokens of an agency
inline constexpr std::string_view kCatalogAdmin = "catalog.admin";      // catalog, waves, holidays
inline constexpr std::string_view kReportsRead = "reports.read";        // reports of an agency / the city
inline constexpr std::string_view kAuditRead = "audit.read";            // the audit trail
inline constexpr std::string_view kDossiersOwn = "dossiers.own";        // an applicant's own dossiers
inline constexpr std::string_view kDossiersHandle = "dossiers.handle";  // officers at their agency
inline constexpr std::string_view kDossiersAct = "dossiers.act";  // workflow actions: handling officers, applicants
}  // namespace perm

// What an action touches. Empty fields at route level: "somewhere".
struct Target {
  std::string agency;              // agency code of the object
  std::string unit;                // unit key of the object, when it belongs to one
  std::optional<long long> owner;  // user id of the applicant who owns it
};

// Every permission the rules know ("public" and "authenticated" included).
const std::vector<std::string_view>& KnownPermissions();

// Whether `who` (null: anonymous) may exercise `permission` on `target`. Unknown permissions deny.
bool Allows(const Principal* who, std::string_view permission, const Target& target = {});

// Whether `who` may give `role` at `agency` to an officer (agency IT: any role of its own agency
// but city_admin and auditor; city_admin: any role anywhere).
bool CanGrant(const Principal& who, Role role, std::string_view agency);

// Roles an API token may carry: never the administrative ones.
bool TokenMayHold(Role role);

}  // namespace motcua::core::access
