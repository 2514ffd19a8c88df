// The workflow service on both backends: a permit goes the whole standard flow and every action is
// persisted (state, clock, control-sheet row, slip, timeline, audit); a supplement request pauses
// the clock and moves the due time by exactly the working time paused; the stored due time equals
// the one recomputed from the events; a stale version changes nothing; two handles acting at once
// on one version: one wins; the sweep marks due soon and overdue and holds a lease.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
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
#include "services/workflow.hpp"
#include "test_database.hpp"

namespace motcua::services::workflow {
namespace {

namespace access = core::access;
constexpr const char* kBaDinh = "000.00.19.H26";
constexpr const char* kPermit = "H26.QH.XD.01";

core::Instant At(const char* iso) { return *core::ParseInstant(iso); }

class WorkflowTest : public store::testing::MigratedStoreTest {
 protected:
  void SetUp() override {
    MigratedStoreTest::SetUp();
    accounts::Settings s;
    s.password_cost = accounts::PasswordCost::kMin;
    accounts::Configure(s);
    ctx_ = std::make_unique<Context>(
        MakeContext(db(), clock_, SiteInfo{"Hà Nội", "Hanoi", "http://localhost", "test", true}));
    data_dir_ = std::filesystem::temp_directory_path() /
                ("motcua-workflow-test-" + std::to_string(::getpid()) + "-" + std::to_string(++instances_));
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
    for (const char* u :
         {"congdan", "badinh.motcua", "badinh.truongphong", "badinh.chuyenvien", "badinh.lanhdao", "badinh.vanthu",
          "hoankiem.motcua", "badinh.vhtt", "hoankiem.truongphong", "hoankiem.lanhdao"})
      people_[u] = Principal(u);
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
  Caller As(const std::string& u) { return Caller{&people_.at(u), "req", "10.0.0.1"}; }

  // A submitted permit at Ba Đình, submitted now.
  dossiers::Dossier Submitted() {
    auto d = dossiers::Create(*ctx_, As("congdan"), kPermit, kBaDinh);
    EXPECT_TRUE(d.ok());
    EXPECT_TRUE(dossiers::SaveDraft(*ctx_, As("congdan"), d->id, d->version, {{"full_name", "Nguyễn Văn An"}}).ok());
    auto up = papers::Upload::Begin(*ctx_, As("congdan"), d->id);  // component 1 is required
    EXPECT_TRUE(up.ok());
    EXPECT_FALSE((*up)->SetComponent("1"));
    EXPECT_FALSE((*up)->StartFile("don.pdf"));
    EXPECT_FALSE((*up)->Write("%PDF-1.4\n%%EOF\n"));
    EXPECT_TRUE((*up)->Finish().ok());
    static std::atomic<int> n{0};
    auto s = dossiers::Submit(*ctx_, As("congdan"), d->id, "k" + std::to_string(n++));
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message_en);
    return s->dossier;
  }
  core::Result<dossiers::Dossier> Do(const std::string& who, const dossiers::Dossier& d, const std::string& action,
                                     core::workflow::ActionRequest req = {}) {
    ActInput in;
    in.version = d.version;
    in.request = std::move(req);
    in.request.action = action;
    return Act(*ctx_, As(who), d.id, in);
  }
  dossiers::Dossier DoOk(const std::string& who, const dossiers::Dossier& d, const std::string& action,
                         core::workflow::ActionRequest req = {}) {
    auto r = Do(who, d, action, std::move(req));
    EXPECT_TRUE(r.ok()) << action << ": " << (r.ok() ? "" : r.error().code + " " + r.error().message_en);
    return r.ok() ? *r : d;
  }
  std::int64_t Count(const std::string& sql, std::int64_t id) {
    auto tx = db().Begin(store::Database::Mode::kReadOnly);
    return tx->QueryOne({"test.count", sql}, {id})->Int(0);
  }
  void ExpectDueRecomputes(const dossiers::Dossier& d) {
    auto due = RecomputeDue(*ctx_, d.id);
    ASSERT_TRUE(due.ok());
    if (d.due_at.empty()) {
      EXPECT_FALSE(due->has_value());
    } else {
      ASSERT_TRUE(due->has_value());
      EXPECT_EQ(core::FormatInstant(**due), d.due_at);
    }
  }

  core::ManualClock clock_{At("2017-02-21T09:00:00+07:00")};  // Tuesday
  std::unique_ptr<Context> ctx_;
  std::filesystem::path data_dir_;
  static inline int instances_ = 0;
  std::map<std::string, access::Principal> people_;
};

TEST_F(WorkflowTest, SubmissionEntersTheWorkflowAtTheProcessingUnit) {
  auto d = Submitted();
  EXPECT_EQ(d.status, "submitted");
  EXPECT_EQ(d.workflow, "standard");
  EXPECT_EQ(d.unit, "qldt");
  EXPECT_EQ(d.clock, "not_started");
  EXPECT_EQ(d.statutory_amount, 15);
  EXPECT_EQ(d.applicant_name, "Nguyễn Văn An");
  EXPECT_EQ(d.applicant_kind, "citizen");
  auto a = AllowedActions(*ctx_, As("badinh.motcua"), d.id);
  ASSERT_TRUE(a.ok());
  std::vector<std::string> names;
  for (const auto& x : a->actions) names.push_back(x.name);
  EXPECT_EQ(names, (std::vector<std::string>{"receive", "request_supplement_at_reception", "refuse"}));
  auto mine = AllowedActions(*ctx_, As("congdan"), d.id);
  ASSERT_EQ(mine->actions.size(), 1u);
  EXPECT_EQ(mine->actions[0].name, "withdraw");
  EXPECT_EQ(AllowedActions(*ctx_, As("hoankiem.motcua"), d.id).error().code, "not_found");
}

TEST_F(WorkflowTest, TheWholeStandardFlowIsPersistedAndTheSupplementPauseMovesTheDueTime) {
  auto d = Submitted();
  d = DoOk("badinh.motcua", d, "receive");
  EXPECT_EQ(d.status, "received");
  EXPECT_EQ(d.received_at, "2017-02-21T09:00:00+07:00");
  EXPECT_EQ(d.due_at, "2017-03-14T09:00:00+07:00");  // 15 working days
  ExpectDueRecomputes(d);

  clock_.Set(At("2017-02-21T14:00:00+07:00"));
  auto bad = Do("badinh.truongphong", d, "assign", {.assignee = "badinh.vhtt"});  // a specialist of another unit
  EXPECT_EQ(bad.error().code, "validation_failed");
  EXPECT_TRUE(bad.error().fields.count("assignee"));
  d = DoOk("badinh.truongphong", d, "assign", {.assignee = "badinh.chuyenvien"});
  EXPECT_EQ(d.assignee, "badinh.chuyenvien");

  clock_.Set(At("2017-02-22T10:00:00+07:00"));  // Wednesday
  d = DoOk("badinh.chuyenvien", d, "request_supplement", {.comment = "Thiếu bản vẽ móng."});
  EXPECT_EQ(d.status, "awaiting_supplement");
  EXPECT_EQ(d.clock, "paused");
  EXPECT_EQ(d.due_at, "2017-03-14T09:00:00+07:00");
  ExpectDueRecomputes(d);

  clock_.Set(At("2017-02-27T10:00:00+07:00"));  // Monday: 3 working days later
  d = DoOk("congdan", d, "supplement", {.comment = "Đã bổ sung bản vẽ móng."});
  EXPECT_EQ(d.status, "assigned");
  EXPECT_EQ(d.clock, "running");
  EXPECT_EQ(d.due_at, "2017-03-17T09:00:00+07:00");  // exactly 3 working days later
  ExpectDueRecomputes(d);

  clock_.Set(At("2017-03-01T10:00:00+07:00"));
  d = DoOk("badinh.chuyenvien", d, "propose", {.comment = "Đủ điều kiện cấp phép."});
  d = DoOk("badinh.truongphong", d, "review");
  d = DoOk("badinh.lanhdao", d, "approve");
  d = DoOk("badinh.vanthu", d, "issue", {.result_number = "125/GPXD"});
  clock_.Set(At("2017-03-02T09:00:00+07:00"));
  d = DoOk("badinh.motcua", d, "return_result", {.return_method = "in_person"});
  EXPECT_EQ(d.status, "returned");
  EXPECT_EQ(d.clock, "stopped");
  EXPECT_EQ(d.outcome, "result_issued");
  EXPECT_EQ(d.result_timing, "before_time");
  EXPECT_EQ(d.result_number, "125/GPXD");
  EXPECT_EQ(d.finished_at, "2017-03-02T09:00:00+07:00");
  ExpectDueRecomputes(d);

  auto sheet = ControlSheet(*ctx_, As("badinh.lanhdao"), d.id);
  ASSERT_TRUE(sheet.ok());
  ASSERT_EQ(sheet->size(), 9u);
  const auto& first = (*sheet)[0];
  EXPECT_EQ(first.action, "receive");
  EXPECT_EQ(first.giver, "congdan");
  EXPECT_EQ(first.receiver, "badinh.motcua");
  const auto& assign = (*sheet)[1];
  EXPECT_EQ(assign.action, "assign");
  EXPECT_DOUBLE_EQ(assign.allotted_hours, 12.0);  // 0.1 × 15 days × 8 h
  EXPECT_DOUBLE_EQ(assign.used_hours, 4.0);       // 09:00 → 14:00 minus lunch
  EXPECT_EQ(assign.timing, "before_time");
  EXPECT_EQ((*sheet)[3].action, "supplement");
  EXPECT_EQ((*sheet)[3].note, "Đã bổ sung bản vẽ móng.");
  EXPECT_EQ(ControlSheet(*ctx_, As("congdan"), d.id).error().code, "forbidden");
  auto view = ControlSheetWithApplicant(*ctx_, As("badinh.lanhdao"), d.id);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->rows.size(), 9u);
  EXPECT_EQ(view->rows[0].giver_name, "Nguyễn Văn An");
  EXPECT_EQ(view->rows[0].receiver_name, "Lê Thị Hoa");
  EXPECT_EQ(view->applicant.name, "Nguyễn Văn An");
  EXPECT_EQ(view->applicant.phone, "0912345678");
  EXPECT_EQ(ControlSheetWithApplicant(*ctx_, As("congdan"), d.id).error().code, "forbidden");
  EXPECT_EQ(ControlSheetWithApplicant(*ctx_, As("hoankiem.lanhdao"), d.id).error().code, "not_found");

  EXPECT_EQ(Count("SELECT COUNT(*) FROM slips WHERE dossier_id = $1", d.id), 2);  // form 01, form 02
  EXPECT_EQ(Count("SELECT COUNT(*) FROM slips WHERE dossier_id = $1 AND form = 'form_01' AND content LIKE "
                  "'%2017-03-14T09:00:00+07:00%'",
                  d.id),
            1);
  auto full = dossiers::Get(*ctx_, As("congdan"), d.id);
  std::vector<std::string> actions;
  for (const auto& t : full->timeline) actions.push_back(t.action);
  EXPECT_EQ(actions,
            (std::vector<std::string>{"create", "submit", "receive", "assign", "request_supplement", "supplement",
                                      "propose", "review", "approve", "issue", "return_result"}));
  EXPECT_EQ(full->timeline[4].detail.value("comment", ""), "Thiếu bản vẽ móng.");  // meant for the applicant
  EXPECT_FALSE(full->timeline[6].detail.contains("comment"));                      // internal
  auto tx = db().Begin(store::Database::Mode::kReadOnly);
  EXPECT_EQ(tx->QueryOne({"test.audit",
                          "SELECT COUNT(*) FROM audit_events WHERE object_type = 'dossier' AND "
                          "object_id = $1 AND action LIKE 'dossier.%'"},
                         {std::to_string(d.id)})
                ->Int(0),
            12);  // the eleven actions and the paper's upload
  EXPECT_FALSE(audit::VerifyChain(*tx).has_value());
}

TEST_F(WorkflowTest, RefusalsByRoleAgencyStateAndVersion) {
  auto d = Submitted();
  EXPECT_EQ(Do("badinh.chuyenvien", d, "receive").error().code, "forbidden");
  EXPECT_EQ(Do("hoankiem.motcua", d, "receive").error().code, "not_found");
  auto wrong_state = Do("badinh.motcua", d, "approve");
  EXPECT_EQ(wrong_state.error().code, "action_not_allowed");
  EXPECT_EQ(wrong_state.error().fields.at("allowed").message, "receive, request_supplement_at_reception, refuse");
  EXPECT_EQ(Do("badinh.motcua", d, "refuse").error().code, "validation_failed");  // reasons required
  auto received = DoOk("badinh.motcua", d, "receive");
  auto stale = Do("badinh.motcua", d, "refuse", {.comment = "x"});  // the version before receive
  EXPECT_EQ(stale.error().code, "conflict");
  EXPECT_EQ(dossiers::Get(*ctx_, As("badinh.motcua"), d.id)->version, received.version);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM control_sheet_rows WHERE dossier_id = $1", d.id), 1);
  EXPECT_EQ(Do("congdan", received, "withdraw").error().code, "action_not_allowed");
  ActInput no_version;
  no_version.request.action = "assign";
  EXPECT_EQ(Act(*ctx_, As("badinh.truongphong"), d.id, no_version).error().code, "validation_failed");
}

TEST_F(WorkflowTest, WithdrawGoesThroughTheEngine) {
  auto d = Submitted();
  auto w = dossiers::Withdraw(*ctx_, As("congdan"), d.id);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->status, "withdrawn");
  EXPECT_EQ(w->outcome, "withdrawn");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM control_sheet_rows WHERE dossier_id = $1 AND action = 'withdraw'", d.id), 1);
}

TEST_F(WorkflowTest, TwoHandlesActingOnOneVersionOneWins) {
  auto other_db = env().Open();
  auto other = std::make_unique<Context>(MakeContext(*other_db, clock_, ctx_->site));
  for (int round = 0; round < 5; ++round) {
    auto d = Submitted();
    std::atomic<int> ok{0}, conflicts{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&, t] {
        ActInput in;
        in.version = d.version;
        in.request.action = t % 2 ? "receive" : "refuse";
        in.request.comment = "Không thuộc thẩm quyền.";
        auto r = Act(t % 2 ? *ctx_ : *other, As("badinh.motcua"), d.id, in);
        if (r.ok())
          ++ok;
        else if (r.error().code == "conflict")
          ++conflicts;
      });
    for (auto& t : threads) t.join();
    EXPECT_EQ(ok.load(), 1);
    EXPECT_EQ(conflicts.load(), 3);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM control_sheet_rows WHERE dossier_id = $1", d.id), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM dossier_events WHERE dossier_id = $1", d.id), 3);  // create, submit, one
  }
}

TEST_F(WorkflowTest, TheSweepMarksDueSoonAndOverdueUnderALease) {
  auto d = DoOk("badinh.motcua", Submitted(), "receive");  // due 14/03/2017 09:00
  auto paused = DoOk("badinh.motcua", Submitted(), "receive");
  paused = DoOk("badinh.truongphong", paused, "assign", {.assignee = "badinh.chuyenvien"});
  paused = DoOk("badinh.chuyenvien", paused, "request_supplement", {.comment = "Thiếu giấy tờ."});
  clock_.Set(At("2017-03-10T09:00:00+07:00"));  // Friday: 2 working days left
  auto r = SweepDue(*ctx_, "a");
  EXPECT_TRUE(r.claimed);
  EXPECT_EQ(r.soon + r.overdue, 0);
  clock_.Set(At("2017-03-10T09:00:30+07:00"));
  EXPECT_FALSE(SweepDue(*ctx_, "b").claimed);   // a holds the lease for 60 s
  clock_.Set(At("2017-03-13T10:00:00+07:00"));  // Monday 10:00: 7 working hours left
  r = SweepDue(*ctx_, "b");
  EXPECT_TRUE(r.claimed);
  EXPECT_EQ(r.soon, 1);
  auto got = dossiers::Get(*ctx_, As("badinh.motcua"), d.id);
  EXPECT_EQ(got->due_flag, "soon");
  EXPECT_EQ(got->working_days_left, 0.9);
  EXPECT_EQ(got->version, d.version);  // a mark, not an officer's change
  clock_.Set(At("2017-03-14T09:30:00+07:00"));
  r = SweepDue(*ctx_, "a");
  EXPECT_EQ(r.overdue, 1);
  got = dossiers::Get(*ctx_, As("badinh.motcua"), d.id);
  EXPECT_EQ(got->due_flag, "overdue");
  EXPECT_EQ(got->working_days_left, -0.1);
  auto still = dossiers::Get(*ctx_, As("badinh.motcua"), paused.id);
  EXPECT_EQ(still->due_flag, "");           // the clock is paused: the applicant owes papers
  EXPECT_EQ(still->working_days_left, 15);  // frozen at the pause, taken at its receipt
  InboxQuery q;
  q.due = "overdue";
  auto inbox = Inbox(*ctx_, As("badinh.truongphong"), q);
  ASSERT_EQ(inbox->items.size(), 1u);
  EXPECT_EQ(inbox->items[0].id, d.id);
}

TEST_F(WorkflowTest, TheInboxShowsEachRoleItsWorkSoonestDueFirst) {
  auto a = Submitted();
  clock_.Set(At("2017-02-22T09:00:00+07:00"));
  auto b = DoOk("badinh.motcua", Submitted(), "receive");  // due 15/03
  clock_.Set(At("2017-02-23T09:00:00+07:00"));
  auto c = DoOk("badinh.motcua", a, "receive");  // received 21/02: due 14/03
  auto motcua = Inbox(*ctx_, As("badinh.motcua"), {});
  EXPECT_EQ(motcua->total, 0);
  auto head = Inbox(*ctx_, As("badinh.truongphong"), {});
  ASSERT_EQ(head->total, 2);
  EXPECT_EQ(head->items[0].id, c.id);  // soonest due first
  EXPECT_EQ(head->items[1].id, b.id);
  EXPECT_EQ(head->counts, (std::vector<std::pair<std::string, int>>{{"received", 2}}));
  EXPECT_EQ(Inbox(*ctx_, As("badinh.chuyenvien"), {})->total, 0);
  EXPECT_EQ(Inbox(*ctx_, As("hoankiem.motcua"), {})->total, 0);
  EXPECT_EQ(Inbox(*ctx_, As("congdan"), {})->total, 0);
  InboxQuery q;
  q.q = "nguyen AN";  // accent- and case-insensitive words of the applicant's name
  EXPECT_EQ(Inbox(*ctx_, As("badinh.truongphong"), q)->total, 2);
  q.q = "Trần";
  EXPECT_EQ(Inbox(*ctx_, As("badinh.truongphong"), q)->total, 0);
  q.q = c.code;
  EXPECT_EQ(Inbox(*ctx_, As("badinh.truongphong"), q)->total, 1);
  q = {};
  q.per_page = 1;
  q.page = 2;
  auto second = Inbox(*ctx_, As("badinh.truongphong"), q);
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_EQ(second->items[0].id, b.id);
  DoOk("badinh.truongphong", c, "assign", {.assignee = "badinh.chuyenvien"});
  auto mine = Inbox(*ctx_, As("badinh.chuyenvien"), {});
  ASSERT_EQ(mine->total, 1);
  EXPECT_EQ(mine->items[0].status, "assigned");
  EXPECT_EQ(Inbox(*ctx_, As("badinh.vhtt"), {})->total, 0);  // another unit's specialist
}

TEST_F(WorkflowTest, TheOneStopSectionSettlesAShortFlowItself) {
  auto d = Submitted();
  {
    // Arranged: the same dossier under the one-stop-only workflow.
    auto tx = db().Begin();
    tx->Execute({"test.short", "UPDATE dossiers SET workflow = 'one_stop_only' WHERE id = $1"}, {d.id});
    tx->Commit();
  }
  d = DoOk("badinh.motcua", d, "receive");
  auto inbox = Inbox(*ctx_, As("badinh.motcua"), {});
  ASSERT_EQ(inbox->total, 1);  // received, and the one-stop section handles it
  EXPECT_EQ(Inbox(*ctx_, As("badinh.truongphong"), {})->total, 0);
  EXPECT_EQ(Do("badinh.truongphong", d, "assign", {.assignee = "badinh.chuyenvien"}).error().code,
            "action_not_allowed");
  clock_.Set(At("2017-02-22T09:00:00+07:00"));
  d = DoOk("badinh.motcua", d, "handle");
  d = DoOk("badinh.motcua", d, "issue", {.result_number = "12/HT"});
  d = DoOk("badinh.motcua", d, "return_result", {.return_method = "online"});
  EXPECT_EQ(d.status, "returned");
  EXPECT_EQ(d.result_timing, "before_time");
  EXPECT_EQ(d.return_method, "online");
  auto sheet = ControlSheet(*ctx_, As("badinh.motcua"), d.id);
  ASSERT_EQ(sheet->size(), 4u);
  EXPECT_DOUBLE_EQ((*sheet)[1].allotted_hours, 96.0);  // handle: 0.8 × 15 days × 8 h
  EXPECT_DOUBLE_EQ((*sheet)[1].used_hours, 8.0);
  ExpectDueRecomputes(d);
}

TEST_F(WorkflowTest, InterAgencyHandsOverToThePartnerUnitAndBack) {
  auto d = Submitted();
  {
    // Arranged: the same dossier under the inter-agency workflow.
    auto tx = db().Begin();
    tx->Execute({"test.inter", "UPDATE dossiers SET workflow = 'inter_agency' WHERE id = $1"}, {d.id});
    tx->Commit();
    d.workflow = "inter_agency";
  }
  const auto& hk = people_.at("hoankiem.truongphong").roles.at(0);
  d = DoOk("badinh.motcua", d, "receive");
  d = DoOk("badinh.truongphong", d, "assign", {.assignee = "badinh.chuyenvien"});
  d = DoOk("badinh.chuyenvien", d, "propose");
  auto a = AllowedActions(*ctx_, As("badinh.truongphong"), d.id);
  ASSERT_EQ(a->actions.size(), 1u);
  EXPECT_TRUE(a->actions[0].needs_partner);
  EXPECT_EQ(Do("badinh.truongphong", d, "hand_over").error().fields.count("partner_agency"), 1u);
  EXPECT_EQ(Do("badinh.truongphong", d, "hand_over", {.partner_agency = kBaDinh}).error().code, "validation_failed");
  EXPECT_EQ(Do("badinh.truongphong", d, "hand_over", {.partner_agency = hk.agency, .partner_unit = "nope"})
                .error()
                .fields.count("partner_unit"),
            1u);
  EXPECT_EQ(Inbox(*ctx_, As("hoankiem.truongphong"), {})->total, 0);
  d = DoOk("badinh.truongphong", d, "hand_over", {.partner_agency = hk.agency, .partner_unit = hk.unit});
  EXPECT_EQ(d.status, "at_partner");
  EXPECT_EQ(d.partner_agency, hk.agency);
  auto theirs = Inbox(*ctx_, As("hoankiem.truongphong"), {});
  ASSERT_EQ(theirs->total, 1);
  EXPECT_EQ(theirs->items[0].id, d.id);
  EXPECT_EQ(Inbox(*ctx_, As("badinh.truongphong"), {})->total, 0);
  EXPECT_EQ(Do("badinh.truongphong", d, "hand_back").error().code, "forbidden");
  d = DoOk("hoankiem.truongphong", d, "hand_back");
  EXPECT_EQ(d.status, "back_at_lead");
  d = DoOk("badinh.lanhdao", d, "approve");
  auto sheet = ControlSheet(*ctx_, As("hoankiem.truongphong"), d.id);
  ASSERT_TRUE(sheet.ok());
  ASSERT_EQ(sheet->size(), 6u);
  EXPECT_EQ((*sheet)[4].action, "hand_back");
  EXPECT_EQ((*sheet)[4].agency, hk.agency);
  EXPECT_EQ((*sheet)[4].unit, hk.unit);
  EXPECT_EQ((*sheet)[4].giver, "badinh.truongphong");
  EXPECT_EQ((*sheet)[4].receiver, "hoankiem.truongphong");
  ExpectDueRecomputes(d);
}

}  // namespace
}  // namespace motcua::services::workflow
