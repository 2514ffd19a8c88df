// Deadline arithmetic on working time: office hours per weekday, holidays, UTC+7 civil days.
#include "core/calendar/working_calendar.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/common/error.hpp"
#include "core/common/time.hpp"

namespace motcua::core::calendar {
namespace {

using namespace std::chrono;

// Ten years without a single working day means the data is broken, not that the answer is far.
constexpr int kMaxDaysWithoutWork = 3660;

sys_days LocalDay(Instant t) { return floor<days>(t + kVietnamOffset); }

Instant At(sys_days day, microseconds time_of_day) {
  return Instant{duration_cast<microseconds>(day.time_since_epoch()) + time_of_day - kVietnamOffset};
}
Instant At(sys_days day, minutes time_of_day) { return At(day, microseconds{time_of_day}); }

[[noreturn]] void NoWorkingDay() { throw std::runtime_error("working calendar: no working day within ten years"); }

Status CheckPeriods(const std::vector<WorkPeriod>& periods, const std::string& which) {
  minutes previous_end{0};
  for (const WorkPeriod& p : periods) {
    if (p.begin < minutes{0} || p.end > hours{24} || p.begin >= p.end || p.begin < previous_end)
      return Error::Make(errc::kValidationFailed, "Giờ làm việc không hợp lệ (" + which + ").",
                         "Invalid office hours (" + which + ").");
    previous_end = p.end;
  }
  return Ok{};
}

}  // namespace

WeekSchedule WeekSchedule::Standard() {
  WeekSchedule s;
  const std::vector<WorkPeriod> day{{hours{8}, hours{12}}, {hours{13}, hours{17}}};
  for (weekday d : {Monday, Tuesday, Wednesday, Thursday, Friday}) s.Set(d, day);
  return s;
}

WeekSchedule& WeekSchedule::Set(weekday day, std::vector<WorkPeriod> periods) {
  days_[day.c_encoding()] = std::move(periods);
  return *this;
}

WeekSchedule& WeekSchedule::SetExtraWorkingDay(std::vector<WorkPeriod> periods) {
  extra_working_day_ = std::move(periods);
  return *this;
}

Status WeekSchedule::Validate() const {
  bool any = false;
  for (unsigned d = 0; d < 7; ++d) {
    if (Status s = CheckPeriods(days_[d], "weekday " + std::to_string(d)); !s) return s;
    any = any || !days_[d].empty();
  }
  if (Status s = CheckPeriods(extra_working_day_, "extra working day"); !s) return s;
  if (!any)
    return Error::Make(errc::kValidationFailed, "Lịch làm việc không có giờ làm việc nào trong tuần.",
                       "The schedule has no office hours in the week.");
  return Ok{};
}

WorkingCalendar::WorkingCalendar(std::shared_ptr<const HolidayCalendar> holidays, WeekSchedule schedule)
    : holidays_(std::move(holidays)), schedule_(std::move(schedule)) {
  if (holidays_ == nullptr) throw std::invalid_argument("working calendar: no holiday calendar");
  if (Status s = schedule_.Validate(); !s) throw std::invalid_argument(s.error().message_en);
}

const std::vector<WorkPeriod>& WorkingCalendar::PeriodsOn(sys_days day) const {
  static const std::vector<WorkPeriod> kNone;
  const weekday wd{day};
  if ((wd == Saturday || wd == Sunday) && holidays_->IsExtraWorkingDay(day)) return schedule_.ExtraWorkingDay();
  if (holidays_->IsHoliday(day)) return kNone;
  return schedule_.On(wd);
}

bool WorkingCalendar::IsWorkingDay(year_month_day date) const { return !PeriodsOn(date).empty(); }

bool WorkingCalendar::IsWorkingTime(Instant t) const {
  const sys_days day = LocalDay(t);
  for (const WorkPeriod& p : PeriodsOn(day))
    if (At(day, p.begin) <= t && t < At(day, p.end)) return true;
  return false;
}

Instant WorkingCalendar::NextWorkingInstant(Instant t) const {
  sys_days day = LocalDay(t);
  for (int i = 0; i <= kMaxDaysWithoutWork; ++i, day += days{1}) {
    for (const WorkPeriod& p : PeriodsOn(day))
      if (t < At(day, p.end)) return std::max(t, At(day, p.begin));
  }
  NoWorkingDay();
}

Instant WorkingCalendar::AddWorkingDays(Instant t, int n) const {
  const Instant start = NextWorkingInstant(t);
  if (n <= 0) return start;
  sys_days day = LocalDay(start);
  const microseconds time_of_day = start - At(day, microseconds{0});
  for (int counted = 0, idle = 0; counted < n;) {
    day += days{1};
    if (!PeriodsOn(day).empty()) {
      ++counted;
      idle = 0;
    } else if (++idle > kMaxDaysWithoutWork) {
      NoWorkingDay();
    }
  }
  const Instant wanted = At(day, time_of_day);
  std::optional<Instant> last_end;
  for (const WorkPeriod& p : PeriodsOn(day)) {
    if (wanted < At(day, p.begin)) return last_end ? *last_end : At(day, p.begin);
    if (wanted < At(day, p.end)) return wanted;
    last_end = At(day, p.end);
  }
  return *last_end;  // the due day is a working day, so it has at least one period
}

Instant WorkingCalendar::AddWorkingTime(Instant t, microseconds d) const {
  Instant cursor = NextWorkingInstant(t);
  if (d <= microseconds{0}) return cursor;
  sys_days day = LocalDay(cursor);
  for (int idle = 0;; day += days{1}) {
    const std::vector<WorkPeriod>& periods = PeriodsOn(day);
    if (periods.empty() && ++idle > kMaxDaysWithoutWork) NoWorkingDay();
    if (!periods.empty()) idle = 0;
    for (const WorkPeriod& p : periods) {
      const Instant begin = std::max(cursor, At(day, p.begin)), end = At(day, p.end);
      if (end <= begin) continue;
      if (d <= end - begin) return begin + d;
      d -= end - begin;
      cursor = end;
    }
  }
}

microseconds WorkingCalendar::WorkingTimeBetween(Instant a, Instant b) const {
  microseconds total{0};
  if (b <= a) return total;
  for (sys_days day = LocalDay(a), last = LocalDay(b); day <= last; day += days{1}) {
    for (const WorkPeriod& p : PeriodsOn(day)) {
      const Instant begin = std::max(a, At(day, p.begin)), end = std::min(b, At(day, p.end));
      if (begin < end) total += end - begin;
    }
  }
  return total;
}

microseconds WorkingCalendar::WorkingTimeBetween(Instant a, Instant b, std::span<const Interval> pauses) const {
  microseconds total = WorkingTimeBetween(a, b);
  if (total == microseconds{0}) return total;
  std::vector<Interval> sorted(pauses.begin(), pauses.end());
  std::sort(sorted.begin(), sorted.end(), [](const Interval& x, const Interval& y) { return x.begin < y.begin; });
  // Merge overlapping pauses, clipped to [a, b), and take away the working time inside each.
  std::optional<Interval> run;
  auto flush = [&] {
    if (run) total -= WorkingTimeBetween(run->begin, run->end);
  };
  for (const Interval& p : sorted) {
    const Instant begin = std::max(p.begin, a), end = std::min(p.end, b);
    if (end <= begin) continue;
    if (run && begin <= run->end) {
      run->end = std::max(run->end, end);
    } else {
      flush();
      run = Interval{begin, end};
    }
  }
  flush();
  return total;
}

}  // namespace motcua::core::calendar
