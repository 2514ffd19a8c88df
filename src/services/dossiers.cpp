// Dossier use cases: drafts, submission (code, receipt time, secret), withdrawal, lists, lookup.
#include "services/dossiers.hpp"

#include <sodium.h>

#include <algorithm>
#include <cmath>

#include "core/access/permissions.hpp"
#include "core/catalog/rollout.hpp"
#include "core/common/time.hpp"
#include "core/dossier/code.hpp"
#include "core/dossier/secret.hpp"
#include "core/forms/validate.hpp"
#include "core/text/fold.hpp"
#include "services/audit.hpp"
#include "services/calendar.hpp"
#include "services/catalog.hpp"
#include "services/dossiers_internal.hpp"
#include "services/papers.hpp"
#include "services/workflow.hpp"

namespace motcua::services::dossiers {

namespace access = core::access;
namespace cat = core::catalog;
using nlohmann::json;

namespace internal {
const std::string kColumns =
    "id, code, status, applicant_id, procedure_code, procedure_version, agency_code, form_data, version, "
    "created_at, updated_at, submitted_at, received_at, due_at, workflow, statutory_amount, statutory_unit, "
    "unit_key, partner_agency, partner_unit, assignee, clock, pauses, paused_since, extension_due, taken, "
    "step_since, step_giver, outcome, finished_at, result_timing, result_number, return_method, due_flag, "
    "applicant_name, applicant_kind";
}  // namespace internal

namespace {
using internal::kColumns;

const store::Query kInsert{
    "dossier.insert",
    "INSERT INTO dossiers (applicant_id, procedure_code, procedure_version, agency_code, status, "
    "form_data, version, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, 'draft', '{}', 1, $5, $6) RETURNING id"};
const std::string kSelectSql = "SELECT " + kColumns + " FROM dossiers WHERE id = $1";
const store::Query kSelect{"dossier.get", kSelectSql};
const store::Query kByKey{"dossier.by_idempotency_key",
                          "SELECT id FROM dossiers WHERE applicant_id = $1 AND idempotency_key = $2"};
const store::Query kSave{"dossier.save_draft",
                         "UPDATE dossiers SET form_data = $1, version = version + 1, updated_at = $2 "
                         "WHERE id = $3 AND version = $4 AND status = 'draft'"};
// One statement on both dialects: the row per agency and day is created or incremented, and the
// row lock it takes serialises concurrent submissions to that agency until commit.
const store::Query kNextNumber{
    "dossier.next_number",
    "INSERT INTO dossier_sequences (agency_code, day, last_value) VALUES ($1, $2, 1) "
    "ON CONFLICT (agency_code, day) DO UPDATE SET last_value = dossier_sequences.last_value + 1 "
    "RETURNING last_value"};
// The dossier enters the workflow in its initial state, at the procedure's processing unit, with
// the workflow and statutory time of the procedure version it was submitted under.
const store::Query kSubmit{"dossier.submit",
                           "UPDATE dossiers SET code = $1, lookup_secret_hash = $2, procedure_version = $3, "
                           "form_data = $4, status = $10, version = version + 1, updated_at = $5, "
                           "submitted_at = $6, received_at = $7, idempotency_key = $8, workflow = $11, "
                           "statutory_amount = $12, statutory_unit = $13, unit_key = $14, clock = 'not_started', "
                           "step_since = $6, step_giver = $15, applicant_name = $16, applicant_folded = $17, "
                           "applicant_kind = $18 "
                           "WHERE id = $9 AND status = 'draft'"};
const store::Query kApplicant{"dossier.applicant", "SELECT username, full_name, kind FROM users WHERE id = $1"};
const store::Query kEventInsert{"dossier.event_insert",
                                "INSERT INTO dossier_events (dossier_id, at, actor_id, actor_role, action, detail) "
                                "VALUES ($1, $2, $3, $4, $5, $6)"};
const store::Query kEvents{
    "dossier.events", "SELECT at, actor_role, action, detail FROM dossier_events WHERE dossier_id = $1 ORDER BY id"};
const store::Query kLookup{"dossier.lookup",
                           "SELECT code, status, procedure_code, procedure_version, agency_code, submitted_at, "
                           "received_at, lookup_secret_hash, due_at FROM dossiers WHERE code = $1"};

const std::string kOrder = " ORDER BY COALESCE(submitted_at, updated_at) DESC, id DESC LIMIT $3 OFFSET $4";
const std::string kMineWhere = " FROM dossiers WHERE applicant_id = $1 AND ($2 = '' OR status = $2)";
// An agency's list: its ids from an index in submission order (dossiers_agency_recent, or
// dossiers_agency with a status), the rows by id after (see List).
const std::string kAgencyWhere =
    " FROM dossiers WHERE agency_code = $1 AND status <> 'draft' AND ($2 = '' OR status = $2)";
const std::string kAgencyAnyIds =
    "SELECT id FROM dossiers WHERE agency_code = $1 AND status <> 'draft' "
    "ORDER BY submitted_at DESC, id DESC LIMIT $2 OFFSET $3";
const std::string kAgencyStatusIds =
    "SELECT id FROM dossiers WHERE agency_code = $1 AND status = $2 "
    "ORDER BY submitted_at DESC, id DESC LIMIT $3 OFFSET $4";
const std::string kAllWhere = " FROM dossiers WHERE status <> 'draft' AND ($1 = '' OR status = $1)";
const std::string kMineSql = "SELECT " + kColumns + kMineWhere + kOrder;
const std::string kMineCountSql = "SELECT COUNT(*)" + kMineWhere;
const std::string kAgencyCountSql = "SELECT COUNT(*)" + kAgencyWhere;
const std::string kAllSql =
    "SELECT " + kColumns + kAllWhere + " ORDER BY COALESCE(submitted_at, updated_at) DESC, id DESC LIMIT $2 OFFSET $3";
const std::string kAllCountSql = "SELECT COUNT(*)" + kAllWhere;
const store::Query kListMine{"dossier.list_mine", kMineSql};
const store::Query kCountMine{"dossier.count_mine", kMineCountSql};
const store::Query kAgencyAnyIdsQuery{"dossier.list_agency_ids", kAgencyAnyIds};
const store::Query kAgencyStatusIdsQuery{"dossier.list_agency_status_ids", kAgencyStatusIds};
const store::Query kCountAgency{"dossier.count_agency", kAgencyCountSql};
const store::Query kListAll{"dossier.list_all", kAllSql};
// No unit has this key: a target in it is covered only by grants to the whole agency.
const std::string kNoUnit = "\x01";
const store::Query kCountAll{"dossier.count_all", kAllCountSql};

core::Error Forbidden() {
  return core::Error::Make(core::errc::kForbidden, "Chỉ công dân, doanh nghiệp mới nộp hồ sơ.",
                           "Only citizens and businesses submit dossiers.");
}
core::Error Unauthorized() {
  return core::Error::Make(core::errc::kUnauthorized, "Vui lòng đăng nhập.", "Please log in.");
}
core::Error NotFound() { return core::Error::Make(core::errc::kNotFound, "Không tìm thấy hồ sơ.", "No such dossier."); }
core::Error Conflict(std::string vi, std::string en) {
  return core::Error::Make(core::errc::kConflict, std::move(vi), std::move(en));
}
core::Error Invalid(const std::string& field, const char* code, std::string vi, std::string en) {
  auto e =
      core::Error::Make(core::errc::kValidationFailed, "Dữ liệu gửi lên chưa hợp lệ.", "The data sent is not valid.");
  e.fields[field] = {code, std::move(vi), std::move(en)};
  return e;
}

using internal::IsApplicant;
// Applicants only: anonymous → unauthorized, officers and tokens → forbidden.
std::optional<core::Error> RequireApplicant(const Caller& caller) {
  if (!caller.principal) return Unauthorized();
  if (!IsApplicant(caller.principal)) return Forbidden();
  return std::nullopt;
}

bool AcceptsKind(const cat::Procedure& p, access::AccountKind kind) {
  auto want = kind == access::AccountKind::kBusiness ? cat::Applicant::kBusiness : cat::Applicant::kCitizen;
  return std::find(p.applicants.begin(), p.applicants.end(), want) != p.applicants.end();
}

std::string OptText(const store::Row& r, size_t col) { return r.OptText(col).value_or(""); }

std::vector<std::string> StringList(const std::string& text) {
  std::vector<std::string> out;
  auto j = json::parse(text, nullptr, false);
  if (j.is_array())
    for (const auto& v : j)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

}  // namespace

namespace internal {

bool IsApplicant(const access::Principal* who) {
  return who && !who->IsToken() && who->kind != access::AccountKind::kOfficer;
}

Dossier FromRow(const store::Row& r, const catalog::Snapshot& snap) {
  Dossier d;
  d.id = r.Int(0);
  d.code = OptText(r, 1);
  d.status = r.Text(2);
  d.applicant_id = r.Int(3);
  d.procedure.code = r.Text(4);
  d.procedure.version = static_cast<int>(r.Int(5));
  if (const auto* p = snap.catalog().FindProcedure(cat::ProcedureCode{d.procedure.code})) {
    d.procedure.name = p->name;
    d.procedure.name_en = p->name_en;
  }
  d.agency.code = r.Text(6);
  if (const auto* a = snap.catalog().FindAgency(cat::AgencyCode{d.agency.code})) {
    d.agency.name = a->name;
    d.agency.name_en = a->name_en;
  }
  d.form_data = json::parse(r.Text(7), nullptr, false);
  if (d.form_data.is_discarded()) d.form_data = json::object();
  d.version = static_cast<int>(r.Int(8));
  d.created_at = r.Text(9);
  d.updated_at = r.Text(10);
  d.submitted_at = OptText(r, 11);
  d.received_at = OptText(r, 12);
  d.due_at = OptText(r, 13);
  d.workflow = OptText(r, 14);
  d.statutory_amount = static_cast<int>(r.Int(15));
  d.statutory_unit = OptText(r, 16);
  d.unit = OptText(r, 17);
  d.partner_agency = OptText(r, 18);
  d.partner_unit = OptText(r, 19);
  d.assignee = OptText(r, 20);
  d.clock = OptText(r, 21);
  auto pauses = json::parse(r.Text(22), nullptr, false);
  if (pauses.is_array())
    for (const auto& p : pauses)
      if (p.is_array() && p.size() == 2 && p[0].is_string() && p[1].is_string())
        d.pauses.push_back({p[0].get<std::string>(), p[1].get<std::string>()});
  d.paused_since = OptText(r, 23);
  d.extension_due = OptText(r, 24);
  d.taken = StringList(r.Text(25));
  d.step_since = OptText(r, 26);
  d.step_giver = OptText(r, 27);
  d.outcome = OptText(r, 28);
  d.finished_at = OptText(r, 29);
  d.result_timing = OptText(r, 30);
  d.result_number = OptText(r, 31);
  d.return_method = OptText(r, 32);
  d.due_flag = OptText(r, 33);
  d.applicant_name = OptText(r, 34);
  d.applicant_kind = OptText(r, 35);
  return d;
}

bool MaySee(const access::Principal* who, const Dossier& d) {
  if (!who) return false;
  if (IsApplicant(who)) return d.applicant_id == who->user_id;
  if (d.status == "draft") return false;
  // Officers of its agency — of its processing unit for the unit-scoped roles — and, once handed to
  // a partner agency (liên thông), the partner's officers likewise for its unit.
  if (access::Allows(who, access::perm::kDossiersHandle, access::Target{d.agency.code, d.unit, {}})) return true;
  return !d.partner_agency.empty() &&
         access::Allows(who, access::perm::kDossiersHandle, access::Target{d.partner_agency, d.partner_unit, {}});
}

void AddEvent(store::Transaction& tx, Context& ctx, const Caller& caller, std::int64_t id, const std::string& action,
              const json& detail, std::optional<core::Instant> at) {
  store::Value actor = store::Null{};
  if (caller.principal && caller.principal->user_id) actor = static_cast<std::int64_t>(caller.principal->user_id);
  tx.Execute(kEventInsert,
             {id, core::FormatInstant(at.value_or(ctx.clock.Now())), actor,
              caller.principal ? caller.principal->MainRole() : std::string("anonymous"), action, detail.dump()});
}

void Audit(store::Transaction& tx, Context& ctx, const Caller& caller, const std::string& action, std::int64_t id,
           json detail) {
  audit::Event e;
  if (caller.principal && caller.principal->user_id) e.actor_id = caller.principal->user_id;
  e.actor_role = caller.principal ? caller.principal->MainRole() : "anonymous";
  e.action = action;
  e.object_type = "dossier";
  e.object_id = std::to_string(id);
  e.request_id = caller.request_id;
  e.detail = std::move(detail);
  audit::Record(tx, ctx.clock, e);
}

std::optional<Dossier> Load(store::Transaction& tx, const catalog::Snapshot& snap, std::int64_t id) {
  auto row = tx.QueryOne(kSelect, {id});
  if (!row) return std::nullopt;
  return FromRow(*row, snap);
}

std::optional<double> WorkingDaysLeft(const Dossier& d, const core::calendar::WorkingCalendar& cal, core::Instant now) {
  if (d.due_at.empty() || (d.clock != "running" && d.clock != "paused")) return std::nullopt;
  auto due = core::ParseInstant(d.due_at);
  if (!due) return std::nullopt;
  if (d.clock == "paused") {
    if (auto since = core::ParseInstant(d.paused_since)) now = *since;  // frozen while the applicant owes papers
  }
  using Hours = std::chrono::duration<double, std::ratio<3600>>;
  double days = now <= *due ? Hours(cal.WorkingTimeBetween(now, *due)).count() / 8
                            : -Hours(cal.WorkingTimeBetween(*due, now)).count() / 8;
  double rounded = std::round(days * 10) / 10;
  return rounded == 0 ? 0.0 : rounded;  // never -0
}

void Annotate(Context& ctx, Dossier& d) {
  if (d.due_at.empty()) return;
  auto cal = calendar::ForAgency(ctx, d.agency.code);
  if (!cal) return;
  d.working_days_left = WorkingDaysLeft(d, **cal, ctx.clock.Now());
}

}  // namespace internal

namespace {
using internal::AddEvent;
using internal::Annotate;
using internal::Audit;
using internal::FromRow;
using internal::Load;
using internal::MaySee;

// The agency tree as the places of an address: the city, its districts, their wards.
core::forms::PlaceTree PlacesOf(const cat::Catalog& c) {
  core::forms::PlaceTree tree;
  tree.is_place = [&c](const std::string& code, core::forms::PlaceLevel level) {
    const auto* a = c.FindAgency(cat::AgencyCode{code});
    if (!a) return false;
    switch (level) {
      case core::forms::PlaceLevel::kProvince:
        return a->tier == cat::Tier::kCity;
      case core::forms::PlaceLevel::kDistrict:
        return a->tier == cat::Tier::kDistrict;
      case core::forms::PlaceLevel::kWard:
        return a->tier == cat::Tier::kWard;
    }
    return false;
  };
  tree.parent = [&c](const std::string& code) {
    const auto* a = c.FindAgency(cat::AgencyCode{code});
    return a && a->parent ? a->parent->value : std::string();
  };
  return tree;
}

// Every string (and key) of `j` in NFC.
json Normalised(const json& j) {
  if (j.is_string()) return core::text::Nfc(j.get<std::string>());
  if (j.is_array()) {
    json out = json::array();
    for (const auto& v : j) out.push_back(Normalised(v));
    return out;
  }
  if (j.is_object()) {
    json out = json::object();
    for (const auto& [k, v] : j.items()) out[core::text::Nfc(k)] = Normalised(v);
    return out;
  }
  return j;
}

std::string DateVi(std::chrono::year_month_day d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", static_cast<unsigned>(d.day()), static_cast<unsigned>(d.month()),
                static_cast<int>(d.year()));
  return buf;
}

}  // namespace

core::Result<Dossier> Create(Context& ctx, const Caller& caller, const std::string& procedure,
                             const std::string& agency) {
  if (auto e = RequireApplicant(caller)) return *e;
  auto snap = catalog::Current(ctx);
  const auto* p = snap->catalog().FindProcedure(cat::ProcedureCode{procedure});
  const auto* a = snap->catalog().FindAgency(cat::AgencyCode{agency});
  core::Error err =
      core::Error::Make(core::errc::kValidationFailed, "Dữ liệu gửi lên chưa hợp lệ.", "The data sent is not valid.");
  if (!p)
    err.fields["procedure"] = {procedure.empty() ? "required" : "unknown_value", "Không có thủ tục này.",
                               "No such procedure."};
  if (!a)
    err.fields["agency"] = {agency.empty() ? "required" : "unknown_value", "Không có cơ quan này.", "No such agency."};
  if (p && a && !cat::Handles(*p, *a))
    err.fields["agency"] = {"not_competent", "Cơ quan này không giải quyết thủ tục này.",
                            "This agency does not handle this procedure."};
  if (p && !AcceptsKind(*p, caller.principal->kind))
    err.fields["procedure"] = {"applicant_not_allowed", "Thủ tục này không dành cho loại tài khoản của bạn.",
                               "This procedure is not open to your kind of account."};
  if (!err.fields.empty()) return err;

  auto tx = ctx.db.Begin();
  auto now = core::FormatInstant(ctx.clock.Now());
  auto row = tx->QueryOne(kInsert, {static_cast<std::int64_t>(caller.principal->user_id), procedure,
                                    static_cast<std::int64_t>(p->version), agency, now, now});
  auto id = row->Int(0);
  AddEvent(*tx, ctx, caller, id, "create", {{"procedure", procedure}, {"agency", agency}});
  Audit(*tx, ctx, caller, "dossier.create", id, {{"procedure", procedure}, {"agency", agency}});
  auto d = Load(*tx, *snap, id);
  tx->Commit();
  return *d;
}

core::Result<Dossier> Get(Context& ctx, const Caller& caller, std::int64_t id) {
  if (!caller.principal) return Unauthorized();
  auto snap = catalog::Current(ctx);
  auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
  auto d = Load(*tx, *snap, id);
  if (!d || !MaySee(caller.principal, *d)) return NotFound();
  for (const auto& r : tx->Query(kEvents, {id})) {
    TimelineEntry t{r.Text(0), r.Text(1), r.Text(2), json::parse(r.Text(3), nullptr, false)};
    if (t.detail.is_discarded()) t.detail = json::object();
    d->timeline.push_back(std::move(t));
  }
  tx.reset();  // the calendar may read the catalog's revision: never hold two connections at once
  Annotate(ctx, *d);
  return *d;
}

core::Result<Dossier> SaveDraft(Context& ctx, const Caller& caller, std::int64_t id, std::optional<int> version,
                                const json& form_data) {
  if (auto e = RequireApplicant(caller)) return *e;
  if (!form_data.is_object() || !version) {
    auto e = Invalid("form_data", "required", "Cần dữ liệu biểu mẫu (một đối tượng JSON).",
                     "form_data (a JSON object) is required.");
    if (form_data.is_object()) e.fields.clear();
    if (!version)
      e.fields["version"] = {"required", "Cần số phiên bản của bản nháp.", "The draft's version is required."};
    return e;
  }
  auto text = Normalised(form_data).dump();
  if (text.size() > kMaxFormBytes)
    return core::Error::Make(core::errc::kPayloadTooLarge, "Dữ liệu biểu mẫu quá lớn.", "The form data is too large.");
  auto snap = catalog::Current(ctx);
  auto tx = ctx.db.Begin();
  auto d = Load(*tx, *snap, id);
  if (!d || d->applicant_id != caller.principal->user_id) return NotFound();
  if (d->status != "draft")
    return Conflict("Hồ sơ đã nộp, không sửa được bản nháp.", "The dossier was submitted; the draft cannot change.");
  if (tx->Execute(kSave, {text, core::FormatInstant(ctx.clock.Now()), id, static_cast<std::int64_t>(*version)}) != 1)
    return Conflict("Bản nháp đã được sửa ở nơi khác; hãy tải lại.",
                    "The draft was changed elsewhere; reload it first.");
  d = Load(*tx, *snap, id);
  tx->Commit();
  return *d;
}

core::Result<Submission> Submit(Context& ctx, const Caller& caller, std::int64_t id, const std::string& key,
                                std::string* online_since) {
  if (auto e = RequireApplicant(caller)) return *e;
  if (key.empty() || key.size() > 200)
    return core::Error::BadRequest("Thiếu tiêu đề Idempotency-Key (tối đa 200 ký tự).",
                                   "The Idempotency-Key header is required (at most 200 characters).");
  const auto applicant = static_cast<std::int64_t>(caller.principal->user_id);
  auto snap = catalog::Current(ctx);

  // What the write transaction needs from outside the database: the agency's calendar.
  std::string agency;
  {
    auto rtx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    auto d = Load(*rtx, *snap, id);
    if (!d || d->applicant_id != applicant) return NotFound();
    agency = d->agency.code;
  }
  auto calendar = calendar::ForAgency(ctx, agency);
  if (!calendar) return std::move(calendar).error();

  for (int attempt = 0;; ++attempt) {
    try {
      auto tx = ctx.db.Begin();
      if (auto seen = tx->QueryOne(kByKey, {applicant, key})) {
        if (seen->Int(0) != id)
          return Conflict("Khóa Idempotency-Key này đã dùng cho hồ sơ khác.",
                          "This Idempotency-Key was used for another dossier.");
        Submission s;
        s.dossier = *Load(*tx, *snap, id);
        s.replay = true;
        return s;
      }
      auto d = Load(*tx, *snap, id);
      if (!d || d->applicant_id != applicant) return NotFound();
      if (d->status != "draft") return Conflict("Hồ sơ đã được nộp.", "The dossier has already been submitted.");
      const auto* p = snap->catalog().FindProcedure(cat::ProcedureCode{d->procedure.code});
      if (!p) return Conflict("Thủ tục này không còn trong danh mục.", "The procedure is no longer in the catalog.");
      const auto* flow = snap->WorkflowOf(*p);
      if (!flow)
        return Conflict("Danh mục chưa có quy trình xử lý cho thủ tục này.",
                        "The catalog has no processing workflow for this procedure.");
      if (!AcceptsKind(*p, caller.principal->kind))
        return Invalid("procedure", "applicant_not_allowed", "Thủ tục này không dành cho loại tài khoản của bạn.",
                       "This procedure is not open to your kind of account.");

      const auto now = ctx.clock.Now();
      const auto today = core::LocalDate(now);
      auto problems = core::forms::Validate(p->form, d->form_data, today);
      for (auto& [path, fe] : core::forms::CheckAddresses(p->form, d->form_data, PlacesOf(snap->catalog())))
        problems.emplace(path, fe);
      auto missing = papers::MissingRequired(*tx, *p, id);  // "documents.<n>": required papers
      if (!problems.empty() || !missing.empty()) {
        auto e =
            problems.empty()
                ? core::Error::Make(core::errc::kValidationFailed, "Hồ sơ còn thiếu giấy tờ bắt buộc.",
                                    "Required papers are missing from the dossier.")
                : core::Error::Make(core::errc::kValidationFailed, "Biểu mẫu còn lỗi, vui lòng sửa các mục được nêu.",
                                    "The form has problems; please correct the fields listed.");
        for (auto& [path, fe] : problems) e.fields[path.empty() ? "form_data" : path] = fe;
        for (auto& [path, fe] : missing) e.fields[path] = fe;
        return e;
      }
      if (!cat::IsOnline(snap->catalog(), p->code, cat::AgencyCode{agency}, today)) {
        auto since = cat::OnlineSince(snap->catalog(), p->code, cat::AgencyCode{agency});
        std::string vi = "Thủ tục này chưa được cung cấp trực tuyến tại cơ quan này";
        std::string en = "This procedure is not yet offered online at this agency";
        if (since) {
          vi += " (từ ngày " + DateVi(*since) + ")";
          en += " (from " + core::FormatDate(*since) + ")";
          if (online_since) *online_since = core::FormatDate(*since);
        }
        return core::Error::Make("procedure_not_online", vi + ".", en + ".");
      }

      // The code carries the receipt date (domain.md §4): a dossier sent on Saturday evening is
      // received, and numbered, on Monday morning.
      const auto received = (*calendar)->NextWorkingInstant(now);
      const auto receipt_day = core::LocalDate(received);
      auto number = tx->QueryOne(kNextNumber, {agency, core::dossier::DayKey(receipt_day)})->Int(0);
      auto code = core::dossier::FormatCode(agency, receipt_day, number);
      auto secret = core::dossier::MakeSecret([](std::uint32_t n) { return randombytes_uniform(n); });
      auto stamp = core::FormatInstant(now);
      auto who = tx->QueryOne(kApplicant, {applicant});
      const std::string name = core::text::Nfc(who->Text(1));
      const bool days = p->processing_time.unit == cat::TimeUnit::kWorkingDays;
      auto changed =
          tx->Execute(kSubmit, {code, accounts::Sha256Hex(code + ":" + secret), static_cast<std::int64_t>(p->version),
                                d->form_data.dump(), stamp, stamp, core::FormatInstant(received), key, id,
                                flow->initial, flow->id, static_cast<std::int64_t>(p->processing_time.amount),
                                std::string(days ? "working_days" : "working_hours"), p->handling_unit.value,
                                who->Text(0), name, core::text::Fold(name), who->Text(2)});
      if (changed != 1) return Conflict("Hồ sơ đã được nộp.", "The dossier has already been submitted.");
      AddEvent(*tx, ctx, caller, id, "submit", {{"code", code}, {"received_at", core::FormatInstant(received)}});
      Audit(*tx, ctx, caller, "dossier.submit", id,
            {{"code", code}, {"procedure", p->code.value}, {"procedure_version", p->version}, {"agency", agency}});
      Submission s;
      s.dossier = *Load(*tx, *snap, id);
      s.lookup_secret = secret;
      tx->Commit();
      return s;
    } catch (const store::DbError& e) {
      // A concurrent submit with the same key won: the next attempt finds it and replays it.
      bool retry =
          e.kind() == store::DbError::Kind::kUniqueViolation || e.kind() == store::DbError::Kind::kSerialization;
      if (!retry || attempt >= 2) throw;
    }
  }
}

core::Result<Dossier> Withdraw(Context& ctx, const Caller& caller, std::int64_t id) {
  if (auto e = RequireApplicant(caller)) return *e;
  auto snap = catalog::Current(ctx);
  std::optional<Dossier> d;
  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    d = Load(*tx, *snap, id);
  }
  if (!d || d->applicant_id != caller.principal->user_id) return NotFound();
  if (d->status == "withdrawn") return *d;  // withdrawing twice changes nothing
  auto not_now = [] {
    return Conflict("Chỉ rút được hồ sơ đã nộp mà chưa được tiếp nhận.",
                    "Only a submitted dossier not yet received can be withdrawn.");
  };
  if (d->status == "draft") return not_now();
  workflow::ActInput in;
  in.version = d->version;
  in.request.action = "withdraw";
  auto r = workflow::Act(ctx, caller, id, in);
  if (!r && r.error().code == core::workflow::kActionNotAllowed) return not_now();
  return r;
}

core::Result<Page> List(Context& ctx, const Caller& caller, const ListQuery& query) {
  const auto* who = caller.principal;
  if (!who) return Unauthorized();
  auto snap = catalog::Current(ctx);
  auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
  const std::string& status = query.status;
  const std::int64_t limit = query.per_page;
  const std::int64_t offset = static_cast<std::int64_t>(query.page - 1) * query.per_page;
  Page page;
  store::Rows rows;
  if (IsApplicant(who)) {
    const auto me = static_cast<std::int64_t>(who->user_id);
    page.total = static_cast<int>(tx->QueryOne(kCountMine, {me, status})->Int(0));
    rows = tx->Query(kListMine, {me, status, limit, offset});
  } else if (who->Has(access::Role::kCityAdmin)) {
    page.total = static_cast<int>(tx->QueryOne(kCountAll, {status})->Int(0));
    rows = tx->Query(kListAll, {status, limit, offset});
  } else if (!who->agency.empty()) {
    // The whole agency for its agency-wide roles; else only the units of the unit-scoped grants.
    const bool whole = access::Allows(who, access::perm::kDossiersHandle, access::Target{who->agency, kNoUnit, {}});
    std::vector<std::string> units;
    if (!whole)
      for (const auto& g : who->roles)
        if (g.agency == who->agency && !g.unit.empty() &&
            access::Allows(who, access::perm::kDossiersHandle, access::Target{who->agency, g.unit, {}}) &&
            std::find(units.begin(), units.end(), g.unit) == units.end())
          units.push_back(g.unit);
    store::Rows id_rows;
    if (whole) {
      page.total = static_cast<int>(tx->QueryOne(kCountAgency, {who->agency, status})->Int(0));
      id_rows = status.empty() || status == "draft"
                    ? tx->Query(kAgencyAnyIdsQuery, {who->agency, limit, offset})
                    : tx->Query(kAgencyStatusIdsQuery, {who->agency, status, limit, offset});
    } else if (!units.empty()) {
      store::Params params{who->agency, status};
      std::string in;
      for (const auto& u : units) {
        params.push_back(u);
        in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
      }
      const std::string n = std::to_string(units.size());
      const std::string where = kAgencyWhere + " AND unit_key IN (" + in + ")";
      page.total =
          static_cast<int>(tx->QueryOne({"dossier.count_units." + n, "SELECT COUNT(*)" + where}, params)->Int(0));
      const auto at = params.size();
      params.push_back(limit);
      params.push_back(offset);
      id_rows = tx->Query(
          {"dossier.list_units_ids." + n, "SELECT id" + where + " ORDER BY submitted_at DESC, id DESC LIMIT $" +
                                              std::to_string(at + 1) + " OFFSET $" + std::to_string(at + 2)},
          params);
    }
    if (status == "draft") id_rows.clear();
    if (!id_rows.empty()) {
      store::Params ids;
      std::string in;
      for (const auto& r : id_rows) {
        ids.push_back(r.Int(0));
        in += (in.empty() ? "$" : ", $") + std::to_string(ids.size());
      }
      rows = tx->Query({"dossier.list_agency_rows", "SELECT " + kColumns + " FROM dossiers WHERE id IN (" + in +
                                                        ") ORDER BY submitted_at DESC, id DESC"},
                       ids);
    }
  }
  tx.reset();  // the calendar may read the catalog's revision: never hold two connections at once
  for (const auto& r : rows) {
    page.items.push_back(FromRow(r, *snap));
    Annotate(ctx, page.items.back());
  }
  return page;
}

core::Result<PublicView> Lookup(Context& ctx, const std::string& code, const std::string& secret) {
  auto normal = core::dossier::NormalizeSecret(secret);
  // The same work and the same answer whether the code is unknown or the secret wrong.
  auto expected = accounts::Sha256Hex(code + ":" + normal.value_or(""));
  if (!core::dossier::IsWellFormedCode(code)) return NotFound();
  auto snap = catalog::Current(ctx);
  auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
  auto row = tx->QueryOne(kLookup, {code});
  if (!row || !normal) return NotFound();
  auto stored = row->Text(7);
  if (stored.size() != expected.size() || sodium_memcmp(stored.data(), expected.data(), expected.size()) != 0)
    return NotFound();
  PublicView v;
  v.code = row->Text(0);
  v.status = row->Text(1);
  v.procedure.code = row->Text(2);
  v.procedure.version = static_cast<int>(row->Int(3));
  if (const auto* p = snap->catalog().FindProcedure(cat::ProcedureCode{v.procedure.code})) {
    v.procedure.name = p->name;
    v.procedure.name_en = p->name_en;
  }
  v.agency.code = row->Text(4);
  if (const auto* a = snap->catalog().FindAgency(cat::AgencyCode{v.agency.code})) {
    v.agency.name = a->name;
    v.agency.name_en = a->name_en;
  }
  v.submitted_at = OptText(*row, 5);
  v.received_at = OptText(*row, 6);
  v.appointment_at = OptText(*row, 8);
  return v;
}

}  // namespace motcua::services::dossiers
