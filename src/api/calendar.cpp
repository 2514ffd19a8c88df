// /api/v1/calendar/due and /api/v1/calendar/holidays: anyone can check the deadline arithmetic.
#include "api/calendar.hpp"

#include <nlohmann/json.hpp>

#include "api/params.hpp"
#include "core/common/time.hpp"
#include "services/calendar.hpp"

namespace motcua::api {

namespace cal = core::calendar;
using nlohmann::json;

http::Response CalendarDue(services::Context& ctx, http::Request& req) {
  Params params(req);
  auto agency = params.Text("agency", 40);
  if (!agency) params.Invalid("agency", "Cần mã cơ quan.", "The agency code is required.");
  auto from_text = params.Text("from", 40);
  std::optional<core::Instant> from;
  if (!from_text) {
    params.Invalid("from", "Cần thời điểm bắt đầu (ISO 8601, ví dụ 2017-01-24T09:00:00+07:00).",
                   "The start instant is required (ISO 8601, e.g. 2017-01-24T09:00:00+07:00).");
  } else if (!(from = core::ParseInstant(*from_text))) {
    params.Invalid("from", "Thời điểm phải theo ISO 8601 có múi giờ, ví dụ 2017-01-24T09:00:00+07:00.",
                   "The instant must be ISO 8601 with an offset, e.g. 2017-01-24T09:00:00+07:00.");
  } else if (core::LocalDate(*from).year() < std::chrono::year{1901} ||
             core::LocalDate(*from).year() > std::chrono::year{2099}) {
    params.Invalid("from", "Năm phải từ 1901 đến 2099.", "The year must be from 1901 to 2099.");
  }
  auto days = params.Int("working_days", 0, 3650);
  auto hours = params.Int("working_hours", 0, 24 * 365);
  if (days.has_value() == hours.has_value() && params.ok())
    params.Invalid("working_days", "Cần đúng một trong hai: working_days hoặc working_hours.",
                   "Give exactly one of working_days or working_hours.");
  if (!params.ok()) return http::Response::FromError(params.error());
  auto due = services::calendar::ComputeDue(
      ctx, *agency, *from, days ? services::calendar::Unit::kWorkingDays : services::calendar::Unit::kWorkingHours,
      days ? *days : *hours);
  if (!due) return http::Response::FromError(due.error());
  return http::Response::Json(200, {{"agency", *agency},
                                    {"from", core::FormatInstant(*from)},
                                    {"received", core::FormatInstant(due->received)},
                                    {"due", core::FormatInstant(due->due)}});
}

http::Response CalendarHolidays(services::Context& ctx, http::Request& req) {
  Params params(req);
  auto year = params.Int("year", cal::kFirstHolidayYear, cal::kLastHolidayYear);
  if (!params.ok()) return http::Response::FromError(params.error());
  int y = year.value_or(int(core::LocalDate(ctx.clock.Now()).year()));
  json items = json::array();
  for (const auto& h : services::calendar::Holidays(y))
    items.push_back({{"date", core::FormatDate(h.date)},
                     {"kind", cal::HolidayKindCode(h.kind)},
                     {"reason", cal::HolidayReasonCode(h.reason)},
                     {"name", h.name_vi},
                     {"name_en", h.name_en}});
  return http::Response::Json(200, {{"year", y}, {"items", items}});
}

}  // namespace motcua::api
