// Working time and deadlines: receipt normalisation, working days and hours, elapsed working time,
// pauses, agency schedules; plus properties over many random instants.
#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <stdexcept>
#include <vector>

#include "calendar_test_support.hpp"
#include "core/calendar/holiday_calendar.hpp"
#include "core/calendar/vietnam_official_days.hpp"
#include "core/calendar/working_calendar.hpp"

namespace motcua::core::calendar {
namespace {

using namespace std::chrono;
using testing_support::At;
using testing_support::Ymd;

std::shared_ptr<const HolidayCalendar> Official() {
  static const auto calendar = std::make_shared<const HolidayCalendar>(VietnamHolidayCalendar());
  return calendar;
}

// A one-stop desk that also receives on Saturday mornings.
WeekSchedule WithSaturdayMornings() { return WeekSchedule::Standard().Set(Saturday, {{hours{8}, hours{12}}}); }

class WorkingCalendarTest : public testing::Test {
 protected:
  WorkingCalendar calendar_{Official()};
};

// Printed as "2017-02-07T09:00:00+07:00" when a comparison fails.
#define EXPECT_INSTANT(actual, expected) EXPECT_EQ(FormatInstant(actual), FormatInstant(expected))

TEST_F(WorkingCalendarTest, FiveWorkingDaysAcrossTet2017) {
  // Received Tue 24/01/2017 09:00: 25/01 (1), Tết 26/01–01/02, 02/02 (2), 03/02 (3), 06/02 (4),
  // 07/02 (5): due Tue 07/02/2017 09:00.
  EXPECT_INSTANT(calendar_.AddWorkingDays(At(2017, 1, 24, 9), 5), At(2017, 2, 7, 9));
  EXPECT_INSTANT(calendar_.AddWorkingDays(At(2017, 1, 24, 9), 1), At(2017, 1, 25, 9));
  EXPECT_INSTANT(calendar_.AddWorkingDays(At(2017, 1, 24, 9), 2), At(2017, 2, 2, 9));
}

TEST_F(WorkingCalendarTest, WorkingTimeBoundaries) {
  EXPECT_FALSE(calendar_.IsWorkingTime(At(2017, 3, 6, 7, 59, 59)));  // Monday
  EXPECT_TRUE(calendar_.IsWorkingTime(At(2017, 3, 6, 8)));
  EXPECT_TRUE(calendar_.IsWorkingTime(At(2017, 3, 6, 11, 59, 59)));
  EXPECT_FALSE(calendar_.IsWorkingTime(At(2017, 3, 6, 12)));
  EXPECT_FALSE(calendar_.IsWorkingTime(At(2017, 3, 6, 12, 59, 59)));
  EXPECT_TRUE(calendar_.IsWorkingTime(At(2017, 3, 6, 13)));
  EXPECT_TRUE(calendar_.IsWorkingTime(At(2017, 3, 6, 16, 59, 59)));
  EXPECT_FALSE(calendar_.IsWorkingTime(At(2017, 3, 6, 17)));
  EXPECT_FALSE(calendar_.IsWorkingTime(At(2017, 3, 4, 10)));  // Saturday
  EXPECT_FALSE(calendar_.IsWorkingTime(At(2017, 4, 6, 10)));  // Hùng Kings
  // 10:00 in Hanoi is 03:00 UTC: the civil day is Vietnam's, not UTC's.
  EXPECT_TRUE(calendar_.IsWorkingTime(Instant{sys_days{Ymd(2017, 3, 6)} + hours{3}}));
  EXPECT_FALSE(calendar_.IsWorkingTime(Instant{sys_days{Ymd(2017, 3, 6)} + hours{10}}));  // 17:00 local
}

TEST_F(WorkingCalendarTest, ReceiptOutsideWorkingTime) {
  EXPECT_INSTANT(calendar_.NextWorkingInstant(At(2017, 3, 6, 10, 15)), At(2017, 3, 6, 10, 15));
  EXPECT_INSTANT(calendar_.NextWorkingInstant(At(2017, 3, 6, 6, 30)), At(2017, 3, 6, 8));
  EXPECT_INSTANT(calendar_.NextWorkingInstant(At(2017, 3, 6, 12)), At(2017, 3, 6, 13));  // lunch
  EXPECT_INSTANT(calendar_.NextWorkingInstant(At(2017, 3, 6, 12, 45)), At(2017, 3, 6, 13));
  EXPECT_INSTANT(calendar_.NextWorkingInstant(At(2017, 3, 6, 17)), At(2017, 3, 7, 8));  // end of day
  EXPECT_INSTANT(calendar_.NextWorkingInstant(At(2017, 3, 6, 23, 59, 59)), At(2017, 3, 7, 8));
  EXPECT_INSTANT(calendar_.NextWorkingInstant(At(2017, 3, 10, 17, 30)), At(2017, 3, 13, 8));  // Fri → Mon
  EXPECT_INSTANT(calendar_.NextWorkingInstant(At(2017, 3, 11, 9)), At(2017, 3, 13, 8));       // Saturday
  // Submitted online on the eve of Tết 2017: received when the office reopens on 02/02.
  EXPECT_INSTANT(calendar_.NextWorkingInstant(At(2017, 1, 25, 20)), At(2017, 2, 2, 8));
  // New Year 2017: Saturday 31/12/2016 to Monday 02/01/2017 off.
  EXPECT_INSTANT(calendar_.NextWorkingInstant(At(2016, 12, 30, 17, 1)), At(2017, 1, 3, 8));
}

TEST_F(WorkingCalendarTest, WorkingDaysFromOutsideWorkingTime) {
  // Received at lunch: counts from 13:00.
  EXPECT_INSTANT(calendar_.AddWorkingDays(At(2017, 3, 6, 12, 30), 1), At(2017, 3, 7, 13));
  // Received after hours on Friday: officially received Monday 08:00, so due Tuesday 08:00.
  EXPECT_INSTANT(calendar_.AddWorkingDays(At(2017, 3, 10, 18), 1), At(2017, 3, 14, 8));
  // Received at 16:59 Friday, 3 days: Wednesday 16:59.
  EXPECT_INSTANT(calendar_.AddWorkingDays(At(2017, 3, 10, 16, 59), 3), At(2017, 3, 15, 16, 59));
  // Zero days: the receipt time itself.
  EXPECT_INSTANT(calendar_.AddWorkingDays(At(2017, 3, 10, 18), 0), At(2017, 3, 13, 8));
  // 30/4 Sunday, 1/5 Monday, 2/5 compensatory: received Friday 28/04/2017 10:00, 2 days → 04/05.
  EXPECT_INSTANT(calendar_.AddWorkingDays(At(2017, 4, 28, 10), 2), At(2017, 5, 4, 10));
  // A 15-working-day construction permit received Thu 05/01/2017 14:00: 06/01 (1), 09–13/01
  // (2–6), 16–20/01 (7–11), 23–25/01 (12–14), Tết, 02/02 (15) → Thu 02/02/2017 14:00.
  EXPECT_INSTANT(calendar_.AddWorkingDays(At(2017, 1, 5, 14), 15), At(2017, 2, 2, 14));
}

TEST_F(WorkingCalendarTest, SwappedSaturdayIsAWorkingDay) {
  // 2024: Monday 29/04 off, Saturday 04/05 worked with ordinary hours.
  EXPECT_TRUE(calendar_.IsWorkingDay(Ymd(2024, 5, 4)));
  EXPECT_TRUE(calendar_.IsWorkingTime(At(2024, 5, 4, 14)));
  EXPECT_INSTANT(calendar_.AddWorkingDays(At(2024, 5, 3, 10), 1), At(2024, 5, 4, 10));
  EXPECT_INSTANT(calendar_.AddWorkingDays(At(2024, 4, 26, 10), 1), At(2024, 5, 2, 10));
  EXPECT_INSTANT(calendar_.NextWorkingInstant(At(2024, 4, 26, 17)), At(2024, 5, 2, 8));
}

TEST_F(WorkingCalendarTest, WorkingHours) {
  EXPECT_INSTANT(calendar_.AddWorkingHours(At(2017, 3, 6, 9), 8), At(2017, 3, 7, 9));
  EXPECT_INSTANT(calendar_.AddWorkingHours(At(2017, 3, 6, 11), 1), At(2017, 3, 6, 12));  // end, not 13:00
  EXPECT_INSTANT(calendar_.AddWorkingHours(At(2017, 3, 6, 11), 2), At(2017, 3, 6, 14));
  EXPECT_INSTANT(calendar_.AddWorkingHours(At(2017, 3, 10, 16), 2), At(2017, 3, 13, 9));  // over a weekend
  EXPECT_INSTANT(calendar_.AddWorkingHours(At(2017, 3, 6, 12, 30), 0), At(2017, 3, 6, 13));
  EXPECT_INSTANT(calendar_.AddWorkingHours(At(2017, 1, 25, 15), 4), At(2017, 2, 2, 10));  // over Tết
  EXPECT_INSTANT(calendar_.AddWorkingTime(At(2017, 3, 6, 8), minutes{30}), At(2017, 3, 6, 8, 30));
}

TEST_F(WorkingCalendarTest, WorkingTimeBetween) {
  EXPECT_EQ(calendar_.WorkingTimeBetween(At(2017, 3, 6, 8), At(2017, 3, 6, 17)), hours{8});
  EXPECT_EQ(calendar_.WorkingTimeBetween(At(2017, 3, 6, 0), At(2017, 3, 7, 0)), hours{8});
  EXPECT_EQ(calendar_.WorkingTimeBetween(At(2017, 3, 6, 11), At(2017, 3, 6, 14)), hours{2});
  EXPECT_EQ(calendar_.WorkingTimeBetween(At(2017, 3, 10, 16), At(2017, 3, 13, 9)), hours{2});
  EXPECT_EQ(calendar_.WorkingTimeBetween(At(2017, 3, 6, 14), At(2017, 3, 6, 11)), hours{0});
  EXPECT_EQ(calendar_.WorkingTimeBetween(At(2017, 1, 25, 8), At(2017, 2, 3, 8)), hours{16});
  // A whole week: 40 hours.
  EXPECT_EQ(calendar_.WorkingTimeBetween(At(2017, 3, 6, 0), At(2017, 3, 13, 0)), hours{40});
  // 2017 had 365 − 105 weekend days − 10 holiday weekdays (02/01, 26, 27, 30, 31/01, 01/02,
  // 06/04, 01/05, 02/05, 04/09) = 250 working days.
  EXPECT_EQ(calendar_.WorkingTimeBetween(At(2017, 1, 1, 0), At(2018, 1, 1, 0)), hours{250 * 8});
}

TEST_F(WorkingCalendarTest, WorkingTimeWithPauses) {
  const Instant a = At(2017, 3, 6, 8), b = At(2017, 3, 10, 17);  // Monday to Friday: 40 h
  EXPECT_EQ(calendar_.WorkingTimeBetween(a, b, {}), hours{40});
  // Tue 10:00 → Wed 10:00 is 8 h of working time; Wed 09:00 → 11:00 overlaps it by 1 h.
  std::vector<Interval> pauses{{At(2017, 3, 8, 9), At(2017, 3, 8, 11)}, {At(2017, 3, 7, 10), At(2017, 3, 8, 10)}};
  EXPECT_EQ(calendar_.WorkingTimeBetween(a, b, pauses), hours{31});
  // Pauses reaching outside [a, b) count only inside it; empty or reversed ones count nothing.
  pauses = {{At(2017, 3, 3, 8), At(2017, 3, 6, 9)},
            {At(2017, 3, 10, 16), At(2017, 3, 20, 8)},
            {At(2017, 3, 7, 9), At(2017, 3, 7, 9)},
            {At(2017, 3, 8, 10), At(2017, 3, 8, 9)}};
  EXPECT_EQ(calendar_.WorkingTimeBetween(a, b, pauses), hours{38});
  // A pause over the whole span leaves nothing.
  pauses = {{At(2017, 1, 1, 0), At(2018, 1, 1, 0)}};
  EXPECT_EQ(calendar_.WorkingTimeBetween(a, b, pauses), hours{0});
}

TEST(WorkingCalendarSchedule, SaturdayMorningReception) {
  WorkingCalendar desk(Official(), WithSaturdayMornings());
  EXPECT_TRUE(desk.IsWorkingDay(Ymd(2017, 3, 11)));
  EXPECT_TRUE(desk.IsWorkingTime(At(2017, 3, 11, 11)));
  EXPECT_FALSE(desk.IsWorkingTime(At(2017, 3, 11, 13)));
  EXPECT_INSTANT(desk.NextWorkingInstant(At(2017, 3, 10, 17, 30)), At(2017, 3, 11, 8));
  EXPECT_INSTANT(desk.NextWorkingInstant(At(2017, 3, 11, 12)), At(2017, 3, 13, 8));
  // Due on a Saturday after its closing time: the end of that day's work.
  EXPECT_INSTANT(desk.AddWorkingDays(At(2017, 3, 10, 14), 1), At(2017, 3, 11, 12));
  EXPECT_INSTANT(desk.AddWorkingDays(At(2017, 3, 11, 10), 1), At(2017, 3, 13, 10));
  EXPECT_EQ(desk.WorkingTimeBetween(At(2017, 3, 6, 0), At(2017, 3, 13, 0)), hours{44});
  // A holiday on a Saturday closes the desk: 2/9/2017.
  EXPECT_FALSE(desk.IsWorkingDay(Ymd(2017, 9, 2)));
  // A swapped Saturday gets a full day, not the desk's morning.
  EXPECT_TRUE(desk.IsWorkingTime(At(2024, 5, 4, 15)));
}

TEST(WorkingCalendarSchedule, OtherHoursAndValidation) {
  WeekSchedule s;
  s.Set(Monday, {{hours{7} + minutes{30}, hours{11} + minutes{30}}, {hours{13} + minutes{30}, hours{17}}});
  ASSERT_TRUE(s.Validate().ok());
  WorkingCalendar monday_only(std::make_shared<const HolidayCalendar>(), s);
  EXPECT_INSTANT(monday_only.NextWorkingInstant(At(2017, 3, 7, 9)), At(2017, 3, 13, 7, 30));
  EXPECT_INSTANT(monday_only.AddWorkingHours(At(2017, 3, 13, 11), 1), At(2017, 3, 13, 14));
  // Due on the next Monday's same time.
  EXPECT_INSTANT(monday_only.AddWorkingDays(At(2017, 3, 13, 9), 1), At(2017, 3, 20, 9));

  EXPECT_FALSE(WeekSchedule().Validate().ok());  // no hours at all
  WeekSchedule overlapping = WeekSchedule::Standard();
  overlapping.Set(Tuesday, {{hours{8}, hours{12}}, {hours{11}, hours{17}}});
  EXPECT_EQ(overlapping.Validate().error().code, "validation_failed");
  WeekSchedule reversed = WeekSchedule::Standard();
  reversed.Set(Tuesday, {{hours{12}, hours{8}}});
  EXPECT_FALSE(reversed.Validate().ok());
  WeekSchedule too_long = WeekSchedule::Standard();
  too_long.Set(Tuesday, {{hours{20}, hours{25}}});
  EXPECT_FALSE(too_long.Validate().ok());
  EXPECT_THROW(WorkingCalendar(std::make_shared<const HolidayCalendar>(), WeekSchedule()), std::invalid_argument);
  EXPECT_THROW(WorkingCalendar(nullptr), std::invalid_argument);
  // Round the clock is allowed.
  WeekSchedule always;
  for (weekday d : {Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday})
    always.Set(d, {{hours{0}, hours{24}}});
  ASSERT_TRUE(always.Validate().ok());
  WorkingCalendar open(std::make_shared<const HolidayCalendar>(), always);
  EXPECT_INSTANT(open.AddWorkingHours(At(2017, 3, 11, 23), 2), At(2017, 3, 12, 1));
}

// ---- Properties over many random instants (fixed seed: failures reproduce) ----

class Properties : public testing::TestWithParam<bool> {  // false: standard week, true: Saturday desk
 protected:
  Properties() : calendar_(Official(), GetParam() ? WithSaturdayMornings() : WeekSchedule::Standard()) {}

  // Any second of 2016–2026 (Vietnamese civil time), often on a period boundary.
  Instant RandomInstant() {
    std::uniform_int_distribution<int> day(0, 11 * 366), kind(0, 3), second(0, 86399), boundary(0, 3);
    const sys_days d = sys_days{Ymd(2016, 1, 1)} + days{day(rng_)};
    static constexpr int kBoundaries[] = {8 * 3600, 12 * 3600, 13 * 3600, 17 * 3600};
    int s = kind(rng_) == 0 ? kBoundaries[boundary(rng_)] : second(rng_);
    return LocalInstant(year_month_day{d}) + seconds{s};
  }
  int RandomInt(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  // Working time, or the end of a working period.
  bool WorkingOrPeriodEnd(Instant t) const {
    return calendar_.IsWorkingTime(t) || calendar_.IsWorkingTime(t - microseconds{1});
  }

  std::mt19937_64 rng_{20170119};
  WorkingCalendar calendar_;
};

TEST_P(Properties, NextWorkingInstant) {
  for (int i = 0; i < 1000; ++i) {
    const Instant t = RandomInstant();
    const Instant s = calendar_.NextWorkingInstant(t);
    ASSERT_GE(s, t);
    ASSERT_TRUE(calendar_.IsWorkingTime(s)) << FormatInstant(t);
    ASSERT_EQ(calendar_.NextWorkingInstant(s), s);
    ASSERT_EQ(calendar_.WorkingTimeBetween(t, s), microseconds{0});
    if (calendar_.IsWorkingTime(t)) {
      ASSERT_EQ(s, t);
    }
  }
}

TEST_P(Properties, AddWorkingHoursIsInverseOfWorkingTimeBetween) {
  for (int i = 0; i < 600; ++i) {
    const Instant t = RandomInstant();
    const int n = RandomInt(0, 120);
    const Instant due = calendar_.AddWorkingHours(t, n);
    ASSERT_EQ(calendar_.WorkingTimeBetween(calendar_.NextWorkingInstant(t), due), hours{n})
        << FormatInstant(t) << " + " << n << "h";
    ASSERT_EQ(calendar_.WorkingTimeBetween(t, due), hours{n});
    ASSERT_TRUE(WorkingOrPeriodEnd(due));
    // And no earlier instant would do.
    if (n > 0) {
      ASSERT_LT(calendar_.WorkingTimeBetween(t, due - microseconds{1}), hours{n});
    }
    // Splitting the hours gives the same due time when the split point is working time.
    const int a = RandomInt(0, n);
    const Instant mid = calendar_.AddWorkingHours(t, a);
    if (calendar_.IsWorkingTime(mid)) {
      ASSERT_EQ(calendar_.AddWorkingHours(mid, n - a), due);
    }
  }
}

TEST_P(Properties, AddWorkingDays) {
  for (int i = 0; i < 600; ++i) {
    const Instant t = RandomInstant();
    const int a = RandomInt(0, 25), b = RandomInt(0, 25);
    const Instant due = calendar_.AddWorkingDays(t, a);
    ASSERT_TRUE(WorkingOrPeriodEnd(due)) << FormatInstant(t) << " + " << a;
    ASSERT_GE(due, calendar_.NextWorkingInstant(t));
    // Exactly `a` working days after the day of receipt, that day included, the receipt day not.
    const Instant s = calendar_.NextWorkingInstant(t);
    int counted = 0;
    for (sys_days d = sys_days{LocalDate(s)} + days{1}; d <= sys_days{LocalDate(due)}; d += days{1})
      counted += calendar_.IsWorkingDay(year_month_day{d}) ? 1 : 0;
    ASSERT_EQ(counted, a) << FormatInstant(t);
    // Associativity holds when the time of day is open on every working day: always with the
    // standard week, and for mornings with the Saturday desk.
    const bool morning = LocalInstant(LocalDate(s), hours{12}) > s;
    if (!GetParam() || morning) {
      ASSERT_EQ(calendar_.AddWorkingDays(t, a + b), calendar_.AddWorkingDays(due, b))
          << FormatInstant(t) << " + " << a << " + " << b;
    }
    // Monotone in n and in t.
    ASSERT_LE(due, calendar_.AddWorkingDays(t, a + b));
    const Instant later = t + seconds{RandomInt(0, 3 * 86400)};
    ASSERT_LE(due, calendar_.AddWorkingDays(later, a)) << FormatInstant(t) << " / " << FormatInstant(later);
  }
}

TEST_P(Properties, WorkingTimeIsAdditive) {
  for (int i = 0; i < 600; ++i) {
    // Three instants within 40 days (long spans are covered by the whole-year test above).
    const Instant x = RandomInstant();
    Instant y = x + seconds{RandomInt(0, 40 * 86400)}, z = x + seconds{RandomInt(0, 40 * 86400)};
    if (y > z) std::swap(y, z);
    ASSERT_EQ(calendar_.WorkingTimeBetween(x, z),
              calendar_.WorkingTimeBetween(x, y) + calendar_.WorkingTimeBetween(y, z));
    // A pause [y, z) takes exactly its own working time away.
    const std::vector<Interval> pause{{y, z}};
    ASSERT_EQ(calendar_.WorkingTimeBetween(x, z, pause), calendar_.WorkingTimeBetween(x, y));
  }
}

INSTANTIATE_TEST_SUITE_P(Schedules, Properties, testing::Values(false, true),
                         [](const testing::TestParamInfo<bool>& info) {
                           return info.param ? std::string("SaturdayDesk") : std::string("StandardWeek");
                         });

}  // namespace
}  // namespace motcua::core::calendar
