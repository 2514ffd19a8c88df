// The demo dossiers (issue 5, item 12): sample dossiers of the demo citizen and business at the
// demo agencies (Ba Đình, Hoàn Kiếm, the Department of Industry and Trade), in every state of the
// standard workflow, made through the real use cases — draft, papers, submission, then each
// officer's action — on a clock that walks through the last weeks' working hours, so that codes,
// receipt and due times, the control sheet and the timeline are exactly what the system makes.
#include "services/dossiers_demo.hpp"

#include <algorithm>
#include <regex>

#include "core/common/time.hpp"
#include "core/forms/validate.hpp"
#include "services/accounts.hpp"
#include "services/calendar.hpp"
#include "services/catalog.hpp"
#include "services/log.hpp"
#include "services/papers.hpp"
#include "services/workflow.hpp"

namespace motcua::services::dossiers {

namespace {

using nlohmann::json;
namespace forms = core::forms;
namespace cat = core::catalog;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

const store::Query kUserId{"demo.dossiers.user", "SELECT id FROM users WHERE username = $1"};
const store::Query kHasDossier{"demo.dossiers.any", "SELECT id FROM dossiers WHERE applicant_id = $1 LIMIT 1"};
const store::Query kWardOf{"demo.dossiers.ward",
                           "SELECT code FROM agencies WHERE parent_code = $1 ORDER BY position, code LIMIT 1"};
const store::Query kCity{"demo.dossiers.city", "SELECT code FROM agencies WHERE tier = 'city' ORDER BY code LIMIT 1"};

// The path from submission to each state of the standard workflow: the actions, in order.
struct Target {
  std::string state;
  std::vector<std::string> actions;  // after submission; "draft" has no submission at all
};
const std::vector<Target>& Targets() {
  static const std::vector<Target> kTargets = {
      {"draft", {}},
      {"submitted", {}},
      {"withdrawn", {"withdraw"}},
      {"not_received", {"request_supplement_at_reception"}},
      {"refused", {"refuse"}},
      {"received", {"receive"}},
      {"assigned", {"receive", "assign"}},
      {"awaiting_supplement", {"receive", "assign", "request_supplement"}},
      {"proposed", {"receive", "assign", "request_supplement", "supplement", "propose"}},
      {"reviewed", {"receive", "assign", "propose", "review"}},
      {"approved", {"receive", "assign", "propose", "review", "approve"}},
      {"issued", {"receive", "assign", "propose", "review", "approve", "issue"}},
      {"returned", {"receive", "assign", "propose", "review", "approve", "issue", "return_result"}},
      {"not_eligible", {"receive", "assign", "return_not_eligible"}},
  };
  return kTargets;
}

// What an officer writes when taking an action (the applicant reads some of it).
std::string CommentFor(const std::string& action) {
  if (action == "request_supplement_at_reception" || action == "request_supplement")
    return "Đề nghị bổ sung bản vẽ mặt bằng có kích thước và chữ ký của chủ đầu tư.";
  if (action == "refuse") return "Thủ tục không thuộc thẩm quyền giải quyết của cơ quan; đề nghị nộp tại cơ quan khác.";
  if (action == "return_not_eligible")
    return "Hồ sơ không đủ điều kiện: thửa đất nằm trong phạm vi quy hoạch mở đường.";
  if (action == "supplement") return "Tôi đã bổ sung bản vẽ mặt bằng theo yêu cầu.";
  if (action == "withdraw") return "Tôi xin rút hồ sơ để điều chỉnh thông tin.";
  if (action == "propose") return "Hồ sơ đủ điều kiện, đề xuất cấp.";
  if (action == "review") return "Đồng ý với đề xuất của chuyên viên.";
  if (action == "approve") return "Đồng ý.";
  return "";
}

// The demo officer who takes an action of `role` at an agency: "<prefix>.<suffix>".
std::string OfficerSuffix(core::access::Role role) {
  switch (role) {
    case core::access::Role::kOneStopOfficer:
      return "motcua";
    case core::access::Role::kUnitHead:
      return "truongphong";
    case core::access::Role::kSpecialist:
      return "chuyenvien";
    case core::access::Role::kAgencyLeader:
      return "lanhdao";
    case core::access::Role::kClerk:
      return "vanthu";
    default:
      return "";
  }
}

struct Person {
  std::int64_t id = 0;
  core::access::Principal principal;
  accounts::User user;
};

// ---- form data from the schema -------------------------------------------------------------------

struct FillContext {
  const accounts::User& applicant;
  std::string province, district, ward;
  std::chrono::year_month_day today;
  int seed = 0;
};

std::string PrefillValue(forms::Prefill p, const accounts::User& u) {
  switch (p) {
    case forms::Prefill::kFullName:
      return u.kind == core::access::AccountKind::kBusiness && !u.representative.empty() ? u.representative
                                                                                         : u.full_name;
    case forms::Prefill::kIdNumber:
      return u.id_number;
    case forms::Prefill::kPhone:
      return u.phone;
    case forms::Prefill::kEmail:
      return u.email;
    case forms::Prefill::kAddress:
      return u.address;
    case forms::Prefill::kDateOfBirth:
      return u.date_of_birth;
    case forms::Prefill::kBusinessName:
      return u.full_name;
    case forms::Prefill::kTaxCode:
      return u.tax_code;
  }
  return "";
}

// A text that fits the field: a sample that matches its pattern, within its lengths.
std::string SampleText(const forms::Field& f, const FillContext& c) {
  std::string s;
  if (!f.pattern.empty()) {
    static const char* kCandidates[] = {"0001",         "1234", "01 02 03", "29A-12345", "29A12345", "AB12345",
                                        "001090012345", "123",  "1234567",  "12",        "A1"};
    std::regex re(f.pattern, std::regex::ECMAScript);
    for (const char* cand : kCandidates)
      if (std::regex_match(cand, re)) return cand;
    return "";
  }
  auto key = f.key;
  if (key.find("name") != std::string::npos || key.find("ten") != std::string::npos) {
    s = c.applicant.kind == core::access::AccountKind::kBusiness && !c.applicant.representative.empty()
            ? c.applicant.representative
            : c.applicant.full_name;
  } else if (key.find("purpose") != std::string::npos || key.find("reason") != std::string::npos ||
             key.find("ly_do") != std::string::npos || key.find("muc_dich") != std::string::npos) {
    s = "Phục vụ nhu cầu sinh hoạt của gia đình";
  } else {
    s = "Theo hồ sơ kèm theo";
  }
  if (f.min_length && static_cast<int>(s.size()) < *f.min_length) s.append(*f.min_length - s.size(), '.');
  if (f.max_length && static_cast<int>(s.size()) > *f.max_length) s = s.substr(0, *f.max_length);
  return s;
}

std::chrono::year_month_day Bound(const forms::DateBound& b, std::chrono::year_month_day today) {
  return b.today ? today : b.date;
}

json FillObject(const std::vector<forms::Field>& fields, const FillContext& c, const json& root);

bool Shown(const forms::Field& f, const json& siblings, const json& root) {
  if (!f.show_if) return true;
  const json* v = nullptr;
  if (siblings.contains(f.show_if->field)) {
    v = &siblings.at(f.show_if->field);
  } else {
    const json* cur = &root;
    std::string path = f.show_if->field;
    size_t start = 0;
    while (cur && start <= path.size()) {
      auto dot = path.find('.', start);
      auto part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      cur = cur->is_object() && cur->contains(part) ? &cur->at(part) : nullptr;
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    v = cur;
  }
  if (!v || v->is_null()) return false;
  std::string text = v->is_string()    ? v->get<std::string>()
                     : v->is_boolean() ? (v->get<bool>() ? "true" : "false")
                                       : v->dump();
  return std::find(f.show_if->equals.begin(), f.show_if->equals.end(), text) != f.show_if->equals.end();
}

std::optional<json> FillField(const forms::Field& f, const FillContext& c, const json& root) {
  using T = forms::FieldType;
  if (f.prefill && f.type != T::kAddress) {
    auto v = PrefillValue(*f.prefill, c.applicant);
    if (!v.empty()) return json(v);
  }
  switch (f.type) {
    case T::kText: {
      auto s = SampleText(f, c);
      if (s.empty()) return std::nullopt;
      return json(s);
    }
    case T::kLongText:
      return json("Đề nghị cơ quan xem xét, giải quyết theo quy định.");
    case T::kNumber:
    case T::kMoney: {
      double v = f.type == T::kMoney ? 50'000'000 : 2;
      if (f.min && v < *f.min) v = *f.min;
      if (f.max && v > *f.max) v = *f.max;
      if (f.integer || f.type == T::kMoney) return json(static_cast<long long>(v));
      return json(v);
    }
    case T::kDate: {
      auto sys = std::chrono::sys_days(c.today) - days(365 * 2);
      if (f.max_date) sys = std::chrono::sys_days(Bound(*f.max_date, c.today)) - days(30);
      if (f.min_date && sys < std::chrono::sys_days(Bound(*f.min_date, c.today)))
        sys = std::chrono::sys_days(Bound(*f.min_date, c.today)) + days(7);
      return json(core::FormatDate(std::chrono::year_month_day(sys)));
    }
    case T::kChoice:
      if (f.options.empty()) return std::nullopt;
      return json(f.options[static_cast<size_t>(c.seed) % f.options.size()].value);
    case T::kMultiChoice:
      if (f.options.empty()) return std::nullopt;
      return json::array({f.options.front().value});
    case T::kYesNo:
      return json(false);
    case T::kCitizenId:
      return json(c.applicant.id_number.empty() ? "001090012345" : c.applicant.id_number);
    case T::kTaxCode:
      return json(c.applicant.tax_code.empty() ? "0101234567" : c.applicant.tax_code);
    case T::kPhone:
      return json(c.applicant.phone.empty() ? "0912345678" : c.applicant.phone);
    case T::kEmail:
      return json(c.applicant.email);
    case T::kAddress:
      return json{
          {"province", c.province}, {"district", c.district}, {"ward", c.ward}, {"street", "Số 12 phố Đội Cấn"}};
    case T::kGroup:
      return FillObject(f.fields, c, root);
    case T::kRepeat: {
      json list = json::array();
      int n = std::max(1, f.min_items.value_or(1));
      for (int i = 0; i < n; ++i) list.push_back(FillObject(f.fields, c, root));
      return list;
    }
  }
  return std::nullopt;
}

json FillObject(const std::vector<forms::Field>& fields, const FillContext& c, const json& root) {
  json out = json::object();
  for (const auto& f : fields) {
    // Conditions look at siblings filled so far, or at the root as filled so far.
    if (!Shown(f, out, root.empty() ? out : root)) continue;
    if (auto v = FillField(f, c, root.empty() ? out : root)) out[f.key] = std::move(*v);
  }
  return out;
}

// ---- papers -----------------------------------------------------------------------------------------

// A small, well-formed one-page PDF: what a scanned paper would be, for the demo.
std::string DemoPdf(const std::string& title) {
  std::string body = "BT /F1 14 Tf 72 760 Td (" + title + ") Tj ET";
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(body.size()) + " >>\nstream\n" + body + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  };
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  auto xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (auto off : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// Attaches a PDF to each required component that takes PDFs; false when one cannot be attached.
bool AttachPapers(Context& ctx, const Caller& caller, std::int64_t id, const cat::Procedure& p, std::string& why) {
  for (size_t i = 0; i < p.components.size(); ++i) {
    const auto& comp = p.components[i];
    if (!comp.required) continue;
    if (std::find(comp.file_types.begin(), comp.file_types.end(), cat::FileType::kPdf) == comp.file_types.end()) {
      why = "component " + std::to_string(i + 1) + " takes no PDF";
      return false;
    }
    auto up = papers::Upload::Begin(ctx, caller, id);
    if (!up.ok()) {
      why = up.error().code;
      return false;
    }
    auto& u = *up.value();
    std::optional<core::Error> e;
    if (!e) e = u.SetComponent(std::to_string(i + 1));
    if (!e) e = u.StartFile("giay-to-" + std::to_string(i + 1) + ".pdf");
    if (!e) e = u.Write(DemoPdf("MotCua demo - giay to so " + std::to_string(i + 1)));
    if (e) {
      why = e->code;
      return false;
    }
    auto done = u.Finish();
    if (!done.ok()) {
      why = done.error().code;
      return false;
    }
  }
  return true;
}

}  // namespace

DemoDossiersReport CreateDemoDossiers(Context& ctx) {
  DemoDossiersReport report;
  auto snap = catalog::Current(ctx);
  const auto now = ctx.clock.Now();
  const auto today = core::LocalDate(now);

  // People: the applicants and the officers of each demo agency.
  auto person = [&](const std::string& username) -> std::optional<Person> {
    std::int64_t id = 0;
    {
      auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
      auto row = tx->QueryOne(kUserId, {username});
      tx->Commit();
      if (!row) return std::nullopt;
      id = row->Int(0);
    }
    auto principal = accounts::PrincipalOfUser(ctx, id);
    auto user = accounts::GetUser(ctx, id);
    if (!principal || !user.ok()) return std::nullopt;
    return Person{id, *principal, user.value()};
  };
  auto citizen = person("congdan");
  auto business = person("doanhnghiep");
  if (!citizen || !business) {
    report.skipped.push_back("the demo applicants congdan and doanhnghiep are missing");
    return report;
  }
  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    bool any =
        tx->QueryOne(kHasDossier, {citizen->id}).has_value() || tx->QueryOne(kHasDossier, {business->id}).has_value();
    tx->Commit();
    if (any) {
      report.existing = true;
      return report;
    }
  }
  std::string province;
  {
    auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
    if (auto row = tx->QueryOne(kCity)) province = row->Text(0);
    tx->Commit();
  }

  // The demo walks its own clock through the past weeks, one service call at a time.
  core::ManualClock clock(now);
  Context dctx{ctx.db, clock, ctx.site, ctx.catalog_cache, ctx.data_dir};

  int n = 0;
  for (const std::string prefix : {"badinh", "hoankiem", "soct"}) {
    auto desk = person(prefix + ".motcua");
    auto head = person(prefix + ".truongphong");
    if (!desk || !head || head->principal.roles.empty()) {
      report.skipped.push_back(prefix + ": no demo officers");
      continue;
    }
    const std::string agency = desk->principal.agency;
    const std::string unit = head->principal.roles.front().unit;
    auto cal = calendar::ForAgency(ctx, agency);
    if (!cal.ok()) {
      report.skipped.push_back(prefix + ": " + cal.error().message_en);
      continue;
    }
    // The address in forms: the agency's own district and a ward of it; at a department, a ward
    // of the first inner district (Ba Đình in Hanoi), where the demo applicants live.
    std::string district, ward;
    auto first_ward = [&](const std::string& d) {
      auto tx = ctx.db.Begin(store::Database::Mode::kReadOnly);
      auto row = tx->QueryOne(kWardOf, {d});
      tx->Commit();
      return row ? row->Text(0) : std::string();
    };
    const auto* here = snap->catalog().FindAgency(cat::AgencyCode{agency});
    if (here && here->tier == cat::Tier::kDistrict) {
      district = agency;
      ward = first_ward(district);
    } else {
      for (const auto& other : snap->catalog().agencies) {
        if (other.tier != cat::Tier::kDistrict || !other.inner) continue;
        district = other.code.value;
        ward = first_ward(district);
        if (!ward.empty()) break;
      }
    }

    // Procedures online here now, handled by the demo unit, on the standard workflow, that take papers as PDF.
    std::vector<const cat::Procedure*> citizen_procs, business_procs;
    for (const auto& pl : catalog::OnlineAt(*snap, cat::AgencyCode{agency}, today)) {
      const auto* p = pl.procedure;
      if (p->workflow != cat::WorkflowKind::kStandard || p->handling_unit.value != unit) continue;
      bool pdf_ok = std::all_of(p->components.begin(), p->components.end(), [](const cat::Component& c) {
        return !c.required ||
               std::find(c.file_types.begin(), c.file_types.end(), cat::FileType::kPdf) != c.file_types.end();
      });
      if (!pdf_ok) continue;
      auto takes = [&](cat::Applicant k) {
        return std::find(p->applicants.begin(), p->applicants.end(), k) != p->applicants.end();
      };
      if (takes(cat::Applicant::kCitizen)) citizen_procs.push_back(p);
      if (takes(cat::Applicant::kBusiness)) business_procs.push_back(p);
    }
    if (citizen_procs.empty() && business_procs.empty()) {
      report.skipped.push_back(prefix + ": no procedure of unit " + unit + " online");
      continue;
    }

    int i = 0;
    for (const auto& target : Targets()) {
      ++i;
      ++n;
      // Alternate the applicants where the agency has procedures for both.
      bool as_business = (i % 2 == 0 && !business_procs.empty()) || citizen_procs.empty();
      const Person& applicant = as_business ? *business : *citizen;
      const auto& procs = as_business ? business_procs : citizen_procs;
      const cat::Procedure& proc = *procs[static_cast<size_t>(i) % procs.size()];
      const auto* wf = snap->WorkflowOf(proc);
      if (!wf) continue;
      Caller applicant_caller{&applicant.principal, "demo", "127.0.0.1"};
      std::string label = prefix + "/" + target.state + "/" + proc.code.value;

      // When each step happens: submission some working days ago (older for longer paths, and a
      // few old enough to be late), then one step every few working hours.
      int age_days = static_cast<int>(target.actions.size()) + std::array{2, 4, 7, 15}[i % 4];
      std::vector<core::Instant> at;
      for (int attempt = 0; attempt < 6; ++attempt, age_days += 7) {
        at.clear();
        auto t = cal.value()->AddWorkingTime(now - days(age_days), hours(1 + i % 3) + minutes((13 * i) % 50));
        at.push_back(t);
        for (const auto& act : target.actions) {
          t = act == "supplement" ? cal.value()->AddWorkingDays(t, 3)
                                  : cal.value()->AddWorkingTime(
                                        t, hours(2 + (i + static_cast<int>(at.size())) % 4) + minutes(17 * (i % 3)));
          at.push_back(t);
        }
        if (at.back() < now - minutes(30)) break;
      }

      clock.Set(at.front() - hours(1));
      auto draft = Create(dctx, applicant_caller, proc.code.value, agency);
      if (!draft.ok()) {
        report.skipped.push_back(label + ": " + draft.error().message_en);
        continue;
      }
      auto id = draft.value().id;
      FillContext fill{applicant.user, province, district, ward, today, i};
      auto form = FillObject(proc.form.fields, fill, json::object());
      auto saved = SaveDraft(dctx, applicant_caller, id, draft.value().version, form);
      if (!saved.ok()) {
        report.skipped.push_back(label + ": " + saved.error().message_en);
        continue;
      }
      if (target.state == "draft") {
        ++report.created;
        continue;
      }
      std::string why;
      if (!AttachPapers(dctx, applicant_caller, id, proc, why)) {
        report.skipped.push_back(label + ": papers: " + why);
        continue;
      }
      clock.Set(at.front());
      auto sub = Submit(dctx, applicant_caller, id, "demo-" + std::to_string(n));
      if (!sub.ok()) {
        std::string detail = sub.error().message_en;
        for (const auto& [k, v] : sub.error().fields) detail += " " + k + ":" + v.code;
        report.skipped.push_back(label + ": submit: " + detail);
        continue;
      }
      int version = sub.value().dossier.version;
      std::string state = sub.value().dossier.status;
      bool ok = true;
      for (size_t k = 0; k < target.actions.size() && ok; ++k) {
        const auto& name = target.actions[k];
        const auto* st = wf->Find(state);
        const auto* action = st ? st->Find(name) : nullptr;
        if (!action) {
          report.skipped.push_back(label + ": no action " + name + " in state " + state);
          ok = false;
          break;
        }
        std::optional<Person> officer;
        Caller caller = applicant_caller;
        if (!action->by.applicant) {
          officer = person(prefix + "." + OfficerSuffix(action->by.role));
          if (!officer) {
            report.skipped.push_back(label + ": no demo officer for " + name);
            ok = false;
            break;
          }
          caller = Caller{&officer->principal, "demo", "127.0.0.1"};
        }
        clock.Set(at[k + 1]);
        workflow::ActInput in;
        in.version = version;
        in.request.action = name;
        in.request.comment = CommentFor(name);
        if (action->needs_comment && in.request.comment.empty()) in.request.comment = "Đã xử lý.";
        if (action->needs_assignee) in.request.assignee = prefix + ".chuyenvien";
        if (action->needs_result_number)
          in.request.result_number = std::to_string(100 + n) + "/GP-" + (prefix == "soct" ? "SCT" : "UBND");
        if (action->needs_return_method) in.request.return_method = i % 2 ? "in_person" : "post";
        if (action->needs_new_due) in.request.new_due = cal.value()->AddWorkingDays(at[k + 1], 5);
        auto done = workflow::Act(dctx, caller, id, in);
        if (!done.ok()) {
          std::string detail = done.error().code + " " + done.error().message_en;
          for (const auto& [key, v] : done.error().fields) detail += " " + key + ":" + v.code;
          report.skipped.push_back(label + ": " + name + ": " + detail);
          ok = false;
          break;
        }
        version = done.value().version;
        state = done.value().status;
      }
      if (ok) ++report.created;
    }
  }
  // Mark what is due soon or late, as the server's sweep would.
  workflow::SweepDue(ctx, "demo");
  Log(LogLevel::kInfo, "demo dossiers", {{"created", report.created}, {"skipped", report.skipped.size()}});
  return report;
}

}  // namespace motcua::services::dossiers
