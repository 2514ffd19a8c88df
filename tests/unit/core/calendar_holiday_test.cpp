// Holidays: the Labour Code rules (2012 and 2019), compensatory days, yearly overrides, names.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "calendar_test_support.hpp"
#include "core/calendar/holiday_calendar.hpp"
#include "core/calendar/lunar_calendar.hpp"
#include "core/calendar/vietnam_official_days.hpp"

namespace motcua::core::calendar {
namespace {

using namespace std::chrono;
using testing_support::Str;
using testing_support::Ymd;

// "2017-01-02 new_year compensatory", one per day off.
std::vector<std::string> Describe(const std::vector<Holiday>& holidays) {
  std::vector<std::string> out;
  for (const Holiday& h : holidays)
    out.push_back(Str(h.date) + " " + std::string(HolidayKindCode(h.kind)) + " " +
                  std::string(HolidayReasonCode(h.reason)));
  return out;
}

std::vector<std::string> Describe(const HolidayCalendar& calendar, int year) {
  return Describe(calendar.Holidays(year));
}

bool IsWeekend(year_month_day d) {
  weekday w{sys_days{d}};
  return w == Saturday || w == Sunday;
}

TEST(HolidayCalendar, Official2017) {
  const HolidayCalendar& calendar = VietnamHolidayCalendar();
  EXPECT_EQ(Describe(calendar, 2017), (std::vector<std::string>{
                                          "2017-01-01 new_year rule",
                                          "2017-01-02 new_year compensatory",
                                          "2017-01-26 tet override",
                                          "2017-01-27 tet override",
                                          "2017-01-28 tet override",
                                          "2017-01-29 tet override",
                                          "2017-01-30 tet override",
                                          "2017-01-31 tet override",
                                          "2017-02-01 tet override",
                                          "2017-04-06 hung_kings rule",
                                          "2017-04-30 victory_day rule",
                                          "2017-05-01 labour_day rule",
                                          "2017-05-02 victory_day compensatory",
                                          "2017-09-02 national_day rule",
                                          "2017-09-04 national_day compensatory",
                                      }));
  // Off 31/12/2016 (a Saturday) to 02/01/2017; back on Tuesday 03/01.
  EXPECT_TRUE(calendar.IsWorkingDay(Ymd(2016, 12, 30)));
  EXPECT_FALSE(calendar.IsWorkingDay(Ymd(2016, 12, 31)));
  EXPECT_FALSE(calendar.IsHoliday(Ymd(2016, 12, 31)));  // a weekend, not a holiday
  EXPECT_FALSE(calendar.IsWorkingDay(Ymd(2017, 1, 1)));
  EXPECT_FALSE(calendar.IsWorkingDay(Ymd(2017, 1, 2)));
  EXPECT_TRUE(calendar.IsWorkingDay(Ymd(2017, 1, 3)));
  // Tết 26/01–01/02: Wednesday 25/01 and Thursday 02/02 are worked, no Saturday is.
  EXPECT_TRUE(calendar.IsWorkingDay(Ymd(2017, 1, 25)));
  for (int d = 26; d <= 31; ++d) EXPECT_FALSE(calendar.IsWorkingDay(Ymd(2017, 1, d))) << d;
  EXPECT_FALSE(calendar.IsWorkingDay(Ymd(2017, 2, 1)));
  EXPECT_TRUE(calendar.IsWorkingDay(Ymd(2017, 2, 2)));
  EXPECT_FALSE(calendar.IsWorkingDay(Ymd(2017, 2, 4)));
  EXPECT_FALSE(calendar.IsExtraWorkingDay(Ymd(2017, 2, 4)));
  // 30/4 on a Sunday and 1/5 on a Monday: Tuesday 02/05 off too. 2/9 on a Saturday: Monday 04/09.
  EXPECT_FALSE(calendar.IsWorkingDay(Ymd(2017, 5, 2)));
  EXPECT_TRUE(calendar.IsWorkingDay(Ymd(2017, 5, 3)));
  EXPECT_FALSE(calendar.IsWorkingDay(Ymd(2017, 9, 4)));
  EXPECT_TRUE(calendar.IsWorkingDay(Ymd(2017, 9, 1)));
  EXPECT_TRUE(calendar.IsWorkingDay(Ymd(2017, 9, 5)));
}

TEST(HolidayCalendar, TheRuleAloneIn2017GivesADifferentTet) {
  // Last day of the old year (27/01) and the first four of the new (28–31/01); 28 and 29 are a
  // weekend, compensated on 01/02 and 02/02. The official 2017 block started a day earlier.
  HolidayCalendar rules;
  std::vector<std::string> tet;
  for (const std::string& s : Describe(rules, 2017))
    if (s.find(" tet ") != std::string::npos) tet.push_back(s);
  EXPECT_EQ(tet, (std::vector<std::string>{
                     "2017-01-27 tet rule",
                     "2017-01-28 tet rule",
                     "2017-01-29 tet rule",
                     "2017-01-30 tet rule",
                     "2017-01-31 tet rule",
                     "2017-02-01 tet compensatory",
                     "2017-02-02 tet compensatory",
                 }));
  EXPECT_TRUE(rules.IsWorkingDay(Ymd(2017, 1, 26)));
}

TEST(HolidayCalendar, Rules2018) {
  HolidayCalendar rules;
  EXPECT_EQ(Describe(rules, 2018), (std::vector<std::string>{
                                       "2018-01-01 new_year rule",
                                       "2018-02-15 tet rule",  // 30 tháng Chạp
                                       "2018-02-16 tet rule",  // Tết, a Friday
                                       "2018-02-17 tet rule",
                                       "2018-02-18 tet rule",
                                       "2018-02-19 tet rule",
                                       "2018-02-20 tet compensatory",
                                       "2018-02-21 tet compensatory",
                                       "2018-04-25 hung_kings rule",
                                       "2018-04-30 victory_day rule",
                                       "2018-05-01 labour_day rule",
                                       "2018-09-02 national_day rule",  // a Sunday
                                       "2018-09-03 national_day compensatory",
                                   }));
}

TEST(HolidayCalendar, HungKingsOnASunday2019) {
  HolidayCalendar rules;
  EXPECT_EQ(Str(rules.HolidayOn(Ymd(2019, 4, 14))->date), "2019-04-14");
  const std::optional<Holiday> monday = rules.HolidayOn(Ymd(2019, 4, 15));
  ASSERT_TRUE(monday.has_value());
  EXPECT_EQ(monday->kind, HolidayKind::kHungKings);
  EXPECT_EQ(monday->reason, HolidayReason::kCompensatory);
  EXPECT_EQ(monday->name_vi, "Nghỉ bù Giỗ Tổ Hùng Vương");
  EXPECT_EQ(monday->name_en, "Hùng Kings' Commemoration Day (compensatory day off)");
}

TEST(HolidayCalendar, NationalDayBeforeAndFrom2021) {
  HolidayCalendar rules;
  auto national = [&](int year) {
    std::vector<std::string> out;
    for (const std::string& s : Describe(rules, year))
      if (s.find("national_day") != std::string::npos) out.push_back(s);
    return out;
  };
  // Labour Code 2012: one day.
  EXPECT_EQ(national(2020), (std::vector<std::string>{"2020-09-02 national_day rule"}));
  // Labour Code 2019: 2/9 and, by default, the day before.
  EXPECT_EQ(national(2022), (std::vector<std::string>{"2022-09-01 national_day rule", "2022-09-02 national_day rule"}));
  // 2023: 1/9 Friday, 2/9 Saturday → Monday 4/9.
  EXPECT_EQ(national(2023), (std::vector<std::string>{"2023-09-01 national_day rule", "2023-09-02 national_day rule",
                                                      "2023-09-04 national_day compensatory"}));
  // 2024 by the rule: 1/9 is a Sunday, 2/9 a Monday, so the compensatory day is Tuesday 3/9.
  EXPECT_EQ(national(2024), (std::vector<std::string>{"2024-09-01 national_day rule", "2024-09-02 national_day rule",
                                                      "2024-09-03 national_day compensatory"}));
}

TEST(HolidayCalendar, HolidaysRunningIntoEachOther) {
  HolidayCalendar rules;
  // 2022: 30/4 Saturday and 1/5 Sunday → Monday 2/5 and Tuesday 3/5.
  EXPECT_EQ(Str(rules.HolidayOn(Ymd(2022, 5, 2))->date), "2022-05-02");
  EXPECT_EQ(rules.HolidayOn(Ymd(2022, 5, 2))->kind, HolidayKind::kVictoryDay);
  EXPECT_EQ(rules.HolidayOn(Ymd(2022, 5, 3))->kind, HolidayKind::kLabourDay);
  EXPECT_TRUE(rules.IsWorkingDay(Ymd(2022, 5, 4)));
  // 2023: Hùng Kings Saturday 29/4, 30/4 Sunday, 1/5 Monday → off 29/4–3/5.
  for (int d : {29, 30}) EXPECT_FALSE(rules.IsWorkingDay(Ymd(2023, 4, d)));
  for (int d : {1, 2, 3}) EXPECT_FALSE(rules.IsWorkingDay(Ymd(2023, 5, d)));
  EXPECT_EQ(rules.HolidayOn(Ymd(2023, 5, 2))->kind, HolidayKind::kHungKings);
  EXPECT_EQ(rules.HolidayOn(Ymd(2023, 5, 3))->kind, HolidayKind::kVictoryDay);
  EXPECT_TRUE(rules.IsWorkingDay(Ymd(2023, 5, 4)));
}

TEST(HolidayCalendar, Official2024WithASwap) {
  const HolidayCalendar& calendar = VietnamHolidayCalendar();
  EXPECT_EQ(Describe(calendar, 2024), (std::vector<std::string>{
                                          "2024-01-01 new_year rule",
                                          "2024-02-08 tet override",
                                          "2024-02-09 tet override",
                                          "2024-02-10 tet override",
                                          "2024-02-11 tet override",
                                          "2024-02-12 tet override",
                                          "2024-02-13 tet override",
                                          "2024-02-14 tet override",
                                          "2024-04-18 hung_kings rule",
                                          "2024-04-29 other override",
                                          "2024-04-30 victory_day rule",
                                          "2024-05-01 labour_day rule",
                                          "2024-09-02 national_day rule",
                                          "2024-09-03 national_day rule",
                                      }));
  // The Saturday worked in exchange for Monday 29/04.
  EXPECT_TRUE(calendar.IsExtraWorkingDay(Ymd(2024, 5, 4)));
  EXPECT_TRUE(calendar.IsWorkingDay(Ymd(2024, 5, 4)));
  EXPECT_FALSE(calendar.IsWorkingDay(Ymd(2024, 5, 5)));
  EXPECT_FALSE(calendar.IsWorkingDay(Ymd(2024, 4, 29)));
  EXPECT_EQ(calendar.HolidayOn(Ymd(2024, 4, 29))->name_en, "Swapped day off (Saturday 04/05/2024 is worked)");
  EXPECT_TRUE(calendar.IsWorkingDay(Ymd(2024, 2, 7)));
  EXPECT_TRUE(calendar.IsWorkingDay(Ymd(2024, 2, 15)));
}

TEST(HolidayCalendar, OverridesAcrossTheYearBoundaryAndRemovals) {
  // The shape of a New Year swap: Monday 31/12 of the year before off, a January Saturday worked.
  YearOverrides o;
  o.year = 2019;
  o.days_off.push_back(DayOff{Ymd(2018, 12, 31), HolidayKind::kNewYear, "", ""});
  o.working_days.push_back(Ymd(2019, 1, 5));
  o.removed_holidays.push_back(Ymd(2019, 9, 2));  // made up, to see a removal
  Result<HolidayCalendar> made = HolidayCalendar::Create({o});
  ASSERT_TRUE(made.ok()) << made.error().message_en;
  const HolidayCalendar& calendar = *made;
  EXPECT_EQ(Describe(calendar.Holidays(2018)).back(), "2018-12-31 new_year override");
  EXPECT_EQ(calendar.HolidayOn(Ymd(2018, 12, 31))->name_vi, "Tết Dương lịch");
  EXPECT_TRUE(calendar.IsWorkingDay(Ymd(2019, 1, 5)));
  EXPECT_FALSE(calendar.IsWorkingDay(Ymd(2019, 1, 6)));
  EXPECT_TRUE(calendar.IsWorkingDay(Ymd(2019, 9, 2)));
  EXPECT_FALSE(calendar.IsHoliday(Ymd(2019, 9, 2)));
  // The default calendar is untouched.
  EXPECT_TRUE(HolidayCalendar().IsWorkingDay(Ymd(2018, 12, 31)));
}

TEST(HolidayCalendar, WorkingDayOverrideCancelsAHoliday) {
  YearOverrides o;
  o.year = 2018;
  o.working_days.push_back(Ymd(2018, 4, 25));  // Hùng Kings, a Wednesday
  Result<HolidayCalendar> made = HolidayCalendar::Create({o});
  ASSERT_TRUE(made.ok());
  EXPECT_TRUE(made->IsWorkingDay(Ymd(2018, 4, 25)));
  EXPECT_FALSE(made->HolidayOn(Ymd(2018, 4, 25)).has_value());
}

TEST(HolidayCalendar, NationalDayExtraOverride) {
  YearOverrides o;
  o.year = 2021;
  o.national_day_extra = Ymd(2021, 9, 3);
  Result<HolidayCalendar> made = HolidayCalendar::Create({o});
  ASSERT_TRUE(made.ok());
  EXPECT_TRUE(made->IsWorkingDay(Ymd(2021, 9, 1)));
  EXPECT_FALSE(made->IsWorkingDay(Ymd(2021, 9, 2)));
  EXPECT_FALSE(made->IsWorkingDay(Ymd(2021, 9, 3)));
}

TEST(HolidayCalendar, ValidationOfOverrides) {
  auto error_of = [](YearOverrides o) {
    Result<HolidayCalendar> made = HolidayCalendar::Create({std::move(o)});
    return made.ok() ? std::string("ok") : made.error().code;
  };
  YearOverrides o;
  o.year = 2030;
  EXPECT_EQ(error_of(o), "ok");
  o.year = 2101;
  EXPECT_EQ(error_of(o), "validation_failed");
  o.year = 2030;
  o.days_off.push_back(DayOff{year{2030} / February / day{30}, HolidayKind::kOther, "", ""});
  EXPECT_EQ(error_of(o), "validation_failed");
  o.days_off = {DayOff{Ymd(2030, 4, 29), HolidayKind::kOther, "", ""}};
  o.working_days = {Ymd(2030, 4, 29)};
  EXPECT_EQ(error_of(o), "validation_failed");  // off and worked
  o.working_days = {Ymd(2030, 5, 4)};
  EXPECT_EQ(error_of(o), "ok");
  o.national_day_extra = Ymd(2030, 9, 4);
  EXPECT_EQ(error_of(o), "validation_failed");
  o.national_day_extra = Ymd(2030, 9, 3);
  EXPECT_EQ(error_of(o), "ok");
  YearOverrides old;
  old.year = 2019;
  old.national_day_extra = Ymd(2019, 9, 3);  // one day only before 2021
  EXPECT_EQ(error_of(old), "validation_failed");
  // A year given twice.
  YearOverrides a, b;
  a.year = b.year = 2030;
  EXPECT_FALSE(HolidayCalendar::Create({a, b}).ok());
  EXPECT_TRUE(ValidateOverrides(a).ok());
  // Errors speak both languages.
  Status bad = ValidateOverrides(old);
  ASSERT_FALSE(bad.ok());
  EXPECT_FALSE(bad.error().message.empty());
  EXPECT_FALSE(bad.error().message_en.empty());
}

TEST(HolidayCalendar, NamesAndCodes) {
  EXPECT_EQ(HolidayKindName(HolidayKind::kTet, Language::kVi), "Tết Âm lịch");
  EXPECT_EQ(HolidayKindName(HolidayKind::kTet, Language::kEn), "Lunar New Year (Tết)");
  EXPECT_EQ(HolidayKindName(HolidayKind::kNationalDay, Language::kVi), "Quốc khánh");
  EXPECT_EQ(HolidayKindName(HolidayKind::kOther, Language::kEn), "Day off by official notice");
  EXPECT_EQ(HolidayKindCode(HolidayKind::kHungKings), "hung_kings");
  EXPECT_EQ(HolidayReasonCode(HolidayReason::kCompensatory), "compensatory");
  const std::optional<Holiday> h = VietnamHolidayCalendar().HolidayOn(Ymd(2017, 9, 4));
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->Name(Language::kVi), "Nghỉ bù Quốc khánh");
  EXPECT_EQ(h->Name(Language::kEn), "National Day (compensatory day off)");
  // Every kind has names in both languages and a code.
  for (HolidayKind k : {HolidayKind::kNewYear, HolidayKind::kTet, HolidayKind::kHungKings, HolidayKind::kVictoryDay,
                        HolidayKind::kLabourDay, HolidayKind::kNationalDay, HolidayKind::kOther}) {
    EXPECT_FALSE(HolidayKindName(k, Language::kVi).empty());
    EXPECT_FALSE(HolidayKindName(k, Language::kEn).empty());
    EXPECT_FALSE(HolidayKindCode(k).empty());
  }
}

TEST(HolidayCalendar, OutsideTheRange) {
  HolidayCalendar rules;
  EXPECT_TRUE(rules.Holidays(1899).empty());
  EXPECT_TRUE(rules.Holidays(2101).empty());
  EXPECT_FALSE(rules.IsHoliday(Ymd(2101, 1, 1)));
  EXPECT_TRUE(rules.IsWorkingDay(Ymd(2101, 1, 3)));   // a Monday
  EXPECT_FALSE(rules.IsWorkingDay(Ymd(2101, 1, 1)));  // a Saturday
}

// Properties of every year 1900–2100 under the rules alone.
TEST(HolidayCalendar, EveryYearFollowsTheRules) {
  HolidayCalendar rules;
  for (int y = kFirstHolidayYear; y <= kLastHolidayYear; ++y) {
    SCOPED_TRACE(y);
    const std::vector<Holiday> hs = rules.Holidays(y);
    int rule_days = 0, weekdays_off = 0;
    std::vector<year_month_day> tet;
    for (size_t i = 0; i < hs.size(); ++i) {
      const Holiday& h = hs[i];
      ASSERT_EQ(int(h.date.year()), y);
      if (i > 0) {
        ASSERT_LT(sys_days{hs[i - 1].date}, sys_days{h.date});  // sorted, one entry a day
      }
      ASSERT_NE(h.reason, HolidayReason::kOverride);
      if (h.reason == HolidayReason::kCompensatory) {
        ASSERT_FALSE(IsWeekend(h.date));
      }
      if (h.reason == HolidayReason::kRule) ++rule_days;
      if (!IsWeekend(h.date)) ++weekdays_off;
      if (h.kind == HolidayKind::kTet && h.reason == HolidayReason::kRule) tet.push_back(h.date);
      EXPECT_FALSE(rules.IsWorkingDay(h.date));
    }
    // Tết: the last day of the old lunar year and days 1–4 of the new one.
    ASSERT_EQ(tet.size(), 5u);
    EXPECT_EQ(ToLunar(sys_days{tet[1]} - days{1})->year, y - 1);
    for (unsigned i = 1; i < 5; ++i) EXPECT_EQ(ToLunar(tet[i]), (LunarDate{y, 1, i, false}));
    EXPECT_EQ(ToLunar(rules.Holidays(y)[0].date)->year, y - 1);  // 1/1 is still in the old lunar year
    // Each holiday day gives exactly one weekday off (itself, or its compensatory day) when no two
    // holidays share a date.
    const int expected = y >= kLabourCode2019Year ? 11 : 10;
    if (rule_days == expected) {
      EXPECT_EQ(weekdays_off, expected);
    }
  }
}

TEST(HolidayCalendar, HungKingsNeverMeetsAnotherHolidayIn2013To2100) {
  // Had it happened, the second holiday would also get a compensatory day (see AddYear).
  HolidayCalendar rules;
  for (int y = 2013; y <= 2100; ++y) {
    const year_month_day hung = *ToSolar(LunarDate{y, 3, 10, false});
    EXPECT_NE(hung, year{y} / April / 30) << y;
    EXPECT_NE(hung, year{y} / May / 1) << y;
  }
}

}  // namespace
}  // namespace motcua::core::calendar
