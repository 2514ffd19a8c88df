// core/access: roles, the permission rules (role × action × scope), password policy, field shapes
// and the throttle arithmetic.
#include <gtest/gtest.h>

#include "core/access/credentials.hpp"
#include "core/access/permissions.hpp"
#include "core/access/roles.hpp"
#include "core/access/throttle.hpp"
#include "core/common/time.hpp"

namespace motcua::core::access {
namespace {

constexpr const char* kBaDinh = "000.00.19.H26";
constexpr const char* kHoanKiem = "000.00.20.H26";

Principal Officer(Role role, std::string agency = kBaDinh, std::string unit = "") {
  Principal p;
  p.user_id = 7;
  p.kind = AccountKind::kOfficer;
  p.agency = agency;
  p.roles.push_back({role, agency, unit});
  return p;
}

Principal Citizen(long long id) {
  Principal p;
  p.user_id = id;
  p.kind = AccountKind::kCitizen;
  return p;
}

TEST(Roles, NamesLabelsAndRoundTrip) {
  EXPECT_EQ(AllRoles().size(), 8u);
  for (auto r : AllRoles()) {
    EXPECT_EQ(RoleFromString(ToString(r)), r);
    EXPECT_FALSE(Label(r).empty());
  }
  EXPECT_EQ(Label(Role::kSpecialist), "Chuyên viên thụ lý");
  EXPECT_EQ(Label(Role::kOneStopOfficer), "Cán bộ một cửa");
  EXPECT_FALSE(RoleFromString("root"));
  EXPECT_TRUE(UnitScoped(Role::kSpecialist));
  EXPECT_FALSE(UnitScoped(Role::kAgencyLeader));
  EXPECT_EQ(AccountKindFromString("business"), AccountKind::kBusiness);
}

TEST(Permissions, PublicAndAuthenticated) {
  auto c = Citizen(1);
  EXPECT_TRUE(Allows(nullptr, perm::kPublic));
  EXPECT_FALSE(Allows(nullptr, perm::kAuthenticated));
  EXPECT_TRUE(Allows(&c, perm::kAuthenticated));
  EXPECT_FALSE(Allows(&c, "no.such.permission"));
  EXPECT_FALSE(Allows(nullptr, perm::kUsersManage));
}

TEST(Permissions, AgencyItManagesItsOwnAgencyOnly) {
  auto it = Officer(Role::kAgencyIt);
  EXPECT_TRUE(Allows(&it, perm::kUsersManage));  // route level: somewhere
  EXPECT_TRUE(Allows(&it, perm::kUsersManage, {kBaDinh, {}, {}}));
  EXPECT_FALSE(Allows(&it, perm::kUsersManage, {kHoanKiem, {}, {}}));
  EXPECT_TRUE(Allows(&it, perm::kTokensManage, {kBaDinh, {}, {}}));
  EXPECT_FALSE(Allows(&it, perm::kTokensManage, {kHoanKiem, {}, {}}));
  EXPECT_FALSE(Allows(&it, perm::kCatalogAdmin));
}

TEST(Permissions, CityAdminEverywhereAuditorReportsOnly) {
  auto admin = Officer(Role::kCityAdmin, "000.00.00.H26");
  for (auto p : KnownPermissions()) EXPECT_TRUE(Allows(&admin, p, {kHoanKiem, "qldt", 99})) << p;
  auto auditor = Officer(Role::kAuditor, "000.00.00.H26");
  EXPECT_TRUE(Allows(&auditor, perm::kReportsRead, {kHoanKiem, {}, {}}));
  EXPECT_TRUE(Allows(&auditor, perm::kAuditRead));
  EXPECT_FALSE(Allows(&auditor, perm::kUsersManage));
  EXPECT_FALSE(Allows(&auditor, perm::kDossiersHandle));
}

TEST(Permissions, SpecialistIsScopedToAgencyAndUnit) {
  auto cv = Officer(Role::kSpecialist, kBaDinh, "qldt");
  EXPECT_TRUE(Allows(&cv, perm::kDossiersHandle, {kBaDinh, "qldt", {}}));
  EXPECT_FALSE(Allows(&cv, perm::kDossiersHandle, {kBaDinh, "vhtt", {}}));
  EXPECT_FALSE(Allows(&cv, perm::kDossiersHandle, {kHoanKiem, "qldt", {}}));
  EXPECT_FALSE(Allows(&cv, perm::kUsersManage));
  EXPECT_FALSE(Allows(&cv, perm::kReportsRead));
  auto leader = Officer(Role::kAgencyLeader);
  EXPECT_TRUE(Allows(&leader, perm::kDossiersHandle, {kBaDinh, "vhtt", {}}));
  EXPECT_TRUE(Allows(&leader, perm::kReportsRead, {kBaDinh, {}, {}}));
  EXPECT_FALSE(Allows(&leader, perm::kReportsRead, {kHoanKiem, {}, {}}));
}

TEST(Permissions, ApplicantsOnlyTheirOwn) {
  auto an = Citizen(1);
  EXPECT_TRUE(Allows(&an, perm::kDossiersOwn));
  EXPECT_TRUE(Allows(&an, perm::kDossiersOwn, {{}, {}, 1}));
  EXPECT_FALSE(Allows(&an, perm::kDossiersOwn, {{}, {}, 2}));
  EXPECT_FALSE(Allows(&an, perm::kDossiersHandle));
  EXPECT_FALSE(Allows(&an, perm::kUsersManage));
  auto cv = Officer(Role::kSpecialist);
  EXPECT_FALSE(Allows(&cv, perm::kDossiersOwn));
}

TEST(Permissions, GrantingAndTokenRoles) {
  auto it = Officer(Role::kAgencyIt);
  EXPECT_TRUE(CanGrant(it, Role::kSpecialist, kBaDinh));
  EXPECT_TRUE(CanGrant(it, Role::kAgencyIt, kBaDinh));
  EXPECT_FALSE(CanGrant(it, Role::kSpecialist, kHoanKiem));
  EXPECT_FALSE(CanGrant(it, Role::kCityAdmin, kBaDinh));
  EXPECT_FALSE(CanGrant(it, Role::kAuditor, kBaDinh));
  EXPECT_TRUE(CanGrant(Officer(Role::kCityAdmin, "000.00.00.H26"), Role::kCityAdmin, kHoanKiem));
  EXPECT_TRUE(TokenMayHold(Role::kOneStopOfficer));
  EXPECT_FALSE(TokenMayHold(Role::kAgencyIt));
  EXPECT_FALSE(TokenMayHold(Role::kCityAdmin));
}

TEST(Principal, MainRole) {
  EXPECT_EQ(Citizen(1).MainRole(), "citizen");
  auto p = Officer(Role::kSpecialist);
  p.roles.push_back({Role::kAgencyIt, kBaDinh, ""});
  EXPECT_EQ(p.MainRole(), "agency_it");
  p.token_id = 3;
  EXPECT_EQ(p.MainRole(), "token");
}

TEST(Password, LengthCountsCharactersNotBytes) {
  EXPECT_EQ(CountChars("Mật khẩu"), 8u);
  EXPECT_EQ(CheckPassword("Ab1$xyz")->code, "too_short");
  EXPECT_FALSE(CheckPassword("Mậtkhẩu!"));                   // 8 characters, 11 bytes
  EXPECT_EQ(CheckPassword("ầầầầầầầầ")->code, "too_common");  // 8 characters, one repeated
  EXPECT_EQ(CheckPassword("ầầầầầầầ")->code, "too_short");
  EXPECT_EQ(CheckPassword(std::string(129, 'x') + "y")->code, "too_long");
}

TEST(Password, CommonPasswordsAndNamesAreRefused) {
  for (const char* p : {"12345678", "Password", "PASSWORD123", "matkhau123", "Hanoi@123", "qwertyuiop", "aaaaaaaa"})
    EXPECT_EQ(CheckPassword(p)->code, "too_common") << p;
  EXPECT_EQ(CheckPassword("nguyenvanan", "NguyenVanAn")->code, "like_username");
  EXPECT_EQ(CheckPassword("an.nguyen90", "an", "an.nguyen90@example.vn")->code, "like_username");
  EXPECT_FALSE(CheckPassword("Demo@2017"));
  EXPECT_FALSE(CheckPassword("cây đa giếng nước"));
}

TEST(Fields, Usernames) {
  EXPECT_EQ(NormalizeUsername(" BaDinh.CNTT "), "badinh.cntt");
  EXPECT_FALSE(NormalizeUsername("ab"));
  EXPECT_FALSE(NormalizeUsername(".abc"));
  EXPECT_FALSE(NormalizeUsername("an nguyen"));
  EXPECT_FALSE(NormalizeUsername("nguyễn"));
}

TEST(Fields, Emails) {
  EXPECT_EQ(NormalizeEmail(" An.Nguyen@Example.VN "), "an.nguyen@example.vn");
  for (const char* bad : {"an", "an@", "@example.vn", "an@@example.vn", "an@example", "an@.vn", "an @example.vn"})
    EXPECT_FALSE(NormalizeEmail(bad)) << bad;
}

TEST(Fields, Phones) {
  EXPECT_EQ(NormalizePhone("0912 345 678"), "0912345678");
  EXPECT_EQ(NormalizePhone("+84 912.345.678"), "0912345678");
  EXPECT_EQ(NormalizePhone("(024) 3825 1234"), "02438251234");
  for (const char* bad : {"091234567", "1912345678", "0112345678", "09123456789", "0912-345-67x"})
    EXPECT_FALSE(NormalizePhone(bad)) << bad;
}

TEST(Fields, CitizenIds) {
  EXPECT_EQ(NormalizeCitizenId("001090012345"), "001090012345");
  EXPECT_EQ(NormalizeCitizenId("001 090 012 345"), "001090012345");
  for (const char* bad : {"00109001234", "0010900123456", "00109001234a", "000090012345", "097090012345"})
    EXPECT_FALSE(NormalizeCitizenId(bad)) << bad;
}

TEST(Fields, TaxCodes) {
  EXPECT_EQ(NormalizeTaxCode("0100109106"), "0100109106");
  EXPECT_EQ(NormalizeTaxCode("0100109106-001"), "0100109106-001");
  EXPECT_EQ(NormalizeTaxCode("0100109106001"), "0100109106-001");
  for (const char* bad : {"010010910", "01001091060", "0100109106-01", "0100109106/001", "010010910a"})
    EXPECT_FALSE(NormalizeTaxCode(bad)) << bad;
}

TEST(Throttle, LocksAfterThresholdAndDoubles) {
  ThrottlePolicy policy;  // 5 failures, 30 s doubling to 15 min
  auto t0 = *ParseInstant("2017-01-19T08:00:00+07:00");
  ThrottleState s;
  for (int i = 0; i < 4; ++i) s = AfterFailure(s, policy, t0);
  EXPECT_FALSE(LockedFor(s, t0));
  s = AfterFailure(s, policy, t0);
  EXPECT_EQ(LockedFor(s, t0), std::chrono::seconds(30));
  EXPECT_EQ(LockedFor(s, t0 + std::chrono::seconds(29)), std::chrono::seconds(1));
  EXPECT_FALSE(LockedFor(s, t0 + std::chrono::seconds(30)));
  auto t1 = t0 + std::chrono::seconds(31);
  for (int i = 0; i < 5; ++i) s = AfterFailure(s, policy, t1);
  EXPECT_EQ(LockedFor(s, t1), std::chrono::seconds(60));
  for (int lock = 0; lock < 10; ++lock) {
    t1 += std::chrono::minutes(16);
    for (int i = 0; i < 5; ++i) s = AfterFailure(s, policy, t1);
  }
  EXPECT_EQ(LockedFor(s, t1), std::chrono::minutes(15));  // capped
  // An hour without failures forgets everything.
  auto t2 = t1 + std::chrono::hours(2);
  s = AfterFailure(s, policy, t2);
  EXPECT_EQ(s.failures, 1);
  EXPECT_EQ(s.locks, 0);
}

}  // namespace
}  // namespace motcua::core::access
