// The official yearly decisions on days off for the civil service, as ready-made overrides.
#pragma once

#include <vector>

#include "core/calendar/holiday_calendar.hpp"

namespace motcua::core::calendar {

// The years whose official notices were checked (see the .cpp for what each year holds). Admins
// load later years (and may replace these) from the database; a year missing here follows the rules.
const std::vector<YearOverrides>& VietnamOfficialDays();

// A HolidayCalendar with VietnamOfficialDays() loaded.
const HolidayCalendar& VietnamHolidayCalendar();

}  // namespace motcua::core::calendar
