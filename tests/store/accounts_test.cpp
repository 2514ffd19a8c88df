// The accounts service on both backends: registration and verification, login throttling and lock
// expiry, session idle/absolute expiry and revocation, password change and reset, officers and API
// tokens scoped to agencies, audit events, and that no secret is stored in clear.
#include <gtest/gtest.h>

#include <chrono>
#include <map>

#include "core/common/clock.hpp"
#include "core/common/time.hpp"
#include "services/accounts.hpp"
#include "services/audit.hpp"
#include "services/context.hpp"
#include "test_database.hpp"

namespace motcua::services::accounts {
namespace {

using namespace std::chrono_literals;
namespace access = core::access;

constexpr const char* kBaDinh = "000.00.19.H26";
constexpr const char* kHoanKiem = "000.00.20.H26";

class AccountsTest : public store::testing::MigratedStoreTest {
 protected:
  void SetUp() override {
    MigratedStoreTest::SetUp();
    Settings s;
    s.password_cost = PasswordCost::kMin;
    s.link_sink = [this](std::string_view purpose, std::int64_t user_id, const std::string& token) {
      links_[std::string(purpose) + ":" + std::to_string(user_id)] = token;
    };
    Configure(s);
    ctx_ = std::make_unique<Context>(
        MakeContext(db(), clock_, SiteInfo{"Hà Nội", "Hanoi", "http://localhost", "test", true}));
    Script(R"(
      INSERT INTO agencies (code, name, kind, tier, parent_code, source_file, position, name_folded, updated_at) VALUES
        ('000.00.00.H26', 'Ủy ban nhân dân Thành phố Hà Nội', 'city', 'city', NULL, 'agencies.yaml', 0, 'ha noi', 'x'),
        ('000.00.05.H26', 'Sở Công Thương', 'department', 'department', '000.00.00.H26', 'agencies.yaml', 1, 'so cong thuong', 'x'),
        ('000.00.19.H26', 'Quận Ba Đình', 'urban_district', 'district', '000.00.00.H26', 'agencies.yaml', 2, 'ba dinh', 'x'),
        ('000.00.20.H26', 'Quận Hoàn Kiếm', 'urban_district', 'district', '000.00.00.H26', 'agencies.yaml', 3, 'hoan kiem', 'x');
      INSERT INTO units (agency_code, key, name, one_stop, position) VALUES
        ('000.00.05.H26', 'one-stop', 'Bộ phận Tiếp nhận và Trả kết quả', 1, 0),
        ('000.00.05.H26', 'van-phong', 'Văn phòng Sở', 0, 1),
        ('000.00.05.H26', 'qltm', 'Phòng Quản lý thương mại', 0, 2),
        ('000.00.19.H26', 'vp', 'Văn phòng HĐND-UBND', 1, 0),
        ('000.00.19.H26', 'qldt', 'Phòng Quản lý đô thị', 0, 1),
        ('000.00.19.H26', 'vhtt', 'Phòng Văn hóa và Thông tin', 0, 2),
        ('000.00.20.H26', 'vp', 'Văn phòng HĐND-UBND', 1, 0),
        ('000.00.20.H26', 'qldt', 'Phòng Quản lý đô thị', 0, 1);
    )");
    auto report = CreateDemoUsers(*ctx_);
    ASSERT_EQ(report.created, 23);
    ASSERT_TRUE(report.missing.empty());
  }
  void TearDown() override {
    Configure(Settings{});
    ctx_.reset();
    MigratedStoreTest::TearDown();
  }

  std::int64_t IdOf(const std::string& username) {
    auto tx = db().Begin(store::Database::Mode::kReadOnly);
    auto row = tx->QueryOne({"test.user_id", "SELECT id FROM users WHERE username = $1"}, {username});
    return row ? row->Int(0) : 0;
  }
  access::Principal As(const std::string& username) { return *PrincipalOfUser(*ctx_, IdOf(username)); }
  Caller CallerFor(const access::Principal& p, std::string address = "10.0.0.1") {
    return Caller{&p, "req-1", address};
  }
  Caller Anonymous(std::string address = "10.0.0.1") { return Caller{nullptr, "req-1", address}; }

  int CountAudit(const std::string& action) {
    auto tx = db().Begin(store::Database::Mode::kReadOnly);
    return static_cast<int>(
        tx->QueryOne({"test.audit", "SELECT count(*) FROM audit_events WHERE action = $1"}, {action})->Int(0));
  }

  Registration Citizen(std::string username = "an.nguyen") {
    Registration r;
    r.kind = "citizen";
    r.username = username;
    r.password = "Sông Hồng 2017!";
    r.full_name = "Nguyễn Văn An";
    r.id_number = "001090012345";
    r.date_of_birth = "1990-05-12";
    r.phone = "0912 345 678";
    r.email = username + "@example.vn";
    r.address = "Số 1 phố Huế, Hà Nội";
    return r;
  }

  core::ManualClock clock_{*core::ParseInstant("2017-01-19T08:00:00+07:00")};
  std::unique_ptr<Context> ctx_;
  std::map<std::string, std::string> links_;
};

TEST_F(AccountsTest, RegisterVerifyThenLogin) {
  auto user = Register(*ctx_, Citizen(), Anonymous());
  ASSERT_TRUE(user) << user.error().message_en;
  EXPECT_EQ(user->status, "pending");
  EXPECT_EQ(user->phone, "0912345678");
  EXPECT_EQ(user->kind, access::AccountKind::kCitizen);

  auto refused = Login(*ctx_, "an.nguyen", "Sông Hồng 2017!", Anonymous());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "account_not_verified");

  auto token = links_.at("verify:" + std::to_string(user->id));
  auto verified = VerifyEmail(*ctx_, token, Anonymous());
  ASSERT_TRUE(verified);
  EXPECT_EQ(verified->status, "active");
  EXPECT_EQ(VerifyEmail(*ctx_, token, Anonymous()).error().code, "invalid_token");  // one time

  auto by_email = Login(*ctx_, "AN.NGUYEN@example.vn", "Sông Hồng 2017!", Anonymous());
  ASSERT_TRUE(by_email) << by_email.error().message_en;
  EXPECT_EQ(by_email->user.username, "an.nguyen");
  EXPECT_FALSE(by_email->csrf_token.empty());
  auto session = ResolveSession(*ctx_, by_email->session_token);
  ASSERT_TRUE(session);
  EXPECT_EQ(session->principal.user_id, user->id);
  EXPECT_EQ(session->csrf_token, by_email->csrf_token);
  EXPECT_EQ(CountAudit("user.register"), 1);
  EXPECT_EQ(CountAudit("user.login"), 1);
}

TEST_F(AccountsTest, VerificationLinkExpiresAfter48Hours) {
  auto user = Register(*ctx_, Citizen(), Anonymous());
  ASSERT_TRUE(user);
  clock_.Advance(48h + 1s);
  EXPECT_EQ(VerifyEmail(*ctx_, links_.at("verify:" + std::to_string(user->id)), Anonymous()).error().code,
            "invalid_token");
}

TEST_F(AccountsTest, RegistrationListsEveryInvalidFieldAtOnce) {
  Registration r;
  r.kind = "citizen";
  r.username = "x";
  r.password = "12345678";
  r.id_number = "12345";
  r.date_of_birth = "2030-01-01";
  r.phone = "123";
  r.email = "not-an-email";
  auto e = Register(*ctx_, r, Anonymous());
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, "validation_failed");
  for (const char* f : {"username", "password", "full_name", "id_number", "date_of_birth", "phone", "email", "address"})
    EXPECT_TRUE(e.error().fields.count(f)) << f;
  EXPECT_EQ(e.error().fields.at("password").code, "too_common");

  Registration b;
  b.kind = "business";
  b.tax_code = "0100109106-01";
  auto eb = Register(*ctx_, b, Anonymous());
  ASSERT_FALSE(eb);
  EXPECT_TRUE(eb.error().fields.count("tax_code"));
  EXPECT_TRUE(eb.error().fields.count("representative"));
  EXPECT_FALSE(eb.error().fields.count("id_number"));
}

TEST_F(AccountsTest, BusinessWithDashedTaxCode) {
  Registration b = Citizen("anhduong2");
  b.kind = "business";
  b.full_name = "Công ty TNHH Ánh Dương 2";
  b.tax_code = "0100109106001";
  b.representative = "Trần Thị Bình";
  auto u = Register(*ctx_, b, Anonymous());
  ASSERT_TRUE(u) << u.error().message_en;
  EXPECT_EQ(u->tax_code, "0100109106-001");
}

TEST_F(AccountsTest, DuplicateUsernameOrEmailIsAConflict) {
  ASSERT_TRUE(Register(*ctx_, Citizen(), Anonymous()));
  EXPECT_EQ(Register(*ctx_, Citizen(), Anonymous()).error().code, "conflict");
  auto other = Citizen("someone.else");
  other.email = "an.nguyen@example.vn";
  EXPECT_EQ(Register(*ctx_, other, Anonymous()).error().code, "conflict");
  auto demo = Citizen("congdan");
  EXPECT_EQ(Register(*ctx_, demo, Anonymous()).error().code, "conflict");
}

TEST_F(AccountsTest, TwentyWrongPasswordsAreThrottledAndTheRightOneWorksAfterTheLock) {
  int unauthorized = 0, throttled = 0, retry = 0;
  for (int i = 0; i < 20; ++i) {
    int retry_after = 0;
    auto r = Login(*ctx_, "congdan", "wrong password " + std::to_string(i), Anonymous(), &retry_after);
    ASSERT_FALSE(r);
    if (r.error().code == "invalid_credentials") ++unauthorized;
    if (r.error().code == "too_many_requests") {
      ++throttled;
      retry = retry_after;
    }
    clock_.Advance(1s);
  }
  EXPECT_EQ(unauthorized, 4);  // the fifth failure locks the account
  EXPECT_EQ(throttled, 16);
  EXPECT_GT(retry, 0);
  EXPECT_LE(retry, 30);
  // Locked: even the right password waits, and the message says so.
  auto locked = Login(*ctx_, "congdan", "Demo@2017", Anonymous());
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().code, "too_many_requests");
  EXPECT_NE(locked.error().message.find("thử lại sau"), std::string::npos);
  EXPECT_GE(CountAudit("user.lock"), 1);
  EXPECT_EQ(CountAudit("user.login_failed"), 5);

  clock_.Advance(31s);
  auto ok = Login(*ctx_, "congdan", "Demo@2017", Anonymous());
  ASSERT_TRUE(ok) << ok.error().message_en;

  // The next lock of the same name is longer (doubling), once the count starts again.
  for (int i = 0; i < 5; ++i) (void)Login(*ctx_, "congdan", "wrong", Anonymous());
  int retry_after = 0;
  EXPECT_EQ(Login(*ctx_, "congdan", "Demo@2017", Anonymous(), &retry_after).error().code, "too_many_requests");
  EXPECT_EQ(retry_after, 30);  // a success in between reset the account's history
}

TEST_F(AccountsTest, UnknownNamesFailAndLockExactlyLikeRealOnes) {
  for (const char* name : {"congdan", "nobody.here"}) {
    auto e = Login(*ctx_, name, "wrong password", Anonymous("10.0.0." + std::string(name).substr(0, 1)));
    ASSERT_FALSE(e);
    EXPECT_EQ(e.error().code, "invalid_credentials");
    EXPECT_EQ(e.error().message, "Tên đăng nhập hoặc mật khẩu không đúng.");
  }
  for (int i = 0; i < 5; ++i) (void)Login(*ctx_, "nobody.here", "wrong", Anonymous("10.0.0.9"));
  auto e = Login(*ctx_, "nobody.here", "wrong", Anonymous("10.0.0.9"));
  EXPECT_EQ(e.error().code, "too_many_requests");
}

TEST_F(AccountsTest, ManyNamesFromOneAddressLockTheAddress) {
  for (int i = 0; i < 20; ++i) (void)Login(*ctx_, "guess" + std::to_string(i), "wrong", Anonymous("10.9.9.9"));
  auto e = Login(*ctx_, "congdan", "Demo@2017", Anonymous("10.9.9.9"));
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, "too_many_requests");
  EXPECT_TRUE(Login(*ctx_, "congdan", "Demo@2017", Anonymous("10.1.1.1")));  // another address is not blocked
  clock_.Advance(31s);
  EXPECT_TRUE(Login(*ctx_, "congdan", "Demo@2017", Anonymous("10.9.9.9")));
}

TEST_F(AccountsTest, SessionIdleExpiry) {
  auto login = Login(*ctx_, "congdan", "Demo@2017", Anonymous());
  ASSERT_TRUE(login);
  clock_.Advance(29min);
  EXPECT_TRUE(ResolveSession(*ctx_, login->session_token));  // and last seen moves on
  clock_.Advance(29min);
  EXPECT_TRUE(ResolveSession(*ctx_, login->session_token));
  clock_.Advance(30min);
  EXPECT_FALSE(ResolveSession(*ctx_, login->session_token));
}

TEST_F(AccountsTest, SessionAbsoluteExpiry) {
  auto login = Login(*ctx_, "congdan", "Demo@2017", Anonymous());
  ASSERT_TRUE(login);
  for (int i = 0; i < 35; ++i) {  // busy all day: 35 × 20 min = 11 h 40 min
    clock_.Advance(20min);
    ASSERT_TRUE(ResolveSession(*ctx_, login->session_token)) << i;
  }
  clock_.Advance(20min);
  EXPECT_FALSE(ResolveSession(*ctx_, login->session_token));
}

TEST_F(AccountsTest, LogoutAndLogoutEverywhereRevoke) {
  auto a = Login(*ctx_, "congdan", "Demo@2017", Anonymous());
  auto b = Login(*ctx_, "congdan", "Demo@2017", Anonymous());
  auto c = Login(*ctx_, "congdan", "Demo@2017", Anonymous());
  ASSERT_TRUE(a && b && c);
  auto sa = ResolveSession(*ctx_, a->session_token);
  Logout(*ctx_, sa->session_id, CallerFor(sa->principal));
  EXPECT_FALSE(ResolveSession(*ctx_, a->session_token));
  EXPECT_TRUE(ResolveSession(*ctx_, b->session_token));
  auto sb = ResolveSession(*ctx_, b->session_token);
  ASSERT_TRUE(LogoutAll(*ctx_, CallerFor(sb->principal)));
  EXPECT_FALSE(ResolveSession(*ctx_, b->session_token));
  EXPECT_FALSE(ResolveSession(*ctx_, c->session_token));
  EXPECT_FALSE(ResolveSession(*ctx_, "not-a-token"));
}

TEST_F(AccountsTest, PasswordChangeRevokesOtherSessions) {
  auto a = Login(*ctx_, "congdan", "Demo@2017", Anonymous());
  auto b = Login(*ctx_, "congdan", "Demo@2017", Anonymous());
  ASSERT_TRUE(a && b);
  auto sa = ResolveSession(*ctx_, a->session_token);
  auto wrong = ChangePassword(*ctx_, CallerFor(sa->principal), sa->session_id, "nope", "Cây đa giếng nước");
  ASSERT_FALSE(wrong);
  EXPECT_TRUE(wrong.error().fields.count("current_password"));
  auto weak = ChangePassword(*ctx_, CallerFor(sa->principal), sa->session_id, "Demo@2017", "password");
  ASSERT_FALSE(weak);
  EXPECT_TRUE(weak.error().fields.count("new_password"));
  ASSERT_TRUE(ChangePassword(*ctx_, CallerFor(sa->principal), sa->session_id, "Demo@2017", "Cây đa giếng nước"));
  EXPECT_TRUE(ResolveSession(*ctx_, a->session_token));
  EXPECT_FALSE(ResolveSession(*ctx_, b->session_token));
  EXPECT_FALSE(Login(*ctx_, "congdan", "Demo@2017", Anonymous("10.0.0.2")));
  EXPECT_TRUE(Login(*ctx_, "congdan", "Cây đa giếng nước", Anonymous("10.0.0.2")));
}

TEST_F(AccountsTest, PasswordResetIsSingleUseAndExpires) {
  auto session = Login(*ctx_, "congdan", "Demo@2017", Anonymous());
  ASSERT_TRUE(session);
  RequestPasswordReset(*ctx_, "nobody@example.vn", Anonymous());  // silently nothing
  EXPECT_TRUE(links_.empty());
  RequestPasswordReset(*ctx_, "CongDan@demo.motcua.vn", Anonymous());
  auto id = std::to_string(IdOf("congdan"));
  auto token = links_.at("reset:" + id);
  EXPECT_EQ(ConfirmPasswordReset(*ctx_, token, "123", Anonymous()).error().code, "validation_failed");
  ASSERT_TRUE(ConfirmPasswordReset(*ctx_, token, "Hồ Gươm xanh 1", Anonymous()));
  EXPECT_EQ(ConfirmPasswordReset(*ctx_, token, "Hồ Gươm xanh 2", Anonymous()).error().code, "invalid_token");
  EXPECT_FALSE(ResolveSession(*ctx_, session->session_token));  // every session revoked
  EXPECT_TRUE(Login(*ctx_, "congdan", "Hồ Gươm xanh 1", Anonymous()));

  RequestPasswordReset(*ctx_, "congdan@demo.motcua.vn", Anonymous());
  auto second = links_.at("reset:" + id);
  ASSERT_NE(second, token);
  clock_.Advance(1h + 1s);
  EXPECT_EQ(ConfirmPasswordReset(*ctx_, second, "Hồ Gươm xanh 3", Anonymous()).error().code, "invalid_token");
}

TEST_F(AccountsTest, HousekeepingRemovesOnlyWhatCanNeverBeUsedAgain) {
  auto count = [this](const char* table) {
    auto tx = db().Begin(store::Database::Mode::kReadOnly);
    return tx->QueryOne({"test.count", std::string("SELECT count(*) FROM ") + table}, {})->Int(0);
  };
  auto live = Login(*ctx_, "congdan", "Demo@2017", Anonymous());
  auto out = Login(*ctx_, "doanhnghiep", "Demo@2017", Anonymous());
  ASSERT_TRUE(live && out);
  auto so = ResolveSession(*ctx_, out->session_token);
  Logout(*ctx_, so->session_id, CallerFor(so->principal));
  // Three failures of one name (not locked), a locked name, and a reset link.
  for (int i = 0; i < 3; ++i) (void)Login(*ctx_, "badinh.motcua", "wrong", Anonymous("10.0.0.3"));
  for (int i = 0; i < 5; ++i) (void)Login(*ctx_, "hoankiem.motcua", "wrong", Anonymous("10.0.0.4"));
  RequestPasswordReset(*ctx_, "congdan@demo.motcua.vn", Anonymous());
  ASSERT_EQ(count("login_throttle"), 4);  // two names, two addresses
  ASSERT_EQ(count("account_tokens"), 1);

  auto now = Housekeep(*ctx_);
  ASSERT_TRUE(now);
  EXPECT_EQ(now->sessions, 1);  // the revoked one; the live one stays
  EXPECT_EQ(now->links, 0);
  EXPECT_EQ(now->throttle, 0);
  EXPECT_TRUE(ResolveSession(*ctx_, live->session_token));
  EXPECT_EQ(CountAudit("accounts.housekeep"), 1);

  // 59 minutes on the failures are still remembered (the lock is over); the live session is idle.
  clock_.Advance(59min);
  auto later = Housekeep(*ctx_);
  EXPECT_EQ(later->sessions, 1);
  EXPECT_EQ(later->links, 0);  // the reset link lives an hour
  EXPECT_EQ(later->throttle, 0);
  clock_.Advance(2min);
  auto last = Housekeep(*ctx_);
  EXPECT_EQ(last->links, 1);
  EXPECT_EQ(last->throttle, 4);
  EXPECT_EQ(count("login_throttle"), 0);
  EXPECT_EQ(count("sessions"), 0);
  auto nothing = Housekeep(*ctx_);
  EXPECT_EQ(nothing->sessions + nothing->links + nothing->throttle, 0);
  EXPECT_EQ(CountAudit("accounts.housekeep"), 3);  // none for a run that removed nothing
  // The name can still be throttled afresh.
  for (int i = 0; i < 5; ++i) (void)Login(*ctx_, "badinh.motcua", "wrong", Anonymous("10.0.0.5"));
  EXPECT_EQ(Login(*ctx_, "badinh.motcua", "Demo@2017", Anonymous("10.0.0.5")).error().code, "too_many_requests");
}

TEST_F(AccountsTest, AgencyItManagesOnlyItsAgency) {
  auto it = As("badinh.cntt");
  auto list = ListOfficers(*ctx_, CallerFor(it), kBaDinh);
  ASSERT_TRUE(list);
  EXPECT_EQ(list->size(), 7u);
  EXPECT_EQ(ListOfficers(*ctx_, CallerFor(it), kHoanKiem).error().code, "forbidden");
  auto cv = As("badinh.chuyenvien");
  EXPECT_EQ(ListOfficers(*ctx_, CallerFor(cv), kBaDinh).error().code, "forbidden");
  EXPECT_EQ(ListOfficers(*ctx_, Anonymous(), kBaDinh).error().code, "unauthorized");
  auto admin = As("admin");
  EXPECT_TRUE(ListOfficers(*ctx_, CallerFor(admin), kHoanKiem));
  EXPECT_EQ(ListOfficers(*ctx_, CallerFor(admin), "000.99.99.H26").error().code, "not_found");

  NewOfficer o{"badinh.moi", "Nguyễn Văn Mới",  "moi@badinh.gov.vn", "0987654321",
               "qldt",       "Thủ đô ngàn năm", {"specialist"}};
  EXPECT_EQ(CreateOfficer(*ctx_, CallerFor(it), kHoanKiem, o).error().code, "forbidden");
  auto bad_role = o;
  bad_role.roles = {"city_admin"};
  EXPECT_EQ(CreateOfficer(*ctx_, CallerFor(it), kBaDinh, bad_role).error().code, "forbidden");
  auto bad_unit = o;
  bad_unit.unit = "nope";
  EXPECT_TRUE(CreateOfficer(*ctx_, CallerFor(it), kBaDinh, bad_unit).error().fields.count("unit"));
  auto created = CreateOfficer(*ctx_, CallerFor(it), kBaDinh, o);
  ASSERT_TRUE(created) << created.error().message_en;
  ASSERT_EQ(created->roles.size(), 1u);
  EXPECT_EQ(created->roles[0].unit_key, "qldt");
  EXPECT_EQ(CountAudit("user.create"), 24);  // 23 demo accounts + this one
  EXPECT_TRUE(Login(*ctx_, "badinh.moi", "Thủ đô ngàn năm", Anonymous()));

  // The Hoàn Kiếm IT officer can neither see nor change Ba Đình's officer.
  auto hk = As("hoankiem.cntt");
  OfficerChange lock;
  lock.version = created->version;
  lock.status = "locked";
  EXPECT_EQ(UpdateOfficer(*ctx_, CallerFor(hk), created->id, lock).error().code, "forbidden");
  // A citizen's id is not an officer's.
  EXPECT_EQ(UpdateOfficer(*ctx_, CallerFor(it), IdOf("congdan"), lock).error().code, "not_found");
}

TEST_F(AccountsTest, OfficerChangesUseVersionsAndAreAudited) {
  auto it = As("badinh.cntt");
  auto id = IdOf("badinh.chuyenvien");
  auto before = Login(*ctx_, "badinh.chuyenvien", "Demo@2017", Anonymous());
  ASSERT_TRUE(before);
  OfficerChange change;
  change.version = 1;
  change.roles = std::vector<std::string>{"specialist", "unit_head"};
  auto changed = UpdateOfficer(*ctx_, CallerFor(it), id, change);
  ASSERT_TRUE(changed) << changed.error().message_en;
  EXPECT_EQ(changed->version, 2);
  EXPECT_EQ(changed->roles.size(), 2u);
  EXPECT_EQ(CountAudit("user.roles"), 1);
  // The same stale version again: someone else won.
  EXPECT_EQ(UpdateOfficer(*ctx_, CallerFor(it), id, change).error().code, "conflict");
  OfficerChange no_version;
  no_version.status = "locked";
  EXPECT_EQ(UpdateOfficer(*ctx_, CallerFor(it), id, no_version).error().code, "validation_failed");

  OfficerChange lock;
  lock.version = 2;
  lock.status = "locked";
  ASSERT_TRUE(UpdateOfficer(*ctx_, CallerFor(it), id, lock));
  EXPECT_EQ(CountAudit("user.lock"), 1);
  EXPECT_FALSE(ResolveSession(*ctx_, before->session_token));  // a lock ends the sessions
  EXPECT_EQ(Login(*ctx_, "badinh.chuyenvien", "Demo@2017", Anonymous()).error().code, "account_disabled");
  OfficerChange self;
  self.version = 1;
  self.status = "locked";
  EXPECT_TRUE(UpdateOfficer(*ctx_, CallerFor(it), IdOf("badinh.cntt"), self).error().fields.count("status"));
}

TEST_F(AccountsTest, ApiTokensAreScopedShownOnceAndRevocable) {
  auto it = As("badinh.cntt");
  EXPECT_EQ(CreateToken(*ctx_, CallerFor(it), kHoanKiem, "x", {"specialist"}).error().code, "forbidden");
  EXPECT_TRUE(CreateToken(*ctx_, CallerFor(it), kBaDinh, "x", {"agency_it"}).error().fields.count("roles"));
  auto t = CreateToken(*ctx_, CallerFor(it), kBaDinh, "Cổng liên thông", {"one_stop_officer"});
  ASSERT_TRUE(t) << t.error().message_en;
  EXPECT_EQ(t->token.rfind("mct_", 0), 0u);
  EXPECT_EQ(CountAudit("token.create"), 1);
  auto list = ListTokens(*ctx_, CallerFor(it), kBaDinh);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_TRUE(list->front().token.empty());

  auto p = ResolveApiToken(*ctx_, t->token);
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->IsToken());
  EXPECT_TRUE(access::Allows(&*p, access::perm::kDossiersHandle, {kBaDinh, "vp", {}}));
  EXPECT_FALSE(access::Allows(&*p, access::perm::kDossiersHandle, {kHoanKiem, "vp", {}}));
  EXPECT_FALSE(access::Allows(&*p, access::perm::kTokensManage));

  auto hk = As("hoankiem.cntt");
  EXPECT_EQ(RevokeToken(*ctx_, CallerFor(hk), t->id).error().code, "forbidden");
  ASSERT_TRUE(RevokeToken(*ctx_, CallerFor(it), t->id));
  EXPECT_FALSE(ResolveApiToken(*ctx_, t->token));
  EXPECT_EQ(RevokeToken(*ctx_, CallerFor(it), 9999).error().code, "not_found");
}

TEST_F(AccountsTest, SecretsAreStoredOnlyAsHashes) {
  auto user = Register(*ctx_, Citizen(), Anonymous());
  ASSERT_TRUE(user);
  ASSERT_TRUE(VerifyEmail(*ctx_, links_.at("verify:" + std::to_string(user->id)), Anonymous()));
  auto login = Login(*ctx_, "an.nguyen", "Sông Hồng 2017!", Anonymous());
  ASSERT_TRUE(login);
  auto tx = db().Begin(store::Database::Mode::kReadOnly);
  for (const auto& r : tx->Query({"test.hashes", "SELECT password_hash FROM users"}))
    EXPECT_EQ(r.Text(0).rfind("$argon2id$", 0), 0u);
  auto dump = [&](const char* sql) {
    std::string all;
    for (const auto& r : tx->Query({"test.dump", sql}))
      for (size_t i = 0; i < r.size(); ++i) all += r.Text(i) + "|";
    return all;
  };
  auto everything = dump("SELECT * FROM users") + dump("SELECT * FROM sessions") +
                    dump("SELECT * FROM account_tokens") + dump("SELECT * FROM audit_events");
  EXPECT_EQ(everything.find("Sông Hồng 2017!"), std::string::npos);
  EXPECT_EQ(everything.find(login->session_token), std::string::npos);
  EXPECT_EQ(everything.find(links_.at("verify:" + std::to_string(user->id))), std::string::npos);
  EXPECT_NE(everything.find(Sha256Hex(login->session_token)), std::string::npos);
  EXPECT_FALSE(services::audit::VerifyChain(*tx));
}

TEST_F(AccountsTest, DemoAccountsAreCreatedOnceWithTheirScopes) {
  auto again = CreateDemoUsers(*ctx_);
  EXPECT_EQ(again.created, 0);
  EXPECT_EQ(again.existing, 23);
  auto cv = As("badinh.chuyenvien");
  ASSERT_EQ(cv.roles.size(), 1u);
  EXPECT_EQ(cv.roles[0].role, access::Role::kSpecialist);
  EXPECT_EQ(cv.roles[0].agency, kBaDinh);
  EXPECT_EQ(cv.roles[0].unit, "qldt");
  EXPECT_EQ(As("badinh.vhtt").roles[0].unit, "vhtt");
  EXPECT_EQ(As("soct.motcua").roles[0].agency, "000.00.05.H26");
  EXPECT_TRUE(As("admin").Has(access::Role::kCityAdmin));
  auto an = GetUser(*ctx_, IdOf("congdan"));
  ASSERT_TRUE(an);
  EXPECT_EQ(an->full_name, "Nguyễn Văn An");
  EXPECT_EQ(an->id_number.size(), 12u);
}

}  // namespace
}  // namespace motcua::services::accounts
