// Shared helpers of the calendar tests: readable printing of dates, lunar dates and instants.
#pragma once

#include <chrono>
#include <optional>
#include <ostream>
#include <string>

#include "core/calendar/lunar_calendar.hpp"
#include "core/common/time.hpp"

namespace motcua::core::calendar {

inline void PrintTo(const LunarDate& d, std::ostream* os) {
  *os << d.day << '/' << d.month << (d.leap ? " (leap)" : "") << '/' << d.year;
}

namespace testing_support {

constexpr std::chrono::year_month_day Ymd(int y, unsigned m, unsigned d) {
  return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
}

// "2017-01-28", or "none".
inline std::string Str(std::chrono::year_month_day d) { return FormatDate(d); }
inline std::string Str(const std::optional<std::chrono::year_month_day>& d) { return d ? FormatDate(*d) : "none"; }
inline std::string Str(std::chrono::sys_days d) { return FormatDate(std::chrono::year_month_day{d}); }

// A Vietnamese civil time: At(2017, 1, 24, 9, 0) is 24/01/2017 09:00 in UTC+7.
inline Instant At(int y, unsigned m, unsigned d, int hour, int minute = 0, int second = 0) {
  return LocalInstant(Ymd(y, m, d), std::chrono::hours{hour} + std::chrono::minutes{minute}) +
         std::chrono::seconds{second};
}

}  // namespace testing_support
}  // namespace motcua::core::calendar
