// Working-day arithmetic for an agency.
#include "services/calendar.hpp"

#include "core/calendar/vietnam_official_days.hpp"
#include "services/catalog.hpp"

namespace motcua::services::calendar {

namespace cal = core::calendar;

core::Result<std::shared_ptr<const cal::WorkingCalendar>> ForAgency(Context& ctx, const std::string& agency) {
  auto snap = catalog::Current(ctx);
  if (!snap->catalog().FindAgency(core::catalog::AgencyCode{agency})) {
    auto e = core::Error::BadRequest("Không có cơ quan này.", "No such agency.");
    e.fields["agency"] = {"unknown_value", "Không có cơ quan mã " + agency + ".", "No agency has code " + agency + "."};
    return e;
  }
  // One shared calendar until agencies can set their own hours; the holiday data is immutable.
  static const auto kStandard = std::make_shared<const cal::WorkingCalendar>(
      std::shared_ptr<const cal::HolidayCalendar>(&cal::VietnamHolidayCalendar(), [](const cal::HolidayCalendar*) {}));
  return kStandard;
}

core::Result<Due> ComputeDue(Context& ctx, const std::string& agency, core::Instant from, Unit unit, int amount) {
  auto calendar = ForAgency(ctx, agency);
  if (!calendar) return std::move(calendar).error();
  const auto& c = **calendar;
  Due d;
  d.received = c.NextWorkingInstant(from);
  d.due =
      unit == Unit::kWorkingDays ? c.AddWorkingDays(from, amount) : c.AddWorkingTime(from, std::chrono::hours(amount));
  return d;
}

std::vector<cal::Holiday> Holidays(int year) { return cal::VietnamHolidayCalendar().Holidays(year); }

}  // namespace motcua::services::calendar
