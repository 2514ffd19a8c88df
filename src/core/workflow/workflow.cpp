#include "core/workflow/workflow.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <utility>

#include "core/common/time.hpp"

namespace motcua::core::workflow {
namespace {

template <typename E, size_t N>
std::string_view Name(const std::array<std::pair<E, std::string_view>, N>& table, E v) {
  for (const auto& [e, s] : table)
    if (e == v) return s;
  return "?";
}
template <typename E, size_t N>
std::optional<E> Parse(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view s) {
  for (const auto& [e, n] : table)
    if (n == s) return e;
  return std::nullopt;
}

constexpr std::array<std::pair<ClockEffect, std::string_view>, 5> kClock{{{ClockEffect::kNone, "none"},
                                                                          {ClockEffect::kStart, "start"},
                                                                          {ClockEffect::kPause, "pause"},
                                                                          {ClockEffect::kResume, "resume"},
                                                                          {ClockEffect::kStop, "stop"}}};
constexpr std::array<std::pair<Outcome, std::string_view>, 6> kOutcome{{{Outcome::kNone, "none"},
                                                                        {Outcome::kResultIssued, "result_issued"},
                                                                        {Outcome::kRefused, "refused"},
                                                                        {Outcome::kWithdrawn, "withdrawn"},
                                                                        {Outcome::kNotEligible, "not_eligible"},
                                                                        {Outcome::kNotReceived, "not_received"}}};
constexpr std::array<std::pair<Slip, std::string_view>, 6> kSlip{{{Slip::kNone, "none"},
                                                                  {Slip::kForm01Receipt, "form_01"},
                                                                  {Slip::kForm02Supplement, "form_02"},
                                                                  {Slip::kForm03Refusal, "form_03"},
                                                                  {Slip::kForm04Apology, "form_04"},
                                                                  {Slip::kForm05ControlSheet, "form_05"}}};
constexpr std::array<std::pair<HandOver, std::string_view>, 3> kHandOver{
    {{HandOver::kNone, "none"}, {HandOver::kToPartner, "to_partner"}, {HandOver::kBackToLead, "back_to_lead"}}};
constexpr std::array<std::pair<Timing, std::string_view>, 3> kTiming{
    {{Timing::kBeforeTime, "before_time"}, {Timing::kOnTime, "on_time"}, {Timing::kLate, "late"}}};

Error NotAllowed(const std::string& state, const std::string& action, const std::vector<const Action*>& allowed) {
  std::string list;
  for (const Action* a : allowed) list += (list.empty() ? "" : ", ") + a->name;
  if (list.empty()) list = "-";
  Error e = Error::Make(kActionNotAllowed,
                        "Không thể thực hiện '" + action + "' ở bước '" + state + "'. Được phép: " + list + ".",
                        "Action '" + action + "' is not allowed in state '" + state + "'. Allowed: " + list + ".");
  e.fields["allowed"] = FieldError{"allowed", list, list};
  return e;
}

Error Forbidden(const std::string& action) {
  return Error::Make(errc::kForbidden, "Bạn không có quyền thực hiện '" + action + "' với hồ sơ này.",
                     "You may not take action '" + action + "' on this dossier.");
}

Error Missing(const std::string& field, const std::string& vi, const std::string& en) {
  Error e = Error::Make(errc::kValidationFailed, vi, en);
  e.fields[field] = FieldError{"required", vi, en};
  return e;
}

}  // namespace

std::string_view ToString(ClockEffect v) { return Name(kClock, v); }
std::string_view ToString(Outcome v) { return Name(kOutcome, v); }
std::string_view ToString(Slip v) { return Name(kSlip, v); }
std::string_view ToString(HandOver v) { return Name(kHandOver, v); }
std::string_view ToString(Timing v) { return Name(kTiming, v); }
std::optional<ClockEffect> ClockEffectFromString(std::string_view s) { return Parse(kClock, s); }
std::optional<Outcome> OutcomeFromString(std::string_view s) { return Parse(kOutcome, s); }
std::optional<Slip> SlipFromString(std::string_view s) { return Parse(kSlip, s); }
std::optional<HandOver> HandOverFromString(std::string_view s) { return Parse(kHandOver, s); }

const Action* State::Find(std::string_view action) const {
  for (const Action& a : actions)
    if (a.name == action) return &a;
  return nullptr;
}

const State* Workflow::Find(std::string_view state) const {
  for (const State& s : states)
    if (s.name == state) return &s;
  return nullptr;
}

const Workflow* FindWorkflow(const std::vector<Workflow>& workflows, catalog::WorkflowKind kind) {
  for (const Workflow& w : workflows)
    if (w.id == catalog::ToString(kind)) return &w;
  return nullptr;
}

// ---- loading ----

namespace {

std::optional<Actor> ActorFromString(std::string_view s) {
  if (s == "applicant") return Actor{true, access::Role::kOneStopOfficer};
  if (auto r = access::RoleFromString(s)) return Actor{false, *r};
  return std::nullopt;
}

Action ReadAction(const YAML::Node& node, const std::string& where, text::LineProblems& problems) {
  Action a;
  a.line = text::LineOf(node);
  text::MapReader m(node, "action in " + where, problems);
  if (!m.is_map()) return a;
  if (auto v = m.String("name", text::Need::kRequired)) {
    a.name = *v;
    m.set_what("action '" + a.name + "' in " + where);
  }
  if (auto v = m.LocatedString("by", text::Need::kRequired)) {
    if (auto actor = ActorFromString(v->value))
      a.by = *actor;
    else
      m.Report(v->line, "'" + v->value + "' is not a role (applicant or one of the officer roles)");
  }
  if (auto v = m.String("next", text::Need::kRequired)) a.next = *v;
  if (m.Has("budget")) {
    if (auto v = m.Number("budget", text::Need::kRequired)) {
      a.budget = *v;
      if (!(a.budget >= 0 && a.budget <= 1)) m.Report(m.KeyLine("budget"), "budget must be in [0, 1]");
    }
  }
  if (auto v = m.Enum<ClockEffect>("clock", text::Need::kOptional, ClockEffectFromString,
                                   "none, start, pause, resume, stop"))
    a.clock = *v;
  if (auto v = m.Enum<Outcome>("ends", text::Need::kOptional, OutcomeFromString,
                               "none, result_issued, refused, withdrawn, not_eligible, not_received"))
    a.ends = *v;
  if (auto v = m.Enum<Slip>("slip", text::Need::kOptional, SlipFromString,
                            "none, form_01, form_02, form_03, form_04, form_05"))
    a.slip = *v;
  if (auto v =
          m.Enum<HandOver>("hand_over", text::Need::kOptional, HandOverFromString, "none, to_partner, back_to_lead"))
    a.hand_over = *v;
  if (auto v = m.Bool("once", text::Need::kOptional)) a.once = *v;
  if (auto v = m.Bool("needs_comment", text::Need::kOptional)) a.needs_comment = *v;
  if (auto v = m.Bool("before_due_only", text::Need::kOptional)) a.before_due_only = *v;
  if (auto v = m.Bool("needs_assignee", text::Need::kOptional)) a.needs_assignee = *v;
  if (auto v = m.Bool("needs_new_due", text::Need::kOptional)) a.needs_new_due = *v;
  if (auto v = m.Bool("needs_result_number", text::Need::kOptional)) a.needs_result_number = *v;
  if (auto v = m.Bool("needs_return_method", text::Need::kOptional)) a.needs_return_method = *v;
  m.Finish();
  return a;
}

State ReadState(const YAML::Node& node, const std::string& wf, text::LineProblems& problems) {
  State s;
  s.line = text::LineOf(node);
  text::MapReader m(node, "state in workflow '" + wf + "'", problems);
  if (!m.is_map()) return s;
  if (auto v = m.String("name", text::Need::kRequired)) {
    s.name = *v;
    m.set_what("state '" + s.name + "' of workflow '" + wf + "'");
  }
  if (auto v = m.LocatedString("at", text::Need::kOptional)) {
    if (v->value == "lead")
      s.at = Side::kLead;
    else if (v->value == "partner")
      s.at = Side::kPartner;
    else
      m.Report(v->line, "'" + v->value + "' is not a valid at (one of: lead, partner)");
  }
  if (auto v = m.Bool("final", text::Need::kOptional)) s.final = *v;
  if (auto list = m.List("actions", text::Need::kOptional, false))
    for (const YAML::Node& item : *list) s.actions.push_back(ReadAction(item, "state '" + s.name + "'", problems));
  m.Finish();
  return s;
}

}  // namespace

void Validate(const Workflow& wf, text::LineProblems& problems) {
  const std::string w = "workflow '" + wf.id + "': ";
  std::map<std::string, const State*> by_name;
  for (const State& s : wf.states) {
    if (!by_name.emplace(s.name, &s).second) problems.push_back({s.line, w + "state '" + s.name + "' comes twice"});
    std::set<std::string> names;
    for (const Action& a : s.actions)
      if (!names.insert(a.name).second)
        problems.push_back({a.line, w + "action '" + a.name + "' comes twice in state '" + s.name + "'"});
  }
  if (!by_name.count(wf.initial)) {
    problems.push_back({wf.line, w + "initial state '" + wf.initial + "' is not a state"});
    return;
  }
  if (by_name[wf.initial]->final) problems.push_back({wf.line, w + "the initial state is final"});
  for (const State& s : wf.states) {
    if (s.final && !s.actions.empty()) problems.push_back({s.line, w + "final state '" + s.name + "' has actions"});
    if (!s.final && s.actions.empty())
      problems.push_back({s.line, w + "state '" + s.name + "' is not final and has no exit"});
    for (const Action& a : s.actions) {
      auto it = by_name.find(a.next);
      if (it == by_name.end()) {
        problems.push_back({a.line, w + "action '" + a.name + "' leads to unknown state '" + a.next + "'"});
        continue;
      }
      if (a.ends != Outcome::kNone && !it->second->final)
        problems.push_back({a.line, w + "action '" + a.name + "' ends the dossier but '" + a.next + "' is not final"});
      if (a.ends == Outcome::kNone && it->second->final)
        problems.push_back({a.line, w + "action '" + a.name + "' leads to final state '" + a.next +
                                        "' without saying how the dossier ends"});
    }
  }
  // Reachability from the initial state.
  std::set<std::string> seen{wf.initial};
  std::vector<std::string> todo{wf.initial};
  while (!todo.empty()) {
    const State* s = by_name[todo.back()];
    todo.pop_back();
    for (const Action& a : s->actions)
      if (by_name.count(a.next) && seen.insert(a.next).second) todo.push_back(a.next);
  }
  for (const State& s : wf.states)
    if (!seen.count(s.name))
      problems.push_back({s.line, w + "state '" + s.name + "' cannot be reached from '" + wf.initial + "'"});
  // Budgets: along every path from the initial state that visits no state twice, the budgets of
  // the actions taken sum to at most 1 (a step repeated after a supplement re-uses its budget).
  std::set<std::string> on_path;
  bool reported = false;
  std::function<void(const std::string&, double)> walk = [&](const std::string& name, double sum) {
    const State* s = by_name[name];
    on_path.insert(name);
    for (const Action& a : s->actions) {
      if (reported || !by_name.count(a.next) || on_path.count(a.next)) continue;
      double total = sum + a.budget;
      if (total > 1 + 1e-9) {
        problems.push_back({a.line, w + "budgets sum to more than 1 along a path through action '" + a.name + "'"});
        reported = true;
        continue;
      }
      walk(a.next, total);
    }
    on_path.erase(name);
  };
  walk(wf.initial, 0);
}

std::vector<Workflow> ParseWorkflows(const std::string& yaml, text::LineProblems& problems) {
  std::vector<Workflow> out;
  if (int bad = text::FirstInvalidUtf8Line(yaml)) {
    problems.push_back({bad, "not well-formed UTF-8"});
    return out;
  }
  auto root = text::ParseYaml(yaml, problems);
  if (!root) return out;
  text::MapReader top(*root, "workflows file", problems);
  if (!top.is_map()) return out;
  auto list = top.List("workflows", text::Need::kRequired, true);
  top.Finish();
  if (!list) return out;
  std::set<std::string> ids;
  for (const YAML::Node& node : *list) {
    Workflow wf;
    wf.line = text::LineOf(node);
    text::MapReader m(node, "workflow", problems);
    if (!m.is_map()) continue;
    if (auto v = m.LocatedString("id", text::Need::kRequired)) {
      wf.id = v->value;
      m.set_what("workflow '" + wf.id + "'");
      if (!ids.insert(wf.id).second) m.Report(v->line, "workflow '" + wf.id + "' comes twice");
    }
    if (auto v = m.String("name", text::Need::kRequired)) wf.name = *v;
    if (auto v = m.String("initial", text::Need::kRequired)) wf.initial = *v;
    if (auto states = m.List("states", text::Need::kRequired, true))
      for (const YAML::Node& s : *states) wf.states.push_back(ReadState(s, wf.id, problems));
    m.Finish();
    Validate(wf, problems);
    out.push_back(std::move(wf));
  }
  std::stable_sort(problems.begin(), problems.end(),
                   [](const text::LineProblem& a, const text::LineProblem& b) { return a.line < b.line; });
  return out;
}

// ---- deadlines ----

std::chrono::microseconds StatutoryWorkingTime(const catalog::ProcessingTime& statutory) {
  return statutory.unit == catalog::TimeUnit::kWorkingDays ? std::chrono::hours{8 * statutory.amount}
                                                           : std::chrono::hours{statutory.amount};
}

Instant ComputeDue(Instant received, const catalog::ProcessingTime& statutory, const calendar::WorkingCalendar& cal,
                   const std::vector<calendar::Interval>& pauses, std::optional<Instant> extension) {
  if (extension) return *extension;
  Instant due = statutory.unit == catalog::TimeUnit::kWorkingDays ? cal.AddWorkingDays(received, statutory.amount)
                                                                  : cal.AddWorkingHours(received, statutory.amount);
  for (const calendar::Interval& p : pauses) due = cal.AddWorkingTime(due, cal.WorkingTimeBetween(p.begin, p.end));
  return due;
}

Timing Classify(Instant finished_at, Instant due) {
  auto f = std::chrono::sys_days{LocalDate(finished_at)};
  auto d = std::chrono::sys_days{LocalDate(due)};
  if (f < d) return Timing::kBeforeTime;
  if (f == d) return Timing::kOnTime;
  return Timing::kLate;
}

// ---- engine ----

bool MayAct(const Workflow& wf, const DossierState& d, const Action& a, const Caller& caller) {
  if (a.by.applicant) return caller.applicant;
  const State* s = wf.Find(d.state);
  const bool partner = s && s->at == Side::kPartner;
  const std::string& agency = partner ? d.partner_agency : d.agency;
  const std::string& unit = partner ? d.partner_unit : d.unit;
  bool granted = false;
  for (const access::RoleGrant& g : caller.grants) {
    if (g.role != a.by.role || g.agency != agency) continue;
    if (access::UnitScoped(g.role) && !g.unit.empty() && g.unit != unit) continue;  // unit roles act in their unit
    granted = true;
  }
  if (!granted) return false;
  // The specialist who handles is the one assigned.
  if (a.by.role == access::Role::kSpecialist && !d.assignee.empty() && d.assignee != caller.account) return false;
  return true;
}

namespace {
bool Taken(const DossierState& d, const std::string& action) {
  return std::find(d.taken.begin(), d.taken.end(), action) != d.taken.end();
}
bool TimeRuleOk(const DossierState& d, const Action& a, Instant now) {
  if (a.once && Taken(d, a.name)) return false;
  if (a.before_due_only && (!d.due || now >= *d.due)) return false;
  return true;
}
}  // namespace

std::vector<const Action*> Allowed(const Workflow& wf, const DossierState& d, const Caller& caller, Instant now) {
  std::vector<const Action*> out;
  const State* s = wf.Find(d.state);
  if (!s) return out;
  for (const Action& a : s->actions)
    if (MayAct(wf, d, a, caller) && TimeRuleOk(d, a, now)) out.push_back(&a);
  return out;
}

Result<Transition> Apply(const Workflow& wf, const DossierState& d, const ActionRequest& req, const Caller& caller,
                         Instant now, const Context& ctx) {
  const State* s = wf.Find(d.state);
  const Action* a = s ? s->Find(req.action) : nullptr;
  if (!a) return NotAllowed(d.state, req.action, Allowed(wf, d, caller, now));
  if (!MayAct(wf, d, *a, caller)) return Forbidden(req.action);
  if (!TimeRuleOk(d, *a, now)) return NotAllowed(d.state, req.action, Allowed(wf, d, caller, now));
  if (a->needs_comment && req.comment.empty())
    return Missing("comment", "Cần ghi rõ lý do.", "A comment with the reasons is required.");
  if (a->needs_assignee && req.assignee.empty())
    return Missing("assignee", "Cần chọn chuyên viên thụ lý.", "Choose the specialist to handle the dossier.");
  if (a->needs_new_due && (!req.new_due || (d.due && *req.new_due <= *d.due)))
    return Missing("new_due", "Cần hẹn ngày trả mới, sau ngày hẹn hiện tại.",
                   "A new appointment after the current one is required.");
  if (a->needs_result_number && req.result_number.empty())
    return Missing("result_number", "Cần ghi số văn bản kết quả.", "The number of the result paper is required.");
  if (a->needs_return_method && req.return_method.empty())
    return Missing("return_method", "Cần ghi hình thức trả kết quả.", "Say how the result was returned.");
  if (a->hand_over == HandOver::kToPartner && req.partner_agency.empty() && d.partner_agency.empty())
    return Missing("partner_agency", "Cần chọn cơ quan phối hợp.", "Choose the partner agency.");

  Transition t;
  t.clock = a->clock;
  t.slip = a->slip;
  t.ends = a->ends;
  t.comment = req.comment;
  t.result_number = req.result_number;
  t.return_method = req.return_method;
  DossierState n = d;
  n.state = a->next;
  n.taken.push_back(a->name);
  if (a->needs_assignee) n.assignee = req.assignee;
  if (a->needs_new_due) n.extension = req.new_due;
  if (a->hand_over == HandOver::kToPartner && !req.partner_agency.empty()) {
    n.partner_agency = req.partner_agency;
    n.partner_unit = req.partner_unit;
  }
  switch (a->clock) {
    case ClockEffect::kStart:
      if (!n.received) n.received = ctx.calendar.NextWorkingInstant(now);
      n.clock = ClockStatus::kRunning;
      break;
    case ClockEffect::kPause:
      n.paused_since = now;
      n.clock = ClockStatus::kPaused;
      break;
    case ClockEffect::kResume:
      if (n.paused_since) n.pauses.push_back({*n.paused_since, now});
      n.paused_since.reset();
      n.clock = ClockStatus::kRunning;
      break;
    case ClockEffect::kStop:
      n.clock = ClockStatus::kStopped;
      break;
    case ClockEffect::kNone:
      break;
  }
  if (n.received && n.clock != ClockStatus::kNotStarted)
    n.due = ComputeDue(*n.received, ctx.statutory, ctx.calendar, n.pauses, n.extension);
  t.due = n.due;
  if (a->clock == ClockEffect::kStop && n.due) t.result_timing = Classify(now, *n.due);

  const bool partner = s->at == Side::kPartner;
  ControlSheetRow& r = t.row;
  r.step = s->name;
  r.action = a->name;
  r.agency = partner ? d.partner_agency : d.agency;
  r.unit = partner ? d.partner_unit : d.unit;
  // The unit that did the step: the acting officer's own (the one-stop section receives and
  // returns) — that of the grant, else that of the account — else the dossier's processing unit.
  if (!a->by.applicant) {
    bool from_grant = false;
    for (const access::RoleGrant& g : caller.grants)
      if (g.role == a->by.role && g.agency == r.agency && !g.unit.empty()) {
        r.unit = g.unit;
        from_grant = true;
        break;
      }
    if (!from_grant && !caller.unit.empty() && caller.agency == r.agency) r.unit = caller.unit;
  }
  r.giver = d.step_giver;
  r.receiver = caller.account;
  r.handed_at = d.step_since;
  r.done_at = now;
  r.allotted = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::duration<double, std::micro>(a->budget * StatutoryWorkingTime(ctx.statutory).count()));
  std::vector<calendar::Interval> pauses = d.pauses;
  if (d.paused_since) pauses.push_back({*d.paused_since, now});
  r.used =
      d.step_since <= now ? ctx.calendar.WorkingTimeBetween(d.step_since, now, pauses) : std::chrono::microseconds{0};
  r.timing = Classify(now, ctx.calendar.AddWorkingTime(d.step_since, r.allotted));
  if (a->budget == 0) r.timing = Timing::kOnTime;

  n.step_since = now;
  n.step_giver = caller.account;
  t.next = std::move(n);
  return t;
}

}  // namespace motcua::core::workflow
