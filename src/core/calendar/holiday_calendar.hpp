// Public holidays in Vietnam (Labour Code 2012 / 2019) from the solar and lunar calendars, with the
// yearly decisions an admin loads (official Tết block, extra days off, swapped working days).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.hpp"

namespace motcua::core::calendar {

// Which holiday a day off belongs to.
enum class HolidayKind {
  kNewYear,      // Tết Dương lịch, 1/1
  kTet,          // Tết Âm lịch (Lunar New Year)
  kHungKings,    // Giỗ Tổ Hùng Vương, 10/3 lunar
  kVictoryDay,   // Ngày Chiến thắng, 30/4
  kLabourDay,    // Ngày Quốc tế lao động, 1/5
  kNationalDay,  // Quốc khánh, 2/9 (+ one adjacent day from 2021)
  kOther,        // a day off by an official notice (e.g. the weekday of a swap)
};

// Why the day is off.
enum class HolidayReason {
  kRule,          // the holiday itself, from the Labour Code
  kCompensatory,  // nghỉ bù: a holiday fell on a weekend (or on another holiday)
  kOverride,      // from the yearly overrides (an official notice)
};

enum class Language { kVi, kEn };

struct Holiday {
  std::chrono::year_month_day date;
  HolidayKind kind = HolidayKind::kOther;
  HolidayReason reason = HolidayReason::kRule;
  std::string name_vi;  // e.g. "Nghỉ bù Quốc khánh"
  std::string name_en;  // e.g. "National Day (compensatory day off)"

  const std::string& Name(Language lang) const { return lang == Language::kVi ? name_vi : name_en; }
};

// A day off given by an official notice. Empty names are filled from the kind.
struct DayOff {
  std::chrono::year_month_day date;
  HolidayKind kind = HolidayKind::kOther;
  std::string name_vi;
  std::string name_en;
};

// What the government (or the city) decided for one year, as an admin loads it. Dates may lie
// outside `year` (the swap for New Year 2019 moved a day off to 31/12/2018).
struct YearOverrides {
  int year = 0;
  // The official Tết days off, weekend days inside the block included. When not empty it replaces
  // the rule's Tết days and their compensatory days.
  std::vector<std::chrono::year_month_day> tet_days;
  // From 2021: the day next to 2/9 that is off this year (1/9 or 3/9). Unset: 1/9.
  std::optional<std::chrono::year_month_day> national_day_extra;
  // Extra days off, e.g. the weekday given off in a swap.
  std::vector<DayOff> days_off;
  // Days worked although they would be off, e.g. the Saturday worked in a swap.
  std::vector<std::chrono::year_month_day> working_days;
  // Rule or compensatory days that are not off this year.
  std::vector<std::chrono::year_month_day> removed_holidays;
  // The notice or decision this comes from, for people (e.g. "Thông báo 6150/TB-LĐTBXH").
  std::string source;
};

// Holidays are computed for these years; outside them no day is a holiday.
inline constexpr int kFirstHolidayYear = 1900;
inline constexpr int kLastHolidayYear = 2100;
// The Labour Code 2019 (one more day at National Day) applies from this year on.
inline constexpr int kLabourCode2019Year = 2021;

// Checks one year's overrides: valid dates, a year in range, 1/9 or 3/9 for the National Day day,
// no date both off and worked. Error code: validation_failed.
Status ValidateOverrides(const YearOverrides& overrides);

// The national calendar of days off. Immutable once made; share it (it costs ~100 KB).
// Weekly rest days are Saturday and Sunday; compensatory days follow the Labour Code: a holiday on
// a weekly rest day (or on another holiday) gives a day off on the next working day.
class HolidayCalendar {
 public:
  // The rules alone, no overrides.
  HolidayCalendar();
  // The rules plus yearly overrides; fails when one does not validate or a year comes twice.
  static Result<HolidayCalendar> Create(std::vector<YearOverrides> overrides);

  // The days off of a solar year, sorted by date: holidays (also those on a weekend),
  // compensatory days, and days off from the overrides. Weekends as such are not listed.
  std::vector<Holiday> Holidays(int year) const;
  // The day off on a date, if any.
  std::optional<Holiday> HolidayOn(std::chrono::year_month_day date) const;
  bool IsHoliday(std::chrono::year_month_day date) const { return IsHoliday(std::chrono::sys_days{date}); }
  bool IsHoliday(std::chrono::sys_days day) const;
  // A date made a working day by an override (the Saturday worked in a swap).
  bool IsExtraWorkingDay(std::chrono::year_month_day date) const {
    return IsExtraWorkingDay(std::chrono::sys_days{date});
  }
  bool IsExtraWorkingDay(std::chrono::sys_days day) const;
  // Monday–Friday and not a holiday, or an extra working day (the national civil-service week).
  bool IsWorkingDay(std::chrono::year_month_day date) const;

  const std::vector<YearOverrides>& overrides() const { return overrides_; }

 private:
  // A day off, compactly; names are made when asked for.
  struct Entry {
    std::int32_t day;  // days since 1970-01-01
    HolidayKind kind;
    HolidayReason reason;
    std::int32_t override_index;  // overrides_[override_index].days_off[day_off_index] gave it, or -1
    std::int32_t day_off_index;
  };

  explicit HolidayCalendar(std::vector<YearOverrides> overrides);
  void AddYear(int year, const YearOverrides* overrides);
  std::uint8_t Flags(std::chrono::sys_days day) const;
  Holiday ToHoliday(const Entry& entry) const;

  std::vector<YearOverrides> overrides_;
  std::vector<Entry> entries_;       // all years, sorted by day, one per day
  std::vector<std::uint8_t> flags_;  // one per day from 1900-01-01 (see .cpp)
};

// Names and stable codes (for the API: GET /api/v1/calendar/holidays?year=).
std::string_view HolidayKindName(HolidayKind kind, Language lang);
std::string_view HolidayKindCode(HolidayKind kind);        // "new_year", "tet", "hung_kings", ...
std::string_view HolidayReasonCode(HolidayReason reason);  // "rule", "compensatory", "override"

}  // namespace motcua::core::calendar
