// Working time of an agency: its week of office hours minus the days off, and deadline arithmetic on
// instants (receipt time, due time in working days or hours, working time elapsed).
#pragma once

#include <array>
#include <chrono>
#include <memory>
#include <span>
#include <vector>

#include "core/calendar/holiday_calendar.hpp"
#include "core/common/clock.hpp"
#include "core/common/result.hpp"

namespace motcua::core::calendar {

// Office hours within a day, Vietnamese civil time: [begin, end), minutes since midnight.
struct WorkPeriod {
  std::chrono::minutes begin;
  std::chrono::minutes end;

  friend bool operator==(const WorkPeriod&, const WorkPeriod&) = default;
};

// A half-open interval of time [begin, end), e.g. a pause of the clock.
struct Interval {
  Instant begin;
  Instant end;
};

// The office hours of each day of the week, and of a weekend day made a working day by a swap.
class WeekSchedule {
 public:
  // No hours at all (fill it with Set).
  WeekSchedule() = default;
  // Monday–Friday 08:00–12:00 and 13:00–17:00 (the civil service's hours in Hanoi).
  static WeekSchedule Standard();

  WeekSchedule& Set(std::chrono::weekday day, std::vector<WorkPeriod> periods);
  const std::vector<WorkPeriod>& On(std::chrono::weekday day) const { return days_[day.c_encoding()]; }
  // Hours on a Saturday or Sunday that the holiday calendar makes a working day (a swap): by
  // default those of a standard weekday, whatever the agency's own weekend hours.
  WeekSchedule& SetExtraWorkingDay(std::vector<WorkPeriod> periods);
  const std::vector<WorkPeriod>& ExtraWorkingDay() const { return extra_working_day_; }

  // Periods sorted, non-empty, not overlapping, within the day; at least one period in the week.
  Status Validate() const;

 private:
  std::array<std::vector<WorkPeriod>, 7> days_;  // by weekday::c_encoding(): 0 is Sunday
  std::vector<WorkPeriod> extra_working_day_{{std::chrono::hours{8}, std::chrono::hours{12}},
                                             {std::chrono::hours{13}, std::chrono::hours{17}}};
};

// An agency's working calendar: a holiday calendar (shared) and a week of office hours. All
// instants are UTC time points; days and hours are read in Vietnamese civil time (UTC+7).
//
// A day is a working day when it is not a holiday and the schedule has hours on its weekday, or
// when the holiday calendar makes it an extra working day (then ExtraWorkingDay() hours apply).
// Working time is the union of the day's periods, each half-open: at 12:00 sharp the morning is
// over, at 13:00 sharp the afternoon has begun.
class WorkingCalendar {
 public:
  // Throws std::invalid_argument when the schedule does not validate (check it first with
  // WeekSchedule::Validate when it comes from users) or `holidays` is null.
  explicit WorkingCalendar(std::shared_ptr<const HolidayCalendar> holidays,
                           WeekSchedule schedule = WeekSchedule::Standard());

  const HolidayCalendar& holidays() const { return *holidays_; }
  const WeekSchedule& schedule() const { return schedule_; }

  bool IsWorkingDay(std::chrono::year_month_day date) const;
  // The office hours of a date; empty when it is not a working day.
  const std::vector<WorkPeriod>& PeriodsOn(std::chrono::year_month_day date) const {
    return PeriodsOn(std::chrono::sys_days{date});
  }
  const std::vector<WorkPeriod>& PeriodsOn(std::chrono::sys_days day) const;

  bool IsWorkingTime(Instant t) const;

  // `t` itself when it is working time, else the start of the next working period. This is the
  // official receipt time of a dossier submitted online outside office hours.
  Instant NextWorkingInstant(Instant t) const;

  // The due time of something received at `t` with `n` working days (n >= 0):
  //  1. normalise: s = NextWorkingInstant(t) (received at lunch → 13:00; after 17:00 → the next
  //     working morning);
  //  2. the day of receipt does not count: the due day is the n-th working day after s's day;
  //  3. the due time is s's time of day on the due day; if the due day has no office hours at that
  //     time, the latest end of a period before it (so never after the day's end of work), or the
  //     day's first opening if that time is before it.
  // So a 5-working-day dossier received Tue 24/01/2017 09:00 is due Tue 07/02/2017 09:00 (Tết
  // 26/01–01/02 skipped). n = 0 gives s. The result is working time or the end of a period; with
  // the same hours on every working day, AddWorkingDays(t, a + b) equals
  // AddWorkingDays(AddWorkingDays(t, a), b).
  Instant AddWorkingDays(Instant t, int n) const;

  // The instant at which `d` of working time has elapsed since NextWorkingInstant(t) (d >= 0).
  // When that happens exactly at the end of a period, the end is returned (12:00, not 13:00).
  Instant AddWorkingTime(Instant t, std::chrono::microseconds d) const;
  Instant AddWorkingHours(Instant t, int n) const { return AddWorkingTime(t, std::chrono::hours{n}); }

  // Working time within [a, b); zero when b <= a.
  std::chrono::microseconds WorkingTimeBetween(Instant a, Instant b) const;
  // The same, less the working time inside the pauses (they may overlap or reach outside [a, b)).
  std::chrono::microseconds WorkingTimeBetween(Instant a, Instant b, std::span<const Interval> pauses) const;

 private:
  std::shared_ptr<const HolidayCalendar> holidays_;
  WeekSchedule schedule_;
};

}  // namespace motcua::core::calendar
