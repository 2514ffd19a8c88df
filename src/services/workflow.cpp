// Processing use cases over the pure engine: actions with optimistic concurrency, the inbox, the
// control sheet, due times recomputed from events, and the due-soon / overdue sweep.
#include "services/workflow.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "core/common/time.hpp"
#include "core/dossier/code.hpp"
#include "core/text/fold.hpp"
#include "core/workflow/labels.hpp"
#include "services/audit.hpp"
#include "services/calendar.hpp"
#include "services/catalog.hpp"
#include "services/dossiers_internal.hpp"
#include "services/log.hpp"
#include "services/slip_pdf.hpp"

namespace motcua::services::workflow {
namespace {

namespace access = core::access;
namespace cat = core::catalog;
namespace wf = core::workflow;
namespace di = dossiers::internal;
using dossiers::Dossier;
using nlohmann::json;

const store::Query kUpdate{
    "dossier.workflow_update",
    "UPDATE dossiers SET status = $1, assignee = $2, clock = $3, pauses = $4, paused_since = $5, extension_due = $6, "
    "taken = $7, step_since = $8, step_giver = $9, received_at = $10, due_at = $11, outcome = $12, finished_at = $13, "
    "result_timing = $14, result_number = $15, return_method = $16, due_flag = $17, unit_key = $18, "
    "partner_agency = $19, partner_unit = $20, version = version + 1, updated_at = $21 "
    "WHERE id = $22 AND version = $23"};
const store::Query kSheetInsert{
    "dossier.control_sheet_insert",
    "INSERT INTO control_sheet_rows (dossier_id, step, action, agency_code, unit_key, giver, receiver, handed_at, "
    "done_at, allotted_seconds, used_seconds, timing, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
    "$13)"};
const store::Query kSheet{
    "dossier.control_sheet",
    "SELECT c.step, c.action, c.agency_code, c.unit_key, c.giver, c.receiver, c.handed_at, c.done_at, "
    "c.allotted_seconds, c.used_seconds, c.timing, c.note, COALESCE(g.full_name, ''), COALESCE(r.full_name, '') "
    "FROM control_sheet_rows c LEFT JOIN users g ON g.username = c.giver LEFT JOIN users r ON r.username = c.receiver "
    "WHERE c.dossier_id = $1 ORDER BY c.id"};
const store::Query kSlipInsert{"dossier.slip_insert",
                               "INSERT INTO slips (dossier_id, form, action, issued_at, issued_by, content) "
                               "VALUES ($1, $2, $3, $4, $5, $6)"};
const store::Query kEvents{"dossier.events_for_due",
                           "SELECT at, action, detail FROM dossier_events WHERE dossier_id = $1 ORDER BY id"};
const store::Query kStatutory{"dossier.statutory",
                              "SELECT statutory_amount, statutory_unit, agency_code FROM dossiers WHERE id = $1"};
const store::Query kSpecialists{
    "dossier.specialists",
    "SELECT u.username, u.full_name FROM users u JOIN user_roles r ON r.user_id = u.id "
    "WHERE r.role = 'specialist' AND r.agency_code = $1 AND (r.unit_key = $2 OR r.unit_key = '') "
    "AND u.status = 'active' ORDER BY u.full_name, u.username"};
const store::Query kFullName{"dossier.officer_name", "SELECT full_name FROM users WHERE username = $1"};
const store::Query kOwnUnit{"dossier.officer_unit",
                            "SELECT COALESCE(agency_code, ''), COALESCE(unit_key, '') FROM users WHERE id = $1"};
const store::Query kContacts{"dossier.applicant_contacts",
                             "SELECT COALESCE(id_number, tax_code, ''), COALESCE(phone, ''), COALESCE(email, ''), "
                             "COALESCE(address, '') FROM users WHERE id = $1"};
const store::Query kSlips{"dossier.slips",
                          "SELECT id, form, action, issued_at, issued_by, content FROM slips WHERE dossier_id = $1 "
                          "ORDER BY id"};
const store::Query kClaimLease{"work.claim_lease",
                               "UPDATE work_leases SET holder = $1, expires_at = $2 "
                               "WHERE name = 'due_sweep' AND (expires_at < $3 OR holder = $1)"};
const store::Query kSweepCandidates{
    "dossier.sweep_candidates",
    "SELECT id, agency_code, due_at, COALESCE(due_flag, '') FROM dossiers "
    "WHERE clock = 'running' AND due_at <= $1 AND (due_flag IS NULL OR due_flag <> 'overdue') "
    "AND (due_at > $2 OR (due_at = $2 AND id > $3)) ORDER BY due_at, id LIMIT 500"};
const store::Query kSetFlag{"dossier.set_due_flag",
                            "UPDATE dossiers SET due_flag = $1 WHERE id = $2 AND clock = 'running' AND due_at = $3 "
                            "AND COALESCE(due_flag, '') <> COALESCE($1, '')"};

core::Error Unauthorized() {
  return core::Error::Make(core::errc::kUnauthorized, "Vui lòng đăng nhập.", "Please log in.");
}
core::Error NotFound() { return core::Error::Make(core::errc::kNotFound, "Không tìm thấy hồ sơ.", "No such dossier."); }
core::Error Stale() {
  return core::Error::Make(core::errc::kConflict, "Hồ sơ vừa được người khác xử lý; hãy tải lại trước khi thao tác.",
                           "The dossier was changed by someone else; reload it first.");
}
core::Error Invalid(const std::string& field, const char* code, std::string vi, std::string en) {
  auto e =
      core::Error::Make(core::errc::kValidationFailed, "Dữ liệu gửi lên chưa hợp lệ.", "The data sent is not valid.");
  e.fields[field] = {code, std::move(vi), std::move(en)};
  return e;
}

store::Value Opt(const std::string& s) { return s.empty() ? store::Value{store::Null{}} : store::Value{s}; }
store::Value OptInstant(const std::optional<core::Instant>& t) {
  return t ? store::Value{core::FormatInstant(*t)} : store::Value{store::Null{}};
}
std::optional<core::Instant> Instant(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return core::ParseInstant(s);
}

std::string_view ClockName(wf::ClockStatus c) {
  switch (c) {
    case wf::ClockStatus::kRunning:
      return "running";
    case wf::ClockStatus::kPaused:
      return "paused";
    case wf::ClockStatus::kStopped:
      return "stopped";
    case wf::ClockStatus::kNotStarted:
      break;
  }
  return "not_started";
}
wf::ClockStatus ClockOf(const std::string& s) {
  if (s == "running") return wf::ClockStatus::kRunning;
  if (s == "paused") return wf::ClockStatus::kPaused;
  if (s == "stopped") return wf::ClockStatus::kStopped;
  return wf::ClockStatus::kNotStarted;
}

wf::DossierState StateOf(const Dossier& d) {
  wf::DossierState s;
  s.state = d.status;
  s.agency = d.agency.code;
  s.unit = d.unit;
  s.partner_agency = d.partner_agency;
  s.partner_unit = d.partner_unit;
  s.assignee = d.assignee;
  s.clock = ClockOf(d.clock);
  s.taken = d.taken;
  s.received = Instant(d.received_at);
  s.due = Instant(d.due_at);
  for (const auto& p : d.pauses) {
    auto b = Instant(p.begin), e = Instant(p.end);
    if (b && e) s.pauses.push_back({*b, *e});
  }
  s.paused_since = Instant(d.paused_since);
  s.extension = Instant(d.extension_due);
  s.step_since = Instant(d.step_since).value_or(Instant(d.submitted_at).value_or(core::Instant{}));
  s.step_giver = d.step_giver;
  return s;
}

wf::Caller CallerOf(const access::Principal& who, const Dossier& d) {
  wf::Caller c;
  c.applicant = di::IsApplicant(&who) && d.applicant_id == who.user_id;
  c.account = who.username;
  c.grants = who.roles;
  return c;
}

cat::ProcessingTime StatutoryOf(const Dossier& d) {
  cat::ProcessingTime t;
  t.unit = d.statutory_unit == "working_hours" ? cat::TimeUnit::kWorkingHours : cat::TimeUnit::kWorkingDays;
  t.amount = d.statutory_amount;
  return t;
}

const wf::Workflow* FlowOf(const catalog::Snapshot& snap, const std::string& id) {
  for (const auto& w : snap.workflows())
    if (w.id == id) return &w;
  return nullptr;
}

// Seconds precision everywhere a time is stored, so what is recomputed from stored text matches.
core::Instant Now(Context& ctx) {
  return std::chrono::time_point_cast<std::chrono::microseconds>(
      std::chrono::floor<std::chrono::seconds>(ctx.clock.Now()));
}

std::string Flag(bool running, const std::optional<core::Instant>& due, const core::calendar::WorkingCalendar& cal,
                 core::Instant now) {
  if (!running || !due) return "";
  if (now >= *due) return "overdue";
  if (cal.WorkingTimeBetween(now, *due) <= std::chrono::hours{8}) return "soon";
  return "";
}

double Hours(std::int64_t seconds) { return std::round(static_cast<double>(seconds) / 360.0) / 10.0; }

// Whether the action's comment is meant for the applicant (and so shown in their timeline).
bool CommentIsPublic(const wf::Action& a) {
  return a.by.applicant || a.slip == wf::Slip::kForm02Supplement || a.slip == wf::Slip::kForm03Refusal ||
         a.slip == wf::Slip::kForm04Apology || a.ends != wf::Outcome::kNone || a.needs_result_number;
}

// What a slip says (forms 01–04, domain.md §3), frozen when it is issued.
json SlipContent(const wf::Slip slip, const Dossier& before, const wf::Transition& t, const catalog::Snapshot& snap,
                 const std::string& officer, const std::string& officer_name, const json& applicant) {
  json c = {{"code", before.code},
            {"agency", {{"code", before.agency.code}, {"name", before.agency.name}}},
            {"applicant", applicant},
            {"procedure",
             {{"code", before.procedure.code}, {"name", before.procedure.name}, {"version", before.procedure.version}}},
            {"officer", {{"username", officer}, {"full_name", officer_name}}}};
  const auto* p = snap.catalog().FindProcedure(cat::ProcedureCode{before.procedure.code});
  switch (slip) {
    case wf::Slip::kForm01Receipt: {
      c["statutory_time"] = {{"amount", before.statutory_amount}, {"unit", before.statutory_unit}};
      c["received_at"] = t.next.received ? core::FormatInstant(*t.next.received) : "";
      c["appointment_at"] = t.due ? core::FormatInstant(*t.due) : "";
      json papers = json::array();
      json fee = json::array();
      if (p && p->version == before.procedure.version) {
        for (const auto& comp : p->components)
          papers.push_back({{"name", comp.name}, {"kind", cat::ToString(comp.kind)}, {"count", comp.count}});
        for (const auto& f : p->fee) fee.push_back({{"name", f.name}, {"amount", f.amount}});
      }
      c["papers"] = papers;
      c["fee"] = fee;
      c["collect_at"] = before.agency.name;
      c["fee_paid"] = false;  // fees are paid at the desk (level 3) until online payment exists
      break;
    }
    case wf::Slip::kForm02Supplement:
      c["items_and_reason"] = t.comment;
      break;
    case wf::Slip::kForm03Refusal:
      c["reasons"] = t.comment;
      break;
    case wf::Slip::kForm04Apology:
      c["received_at"] = before.received_at;
      c["original_appointment_at"] = before.due_at;
      c["reason"] = t.comment;
      c["new_appointment_at"] = t.due ? core::FormatInstant(*t.due) : "";
      break;
    case wf::Slip::kForm05ControlSheet:
    case wf::Slip::kNone:
      break;
  }
  return c;
}

std::optional<core::Error> CheckText(const std::string& field, const std::string& value, size_t max_chars) {
  if (!core::text::IsValidUtf8(value))
    return Invalid(field, "invalid_format", "Văn bản không phải UTF-8 hợp lệ.", "Not valid UTF-8 text.");
  if (core::text::CharCount(value) > max_chars)
    return Invalid(field, "too_long", "Tối đa " + std::to_string(max_chars) + " ký tự.",
                   "At most " + std::to_string(max_chars) + " characters.");
  return std::nullopt;
}

// Forward states of `flow` for `role`: states where the role has an action that leads elsewhere.
std::vector<std::pair<wf::Side, std::string>> WorkStates(const wf::Workflow& flow, access::Role role) {
  std::vector<std::pair<wf::Side, std::string>> out;
  for (const auto& s : flow.states)
    for (const auto& a : s.actions)
      if (!a.by.applicant && a.by.role == role && a.next != s.name) {
        out.emplace_back(s.at, s.name);
        break;
      }
  return out;
}

}  // namespace

std::string DueFlag(const Dossier& d, const core::calendar::WorkingCalendar& cal, core::Instant now) {
  return Flag(d.clock == "running", Instant(d.due_at), cal, now);
}

core::Result<Actions> AllowedActions(Context& ctx, const Caller& caller, std::int64_t id) {
  if (!caller.principal) return Unauthorized();
  auto snap = catalog::Current(ctx);
  auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
  auto d = di::Load(*tx, *snap, id);
  if (!d || !di::MaySee(caller.principal, *d)) return NotFound();
  Actions out;
  out.version = d->version;
  out.status = d->status;
  const auto* flow = FlowOf(*snap, d->workflow);
  if (!flow) return out;  // a draft: nothing to do through the workflow
  bool needs_assignee = false;
  for (const auto* a : wf::Allowed(*flow, StateOf(*d), CallerOf(*caller.principal, *d), Now(ctx))) {
    ActionInfo info;
    info.name = a->name;
    info.label = wf::ActionLabel(a->name);
    info.label_en = wf::ActionLabelEn(a->name);
    info.needs_comment = a->needs_comment;
    info.needs_assignee = a->needs_assignee;
    info.needs_new_due = a->needs_new_due;
    info.needs_result_number = a->needs_result_number;
    info.needs_return_method = a->needs_return_method;
    info.needs_partner = a->hand_over == wf::HandOver::kToPartner;
    info.slip = wf::ToString(a->slip);
    needs_assignee = needs_assignee || a->needs_assignee;
    out.actions.push_back(std::move(info));
  }
  if (needs_assignee)
    for (const auto& r : tx->Query(kSpecialists, {d->agency.code, d->unit}))
      out.assignees.push_back({r.Text(0), r.Text(1)});
  return out;
}

core::Result<Dossier> Act(Context& ctx, const Caller& caller, std::int64_t id, const ActInput& input) {
  if (!caller.principal) return Unauthorized();
  const auto& who = *caller.principal;
  wf::ActionRequest req = input.request;
  if (!input.version)
    return Invalid("version", "required", "Cần số phiên bản của hồ sơ.", "The dossier's version is required.");
  if (auto e = CheckText("comment", req.comment, kMaxCommentChars)) return *e;
  if (auto e = CheckText("result_number", req.result_number, kMaxResultNumberChars)) return *e;
  if (auto e = CheckText("assignee", req.assignee, 100)) return *e;
  if (auto e = CheckText("partner_agency", req.partner_agency, 40)) return *e;
  if (auto e = CheckText("partner_unit", req.partner_unit, 40)) return *e;
  req.comment = core::text::Nfc(req.comment);
  req.result_number = core::text::Nfc(req.result_number);
  if (!req.return_method.empty() && req.return_method != "in_person" && req.return_method != "post" &&
      req.return_method != "online")
    return Invalid("return_method", "unknown_value", "Hình thức trả: tại quầy, bưu chính hoặc trực tuyến.",
                   "return_method: in_person, post or online.");

  auto snap = catalog::Current(ctx);
  // What the write transaction needs from outside the database: the agency's calendar.
  std::optional<Dossier> seen;
  {
    auto rtx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    seen = di::Load(*rtx, *snap, id);
  }
  if (!seen || !di::MaySee(&who, *seen)) return NotFound();
  auto cal = calendar::ForAgency(ctx, seen->agency.code);
  if (!cal) return std::move(cal).error();
  const auto now = Now(ctx);

  auto tx = ctx.db.Begin();
  auto d = di::Load(*tx, *snap, id);
  if (!d || !di::MaySee(&who, *d)) return NotFound();
  if (*input.version != d->version) return Stale();
  const auto* flow = FlowOf(*snap, d->workflow);
  if (!flow) {
    auto e = core::Error::Make(wf::kActionNotAllowed, "Hồ sơ chưa được nộp.", "The dossier has not been submitted.");
    e.fields["allowed"] = core::FieldError{"allowed", "-", "-"};
    return e;
  }
  const auto state = StateOf(*d);
  auto wcaller = CallerOf(who, *d);
  if (who.user_id && !di::IsApplicant(&who))
    if (auto row = tx->QueryOne(kOwnUnit, {static_cast<std::int64_t>(who.user_id)})) {
      wcaller.agency = row->Text(0);
      wcaller.unit = row->Text(1);
    }
  const wf::Context wctx{**cal, StatutoryOf(*d)};
  auto applied = wf::Apply(*flow, state, req, wcaller, now, wctx);
  if (!applied) return std::move(applied).error();
  const wf::Transition& t = *applied;
  const wf::Action& action = *flow->Find(d->status)->Find(req.action);
  if (action.hand_over == wf::HandOver::kToPartner && !req.partner_agency.empty()) {
    // The partner is another agency of the catalog, and the unit there that takes the dossier.
    const auto* partner = snap->catalog().FindAgency(cat::AgencyCode{req.partner_agency});
    if (!partner || partner->code.value == d->agency.code)
      return Invalid("partner_agency", "unknown_value", "Cơ quan phối hợp phải là một cơ quan khác trong danh mục.",
                     "The partner must be another agency of the catalog.");
    if (!partner->units.empty() && !partner->FindUnit(cat::UnitKey{req.partner_unit}))
      return Invalid("partner_unit", req.partner_unit.empty() ? "required" : "unknown_value",
                     "Cần chọn phòng ban của cơ quan phối hợp.", "Choose the unit of the partner agency.");
  }
  if (action.needs_assignee) {
    bool found = false;
    for (const auto& r : tx->Query(kSpecialists, {d->agency.code, d->unit})) found = found || r.Text(0) == req.assignee;
    if (!found)
      return Invalid("assignee", "unknown_value", "Người được phân công phải là chuyên viên của đơn vị xử lý.",
                     "The assignee must be a specialist of the processing unit.");
  }

  const auto& n = t.next;
  json pauses = json::array();
  for (const auto& p : n.pauses) pauses.push_back({core::FormatInstant(p.begin), core::FormatInstant(p.end)});
  const bool stops = t.clock == wf::ClockEffect::kStop || t.ends != wf::Outcome::kNone;
  const std::string outcome = t.ends != wf::Outcome::kNone ? std::string(wf::ToString(t.ends)) : d->outcome;
  const std::string finished = stops ? core::FormatInstant(now) : d->finished_at;
  const std::string timing = t.result_timing ? std::string(wf::ToString(*t.result_timing)) : d->result_timing;
  const std::string result_number = t.result_number.empty() ? d->result_number : t.result_number;
  const std::string return_method = t.return_method.empty() ? d->return_method : t.return_method;
  const std::string flag = Flag(n.clock == wf::ClockStatus::kRunning, n.due, **cal, now);
  const std::string stamp = core::FormatInstant(now);
  auto changed = tx->Execute(kUpdate, {n.state,
                                       Opt(n.assignee),
                                       std::string(ClockName(n.clock)),
                                       pauses.dump(),
                                       OptInstant(n.paused_since),
                                       OptInstant(n.extension),
                                       json(n.taken).dump(),
                                       core::FormatInstant(n.step_since),
                                       n.step_giver,
                                       OptInstant(n.received),
                                       OptInstant(n.due),
                                       Opt(outcome),
                                       Opt(finished),
                                       Opt(timing),
                                       Opt(result_number),
                                       Opt(return_method),
                                       Opt(flag),
                                       Opt(n.unit),
                                       Opt(n.partner_agency),
                                       Opt(n.partner_unit),
                                       stamp,
                                       id,
                                       static_cast<std::int64_t>(d->version)});
  if (changed != 1) return Stale();

  const auto& r = t.row;
  using std::chrono::duration_cast;
  using std::chrono::seconds;
  tx->Execute(kSheetInsert,
              {id, r.step, r.action, r.agency, r.unit, r.giver, r.receiver, core::FormatInstant(r.handed_at),
               core::FormatInstant(r.done_at), static_cast<std::int64_t>(duration_cast<seconds>(r.allotted).count()),
               static_cast<std::int64_t>(duration_cast<seconds>(r.used).count()), std::string(wf::ToString(r.timing)),
               req.comment});
  if (t.slip != wf::Slip::kNone && t.slip != wf::Slip::kForm05ControlSheet) {
    std::string name = who.username;
    if (auto row = tx->QueryOne(kFullName, {who.username})) name = row->Text(0);
    json applicant = {{"name", d->applicant_name}, {"kind", d->applicant_kind}};
    if (auto c = tx->QueryOne(kContacts, {static_cast<std::int64_t>(d->applicant_id)})) {
      applicant["id_number"] = c->Text(0);
      applicant["phone"] = c->Text(1);
      applicant["email"] = c->Text(2);
      applicant["address"] = c->Text(3);
    }
    tx->Execute(kSlipInsert, {id, std::string(wf::ToString(t.slip)), req.action, stamp, who.username,
                              SlipContent(t.slip, *d, t, *snap, who.username, name, applicant).dump()});
  }

  // The timeline: what the applicant may read, and what recomputes the due time.
  json detail = {{"from", d->status}, {"to", n.state}};
  if (t.clock != wf::ClockEffect::kNone) detail["clock"] = wf::ToString(t.clock);
  if (t.slip != wf::Slip::kNone) detail["slip"] = wf::ToString(t.slip);
  if (n.due && core::FormatInstant(*n.due) != d->due_at) detail["due_at"] = core::FormatInstant(*n.due);
  if (action.needs_new_due && n.extension) detail["new_due"] = core::FormatInstant(*n.extension);
  if (t.result_timing) detail["result_timing"] = wf::ToString(*t.result_timing);
  if (!t.result_number.empty()) detail["result_number"] = t.result_number;
  if (!t.return_method.empty()) detail["return_method"] = t.return_method;
  if (!req.comment.empty() && CommentIsPublic(action)) detail["comment"] = req.comment;
  di::AddEvent(*tx, ctx, caller, id, req.action, detail, now);

  json audit = {{"code", d->code},
                {"from", d->status},
                {"to", n.state},
                {"version", d->version + 1},
                {"due_at", {{"old", d->due_at}, {"new", n.due ? core::FormatInstant(*n.due) : ""}}}};
  if (n.assignee != d->assignee) audit["assignee"] = {{"old", d->assignee}, {"new", n.assignee}};
  di::Audit(*tx, ctx, caller, "dossier." + req.action, id, audit);
  tx->Commit();
  Log(LogLevel::kInfo, "dossier action",
      {{"dossier", d->code}, {"action", req.action}, {"role", who.MainRole()}, {"request_id", caller.request_id}});
  return dossiers::Get(ctx, caller, id);
}

core::Result<InboxPage> Inbox(Context& ctx, const Caller& caller, const InboxQuery& query) {
  if (!caller.principal) return Unauthorized();
  const auto& who = *caller.principal;
  auto snap = catalog::Current(ctx);
  InboxPage page;

  // The work of each grant: per side and agency, the union of the states (so that the index
  // (agency_code | partner_agency, status, due_at) narrows the search) and, inside, one condition
  // per grant and workflow (its states, unit and assignee).
  std::string work;
  store::Params params;
  auto param = [&](store::Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  struct Group {
    std::set<std::string> states;
    std::vector<std::function<std::string()>> clauses;  // built once the group's parameters are placed
  };
  std::map<std::pair<wf::Side, std::string>, Group> groups;
  for (const auto& g : who.roles) {
    for (const auto& flow : snap->workflows()) {
      std::map<wf::Side, std::vector<std::string>> by_side;
      for (auto& [side, state] : WorkStates(flow, g.role)) by_side[side].push_back(state);
      for (const auto& [side, states] : by_side) {
        auto& group = groups[{side, g.agency}];
        group.states.insert(states.begin(), states.end());
        const bool partner = side == wf::Side::kPartner;
        group.clauses.push_back([&, partner, states, flow_id = flow.id, g] {
          std::string c = "(workflow = " + param(flow_id) + " AND status IN (";
          for (size_t i = 0; i < states.size(); ++i) c += (i ? ", " : "") + param(states[i]);
          c += ")";
          if (access::UnitScoped(g.role) && !g.unit.empty())
            c += std::string(" AND ") + (partner ? "partner_unit" : "unit_key") + " = " + param(g.unit);
          if (g.role == access::Role::kSpecialist)
            c += " AND (assignee = " + param(who.username) + " OR assignee IS NULL)";
          return c + ")";
        });
      }
    }
  }
  for (auto& [key, group] : groups) {
    std::string clause = "(" + std::string(key.first == wf::Side::kPartner ? "partner_agency" : "agency_code") + " = " +
                         param(key.second) + " AND status IN (";
    bool first = true;
    for (const auto& st : group.states) {
      clause += (first ? "" : ", ") + param(st);
      first = false;
    }
    // The grants' conditions inside a CASE, not an OR: an OR here lets PostgreSQL split the search
    // into a bitmap OR over several indexes and read every row from the table; behind a CASE both
    // databases walk the covering index on (agency, status) and test the conditions there.
    clause += ") AND CASE";
    for (const auto& c : group.clauses) clause += " WHEN " + c() + " THEN 1";
    clause += " ELSE 0 END = 1)";
    work += (work.empty() ? "" : " OR ") + clause;
  }
  if (work.empty()) return page;  // no role that acts on dossiers
  work = "(" + work + ")";

  auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
  const std::string counts_sql = "SELECT status, COUNT(*) FROM dossiers WHERE " + work + " GROUP BY status";
  for (const auto& r : tx->Query({"dossier.inbox_counts", counts_sql}, params))
    page.counts.emplace_back(r.Text(0), static_cast<int>(r.Int(1)));
  std::sort(page.counts.begin(), page.counts.end());

  std::string filter;
  if (!query.status.empty()) filter += " AND status = " + param(query.status);
  if (!query.procedure.empty()) filter += " AND procedure_code = " + param(query.procedure);
  if (!query.due.empty()) filter += " AND due_flag = " + param(query.due);
  if (!query.q.empty()) {
    // A dossier code is looked up as such (its unique index); other text matches every word of
    // the applicant's folded name (applicant_folded is in the covering index: the scan stays there).
    auto trimmed = query.q;
    trimmed.erase(0, trimmed.find_first_not_of(" \t"));
    trimmed.erase(trimmed.find_last_not_of(" \t") + 1);
    if (core::dossier::IsWellFormedCode(trimmed)) {
      filter += " AND code = " + param(trimmed);
    } else {
      std::string by_name;
      for (const auto& w : core::text::Words(core::text::Fold(query.q))) {
        std::string like = "%";
        for (char ch : w) {
          if (ch == '%' || ch == '_' || ch == '\\') like += '\\';
          like += ch;
        }
        like += "%";
        by_name +=
            (by_name.empty() ? "" : " AND ") + std::string("applicant_folded LIKE ") + param(like) + " ESCAPE '\\'";
      }
      filter += by_name.empty() ? std::string(" AND 1 = 0") : " AND (" + by_name + ")";
    }
  }
  const std::string where = " FROM dossiers WHERE " + work + filter;
  if (query.procedure.empty() && query.due.empty() && query.q.empty()) {
    // The counts by status already say how many there are: no second pass over the index.
    for (const auto& [status, n] : page.counts)
      if (query.status.empty() || status == query.status) page.total += n;
  } else {
    page.total = static_cast<int>(tx->QueryOne({"dossier.inbox_count", "SELECT COUNT(*)" + where}, params)->Int(0));
  }
  const std::string limit = param(static_cast<std::int64_t>(query.per_page));
  const std::string offset = param(static_cast<std::int64_t>(query.page - 1) * query.per_page);
  // The page's ids from the covering index alone (dossiers_work), then their rows by id: the
  // sort and the offset never read the wide rows of the dossiers they skip.
  const std::string ids_sql = "SELECT id" + where +
                              " ORDER BY CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, id LIMIT " + limit +
                              " OFFSET " + offset;
  std::vector<std::int64_t> ids;
  for (const auto& r : tx->Query({"dossier.inbox_ids", ids_sql}, params)) ids.push_back(r.Int(0));
  store::Rows rows;
  if (!ids.empty()) {
    store::Params by_id;
    std::string in;
    for (auto id : ids) {
      by_id.push_back(id);
      in += (in.empty() ? "$" : ", $") + std::to_string(by_id.size());
    }
    rows =
        tx->Query({"dossier.inbox_rows", "SELECT " + di::kColumns + " FROM dossiers WHERE id IN (" + in + ")"}, by_id);
  }
  tx.reset();  // the calendar may read the catalog's revision: never hold two connections at once
  std::map<std::int64_t, const store::Row*> row_of;
  for (const auto& r : rows) row_of[r.Int(0)] = &r;
  for (auto id : ids) {
    auto it = row_of.find(id);
    if (it == row_of.end()) continue;
    page.items.push_back(di::FromRow(*it->second, *snap));
    di::Annotate(ctx, page.items.back());
  }
  return page;
}

core::Result<ControlSheetView> ControlSheetWithApplicant(Context& ctx, const Caller& caller, std::int64_t id) {
  if (!caller.principal) return Unauthorized();
  auto snap = catalog::Current(ctx);
  auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
  auto d = di::Load(*tx, *snap, id);
  if (!d || !di::MaySee(caller.principal, *d)) return NotFound();
  if (di::IsApplicant(caller.principal))
    return core::Error::Make(core::errc::kForbidden, "Phiếu kiểm soát dành cho cán bộ; hãy xem tiến trình hồ sơ.",
                             "The control sheet is for officers; see the dossier's timeline.");
  ControlSheetView view;
  view.applicant.name = d->applicant_name;
  if (auto c = tx->QueryOne(kContacts, {static_cast<std::int64_t>(d->applicant_id)})) {
    view.applicant.phone = c->Text(1);
    view.applicant.email = c->Text(2);
    view.applicant.address = c->Text(3);
  }
  for (const auto& r : tx->Query(kSheet, {id})) {
    ControlSheetRow row;
    row.step = r.Text(0);
    row.action = r.Text(1);
    row.agency = r.Text(2);
    row.unit = r.Text(3);
    row.giver = r.Text(4);
    row.receiver = r.Text(5);
    row.handed_at = r.Text(6);
    row.done_at = r.Text(7);
    row.allotted_hours = Hours(r.Int(8));
    row.used_hours = Hours(r.Int(9));
    row.timing = r.Text(10);
    row.note = r.Text(11);
    row.giver_name = r.Text(12);
    row.receiver_name = r.Text(13);
    view.rows.push_back(std::move(row));
  }
  return view;
}

core::Result<std::vector<ControlSheetRow>> ControlSheet(Context& ctx, const Caller& caller, std::int64_t id) {
  auto view = ControlSheetWithApplicant(ctx, caller, id);
  if (!view) return view.error();
  return std::move(view->rows);
}

core::Result<std::vector<SlipRecord>> Slips(Context& ctx, const Caller& caller, std::int64_t id) {
  if (!caller.principal) return Unauthorized();
  auto snap = catalog::Current(ctx);
  auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
  auto d = di::Load(*tx, *snap, id);
  if (!d || !di::MaySee(caller.principal, *d)) return NotFound();
  std::vector<SlipRecord> out;
  for (const auto& r : tx->Query(kSlips, {id})) {
    SlipRecord s;
    s.id = r.Int(0);
    s.form = r.Text(1);
    s.action = r.Text(2);
    s.issued_at = r.Text(3);
    s.issued_by = r.Text(4);
    s.content = json::parse(r.Text(5), nullptr, false);
    if (s.content.is_discarded()) s.content = json::object();
    out.push_back(std::move(s));
  }
  return out;
}

namespace {
// A ward answers to its district; departments and districts to the city.
slips::Letterhead LetterheadOf(const Context& ctx, const catalog::Snapshot& snap, const std::string& agency) {
  slips::Letterhead head{ctx.site.city_name, ctx.site.public_url};
  const auto* a = snap.catalog().FindAgency(cat::AgencyCode{agency});
  const auto* parent = a && a->parent ? snap.catalog().FindAgency(*a->parent) : nullptr;
  if (parent && parent->tier == cat::Tier::kDistrict) head.governing = parent->name;
  return head;
}
std::string TimingLabel(const std::string& timing) {
  if (timing == "before_time") return "Trước hạn";
  if (timing == "on_time") return "Đúng hạn";
  if (timing == "late") return "Trễ hạn";
  return timing;
}
}  // namespace

core::Result<PdfFile> SlipPdf(Context& ctx, const Caller& caller, std::int64_t id, std::int64_t slip_id) {
  auto all = Slips(ctx, caller, id);
  if (!all) return all.error();
  for (const auto& s : *all) {
    if (s.id != slip_id) continue;
    PdfFile f;
    const json agency = s.content.value("agency", json::object());
    f.bytes = slips::RenderSlip(s.form, s.content, s.issued_at,
                                LetterheadOf(ctx, *catalog::Current(ctx), agency.value("code", std::string())));
    const std::string code = s.content.value("code", std::string());
    f.file_name =
        "phieu-" + s.form.substr(s.form.size() - 2) + "-" + (code.empty() ? std::to_string(id) : code) + ".pdf";
    return f;
  }
  return core::Error::NotFound();
}

core::Result<PdfFile> ControlSheetPdf(Context& ctx, const Caller& caller, std::int64_t id) {
  auto view = ControlSheetWithApplicant(ctx, caller, id);
  if (!view) return view.error();
  auto d = dossiers::Get(ctx, caller, id);
  if (!d) return d.error();
  auto snap = catalog::Current(ctx);
  auto unit_name = [&](const std::string& agency, const std::string& key) {
    const auto* a = snap->catalog().FindAgency(cat::AgencyCode{agency});
    const auto* u = a ? a->FindUnit(cat::UnitKey{key}) : nullptr;
    std::string name = u ? u->name : key;
    if (agency != d->agency.code && a) name += " (" + a->name + ")";
    return name;
  };
  slips::SheetHeading h{d->agency.name,        d->code,        d->procedure.name, view->applicant.name,
                        view->applicant.phone, d->received_at, d->due_at};
  std::vector<slips::SheetRow> rows;
  for (const auto& r : view->rows)
    rows.push_back({std::string(wf::ActionLabel(r.action)), unit_name(r.agency, r.unit),
                    r.giver_name.empty() ? r.giver : r.giver_name,
                    r.receiver_name.empty() ? r.receiver : r.receiver_name, r.handed_at, r.done_at,
                    TimingLabel(r.timing), r.note});
  PdfFile f;
  f.bytes = slips::RenderControlSheet(h, rows, LetterheadOf(ctx, *snap, d->agency.code));
  f.file_name = "phieu-kiem-soat-" + (d->code.empty() ? std::to_string(id) : d->code) + ".pdf";
  return f;
}

core::Result<std::optional<core::Instant>> RecomputeDue(Context& ctx, std::int64_t id) {
  std::optional<core::Instant> received, open;
  std::vector<core::calendar::Interval> pauses;
  std::optional<core::Instant> extension;
  bool started = false;
  cat::ProcessingTime statutory;
  std::string agency;
  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    auto row = tx->QueryOne(kStatutory, {id});
    if (!row) return NotFound();
    statutory.amount = static_cast<int>(row->Int(0));
    statutory.unit = row->Text(1) == "working_hours" ? cat::TimeUnit::kWorkingHours : cat::TimeUnit::kWorkingDays;
    agency = row->Text(2);
    for (const auto& e : tx->Query(kEvents, {id})) {
      auto at = core::ParseInstant(e.Text(0));
      auto detail = json::parse(e.Text(2), nullptr, false);
      if (!at || !detail.is_object()) continue;
      if (e.Text(1) == "submit" && detail.contains("received_at"))
        received = core::ParseInstant(detail["received_at"].get<std::string>());
      const std::string clock = detail.value("clock", "");
      if (clock == "start") started = true;
      if (clock == "pause") open = at;
      if (clock == "resume" && open) {
        pauses.push_back({*open, *at});
        open.reset();
      }
      if (detail.contains("new_due") && detail["new_due"].is_string())
        extension = core::ParseInstant(detail["new_due"].get<std::string>());
    }
  }
  if (!started) return std::optional<core::Instant>{};
  auto cal = calendar::ForAgency(ctx, agency);
  if (!cal) return std::move(cal).error();
  if (!received) return std::optional<core::Instant>{};
  return std::optional<core::Instant>{wf::ComputeDue(*received, statutory, **cal, pauses, extension)};
}

SweepReport SweepDue(Context& ctx, const std::string& holder, std::chrono::seconds lease) {
  SweepReport report;
  const auto now = Now(ctx);
  {
    auto tx = ctx.db.Begin();
    if (tx->Execute(kClaimLease, {holder, core::FormatInstant(now + lease), core::FormatInstant(now)}) != 1)
      return report;
    tx->Commit();
  }
  report.claimed = true;
  // One working day is never more than 20 calendar days (the longest Tết break is 9 days).
  const std::string horizon = core::FormatInstant(now + std::chrono::days{20});
  std::string after_due;
  std::int64_t after_id = 0;
  for (;;) {
    store::Rows rows;
    {
      auto rtx = ctx.db.Begin(store::Database::Mode::kReadOnly);
      rows = rtx->Query(kSweepCandidates, {horizon, after_due, after_id});
    }
    if (rows.empty()) break;
    // The marks these dossiers deserve now (the calendar is read outside any transaction).
    std::vector<std::pair<const store::Row*, std::string>> changes;
    for (const auto& r : rows) {
      ++report.examined;
      after_due = r.Text(2);
      after_id = r.Int(0);
      auto cal = calendar::ForAgency(ctx, r.Text(1));
      if (!cal) continue;
      std::string flag = Flag(true, core::ParseInstant(r.Text(2)), **cal, now);
      if (flag != r.Text(3)) changes.emplace_back(&r, std::move(flag));
    }
    if (changes.empty()) continue;
    auto tx = ctx.db.Begin();
    for (const auto& [r, flag] : changes) {
      // Only while the clock still runs to the same due time: a concurrent action wins.
      if (tx->Execute(kSetFlag, {Opt(flag), r->Int(0), r->Text(2)}) != 1) continue;
      if (flag == "overdue")
        ++report.overdue;
      else if (flag == "soon")
        ++report.soon;
      else
        ++report.cleared;
    }
    tx->Commit();
  }
  if (report.overdue + report.soon + report.cleared > 0) {
    auto tx = ctx.db.Begin();
    audit::Event e;
    e.actor_role = "system";
    e.action = "dossier.due_sweep";
    e.object_type = "dossier";
    e.object_id = "*";
    e.detail = {{"soon", report.soon}, {"overdue", report.overdue}, {"cleared", report.cleared}, {"holder", holder}};
    audit::Record(*tx, ctx.clock, e);
    tx->Commit();
  }
  Log(report.overdue + report.soon + report.cleared > 0 ? LogLevel::kInfo : LogLevel::kDebug, "due sweep",
      {{"examined", report.examined}, {"soon", report.soon}, {"overdue", report.overdue}, {"cleared", report.cleared}});
  return report;
}

}  // namespace motcua::services::workflow
