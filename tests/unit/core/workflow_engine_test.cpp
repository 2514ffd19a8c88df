// The workflow engine: the shipped workflows load and validate; loading reports every problem with
// its line; the standard flow walked action by action; refusals for every state × action × role;
// "once" and before-due rules; deadlines and the control sheet.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>

#include "calendar_test_support.hpp"
#include "core/calendar/vietnam_official_days.hpp"
#include "core/workflow/workflow.hpp"

namespace motcua::core::workflow {
namespace {

using namespace std::chrono;
using access::Role;
using calendar::testing_support::At;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::vector<Workflow>& Shipped() {
  static const std::vector<Workflow> workflows = [] {
    text::LineProblems problems;
    auto w = ParseWorkflows(ReadFile(std::string(MOTCUA_SOURCE_DIR) + "/catalog/hanoi/workflows.yaml"), problems);
    EXPECT_TRUE(problems.empty()) << (problems.empty() ? "" : problems[0].message);
    return w;
  }();
  return workflows;
}

const calendar::WorkingCalendar& Cal() {
  static const calendar::WorkingCalendar cal{
      std::make_shared<const calendar::HolidayCalendar>(calendar::VietnamHolidayCalendar())};
  return cal;
}

std::string Lines(const text::LineProblems& problems) {
  std::string out;
  for (const auto& p : problems) out += std::to_string(p.line) + ": " + p.message + "\n";
  return out;
}

TEST(WorkflowLoad, ShippedWorkflowsValidate) {
  for (const char* dir : {"/catalog/hanoi/", "/tests/api/fixtures/mini/", "/tests/api/fixtures/accounts/"}) {
    text::LineProblems problems;
    auto w = ParseWorkflows(ReadFile(std::string(MOTCUA_SOURCE_DIR) + dir + "workflows.yaml"), problems);
    EXPECT_EQ(Lines(problems), "") << dir;
    ASSERT_EQ(w.size(), 3u) << dir;
  }
  EXPECT_NE(FindWorkflow(Shipped(), catalog::WorkflowKind::kStandard), nullptr);
  EXPECT_NE(FindWorkflow(Shipped(), catalog::WorkflowKind::kOneStopOnly), nullptr);
  EXPECT_NE(FindWorkflow(Shipped(), catalog::WorkflowKind::kInterAgency), nullptr);
}

TEST(WorkflowLoad, ReportsEveryProblemWithItsLine) {
  const std::string yaml =
      "workflows:\n"                 // 1
      "  - id: broken\n"             // 2
      "    name: Broken\n"           // 3
      "    initial: a\n"             // 4
      "    states:\n"                // 5
      "      - name: a\n"            // 6
      "        actions:\n"           // 7
      "          - name: go\n"       // 8
      "            by: wizard\n"     // 9
      "            next: nowhere\n"  // 10
      "            budget: 1.5\n"    // 11
      "            colour: red\n"    // 12
      "      - name: island\n"       // 13
      "        actions:\n"           // 14
      "          - name: stay\n"     // 15
      "            by: clerk\n"      // 16
      "            next: island\n"   // 17
      "      - name: stuck\n"        // 18
      "      - name: a\n"            // 19
      "        final: true\n";       // 20
  text::LineProblems problems;
  ParseWorkflows(yaml, problems);
  const std::string all = Lines(problems);
  EXPECT_NE(all.find("9: "), std::string::npos) << all;   // unknown role
  EXPECT_NE(all.find("11: "), std::string::npos) << all;  // budget out of range
  EXPECT_NE(all.find("12: "), std::string::npos) << all;  // unknown key
  EXPECT_NE(all.find("unknown state 'nowhere'"), std::string::npos) << all;
  EXPECT_NE(all.find("13: workflow 'broken': state 'island' cannot be reached"), std::string::npos) << all;
  EXPECT_NE(all.find("18: workflow 'broken': state 'stuck' is not final and has no exit"), std::string::npos) << all;
  EXPECT_NE(all.find("19: workflow 'broken': state 'a' comes twice"), std::string::npos) << all;
  EXPECT_GE(problems.size(), 7u) << all;
}

TEST(WorkflowLoad, BudgetsAlongAPathAtMostOne) {
  const std::string yaml =
      "workflows:\n  - id: w\n    name: W\n    initial: a\n    states:\n"
      "      - name: a\n        actions:\n          - name: x\n            by: clerk\n            next: b\n"
      "            budget: 0.6\n"
      "      - name: b\n        actions:\n          - name: y\n            by: clerk\n            next: c\n"
      "            budget: 0.6\n            ends: result_issued\n"
      "      - name: c\n        final: true\n";
  text::LineProblems problems;
  ParseWorkflows(yaml, problems);
  ASSERT_EQ(problems.size(), 1u) << Lines(problems);
  EXPECT_NE(problems[0].message.find("budgets sum to more than 1"), std::string::npos);
  EXPECT_EQ(problems[0].line, 14);
}

// ---- deadlines ----

TEST(WorkflowDeadline, FiveWorkingDaysAcrossTet2017) {
  const Instant due = ComputeDue(At(2017, 1, 24, 9), {catalog::TimeUnit::kWorkingDays, 5}, Cal(), {});
  EXPECT_EQ(due, At(2017, 2, 7, 9));
}

TEST(WorkflowDeadline, PauseMovesDueByExactlyThePausedWorkingTime) {
  const catalog::ProcessingTime five{catalog::TimeUnit::kWorkingDays, 5};
  // Paused Thu 09/02 10:00 → Tue 14/02 10:00: 3 working days.
  const std::vector<calendar::Interval> pauses{{At(2017, 2, 9, 10), At(2017, 2, 14, 10)}};
  EXPECT_EQ(Cal().WorkingTimeBetween(pauses[0].begin, pauses[0].end), hours{24});
  const Instant due = ComputeDue(At(2017, 2, 6, 9), five, Cal(), pauses);
  EXPECT_EQ(due, Cal().AddWorkingDays(ComputeDue(At(2017, 2, 6, 9), five, Cal(), {}), 3));
  EXPECT_EQ(ComputeDue(At(2017, 2, 6, 9), five, Cal(), pauses, At(2017, 3, 1, 17)), At(2017, 3, 1, 17));
}

TEST(WorkflowDeadline, Classify) {
  const Instant due = At(2017, 2, 7, 9);
  EXPECT_EQ(Classify(At(2017, 2, 6, 16), due), Timing::kBeforeTime);
  EXPECT_EQ(Classify(At(2017, 2, 7, 8), due), Timing::kOnTime);
  EXPECT_EQ(Classify(At(2017, 2, 7, 16, 30), due), Timing::kOnTime);
  EXPECT_EQ(Classify(At(2017, 2, 8, 8), due), Timing::kLate);
}

// ---- engine ----

struct People {
  Caller applicant{true, "citizen-1", {}};
  Caller one_stop{false, "ms-lan", {{Role::kOneStopOfficer, "BD", "mot-cua"}}};
  Caller head{false, "mr-hung", {{Role::kUnitHead, "BD", "tu-phap"}}};
  Caller specialist{false, "ms-mai", {{Role::kSpecialist, "BD", "tu-phap"}}};
  Caller other_specialist{false, "mr-nam", {{Role::kSpecialist, "BD", "tu-phap"}}};
  Caller leader{false, "mr-son", {{Role::kAgencyLeader, "BD", ""}}};
  Caller clerk{false, "ms-ha", {{Role::kClerk, "BD", ""}}};
  // The same roles elsewhere.
  Caller head_other_unit{false, "x1", {{Role::kUnitHead, "BD", "kinh-te"}}};
  Caller leader_other_agency{false, "x2", {{Role::kAgencyLeader, "HK", ""}}};
  Caller one_stop_other_agency{false, "x3", {{Role::kOneStopOfficer, "HK", ""}}};
};

DossierState Submitted(Instant at) {
  DossierState d;
  d.state = "submitted";
  d.agency = "BD";
  d.unit = "tu-phap";
  d.partner_agency = "HK";
  d.partner_unit = "tai-nguyen";
  d.step_since = at;
  d.step_giver = "citizen-1";
  return d;
}

const catalog::ProcessingTime kFive{catalog::TimeUnit::kWorkingDays, 5};

DossierState Step(const Workflow& wf, const DossierState& d, const std::string& action, const Caller& c, Instant now,
                  ActionRequest req = {}) {
  req.action = action;
  auto r = Apply(wf, d, req, c, now, Context{Cal(), kFive});
  EXPECT_TRUE(r.ok()) << action << ": " << (r.ok() ? "" : r.error().message_en);
  return r.ok() ? r.value().next : d;
}

TEST(WorkflowEngine, StandardFlowWithSupplementPause) {
  const Workflow& wf = *FindWorkflow(Shipped(), catalog::WorkflowKind::kStandard);
  People p;
  DossierState d = Submitted(At(2017, 1, 24, 8, 30));
  ASSERT_EQ(Allowed(wf, d, p.one_stop, At(2017, 1, 24, 9)).size(), 3u);

  auto r = Apply(wf, d, {.action = "receive"}, p.one_stop, At(2017, 1, 24, 9), Context{Cal(), kFive});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().slip, Slip::kForm01Receipt);
  EXPECT_EQ(r.value().clock, ClockEffect::kStart);
  EXPECT_EQ(r.value().due, At(2017, 2, 7, 9));
  d = r.value().next;
  EXPECT_EQ(d.state, "received");

  d = Step(wf, d, "assign", p.head, At(2017, 1, 24, 10), {.assignee = "ms-mai"});
  EXPECT_EQ(d.assignee, "ms-mai");
  // Another specialist of the same unit may not handle it.
  EXPECT_TRUE(Allowed(wf, d, p.other_specialist, At(2017, 1, 24, 11)).empty());

  r = Apply(wf, d, {.action = "request_supplement", .comment = "Thiếu bản sao"}, p.specialist, At(2017, 2, 2, 10),
            Context{Cal(), kFive});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().slip, Slip::kForm02Supplement);
  EXPECT_EQ(r.value().clock, ClockEffect::kPause);
  d = r.value().next;
  EXPECT_EQ(d.clock, ClockStatus::kPaused);

  // The applicant supplements 3 working days later: the due time moves by exactly 3 working days.
  r = Apply(wf, d, {.action = "supplement"}, p.applicant, At(2017, 2, 7, 10), Context{Cal(), kFive});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().due, Cal().AddWorkingDays(At(2017, 2, 7, 9), 3));
  EXPECT_EQ(r.value().due, At(2017, 2, 10, 9));
  d = r.value().next;
  EXPECT_EQ(d.state, "assigned");

  // Supplement during processing only once.
  auto again = Apply(wf, d, {.action = "request_supplement", .comment = "x"}, p.specialist, At(2017, 2, 7, 11),
                     Context{Cal(), kFive});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, kActionNotAllowed);
  EXPECT_NE(again.error().message_en.find("propose"), std::string::npos) << again.error().message_en;

  d = Step(wf, d, "propose", p.specialist, At(2017, 2, 8, 9));
  d = Step(wf, d, "review", p.head, At(2017, 2, 8, 10));
  d = Step(wf, d, "approve", p.leader, At(2017, 2, 8, 14));
  // The clerk issues: the result is back at the one-stop section, where the statutory time ends and
  // the dossier is classified (domain.md §5); when the applicant collects it does not count.
  r = Apply(wf, d, {.action = "issue", .result_number = "123/QĐ"}, p.clerk, At(2017, 2, 9, 8), Context{Cal(), kFive});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().clock, ClockEffect::kStop);
  EXPECT_EQ(r.value().result_timing, Timing::kBeforeTime);
  EXPECT_EQ(r.value().next.clock, ClockStatus::kStopped);
  d = r.value().next;
  r = Apply(wf, d, {.action = "return_result", .return_method = "in_person"}, p.one_stop, At(2017, 2, 20, 15),
            Context{Cal(), kFive});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().ends, Outcome::kResultIssued);
  EXPECT_FALSE(r.value().result_timing);  // collected after the due time: still before time, as issued
  EXPECT_EQ(r.value().next.state, "returned");
  EXPECT_EQ(r.value().next.clock, ClockStatus::kStopped);
  EXPECT_EQ(r.value().row.giver, "ms-ha");
  EXPECT_EQ(r.value().row.receiver, "ms-lan");
}

TEST(WorkflowEngine, ControlSheetRowsClassifyEachStep) {
  const Workflow& wf = *FindWorkflow(Shipped(), catalog::WorkflowKind::kStandard);
  People p;
  auto received = Apply(wf, Submitted(At(2017, 3, 6, 8)), {.action = "receive"}, p.one_stop, At(2017, 3, 6, 8),
                        Context{Cal(), kFive});
  ASSERT_TRUE(received.ok());
  EXPECT_EQ(received.value().row.unit, "mot-cua");  // the one-stop section did the step, not the processing unit
  // A grant to the whole agency: the unit is the account's own.
  Caller desk{false, "ms-lan", {{Role::kOneStopOfficer, "BD", ""}}, "BD", "mot-cua"};
  auto by_desk =
      Apply(wf, Submitted(At(2017, 3, 6, 8)), {.action = "receive"}, desk, At(2017, 3, 6, 8), Context{Cal(), kFive});
  ASSERT_TRUE(by_desk.ok());
  EXPECT_EQ(by_desk.value().row.unit, "mot-cua");
  Caller elsewhere{false, "ms-lan", {{Role::kOneStopOfficer, "BD", ""}}, "HK", "mot-cua"};
  auto odd = Apply(wf, Submitted(At(2017, 3, 6, 8)), {.action = "receive"}, elsewhere, At(2017, 3, 6, 8),
                   Context{Cal(), kFive});
  ASSERT_TRUE(odd.ok());
  EXPECT_NE(odd.value().row.unit, "mot-cua");  // an account of another agency: its unit is not this agency's
  DossierState d = received.value().next;
  // assign has 0.1 of 5 working days = 4 working hours.
  auto quick =
      Apply(wf, d, {.action = "assign", .assignee = "ms-mai"}, p.head, At(2017, 3, 6, 10), Context{Cal(), kFive});
  ASSERT_TRUE(quick.ok());
  EXPECT_EQ(quick.value().row.allotted, hours{4});
  EXPECT_EQ(quick.value().row.used, hours{2});
  EXPECT_EQ(quick.value().row.giver, "ms-lan");
  EXPECT_EQ(quick.value().row.unit, "tu-phap");
  EXPECT_EQ(quick.value().row.timing, Timing::kOnTime);  // same day as the step's own deadline
  auto late =
      Apply(wf, d, {.action = "assign", .assignee = "ms-mai"}, p.head, At(2017, 3, 8, 10), Context{Cal(), kFive});
  ASSERT_TRUE(late.ok());
  EXPECT_EQ(late.value().row.used, hours{18});
  EXPECT_EQ(late.value().row.timing, Timing::kLate);
  d = quick.value().next;
  auto early = Apply(wf, d, {.action = "propose"}, p.specialist, At(2017, 3, 7, 10), Context{Cal(), kFive});
  ASSERT_TRUE(early.ok());
  EXPECT_EQ(early.value().row.allotted, hours{20});
  EXPECT_EQ(early.value().row.timing, Timing::kBeforeTime);
}

TEST(WorkflowEngine, ExtensionOnceAndOnlyBeforeDue) {
  const Workflow& wf = *FindWorkflow(Shipped(), catalog::WorkflowKind::kStandard);
  People p;
  DossierState d = Step(wf, Submitted(At(2017, 3, 6, 8)), "receive", p.one_stop, At(2017, 3, 6, 8));
  d = Step(wf, d, "assign", p.head, At(2017, 3, 6, 9), {.assignee = "ms-mai"});
  ASSERT_EQ(d.due, At(2017, 3, 13, 8));
  const Context ctx{Cal(), kFive};
  // Missing reasons / new date.
  auto r = Apply(wf, d, {.action = "extend", .new_due = At(2017, 3, 20, 17)}, p.leader, At(2017, 3, 10, 9), ctx);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, errc::kValidationFailed);
  // After the due time: refused.
  r = Apply(wf, d, {.action = "extend", .comment = "Xin lỗi", .new_due = At(2017, 3, 20, 17)}, p.leader,
            At(2017, 3, 13, 9), ctx);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, kActionNotAllowed);
  r = Apply(wf, d, {.action = "extend", .comment = "Xin lỗi", .new_due = At(2017, 3, 20, 17)}, p.leader,
            At(2017, 3, 10, 9), ctx);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().slip, Slip::kForm04Apology);
  EXPECT_EQ(r.value().due, At(2017, 3, 20, 17));
  d = r.value().next;
  d = Step(wf, d, "propose", p.specialist, At(2017, 3, 14, 9));
  r = Apply(wf, d, {.action = "extend", .comment = "Lần hai", .new_due = At(2017, 3, 27, 17)}, p.leader,
            At(2017, 3, 14, 10), ctx);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, kActionNotAllowed);
}

TEST(WorkflowEngine, InterAgencyHandsOverAndBack) {
  const Workflow& wf = *FindWorkflow(Shipped(), catalog::WorkflowKind::kInterAgency);
  People p;
  Caller partner_head{false, "hk-head", {{Role::kUnitHead, "HK", "tai-nguyen"}}};
  DossierState d = Step(wf, Submitted(At(2017, 3, 6, 8)), "receive", p.one_stop, At(2017, 3, 6, 8));
  d = Step(wf, d, "assign", p.head, At(2017, 3, 6, 9), {.assignee = "ms-mai"});
  d = Step(wf, d, "propose", p.specialist, At(2017, 3, 6, 10));
  d = Step(wf, d, "hand_over", p.head, At(2017, 3, 6, 11));
  EXPECT_EQ(d.state, "at_partner");
  EXPECT_TRUE(Allowed(wf, d, p.head, At(2017, 3, 7, 9)).empty());
  auto r = Apply(wf, d, {.action = "hand_back"}, partner_head, At(2017, 3, 7, 9), Context{Cal(), kFive});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().row.agency, "HK");
  EXPECT_EQ(r.value().row.unit, "tai-nguyen");
  d = r.value().next;
  d = Step(wf, d, "approve", p.leader, At(2017, 3, 7, 10));
  d = Step(wf, d, "issue", p.clerk, At(2017, 3, 7, 11), {.result_number = "7/GP"});
  d = Step(wf, d, "return_result", p.one_stop, At(2017, 3, 7, 14), {.return_method = "post"});
  EXPECT_EQ(d.state, "returned");
}

TEST(WorkflowEngine, HandOverNamesThePartnerWhenTheDossierHasNone) {
  const Workflow& wf = *FindWorkflow(Shipped(), catalog::WorkflowKind::kInterAgency);
  People p;
  DossierState d = Submitted(At(2017, 3, 6, 8));
  d.partner_agency.clear();
  d.partner_unit.clear();
  d = Step(wf, d, "receive", p.one_stop, At(2017, 3, 6, 8));
  d = Step(wf, d, "assign", p.head, At(2017, 3, 6, 9), {.assignee = "ms-mai"});
  d = Step(wf, d, "propose", p.specialist, At(2017, 3, 6, 10));
  auto none = Apply(wf, d, {.action = "hand_over"}, p.head, At(2017, 3, 6, 11), Context{Cal(), kFive});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, "validation_failed");
  EXPECT_TRUE(none.error().fields.count("partner_agency"));
  d = Step(wf, d, "hand_over", p.head, At(2017, 3, 6, 11), {.partner_agency = "CT", .partner_unit = "qltm"});
  EXPECT_EQ(d.partner_agency, "CT");
  EXPECT_EQ(d.partner_unit, "qltm");
  Caller wrong_unit{false, "ct-x", {{Role::kUnitHead, "CT", "khac"}}};
  Caller partner_head{false, "ct-head", {{Role::kUnitHead, "CT", "qltm"}}};
  EXPECT_TRUE(Allowed(wf, d, wrong_unit, At(2017, 3, 7, 9)).empty());
  EXPECT_TRUE(Allowed(wf, d, p.head, At(2017, 3, 7, 9)).empty());
  ASSERT_EQ(Allowed(wf, d, partner_head, At(2017, 3, 7, 9)).size(), 1u);
  d = Step(wf, d, "hand_back", partner_head, At(2017, 3, 7, 9));
  EXPECT_EQ(d.state, "back_at_lead");
}

// Property-style: in every state of every shipped workflow, every action of every workflow is refused
// with action_not_allowed when not in the state, with forbidden for each role other than its own and
// for its own role at another agency or unit, and succeeds for the right caller.
TEST(WorkflowEngine, EveryActionRefusedForWrongStateRoleAgencyUnit) {
  People p;
  std::vector<std::pair<Actor, Caller>> right = {
      {{true, Role::kOneStopOfficer}, p.applicant},
      {{false, Role::kOneStopOfficer}, p.one_stop},
      {{false, Role::kUnitHead}, p.head},
      {{false, Role::kSpecialist}, p.specialist},
      {{false, Role::kAgencyLeader}, p.leader},
      {{false, Role::kClerk}, p.clerk},
      {{false, Role::kAgencyIt}, {false, "it", {{Role::kAgencyIt, "BD", ""}}}},
      {{false, Role::kCityAdmin}, {false, "admin", {{Role::kCityAdmin, "BD", ""}}}},
      {{false, Role::kAuditor}, {false, "audit", {{Role::kAuditor, "BD", ""}}}},
  };
  const Instant now = At(2017, 3, 8, 9);
  const Context ctx{Cal(), kFive};
  int checked = 0, succeeded = 0;
  for (const Workflow& wf : Shipped()) {
    std::set<std::string> every_action;
    for (const State& s : wf.states)
      for (const Action& a : s.actions) every_action.insert(a.name);
    for (const State& s : wf.states) {
      DossierState d = Submitted(At(2017, 3, 6, 8));
      d.state = s.name;
      d.assignee = "ms-mai";
      d.received = At(2017, 3, 6, 8);
      d.due = At(2017, 3, 13, 8);
      d.clock = ClockStatus::kRunning;
      for (const std::string& name : every_action) {
        const Action* a = s.Find(name);
        ActionRequest req{.action = name,
                          .comment = "lý do",
                          .assignee = "ms-mai",
                          .new_due = At(2017, 3, 20, 17),
                          .result_number = "1/QĐ",
                          .return_method = "in_person"};
        for (auto& [actor, caller] : right) {
          Caller c = caller;
          if (s.at == Side::kPartner)
            for (auto& g : c.grants) g.agency = "HK", g.unit = g.unit.empty() ? "" : "tai-nguyen";
          auto r = Apply(wf, d, req, c, now, ctx);
          ++checked;
          if (!a) {
            ASSERT_FALSE(r.ok());
            EXPECT_EQ(r.error().code, kActionNotAllowed) << wf.id << "/" << s.name << "/" << name;
          } else if (a->by == actor) {
            ++succeeded;
            EXPECT_TRUE(r.ok()) << wf.id << "/" << s.name << "/" << name << ": "
                                << (r.ok() ? "" : r.error().message_en);
            // The same role at another agency, and (unit roles) another unit.
            Caller elsewhere = c;
            for (auto& g : elsewhere.grants) g.agency = "ZZ";
            auto e = Apply(wf, d, req, elsewhere, now, ctx);
            if (!actor.applicant) {
              ASSERT_FALSE(e.ok());
              EXPECT_EQ(e.error().code, errc::kForbidden);
            }
            if (access::UnitScoped(actor.role) && !actor.applicant) {
              Caller other_unit = c;
              for (auto& g : other_unit.grants) g.unit = "other-unit";
              auto u = Apply(wf, d, req, other_unit, now, ctx);
              ASSERT_FALSE(u.ok());
              EXPECT_EQ(u.error().code, errc::kForbidden) << wf.id << "/" << s.name << "/" << name;
            }
          } else {
            ASSERT_FALSE(r.ok());
            EXPECT_EQ(r.error().code, errc::kForbidden) << wf.id << "/" << s.name << "/" << name;
          }
        }
      }
    }
  }
  EXPECT_GT(checked, 500);
  EXPECT_GT(succeeded, 40);
}

TEST(WorkflowEngine, WithdrawOnlyBeforeReceipt) {
  const Workflow& wf = *FindWorkflow(Shipped(), catalog::WorkflowKind::kStandard);
  People p;
  const Context ctx{Cal(), kFive};
  DossierState d = Submitted(At(2017, 3, 6, 8));
  auto w = Apply(wf, d, {.action = "withdraw"}, p.applicant, At(2017, 3, 6, 8), ctx);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w.value().ends, Outcome::kWithdrawn);
  d = Step(wf, d, "receive", p.one_stop, At(2017, 3, 6, 8));
  w = Apply(wf, d, {.action = "withdraw"}, p.applicant, At(2017, 3, 6, 9), ctx);
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().code, kActionNotAllowed);
  auto refuse = Apply(wf, Submitted(At(2017, 3, 6, 8)), {.action = "refuse"}, p.one_stop, At(2017, 3, 6, 9), ctx);
  ASSERT_FALSE(refuse.ok());
  EXPECT_EQ(refuse.error().code, errc::kValidationFailed);
  EXPECT_TRUE(refuse.error().fields.count("comment"));
}

TEST(WorkflowEngine, IssueNeedsResultNumberAndReturnNeedsMethod) {
  const Workflow& wf = *FindWorkflow(Shipped(), catalog::WorkflowKind::kOneStopOnly);
  People p;
  const Context ctx{Cal(), kFive};
  DossierState d = Step(wf, Submitted(At(2017, 3, 6, 8)), "receive", p.one_stop, At(2017, 3, 6, 8));
  d = Step(wf, d, "handle", p.one_stop, At(2017, 3, 6, 9));
  auto r = Apply(wf, d, {.action = "issue"}, p.one_stop, At(2017, 3, 6, 10), ctx);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().fields.count("result_number"));
  d = Step(wf, d, "issue", p.one_stop, At(2017, 3, 6, 10), {.result_number = "5/CT"});
  r = Apply(wf, d, {.action = "return_result"}, p.one_stop, At(2017, 3, 6, 11), ctx);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().fields.count("return_method"));
  d = Step(wf, d, "return_result", p.one_stop, At(2017, 3, 6, 11), {.return_method = "in_person"});
  EXPECT_EQ(d.state, "returned");
  EXPECT_TRUE(Allowed(wf, d, p.one_stop, At(2017, 3, 6, 12)).empty());
}

}  // namespace
}  // namespace motcua::core::workflow
