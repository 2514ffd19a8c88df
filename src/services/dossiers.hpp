// Dossier use cases of the applicant's side (issue 5, first slice): drafts, submission with the
// dossier code and the official receipt time, withdrawal, the lists of "my dossiers" and of an
// agency, and the public lookup by code and secret. One transaction each.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/common/result.hpp"
#include "core/dossier/status.hpp"
#include "services/accounts.hpp"
#include "services/context.hpp"

namespace motcua::services::dossiers {

// The largest form data a draft may hold (its JSON text, NFC).
inline constexpr size_t kMaxFormBytes = 64 * 1024;

struct ProcedureRef {
  std::string code;
  int version = 0;
  std::string name, name_en;
};
struct AgencyRef {
  std::string code;
  std::string name, name_en;
};
struct TimelineEntry {
  std::string at;
  std::string actor_role;  // "citizen", "one_stop_officer", … (never a name)
  std::string action;      // "create", "submit", "withdraw"
  nlohmann::json detail = nlohmann::json::object();
};

struct Pause {
  std::string begin, end;  // ISO instants
};

struct Dossier {
  std::int64_t id = 0;
  std::string code;  // "" while a draft
  // "draft", or once submitted the workflow state name (submitted, received, assigned, …).
  std::string status = "draft";
  std::int64_t applicant_id = 0;
  ProcedureRef procedure;
  AgencyRef agency;
  nlohmann::json form_data = nlohmann::json::object();
  int version = 1;
  std::string created_at, updated_at;
  std::string submitted_at, received_at, due_at;  // "" when not (yet) known
  std::vector<TimelineEntry> timeline;            // filled by Get only

  // Processing (issue 6), set once submitted: the workflow and statutory time frozen at submission,
  // the processing unit, who handles it, the clock and the outcome.
  std::string workflow;
  int statutory_amount = 0;
  std::string statutory_unit;  // working_days | working_hours
  std::string unit, partner_agency, partner_unit;
  std::string assignee;               // username, "" when none
  std::string clock = "not_started";  // not_started | running | paused | stopped
  std::vector<Pause> pauses;          // closed pauses
  std::string paused_since, extension_due, step_since, step_giver;
  std::vector<std::string> taken;  // actions taken, in order
  std::string outcome, finished_at, result_timing, result_number, return_method;
  std::string due_flag;  // "" | soon | overdue
  std::string applicant_name, applicant_kind;
  std::optional<double> working_days_left;  // on reads: working days to the due time (negative when late)
};

using Caller = accounts::Caller;

// A draft of `procedure` at `agency` for the calling applicant (citizen or business; the procedure
// must accept that kind and the agency must handle it). Officers → forbidden.
core::Result<Dossier> Create(Context& ctx, const Caller& caller, const std::string& procedure,
                             const std::string& agency);

// The owner sees their dossier; officers who handle dossiers at its agency see it once submitted.
// Anybody else gets not_found (the same answer as for an id that does not exist).
core::Result<Dossier> Get(Context& ctx, const Caller& caller, std::int64_t id);

// Saves a draft's form data (a JSON object; NFC, at most kMaxFormBytes). A missing version or
// form → validation_failed; a stale `version` → conflict.
core::Result<Dossier> SaveDraft(Context& ctx, const Caller& caller, std::int64_t id, std::optional<int> version,
                                const nlohmann::json& form_data);

struct Submission {
  Dossier dossier;
  std::string lookup_secret;  // "" on a replay: it is stored hashed and shown once
  bool replay = false;        // the same Idempotency-Key was seen before
};
// Validates the form (every problem at once), checks that the procedure is online at the agency
// today (else procedure_not_online; `online_since` gets the date it goes live when known), then in
// one transaction numbers the dossier, freezes the procedure version and form, records submission
// and official receipt time, a lookup secret, a timeline event and an audit event. The same
// `idempotency_key` again returns the same dossier.
core::Result<Submission> Submit(Context& ctx, const Caller& caller, std::int64_t id, const std::string& idempotency_key,
                                std::string* online_since = nullptr);

// The owner withdraws a submitted dossier that no officer has received yet (the workflow's
// `withdraw` action, through the engine).
core::Result<Dossier> Withdraw(Context& ctx, const Caller& caller, std::int64_t id);

struct ListQuery {
  std::string status;  // "" for any
  int page = 1;
  int per_page = 20;
};
struct Page {
  std::vector<Dossier> items;
  int total = 0;
};
// An applicant: their own dossiers (drafts included). An officer who handles dossiers: their
// agency's submitted ones. city_admin: every submitted one. Anyone else: nothing.
core::Result<Page> List(Context& ctx, const Caller& caller, const ListQuery& query);

struct PublicView {
  std::string code;
  std::string status = "submitted";
  ProcedureRef procedure;
  AgencyRef agency;
  std::string submitted_at, received_at;
  std::string appointment_at;  // "" until an officer receives it
};
// The public lookup: a wrong secret and an unknown code give the same not_found.
core::Result<PublicView> Lookup(Context& ctx, const std::string& code, const std::string& secret);

}  // namespace motcua::services::dossiers
