// The Vietnamese lunisolar calendar (âm lịch), computed astronomically for UTC+7, 1900–2100.
#pragma once

#include <chrono>
#include <optional>

namespace motcua::core::calendar {

// A date of the Vietnamese lunar calendar. `year` is the solar year in which its month 1 begins
// (the lunar year 2017 runs from Tết, 28/01/2017, to 15/02/2018). `leap` marks the intercalary
// month that repeats `month` (tháng nhuận).
struct LunarDate {
  int year = 0;
  unsigned month = 0;  // 1..12
  unsigned day = 0;    // 1..30
  bool leap = false;

  friend bool operator==(const LunarDate&, const LunarDate&) = default;
};

// The solar dates the calendar covers. Outside them the conversions return nothing.
inline constexpr std::chrono::year_month_day kFirstSupportedDate{std::chrono::year{1900}, std::chrono::January,
                                                                 std::chrono::day{1}};
inline constexpr std::chrono::year_month_day kLastSupportedDate{std::chrono::year{2100}, std::chrono::December,
                                                                std::chrono::day{31}};

// How the calendar is made (the rules Vietnam has used since 1968, applied to earlier years too —
// before that, Vietnam followed calendars computed for UTC+8):
// - a month begins on the civil day (UTC+7) holding the instant of a true new moon;
// - month 11 is the month holding the day of the winter solstice;
// - when 13 months lie between two months 11, the first of them (after the first month 11) holding
//   no major solar term (the Sun's longitude crossing a multiple of 30°) is the leap month and
//   takes the number of the month before it.
// Because China uses UTC+8 the two calendars sometimes differ (Tết 1985, 2007).

// The lunar date of a solar date; nothing outside [kFirstSupportedDate, kLastSupportedDate].
std::optional<LunarDate> ToLunar(std::chrono::year_month_day solar);
std::optional<LunarDate> ToLunar(std::chrono::sys_days solar);

// The solar date of a lunar date; nothing when that date does not exist (no such leap month that
// year, day 30 of a 29-day month) or is outside the supported range.
std::optional<std::chrono::year_month_day> ToSolar(const LunarDate& lunar);

// The leap month of a lunar year (1..12), or 0 when the year has none. 0 outside the range.
unsigned LeapMonth(int lunar_year);

// The number of days (29 or 30) of a lunar month; nothing when it does not exist.
std::optional<unsigned> LunarMonthLength(int lunar_year, unsigned month, bool leap = false);

// Tết: the first day of the lunar year `lunar_year`; nothing outside the supported range.
std::optional<std::chrono::year_month_day> LunarNewYear(int lunar_year);

}  // namespace motcua::core::calendar
