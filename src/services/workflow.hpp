// Processing use cases (issue 6): what the caller may do with a dossier now, taking an action
// through the engine (core/workflow) with optimistic concurrency in one transaction, the officers'
// inbox, the control sheet (form 05), the due time recomputed from the stored events, and the sweep
// that marks dossiers due soon and overdue.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/common/result.hpp"
#include "core/workflow/workflow.hpp"
#include "services/context.hpp"
#include "services/dossiers.hpp"

namespace motcua::services::workflow {

using Caller = dossiers::Caller;

// Limits of an action's free text.
inline constexpr size_t kMaxCommentChars = 2000;
inline constexpr size_t kMaxResultNumberChars = 100;

struct ActionInfo {
  std::string name, label, label_en;
  bool needs_comment = false, needs_assignee = false, needs_new_due = false, needs_result_number = false,
       needs_return_method = false;
  bool needs_partner = false;  // hand_over: names the partner agency and unit (inter-agency)
  std::string slip;            // none | form_01 | …
};
struct Assignee {
  std::string username, full_name;
};
struct Actions {
  int version = 0;
  std::string status;
  std::vector<ActionInfo> actions;
  std::vector<Assignee> assignees;  // the specialists of the dossier's unit, when an action needs one
};
// What the caller may do with dossier `id` now (not_found when the caller may not see it).
core::Result<Actions> AllowedActions(Context& ctx, const Caller& caller, std::int64_t id);

struct ActInput {
  std::optional<int> version;  // required: the version the caller saw
  core::workflow::ActionRequest request;
};
// Takes one action. Errors: not_found (may not see it), validation_failed (missing version or
// inputs, an assignee who is not a specialist of the unit), conflict (stale version: nothing
// changed), action_not_allowed (with the allowed actions in fields.allowed), forbidden.
// On success: the updated dossier, with its timeline.
core::Result<dossiers::Dossier> Act(Context& ctx, const Caller& caller, std::int64_t id, const ActInput& input);

struct InboxQuery {
  std::string status;     // "" for any
  std::string procedure;  // "" for any
  std::string due;        // "" | soon | overdue (the sweep's marks)
  std::string q;          // the code, or words of the applicant's name (accent-insensitive)
  int page = 1;
  int per_page = 20;
};
struct InboxPage {
  std::vector<dossiers::Dossier> items;
  int total = 0;
  std::vector<std::pair<std::string, int>> counts;  // status → dossiers waiting for the caller
};
// The caller's work: dossiers in a state whose forward action (one that leads to another state)
// is the caller's role at the caller's agency — and unit, for unit roles; a specialist's only
// when assigned to them — soonest due first (no due time last), then oldest first.
core::Result<InboxPage> Inbox(Context& ctx, const Caller& caller, const InboxQuery& query);

struct ControlSheetRow {
  std::string step, action, agency, unit, giver, receiver, handed_at, done_at, timing, note;
  std::string giver_name, receiver_name;  // the accounts' full names ("" when not an account)
  double allotted_hours = 0, used_hours = 0;
};
// Form 05 of a dossier: officers who may see it.
core::Result<std::vector<ControlSheetRow>> ControlSheet(Context& ctx, const Caller& caller, std::int64_t id);
struct ApplicantContacts {
  std::string name, phone, email, address;  // the account's contacts as they are now
};
struct ControlSheetView {
  ApplicantContacts applicant;  // the sheet's heading names the applicant and their phone
  std::vector<ControlSheetRow> rows;
};
// The same sheet with the applicant's contacts, for printing form 05.
core::Result<ControlSheetView> ControlSheetWithApplicant(Context& ctx, const Caller& caller, std::int64_t id);

struct SlipRecord {
  std::int64_t id = 0;
  std::string form;  // form_01 … form_04
  std::string action, issued_at, issued_by;
  nlohmann::json content = nlohmann::json::object();  // the slip's fields, frozen when issued
};
// The slips of a dossier (receipt, supplement request, refusal, apology): its owner and the officers
// who may see it.
core::Result<std::vector<SlipRecord>> Slips(Context& ctx, const Caller& caller, std::int64_t id);

struct PdfFile {
  std::string file_name;  // e.g. phieu-01-000.00.19.H26-170221-0001.pdf
  std::string bytes;
};
// One slip of a dossier as a printable PDF (same readers as Slips); not_found for another slip.
core::Result<PdfFile> SlipPdf(Context& ctx, const Caller& caller, std::int64_t id, std::int64_t slip_id);
// Form 05 as a printable PDF (same readers as ControlSheet).
core::Result<PdfFile> ControlSheetPdf(Context& ctx, const Caller& caller, std::int64_t id);

// The due time recomputed from the dossier's stored events alone (the official receipt of the
// submission, pauses opened and closed by actions, an extension): none while no clock started.
core::Result<std::optional<core::Instant>> RecomputeDue(Context& ctx, std::int64_t id);

struct SweepReport {
  bool claimed = false;  // false: another process holds the lease
  int examined = 0, soon = 0, overdue = 0, cleared = 0;
};
// Marks running dossiers "overdue" (due time passed) or "soon" (at most one working day — 8
// working hours — left) and clears marks that no longer hold. One process at a time: it first
// claims a lease row (work_leases) for `lease`; `holder` names the process.
SweepReport SweepDue(Context& ctx, const std::string& holder, std::chrono::seconds lease = std::chrono::seconds{60});
// The mark a dossier deserves now ("", soon, overdue).
std::string DueFlag(const dossiers::Dossier& d, const core::calendar::WorkingCalendar& cal, core::Instant now);

}  // namespace motcua::services::workflow
