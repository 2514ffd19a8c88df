// The dossier service on both backends: the code's date is the Vietnamese civil date of submission,
// the official receipt is the next working instant of the agency's calendar, the daily sequence per
// agency restarts each day and stays distinct and consecutive under concurrent submissions from two
// database handles (two server processes), the secret is stored hashed, and the audit chain holds.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <set>
#include <thread>

#include <unistd.h>

#include "core/common/clock.hpp"
#include "core/common/time.hpp"
#include "services/accounts.hpp"
#include "services/audit.hpp"
#include "services/catalog.hpp"
#include "services/context.hpp"
#include "services/dossiers.hpp"
#include "services/papers.hpp"
#include "test_database.hpp"

namespace motcua::services::dossiers {
namespace {

namespace access = core::access;
constexpr const char* kBaDinh = "000.00.19.H26";
constexpr const char* kHoanKiem = "000.00.20.H26";
constexpr const char* kPermit = "H26.QH.XD.01";

core::Instant At(const char* iso) { return *core::ParseInstant(iso); }

class DossiersTest : public store::testing::MigratedStoreTest {
 protected:
  void SetUp() override {
    MigratedStoreTest::SetUp();
    accounts::Settings s;
    s.password_cost = accounts::PasswordCost::kMin;
    accounts::Configure(s);
    ctx_ = std::make_unique<Context>(
        MakeContext(db(), clock_, SiteInfo{"Hà Nội", "Hanoi", "http://localhost", "test", true}));
    data_dir_ = std::filesystem::temp_directory_path() /
                ("motcua-dossiers-test-" + std::to_string(::getpid()) + "-" + std::to_string(++instances_));
    ctx_->data_dir = data_dir_.string();
    auto fixture = std::filesystem::path(__FILE__).parent_path().parent_path() / "api" / "fixtures" / "accounts";
    auto files = catalog::ReadFolder(fixture.string());
    ASSERT_TRUE(files.ok());
    catalog::Actor system;
    system.system = true;
    system.role = "cli";
    ASSERT_TRUE(catalog::Import(*ctx_, *files, system).ok());
    ASSERT_TRUE(catalog::SetSetting(*ctx_, system, "wave2_date", "2017-02-20").ok());
    accounts::CreateDemoUsers(*ctx_);
    congdan_ = Principal("congdan");
  }
  void TearDown() override {
    accounts::Configure(accounts::Settings{});
    ctx_.reset();
    std::filesystem::remove_all(data_dir_);
    MigratedStoreTest::TearDown();
  }

  access::Principal Principal(const std::string& username) {
    auto tx = db().Begin(store::Database::Mode::kReadOnly);
    auto row = tx->QueryOne({"test.user_id", "SELECT id FROM users WHERE username = $1"}, {username});
    return *accounts::PrincipalOfUser(*ctx_, row->Int(0));
  }
  Caller Me() { return Caller{&congdan_, "req", "10.0.0.1"}; }

  // A filled draft of the permit at `agency`, with the paper its component 1 requires.
  std::int64_t Draft(Context& ctx, const std::string& agency = kBaDinh) {
    auto d = Create(ctx, Me(), kPermit, agency);
    EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().message_en);
    auto saved = SaveDraft(ctx, Me(), d->id, d->version, {{"full_name", "Nguyễn Văn An"}});
    EXPECT_TRUE(saved.ok());
    Context with_data = ctx;
    with_data.data_dir = ctx_->data_dir;
    auto up = papers::Upload::Begin(with_data, Me(), d->id);
    EXPECT_TRUE(up.ok());
    EXPECT_FALSE((*up)->SetComponent("1"));
    EXPECT_FALSE((*up)->StartFile("don.pdf"));
    EXPECT_FALSE((*up)->Write("%PDF-1.4\n%%EOF\n"));
    EXPECT_TRUE((*up)->Finish().ok());
    return d->id;
  }
  Submission SubmitOk(Context& ctx, std::int64_t id) {
    static std::atomic<int> n{0};
    auto s = Submit(ctx, Me(), id, "k" + std::to_string(n++));
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().code + " " + s.error().message_en);
    return s.ok() ? *s : Submission{};
  }

  core::ManualClock clock_{At("2017-02-21T09:00:00+07:00")};
  std::unique_ptr<Context> ctx_;
  std::filesystem::path data_dir_;
  static inline int instances_ = 0;
  access::Principal congdan_;
};

TEST_F(DossiersTest, OutsideOfficeHoursTheReceiptIsTheNextWorkingMorning) {
  auto id = Draft(*ctx_);
  clock_.Set(At("2017-02-24T17:30:00+07:00"));  // Friday after work
  auto s = SubmitOk(*ctx_, id);
  EXPECT_EQ(s.dossier.code, "000.00.19.H26-170227-0001");  // numbered on its receipt day
  EXPECT_EQ(s.dossier.submitted_at, "2017-02-24T17:30:00+07:00");
  EXPECT_EQ(s.dossier.received_at, "2017-02-27T08:00:00+07:00");  // Monday morning
  EXPECT_EQ(s.dossier.status, "submitted");
  EXPECT_TRUE(s.dossier.due_at.empty());
}

TEST_F(DossiersTest, TheCodeCarriesTheReceiptDateAndTheSequenceRestartsDaily) {
  auto a = Draft(*ctx_), b = Draft(*ctx_), c = Draft(*ctx_), e = Draft(*ctx_), d = Draft(*ctx_, kHoanKiem);
  clock_.Set(At("2017-02-21T10:00:00+07:00"));  // Tuesday, working time: received at once
  auto first = SubmitOk(*ctx_, a);
  EXPECT_EQ(first.dossier.code, "000.00.19.H26-170221-0001");
  EXPECT_EQ(first.dossier.received_at, "2017-02-21T10:00:00+07:00");
  clock_.Set(At("2017-02-21T23:30:00+07:00"));  // 16:30 UTC: still 21/02 in Hanoi, received on the 22nd
  auto late = SubmitOk(*ctx_, b);
  EXPECT_EQ(late.dossier.received_at, "2017-02-22T08:00:00+07:00");
  EXPECT_EQ(late.dossier.code, "000.00.19.H26-170222-0001");                // numbered on its receipt day
  EXPECT_EQ(SubmitOk(*ctx_, d).dossier.code, "000.00.20.H26-170222-0001");  // another agency's sequence
  clock_.Set(At("2017-02-22T09:00:00+07:00"));
  EXPECT_EQ(SubmitOk(*ctx_, c).dossier.code, "000.00.19.H26-170222-0002");
  clock_.Set(At("2017-02-25T10:00:00+07:00"));  // Saturday: received and numbered on Monday 27/02
  auto weekend = SubmitOk(*ctx_, e);
  EXPECT_EQ(weekend.dossier.received_at, "2017-02-27T08:00:00+07:00");
  EXPECT_EQ(weekend.dossier.code, "000.00.19.H26-170227-0001");
}

TEST_F(DossiersTest, TheSecretIsStoredHashedAndTheAuditChainHolds) {
  auto s = SubmitOk(*ctx_, Draft(*ctx_));
  ASSERT_EQ(s.lookup_secret.size(), 6u);
  {
    auto tx = db().Begin(store::Database::Mode::kReadOnly);
    auto row = tx->QueryOne({"test.secret", "SELECT lookup_secret_hash FROM dossiers WHERE id = $1"}, {s.dossier.id});
    EXPECT_EQ(row->Text(0).size(), 64u);
    EXPECT_EQ(row->Text(0).find(s.lookup_secret), std::string::npos);
    auto audit = tx->Query({"test.audit", "SELECT detail FROM audit_events WHERE object_type = 'dossier'"});
    EXPECT_EQ(audit.size(), 3u);  // create, document_upload, submit
    for (const auto& r : audit) EXPECT_EQ(r.Text(0).find("Nguyễn"), std::string::npos);
    EXPECT_FALSE(audit::VerifyChain(*tx).has_value());
  }
  EXPECT_TRUE(Lookup(*ctx_, s.dossier.code, s.lookup_secret).ok());
  EXPECT_EQ(Lookup(*ctx_, s.dossier.code, "AAAAAA").ok(), s.lookup_secret == "AAAAAA");
  EXPECT_EQ(Lookup(*ctx_, "000.00.19.H26-170221-0999", s.lookup_secret).error().code, "not_found");
}

TEST_F(DossiersTest, ConcurrentSubmissionsFromTwoHandlesGetDistinctConsecutiveNumbers) {
  // A second database handle stands for a second server process.
  auto other_db = env().Open();
  auto other = std::make_unique<Context>(MakeContext(*other_db, clock_, ctx_->site));
  constexpr int kEach = 40;
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 2 * kEach; ++i) ids.push_back(Draft(*ctx_));
  std::vector<std::string> codes(ids.size());
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = t; i < ids.size(); i += 8) {
        auto& ctx = (i % 2 == 0) ? *ctx_ : *other;
        auto s = Submit(ctx, Me(), ids[i], "c" + std::to_string(i));
        if (!s.ok()) {
          ++failures;
          continue;
        }
        codes[i] = s->dossier.code;
      }
    });
  }
  for (auto& th : threads) th.join();
  ASSERT_EQ(failures.load(), 0);
  std::set<int> numbers;
  for (const auto& c : codes) {
    ASSERT_EQ(c.rfind("000.00.19.H26-170221-", 0), 0u) << c;
    numbers.insert(std::stoi(c.substr(c.rfind('-') + 1)));
  }
  ASSERT_EQ(numbers.size(), ids.size());
  EXPECT_EQ(*numbers.begin(), 1);
  EXPECT_EQ(*numbers.rbegin(), static_cast<int>(ids.size()));
  other.reset();
}

TEST_F(DossiersTest, OnlyApplicantsAndOnlyWhatTheProcedureAndRolloutAllow) {
  auto officer = Principal("badinh.motcua");
  EXPECT_EQ(Create(*ctx_, Caller{&officer, "r", ""}, kPermit, kBaDinh).error().code, "forbidden");
  auto biz = Principal("doanhnghiep");
  EXPECT_EQ(Create(*ctx_, Caller{&biz, "r", ""}, kPermit, kBaDinh).error().code, "validation_failed");
  auto rural = Draft(*ctx_, "000.00.31.H26");
  std::string since = "unset";
  auto s = Submit(*ctx_, Me(), rural, "rural", &since);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "procedure_not_online");
  EXPECT_EQ(since, "unset");  // no wave plans it there: no date to give
  // Withdraw before any officer received it; twice is harmless.
  auto w = SubmitOk(*ctx_, Draft(*ctx_));
  EXPECT_EQ(Withdraw(*ctx_, Me(), w.dossier.id)->status, "withdrawn");
  EXPECT_EQ(Withdraw(*ctx_, Me(), w.dossier.id)->status, "withdrawn");
  auto timeline = Get(*ctx_, Me(), w.dossier.id)->timeline;
  ASSERT_EQ(timeline.size(), 3u);
  EXPECT_EQ(timeline[2].action, "withdraw");
}

TEST_F(DossiersTest, UnitScopedOfficersSeeOnlyTheirUnitsDossiers) {
  auto d = SubmitOk(*ctx_, Draft(*ctx_)).dossier;  // the permit: processed by Phòng Quản lý đô thị (qldt)
  ASSERT_EQ(d.unit, "qldt");
  auto sees = [&](const std::string& username) {
    auto who = Principal(username);
    Caller c{&who, "r", ""};
    auto got = Get(*ctx_, c, d.id);
    auto listed = List(*ctx_, c, {});
    EXPECT_TRUE(listed.ok());
    bool in_list = false;
    for (const auto& item : listed->items) in_list = in_list || item.id == d.id;
    EXPECT_EQ(got.ok(), in_list) << username;
    if (!got.ok()) {
      EXPECT_EQ(got.error().code, "not_found");
    }
    return got.ok();
  };
  // The whole agency for its one-stop section, leader and clerk; its unit for the unit's people.
  for (const char* user :
       {"badinh.motcua", "badinh.lanhdao", "badinh.vanthu", "badinh.chuyenvien", "badinh.truongphong"})
    EXPECT_TRUE(sees(user)) << user;
  // Not a specialist of another unit of the same agency, nor anyone of another agency.
  for (const char* user : {"badinh.vhtt", "hoankiem.motcua", "hoankiem.chuyenvien", "badinh.cntt"})
    EXPECT_FALSE(sees(user)) << user;
  auto vhtt = Principal("badinh.vhtt");
  EXPECT_EQ(List(*ctx_, Caller{&vhtt, "r", ""}, {})->total, 0);
  auto head = Principal("badinh.truongphong");
  EXPECT_EQ(List(*ctx_, Caller{&head, "r", ""}, {})->total, 1);
}

}  // namespace
}  // namespace motcua::services::dossiers
