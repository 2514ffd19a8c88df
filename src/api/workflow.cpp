// Processing over HTTP: JSON in and out for the workflow use cases (services/workflow.hpp).
#include "api/workflow.hpp"

#include <charconv>

#include <nlohmann/json.hpp>

#include "api/auth.hpp"
#include "api/dossiers.hpp"
#include "api/params.hpp"
#include "core/common/time.hpp"
#include "core/dossier/status.hpp"
#include "services/workflow.hpp"

namespace motcua::api {
namespace {

namespace svc = services::workflow;
using nlohmann::json;

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

std::optional<std::int64_t> IdOf(const http::Request& req, const char* name = "id") {
  auto text = req.Param(name);
  std::int64_t id = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || p != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

core::Error BadField(const std::string& field, const std::string& vi, const std::string& en) {
  auto e =
      core::Error::Make(core::errc::kValidationFailed, "Dữ liệu gửi lên chưa hợp lệ.", "The data sent is not valid.");
  e.fields[field] = {"invalid_format", vi, en};
  return e;
}

}  // namespace

http::Response Inbox(services::Context& ctx, http::Request& req) {
  Params params(req);
  svc::InboxQuery q;
  if (auto s = params.Text("status", 40)) {
    q.status = *s;
    if (core::dossier::StateLabel(*s) == *s) params.Invalid("status", "Trạng thái không hợp lệ.", "Unknown status.");
  }
  if (auto s = params.Text("procedure", 40)) q.procedure = *s;
  if (auto s = params.Text("due", 10)) {
    q.due = *s;
    if (q.due != "soon" && q.due != "overdue")
      params.Invalid("due", "Chỉ nhận soon hoặc overdue.", "due must be soon or overdue.");
  }
  if (auto s = params.Text("q", 100)) q.q = *s;
  q.page = params.Int("page", 1, 100000).value_or(1);
  q.per_page = params.Int("per_page", 1, 100).value_or(20);
  if (!params.ok()) return http::Response::FromError(params.error());
  auto page = svc::Inbox(ctx, CallerOf(req), q);
  if (!page) return http::Response::FromError(page.error());
  json items = json::array();
  for (const auto& d : page->items) {
    json item = DossierSummaryJson(d);
    item["procedure"] = {{"code", d.procedure.code}, {"name", d.procedure.name}, {"name_en", d.procedure.name_en}};
    item["agency"] = {{"code", d.agency.code}, {"name", d.agency.name}};
    item["applicant_name"] = OrNull(d.applicant_name);
    items.push_back(std::move(item));
  }
  json counts = json::object();
  for (const auto& [status, n] : page->counts) counts[status] = n;
  return http::Response::Json(
      200, {{"items", items}, {"total", page->total}, {"page", q.page}, {"per_page", q.per_page}, {"counts", counts}});
}

http::Response DossierActions(services::Context& ctx, http::Request& req) {
  auto id = IdOf(req);
  if (!id) return http::Response::FromError(core::Error::NotFound());
  auto a = svc::AllowedActions(ctx, CallerOf(req), *id);
  if (!a) return http::Response::FromError(a.error());
  json actions = json::array();
  for (const auto& x : a->actions)
    actions.push_back({{"name", x.name},
                       {"label", x.label},
                       {"label_en", x.label_en},
                       {"needs_comment", x.needs_comment},
                       {"needs_assignee", x.needs_assignee},
                       {"needs_new_due", x.needs_new_due},
                       {"needs_result_number", x.needs_result_number},
                       {"needs_return_method", x.needs_return_method},
                       {"needs_partner", x.needs_partner},
                       {"slip", x.slip}});
  json assignees = json::array();
  for (const auto& p : a->assignees) assignees.push_back({{"username", p.username}, {"full_name", p.full_name}});
  return http::Response::Json(
      200, {{"version", a->version}, {"status", a->status}, {"actions", actions}, {"assignees", assignees}});
}

http::Response TakeDossierAction(services::Context& ctx, http::Request& req) {
  auto id = IdOf(req);
  if (!id) return http::Response::FromError(core::Error::NotFound());
  auto body = JsonObjectBody(req);
  if (!body) return http::Response::FromError(body.error());
  svc::ActInput in;
  in.request.action = std::string(req.Param("action"));
  // Action names are short snake_case words of workflows.yaml; anything else names no action.
  if (in.request.action.empty() || in.request.action.size() > 64 ||
      in.request.action.find_first_not_of("abcdefghijklmnopqrstuvwxyz_0123456789") != std::string::npos)
    return http::Response::FromError(core::Error::NotFound());
  if (auto it = body->find("version"); it != body->end()) {
    if (!it->is_number_integer())
      return http::Response::FromError(
          BadField("version", "Phiên bản phải là số nguyên.", "version must be an integer."));
    in.version = it->get<int>();
  }
  for (const char* key :
       {"comment", "assignee", "new_due", "result_number", "return_method", "partner_agency", "partner_unit"}) {
    auto it = body->find(key);
    if (it == body->end() || it->is_null()) continue;
    if (!it->is_string()) return http::Response::FromError(BadField(key, "Phải là một chuỗi.", "Must be a string."));
  }
  in.request.comment = Str(*body, "comment");
  in.request.assignee = Str(*body, "assignee");
  in.request.result_number = Str(*body, "result_number");
  in.request.return_method = Str(*body, "return_method");
  in.request.partner_agency = Str(*body, "partner_agency");
  in.request.partner_unit = Str(*body, "partner_unit");
  if (auto due = Str(*body, "new_due"); !due.empty()) {
    in.request.new_due = core::ParseInstant(due);
    if (!in.request.new_due)
      return http::Response::FromError(
          BadField("new_due", "Thời điểm không hợp lệ (ISO 8601).", "Not a valid instant (ISO 8601)."));
  }
  auto d = svc::Act(ctx, CallerOf(req), *id, in);
  if (!d) return http::Response::FromError(d.error());
  return http::Response::Json(200, DossierJson(*d, CallerIsOfficer(req)));
}

http::Response DossierControlSheet(services::Context& ctx, http::Request& req) {
  auto id = IdOf(req);
  if (!id) return http::Response::FromError(core::Error::NotFound());
  auto sheet = svc::ControlSheetWithApplicant(ctx, CallerOf(req), *id);
  if (!sheet) return http::Response::FromError(sheet.error());
  json out = json::array();
  for (const auto& r : sheet->rows)
    out.push_back({{"step", r.step},
                   {"action", r.action},
                   {"agency", r.agency},
                   {"unit", OrNull(r.unit)},
                   {"giver", OrNull(r.giver)},
                   {"giver_name", OrNull(r.giver_name)},
                   {"receiver", r.receiver},
                   {"receiver_name", OrNull(r.receiver_name)},
                   {"handed_at", r.handed_at},
                   {"done_at", r.done_at},
                   {"allotted_hours", r.allotted_hours},
                   {"used_hours", r.used_hours},
                   {"timing", r.timing},
                   {"note", OrNull(r.note)}});
  const auto& a = sheet->applicant;
  json applicant = {
      {"name", a.name}, {"phone", OrNull(a.phone)}, {"email", OrNull(a.email)}, {"address", OrNull(a.address)}};
  return http::Response::Json(200, {{"applicant", applicant}, {"rows", out}});
}

http::Response DossierSlips(services::Context& ctx, http::Request& req) {
  auto id = IdOf(req);
  if (!id) return http::Response::FromError(core::Error::NotFound());
  auto slips = svc::Slips(ctx, CallerOf(req), *id);
  if (!slips) return http::Response::FromError(slips.error());
  json items = json::array();
  for (const auto& s : *slips)
    items.push_back({{"id", s.id},
                     {"form", s.form},
                     {"action", s.action},
                     {"issued_at", s.issued_at},
                     {"issued_by", s.issued_by},
                     {"content", s.content}});
  return http::Response::Json(200, {{"items", items}});
}

namespace {
// A printable paper: shown in the browser's PDF viewer, saved under a readable name, never cached
// by anyone else (it carries personal data).
http::Response Pdf(core::Result<svc::PdfFile> file) {
  if (!file) return http::Response::FromError(file.error());
  http::Response r;
  r.status = 200;
  r.body = std::move(file->bytes);
  r.SetHeader("Content-Type", "application/pdf");
  r.SetHeader("Content-Disposition", "inline; filename=\"" + file->file_name + "\"");
  r.SetHeader("Cache-Control", "private, no-store");
  r.SetHeader("X-Frame-Options", "SAMEORIGIN");
  return r;
}
}  // namespace

http::Response DossierSlipPdf(services::Context& ctx, http::Request& req) {
  auto id = IdOf(req);
  auto slip = IdOf(req, "slip");
  if (!id || !slip) return http::Response::FromError(core::Error::NotFound());
  return Pdf(svc::SlipPdf(ctx, CallerOf(req), *id, *slip));
}

http::Response DossierControlSheetPdf(services::Context& ctx, http::Request& req) {
  auto id = IdOf(req);
  if (!id) return http::Response::FromError(core::Error::NotFound());
  return Pdf(svc::ControlSheetPdf(ctx, CallerOf(req), *id));
}

}  // namespace motcua::api
