// The standard slips of the one-stop rules as PDF (domain.md §3, "The slips"): form 01 (receipt and
// appointment, with a QR code of the public lookup), 02 (supplement request), 03 (refusal), 04
// (apology and new date) from what a slip froze when it was issued, and form 05 (the process-control
// sheet). A4 portrait, Vietnamese (they are official papers), laid out by pango on cairo's PDF
// surface in Liberation Serif (Times New Roman's metrics, as Decree 30/2020 asks of official papers;
// DejaVu Serif as fallback) so stacked diacritics render right. Pure: no database, no clock.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/catalog/model.hpp"

namespace motcua::services::slips {

struct Letterhead {
  std::string city_name;   // "Thành phố Hà Nội": the governing body above the agency, the date line's place
  std::string public_url;  // the lookup address printed and encoded in form 01's QR code
  // The body the agency answers to, as its letterhead's first line ("Quận Ba Đình" for a ward of it);
  // empty: the city.
  std::string governing = {};
};

// `form` is form_01 … form_04, `content` what SlipContent froze, `issued_at` an ISO instant.
// Throws std::invalid_argument for an unknown form.
std::string RenderSlip(const std::string& form, const nlohmann::json& content, const std::string& issued_at,
                       const Letterhead& head);

struct SheetHeading {
  std::string agency_name, code, procedure, applicant, phone, received_at, due_at;
};
struct SheetRow {
  std::string action_label, unit, giver, receiver, handed_at, done_at, timing, note;
};
// Form 05: one table row per hand-over.
std::string RenderControlSheet(const SheetHeading& heading, const std::vector<SheetRow>& rows, const Letterhead& head);

// The paper form (tờ khai) of a procedure for those who apply at the desk or by post: generated
// from the same form schema as the online form — one definition, never two — with a dotted line or
// boxes for each field, tables for repeating groups, the papers to attach, the declaration and the
// signature. Vietnamese, A4.
std::string RenderBlankForm(const core::catalog::Procedure& procedure, const Letterhead& head);

// "hh giờ mm phút, ngày dd/mm/yyyy" of an ISO instant in Hanoi time ("" when empty or malformed).
std::string HourAndDate(const std::string& iso);
// "ngày dd tháng mm năm yyyy".
std::string LongDate(const std::string& iso);
// 1500000 → "1.500.000".
std::string GroupThousands(long long amount);

}  // namespace motcua::services::slips
