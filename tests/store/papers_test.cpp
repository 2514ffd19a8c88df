// The papers service on both backends, with a clock the test moves: drafts' papers go after a day,
// idle drafts after the configured time (with their papers and timeline), submitted dossiers'
// papers stay, a stored file goes only with its last reference, interrupted uploads' leftovers go,
// every purge is audited; and refused or abandoned uploads leave nothing behind.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/common/clock.hpp"
#include "core/common/time.hpp"
#include "services/accounts.hpp"
#include "services/audit.hpp"
#include "services/catalog.hpp"
#include "services/context.hpp"
#include "services/dossiers.hpp"
#include "services/papers.hpp"
#include "test_database.hpp"

namespace motcua::services::papers {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
constexpr const char* kBaDinh = "000.00.19.H26";
constexpr const char* kPermit = "H26.QH.XD.01";
constexpr auto kThirtyDays = std::chrono::hours(24 * 30);

core::Instant At(const char* iso) { return *core::ParseInstant(iso); }

class PapersTest : public store::testing::MigratedStoreTest {
 protected:
  void SetUp() override {
    MigratedStoreTest::SetUp();
    accounts::Settings s;
    s.password_cost = accounts::PasswordCost::kMin;
    accounts::Configure(s);
    ctx_ = std::make_unique<Context>(
        MakeContext(db(), clock_, SiteInfo{"Hà Nội", "Hanoi", "http://localhost", "test", true}));
    data_dir_ = fs::temp_directory_path() /
                ("motcua-papers-test-" + std::to_string(::getpid()) + "-" + std::to_string(++instances_));
    ctx_->data_dir = data_dir_.string();
    auto fixture = fs::path(__FILE__).parent_path().parent_path() / "api" / "fixtures" / "accounts";
    auto files = catalog::ReadFolder(fixture.string());
    ASSERT_TRUE(files.ok());
    catalog::Actor system;
    system.system = true;
    system.role = "cli";
    ASSERT_TRUE(catalog::Import(*ctx_, *files, system).ok());
    ASSERT_TRUE(catalog::SetSetting(*ctx_, system, "wave2_date", "2017-02-20").ok());
    accounts::CreateDemoUsers(*ctx_);
    auto tx = db().Begin(store::Database::Mode::kReadOnly);
    auto row = tx->QueryOne({"test.user_id", "SELECT id FROM users WHERE username = 'congdan'"});
    congdan_ = *accounts::PrincipalOfUser(*ctx_, row->Int(0));
  }
  void TearDown() override {
    accounts::Configure(accounts::Settings{});
    ctx_.reset();
    fs::remove_all(data_dir_);
    MigratedStoreTest::TearDown();
  }
  Caller Me() { return Caller{&congdan_, "req", "10.0.0.1"}; }

  std::int64_t Draft() {
    auto d = dossiers::Create(*ctx_, Me(), kPermit, kBaDinh);
    EXPECT_TRUE(d.ok());
    EXPECT_TRUE(dossiers::SaveDraft(*ctx_, Me(), d->id, d->version, {{"full_name", "Nguyễn Văn An"}}).ok());
    return d->id;
  }
  Paper Attach(std::int64_t id, const std::string& body = "%PDF-1.4\n%%EOF\n") {
    auto up = Upload::Begin(*ctx_, Me(), id);
    EXPECT_TRUE(up.ok());
    EXPECT_FALSE((*up)->SetComponent("1"));
    EXPECT_FALSE((*up)->StartFile("don.pdf"));
    EXPECT_FALSE((*up)->Write(body));
    auto p = (*up)->Finish();
    EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message_en);
    return p.ok() ? *p : Paper{};
  }
  void Submit(std::int64_t id) {
    static int n = 0;
    auto s = dossiers::Submit(*ctx_, Me(), id, "purge-" + std::to_string(n++));
    ASSERT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message_en);
  }
  std::int64_t Count(const std::string& sql, const store::Params& params = {}) {
    auto tx = db().Begin(store::Database::Mode::kReadOnly);
    return tx->QueryOne({"test.count", sql}, params)->Int(0);
  }
  std::vector<std::string> TempFiles() {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(data_dir_ / "tmp", ec)) out.push_back(e.path().filename().string());
    return out;
  }

  core::ManualClock clock_{At("2017-02-21T09:00:00+07:00")};
  std::unique_ptr<Context> ctx_;
  fs::path data_dir_;
  core::access::Principal congdan_;
  static inline int instances_ = 0;
};

TEST_F(PapersTest, ADraftsPapersGoAfterADaySubmittedOnesStay) {
  auto draft = Draft();
  auto kept = Draft();
  auto on_draft = Attach(draft, "%PDF-1.4\n% only on the draft\n");
  auto submitted = Attach(kept, "%PDF-1.4\n% submitted\n");
  Submit(kept);
  ASSERT_TRUE(fs::exists(StorePath(ctx_->data_dir, on_draft.sha256)));

  clock_.Set(At("2017-02-22T08:59:00+07:00"));  // 23 h 59 min later: nothing yet
  auto r = Purge(*ctx_, kThirtyDays);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->papers, 0);
  EXPECT_EQ(r->drafts, 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE action = 'dossier.purge'"), 0);

  clock_.Set(At("2017-02-22T09:01:00+07:00"));  // a day and a minute
  r = Purge(*ctx_, kThirtyDays);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->papers, 1);
  EXPECT_EQ(r->drafts, 0);  // the draft itself is not idle yet
  EXPECT_EQ(r->files, 1);
  EXPECT_FALSE(fs::exists(StorePath(ctx_->data_dir, on_draft.sha256)));
  EXPECT_TRUE(fs::exists(StorePath(ctx_->data_dir, submitted.sha256)));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM documents WHERE dossier_id = $1", {draft}), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM documents WHERE dossier_id = $1", {kept}), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dossiers WHERE id = $1", {draft}), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE action = 'dossier.purge'"), 1);
  {
    auto tx = db().Begin(store::Database::Mode::kReadOnly);
    EXPECT_FALSE(audit::VerifyChain(*tx).has_value());
  }
  // Again: nothing more to do, no new audit event.
  r = Purge(*ctx_, kThirtyDays);
  EXPECT_EQ(r->papers + r->drafts + r->files, 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE action = 'dossier.purge'"), 1);
}

TEST_F(PapersTest, AFileSharedWithASubmittedDossierStays) {
  const std::string same = "%PDF-1.4\n% the same bytes twice\n";
  auto draft = Draft();
  auto kept = Draft();
  auto a = Attach(draft, same);
  auto b = Attach(kept, same);
  ASSERT_EQ(a.sha256, b.sha256);
  Submit(kept);
  clock_.Set(At("2017-02-23T09:00:00+07:00"));
  auto r = Purge(*ctx_, kThirtyDays);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->papers, 1);
  EXPECT_EQ(r->files, 0);
  EXPECT_TRUE(fs::exists(StorePath(ctx_->data_dir, a.sha256)));
}

TEST_F(PapersTest, IdleDraftsGoWithTheirPapersAndTimelineAfterTheConfiguredTime) {
  auto idle = Draft();
  auto busy = Draft();
  auto submitted = Draft();
  Attach(submitted);
  Submit(submitted);
  clock_.Set(At("2017-03-10T09:00:00+07:00"));  // 17 days on, the second draft is worked on again
  auto saved = dossiers::SaveDraft(*ctx_, Me(), busy, 2, {{"full_name", "Nguyễn Văn Bình"}});
  ASSERT_TRUE(saved.ok()) << saved.error().message_en;
  auto fresh = Attach(busy, "%PDF-1.4\n% fresh\n");

  clock_.Set(At("2017-03-23T08:59:00+07:00"));  // the first draft: 29 days 23 h 59 min idle
  auto r = Purge(*ctx_, kThirtyDays);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->drafts, 0);
  EXPECT_EQ(r->papers, 1);  // but the busy draft's paper is over a day old
  EXPECT_FALSE(fs::exists(StorePath(ctx_->data_dir, fresh.sha256)));

  clock_.Set(At("2017-03-23T09:01:00+07:00"));  // 30 days and a minute
  r = Purge(*ctx_, kThirtyDays);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->drafts, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dossiers WHERE id = $1", {idle}), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dossier_events WHERE dossier_id = $1", {idle}), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dossiers WHERE id = $1", {busy}), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dossiers WHERE id = $1", {submitted}), 1);
  EXPECT_FALSE(dossiers::Get(*ctx_, Me(), idle).ok());
  // A shorter idle time is a setting.
  r = Purge(*ctx_, std::chrono::hours(24 * 10));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->drafts, 1);  // the busy draft, idle since 10/03
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dossiers WHERE status = 'draft'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dossiers"), 1);
  auto tx = db().Begin(store::Database::Mode::kReadOnly);
  EXPECT_FALSE(audit::VerifyChain(*tx).has_value());
}

TEST_F(PapersTest, LeftoversOfInterruptedUploadsGoAfterADay) {
  fs::create_directories(data_dir_ / "tmp");
  std::ofstream(data_dir_ / "tmp" / "upload-old") << "half a file";
  std::ofstream(data_dir_ / "tmp" / "upload-new") << "an upload in progress";
  fs::last_write_time(data_dir_ / "tmp" / "upload-old", fs::file_time_type::clock::now() - 25h);
  auto r = Purge(*ctx_, kThirtyDays);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->temp_files, 1);
  EXPECT_EQ(TempFiles(), std::vector<std::string>{"upload-new"});
}

TEST_F(PapersTest, RefusedAndAbandonedUploadsLeaveNothing) {
  auto id = Draft();
  {
    auto up = Upload::Begin(*ctx_, Me(), id);
    ASSERT_TRUE(up.ok());
    EXPECT_EQ(TempFiles().size(), 1u);
    EXPECT_FALSE((*up)->SetComponent("1"));
    EXPECT_FALSE((*up)->StartFile("lon.pdf"));
    std::string chunk(1024 * 1024, 'x');
    std::optional<core::Error> e;
    for (int i = 0; i < 11 && !e; ++i) e = (*up)->Write(chunk);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->code, "file_too_large");
    EXPECT_TRUE(TempFiles().empty());  // removed at once, not when the request ends
  }
  {
    auto up = Upload::Begin(*ctx_, Me(), id);
    ASSERT_TRUE(up.ok());
    EXPECT_FALSE((*up)->Write("%PDF-1.4 abandoned"));
  }  // dropped without Finish: the client went away
  EXPECT_TRUE(TempFiles().empty());
  {
    auto up = Upload::Begin(*ctx_, Me(), id);
    EXPECT_FALSE((*up)->SetComponent("1"));
    EXPECT_FALSE((*up)->StartFile("virus.pdf"));
    EXPECT_FALSE((*up)->Write(std::string("\x7f"
                                          "ELF\x02\x01\x01",
                                          7) +
                              std::string(4000, '\0')));
    auto p = (*up)->Finish();
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().code, "file_type_not_allowed");
  }
  EXPECT_TRUE(TempFiles().empty());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM documents"), 0);
  std::error_code ec;
  EXPECT_FALSE(fs::exists(data_dir_ / "papers", ec) && !fs::is_empty(data_dir_ / "papers", ec));
}

TEST_F(PapersTest, ASubmittedDossierKeepsTheComponentsOfItsFrozenVersion) {
  auto submitted = Draft();
  Attach(submitted);
  Submit(submitted);
  auto fixture = fs::path(__FILE__).parent_path().parent_path() / "api" / "fixtures" / "accounts" / "procedures" /
                 (std::string(kPermit) + ".yaml");
  std::ifstream in(fixture);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  text.replace(text.find("version: 1"), 10, "version: 2");
  text.replace(text.find("form:"), 5,
               "  - name: Bản vẽ thiết kế\n    kind: copy\n    count: 1\n    required: true\n"
               "    file_types: [pdf]\n    max_size_mb: 1\nform:");
  catalog::Actor system;
  system.system = true;
  system.role = "cli";
  auto published = catalog::SaveProcedure(*ctx_, system, kPermit, text);
  ASSERT_TRUE(published.ok()) << published.error().message_en;

  // A draft now has two components; the second is required at submission.
  auto draft = Draft();
  auto up = Upload::Begin(*ctx_, Me(), draft);
  ASSERT_TRUE(up.ok());
  EXPECT_FALSE((*up)->SetComponent("2"));
  Attach(draft);
  auto s = dossiers::Submit(*ctx_, Me(), draft, "frozen-1");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().fields.count("documents.2"), 1u);
  EXPECT_EQ(s.error().fields.count("documents.1"), 0u);

  // The dossier submitted under version 1, asked for a supplement: still one component.
  {
    auto tx = db().Begin();
    tx->Execute({"test.supplement", "UPDATE dossiers SET status = 'awaiting_supplement' WHERE id = $1"}, {submitted});
    tx->Commit();
  }
  up = Upload::Begin(*ctx_, Me(), submitted);
  ASSERT_TRUE(up.ok());
  auto e = (*up)->SetComponent("2");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->fields.count("component"), 1u);
  EXPECT_FALSE((*up)->SetComponent("1"));
  EXPECT_FALSE((*up)->StartFile("bo-sung.pdf"));
  EXPECT_FALSE((*up)->Write("%PDF-1.4\n% supplement\n"));
  auto p = (*up)->Finish();
  ASSERT_TRUE(p.ok()) << p.error().message_en;
  EXPECT_EQ(p->component, 1);
}

}  // namespace
}  // namespace motcua::services::papers
