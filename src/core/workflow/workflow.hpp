// The processing workflow of a dossier (domain.md §3, §5): a table of states and actions loaded from
// the catalog's workflows.yaml, and a pure engine that says what a caller may do now and applies an
// action, producing the next state, the control-sheet row (form 05), the clock effect and the slip.
// No I/O: the service layer persists the Transition (see README.md).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/roles.hpp"
#include "core/calendar/working_calendar.hpp"
#include "core/catalog/model.hpp"
#include "core/common/clock.hpp"
#include "core/common/result.hpp"
#include "core/text/yaml_reader.hpp"

namespace motcua::core::workflow {

enum class ClockEffect { kNone, kStart, kPause, kResume, kStop };
enum class Outcome { kNone, kResultIssued, kRefused, kWithdrawn, kNotEligible, kNotReceived };
enum class Slip { kNone, kForm01Receipt, kForm02Supplement, kForm03Refusal, kForm04Apology, kForm05ControlSheet };
enum class HandOver { kNone, kToPartner, kBackToLead };
enum class Timing { kBeforeTime, kOnTime, kLate };
enum class ClockStatus { kNotStarted, kRunning, kPaused, kStopped };

std::string_view ToString(ClockEffect v);
std::string_view ToString(Outcome v);
std::string_view ToString(Slip v);
std::string_view ToString(HandOver v);
std::string_view ToString(Timing v);
std::optional<ClockEffect> ClockEffectFromString(std::string_view s);
std::optional<Outcome> OutcomeFromString(std::string_view s);
std::optional<Slip> SlipFromString(std::string_view s);
std::optional<HandOver> HandOverFromString(std::string_view s);

// Who may take an action: the applicant of the dossier, or an officer role.
struct Actor {
  bool applicant = false;
  access::Role role = access::Role::kOneStopOfficer;  // when !applicant
  bool operator==(const Actor&) const = default;
};

struct Action {
  std::string name;
  Actor by;
  std::string next;   // next state
  double budget = 0;  // share of the statutory time for this step, in [0,1]
  ClockEffect clock = ClockEffect::kNone;
  Outcome ends = Outcome::kNone;  // kNone: the dossier goes on
  Slip slip = Slip::kNone;
  bool once = false;                 // at most once per dossier
  bool needs_comment = false;        // a comment / reasons are required
  bool before_due_only = false;      // only while now < due (extension)
  bool needs_assignee = false;       // assign: names the specialist
  bool needs_new_due = false;        // extend: names the new appointment
  bool needs_result_number = false;  // issue: the number of the result paper
  bool needs_return_method = false;  // return_result: how it was handed (in_person, post, online)
  HandOver hand_over = HandOver::kNone;
  int line = 0;
};

enum class Side { kLead, kPartner };  // which agency acts in a state

struct State {
  std::string name;
  Side at = Side::kLead;
  bool final = false;
  std::vector<Action> actions;
  int line = 0;
  const Action* Find(std::string_view action) const;
};

struct Workflow {
  std::string id;  // standard | one_stop_only | inter_agency
  std::string name;
  std::string initial;
  std::vector<State> states;
  int line = 0;
  const State* Find(std::string_view state) const;
};

// Parses and validates workflows.yaml, reporting every problem with its line. The result is only
// meaningful when `problems` stays empty.
std::vector<Workflow> ParseWorkflows(const std::string& text, text::LineProblems& problems);
// Structural checks of one workflow (also run by ParseWorkflows).
void Validate(const Workflow& wf, text::LineProblems& problems);
const Workflow* FindWorkflow(const std::vector<Workflow>& workflows, catalog::WorkflowKind kind);

// ---- deadlines ----
// Official receipt + statutory time on the receiving agency's calendar, moved forward by the working
// time of each pause; an extension's new appointment replaces it.
Instant ComputeDue(Instant received, const catalog::ProcessingTime& statutory, const calendar::WorkingCalendar& cal,
                   const std::vector<calendar::Interval>& pauses, std::optional<Instant> extension = std::nullopt);
// Before the appointment day → before time; on that day (UTC+7) → on time; after → late.
Timing Classify(Instant finished_at, Instant due);
// The statutory time as working time (a working day counts as 8 hours).
std::chrono::microseconds StatutoryWorkingTime(const catalog::ProcessingTime& statutory);

// ---- engine ----
struct Caller {
  bool applicant = false;  // the dossier's applicant
  std::string account;     // who (for giver/receiver and assignee checks)
  std::vector<access::RoleGrant> grants;
  std::string agency{};  // officers: the account's own agency …
  std::string unit{};    // … and unit (the one-stop section, a division)
};

struct DossierState {
  std::string state;
  std::string agency, unit;                  // lead agency and its processing unit
  std::string partner_agency, partner_unit;  // inter-agency: the second agency's unit
  std::string assignee;                      // account of the specialist
  ClockStatus clock = ClockStatus::kNotStarted;
  std::vector<std::string> taken;  // actions taken already
  std::optional<Instant> received, due;
  std::vector<calendar::Interval> pauses;  // closed pauses
  std::optional<Instant> paused_since;
  std::optional<Instant> extension;
  Instant step_since{};    // when the current step was handed over
  std::string step_giver;  // who handed it
};

struct ActionRequest {
  std::string action{};
  std::string comment{};
  std::string assignee{};            // assign
  std::optional<Instant> new_due{};  // extend
  std::string result_number{};       // issue
  std::string return_method{};       // return_result (in person, post, online)
  std::string partner_agency{};      // hand_over to a partner: the partner agency (and its unit); when
  std::string partner_unit{};        // empty, the dossier's partner must already be known
};

struct ControlSheetRow {  // form 05
  std::string step, action, agency, unit, giver, receiver;
  Instant handed_at{}, done_at{};
  std::chrono::microseconds allotted{}, used{};
  Timing timing = Timing::kOnTime;
};

struct Transition {
  DossierState next;
  ControlSheetRow row;
  ClockEffect clock = ClockEffect::kNone;
  Slip slip = Slip::kNone;
  Outcome ends = Outcome::kNone;
  std::optional<Instant> due;           // the new due time (after start/resume/extend)
  std::optional<Timing> result_timing;  // when the clock stops
  std::string comment, result_number, return_method;
};

struct Context {
  const calendar::WorkingCalendar& calendar;
  catalog::ProcessingTime statutory;
};

// May this caller take this action in this dossier now (role, agency, unit, assignee)?
bool MayAct(const Workflow& wf, const DossierState& d, const Action& a, const Caller& caller);
// The actions the caller may take now (state, role, once and before-due rules), in table order.
std::vector<const Action*> Allowed(const Workflow& wf, const DossierState& d, const Caller& caller, Instant now);
// Applies one action; errors: action_not_allowed (with the allowed actions in message and fields),
// forbidden, validation_failed (missing comment / assignee / new due / result number / return method,
// or a hand-over to a partner when none is named nor known).
Result<Transition> Apply(const Workflow& wf, const DossierState& d, const ActionRequest& req, const Caller& caller,
                         Instant now, const Context& ctx);

inline constexpr const char* kActionNotAllowed = "action_not_allowed";

}  // namespace motcua::core::workflow
