// Calendar use cases: the working-day arithmetic of an agency, open to anyone who wants to check it.
#pragma once

#include <string>
#include <vector>

#include "core/calendar/holiday_calendar.hpp"
#include "core/calendar/working_calendar.hpp"
#include "core/common/result.hpp"
#include "services/context.hpp"

namespace motcua::services::calendar {

// The working calendar of an agency (national holidays and official days, standard office hours;
// per-agency hours come with the agency settings). `agency` must be in the catalog.
core::Result<std::shared_ptr<const core::calendar::WorkingCalendar>> ForAgency(Context& ctx, const std::string& agency);

struct Due {
  core::Instant received;  // the official receipt: the next working instant at or after `from`
  core::Instant due;
};
enum class Unit { kWorkingDays, kWorkingHours };
core::Result<Due> ComputeDue(Context& ctx, const std::string& agency, core::Instant from, Unit unit, int amount);

// The days off of a year (1900–2100).
std::vector<core::calendar::Holiday> Holidays(int year);

}  // namespace motcua::services::calendar
