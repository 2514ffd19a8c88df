// Holiday rules of the Labour Code, compensatory days and yearly overrides, computed once per calendar.
#include "core/calendar/holiday_calendar.hpp"

#include <algorithm>
#include <set>

#include "core/calendar/lunar_calendar.hpp"
#include "core/common/error.hpp"

namespace motcua::core::calendar {
namespace {

using namespace std::chrono;

constexpr std::uint8_t kHolidayFlag = 1;
constexpr std::uint8_t kExtraWorkingFlag = 2;

const sys_days kFirstDay{year{kFirstHolidayYear} / January / 1};
const sys_days kLastDay{year{kLastHolidayYear} / December / 31};

bool IsWeekend(sys_days d) {
  weekday w{d};
  return w == Saturday || w == Sunday;
}

bool InRange(year_month_day d) { return d.ok() && sys_days{d} >= kFirstDay && sys_days{d} <= kLastDay; }

Holiday Make(year_month_day date, HolidayKind kind, HolidayReason reason) {
  Holiday h{date, kind, reason, std::string(HolidayKindName(kind, Language::kVi)),
            std::string(HolidayKindName(kind, Language::kEn))};
  if (reason == HolidayReason::kCompensatory) {
    h.name_vi = "Nghỉ bù " + h.name_vi;
    h.name_en += " (compensatory day off)";
  }
  return h;
}

Error Invalid(int year, const std::string& what_vi, const std::string& what_en) {
  return Error::Make(errc::kValidationFailed, "Ngày nghỉ năm " + std::to_string(year) + ": " + what_vi,
                     "Days off of " + std::to_string(year) + ": " + what_en);
}

}  // namespace

std::string_view HolidayKindName(HolidayKind kind, Language lang) {
  const bool vi = lang == Language::kVi;
  switch (kind) {
    case HolidayKind::kNewYear:
      return vi ? "Tết Dương lịch" : "New Year's Day";
    case HolidayKind::kTet:
      return vi ? "Tết Âm lịch" : "Lunar New Year (Tết)";
    case HolidayKind::kHungKings:
      return vi ? "Giỗ Tổ Hùng Vương" : "Hùng Kings' Commemoration Day";
    case HolidayKind::kVictoryDay:
      return vi ? "Ngày Chiến thắng" : "Reunification Day";
    case HolidayKind::kLabourDay:
      return vi ? "Ngày Quốc tế lao động" : "International Labour Day";
    case HolidayKind::kNationalDay:
      return vi ? "Quốc khánh" : "National Day";
    case HolidayKind::kOther:
      break;
  }
  return vi ? "Ngày nghỉ theo thông báo" : "Day off by official notice";
}

std::string_view HolidayKindCode(HolidayKind kind) {
  switch (kind) {
    case HolidayKind::kNewYear:
      return "new_year";
    case HolidayKind::kTet:
      return "tet";
    case HolidayKind::kHungKings:
      return "hung_kings";
    case HolidayKind::kVictoryDay:
      return "victory_day";
    case HolidayKind::kLabourDay:
      return "labour_day";
    case HolidayKind::kNationalDay:
      return "national_day";
    case HolidayKind::kOther:
      break;
  }
  return "other";
}

std::string_view HolidayReasonCode(HolidayReason reason) {
  switch (reason) {
    case HolidayReason::kRule:
      return "rule";
    case HolidayReason::kCompensatory:
      return "compensatory";
    case HolidayReason::kOverride:
      break;
  }
  return "override";
}

Status ValidateOverrides(const YearOverrides& o) {
  if (o.year < kFirstHolidayYear || o.year > kLastHolidayYear)
    return Invalid(o.year, "năm ngoài phạm vi 1900–2100", "the year is outside 1900–2100");
  std::set<sys_days> off, worked;
  auto check = [&](year_month_day d) { return InRange(d); };
  for (year_month_day d : o.tet_days) {
    if (!check(d)) return Invalid(o.year, "ngày Tết không hợp lệ", "an invalid Tết day");
    off.insert(sys_days{d});
  }
  for (const DayOff& d : o.days_off) {
    if (!check(d.date)) return Invalid(o.year, "ngày nghỉ không hợp lệ", "an invalid day off");
    off.insert(sys_days{d.date});
  }
  for (year_month_day d : o.removed_holidays)
    if (!check(d)) return Invalid(o.year, "ngày bỏ nghỉ không hợp lệ", "an invalid removed holiday");
  for (year_month_day d : o.working_days) {
    if (!check(d)) return Invalid(o.year, "ngày làm bù không hợp lệ", "an invalid working day");
    worked.insert(sys_days{d});
  }
  for (sys_days d : worked)
    if (off.contains(d))
      return Invalid(o.year, "một ngày vừa là ngày nghỉ vừa là ngày làm việc", "a date is both off and worked");
  if (o.national_day_extra) {
    const year_month_day d = *o.national_day_extra;
    if (o.year < kLabourCode2019Year)
      return Invalid(o.year, "trước năm 2021 Quốc khánh chỉ nghỉ một ngày", "before 2021 National Day is a single day");
    if (d != year{o.year} / September / 1 && d != year{o.year} / September / 3)
      return Invalid(o.year, "ngày nghỉ liền kề Quốc khánh phải là 01/09 hoặc 03/09",
                     "the day next to National Day must be 1 or 3 September");
  }
  return Ok{};
}

Result<HolidayCalendar> HolidayCalendar::Create(std::vector<YearOverrides> overrides) {
  std::set<int> years;
  for (const YearOverrides& o : overrides) {
    if (Status s = ValidateOverrides(o); !s) return s.error();
    if (!years.insert(o.year).second) return Invalid(o.year, "năm bị khai báo hai lần", "the year is given twice");
  }
  return HolidayCalendar(std::move(overrides));
}

HolidayCalendar::HolidayCalendar() : HolidayCalendar(std::vector<YearOverrides>{}) {}

HolidayCalendar::HolidayCalendar(std::vector<YearOverrides> overrides) : overrides_(std::move(overrides)) {
  flags_.assign(static_cast<size_t>((kLastDay - kFirstDay).count() + 1), 0);
  entries_.reserve(static_cast<size_t>(kLastHolidayYear - kFirstHolidayYear + 1) * 14);
  std::vector<const YearOverrides*> by_year(kLastHolidayYear - kFirstHolidayYear + 1, nullptr);
  for (const YearOverrides& o : overrides_) by_year[static_cast<size_t>(o.year - kFirstHolidayYear)] = &o;
  for (int y = kFirstHolidayYear; y <= kLastHolidayYear; ++y)
    AddYear(y, by_year[static_cast<size_t>(y - kFirstHolidayYear)]);
  std::stable_sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) { return a.day < b.day; });
  // One entry a day (only odd overrides, e.g. a Tết block reaching into another holiday, repeat one).
  entries_.erase(
      std::unique(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) { return a.day == b.day; }),
      entries_.end());

  // Overrides come last and win, whatever year their dates fall in.
  auto find = [this](year_month_day d) {
    const std::int32_t day = static_cast<std::int32_t>(sys_days{d}.time_since_epoch().count());
    auto it = std::lower_bound(entries_.begin(), entries_.end(), day,
                               [](const Entry& e, std::int32_t x) { return e.day < x; });
    return std::make_pair(it, it != entries_.end() && it->day == day);
  };
  for (size_t oi = 0; oi < overrides_.size(); ++oi) {
    const YearOverrides& o = overrides_[oi];
    for (size_t di = 0; di < o.days_off.size(); ++di) {
      const DayOff& d = o.days_off[di];
      Entry e{static_cast<std::int32_t>(sys_days{d.date}.time_since_epoch().count()), d.kind, HolidayReason::kOverride,
              static_cast<std::int32_t>(oi), static_cast<std::int32_t>(di)};
      auto [it, found] = find(d.date);
      if (found) {
        *it = e;
      } else {
        entries_.insert(it, e);
      }
    }
    for (year_month_day d : o.removed_holidays)
      if (auto [it, found] = find(d); found) entries_.erase(it);
    for (year_month_day d : o.working_days) {
      if (auto [it, found] = find(d); found) entries_.erase(it);
      flags_[static_cast<size_t>((sys_days{d} - kFirstDay).count())] |= kExtraWorkingFlag;
    }
  }
  for (const Entry& e : entries_)
    flags_[static_cast<size_t>((sys_days{days{e.day}} - kFirstDay).count())] |= kHolidayFlag;
}

void HolidayCalendar::AddYear(int y, const YearOverrides* o) {
  const year yr{y};
  auto day_number = [](year_month_day d) { return static_cast<std::int32_t>(sys_days{d}.time_since_epoch().count()); };
  struct Rule {
    std::int32_t day;
    HolidayKind kind;
  };
  std::vector<Rule> rule;         // days off by the Labour Code, before compensation
  std::vector<std::int32_t> off;  // every day already off this year
  auto add_rule = [&](year_month_day d, HolidayKind kind) {
    rule.push_back(Rule{day_number(d), kind});
    off.push_back(day_number(d));
  };
  auto is_off = [&](std::int32_t d) { return std::find(off.begin(), off.end(), d) != off.end(); };
  auto is_weekend = [](std::int32_t d) {
    const unsigned w = weekday{sys_days{days{d}}}.c_encoding();
    return w == 0 || w == 6;
  };

  add_rule(yr / January / 1, HolidayKind::kNewYear);
  if (o != nullptr && !o->tet_days.empty()) {
    // The official block already places its days around the weekends: nothing to compensate.
    for (year_month_day d : o->tet_days) {
      entries_.push_back(Entry{day_number(d), HolidayKind::kTet, HolidayReason::kOverride, -1, -1});
      off.push_back(day_number(d));
    }
  } else if (std::optional<year_month_day> tet = LunarNewYear(y)) {
    // The default block: the last day of the old lunar year and the first four of the new one.
    for (int i = -1; i <= 3; ++i) add_rule(year_month_day{sys_days{*tet} + days{i}}, HolidayKind::kTet);
  }
  if (std::optional<year_month_day> hung = ToSolar(LunarDate{y, 3, 10, false}))
    add_rule(*hung, HolidayKind::kHungKings);
  add_rule(yr / April / 30, HolidayKind::kVictoryDay);
  add_rule(yr / May / 1, HolidayKind::kLabourDay);
  add_rule(yr / September / 2, HolidayKind::kNationalDay);
  if (y >= kLabourCode2019Year) {
    // The law gives "2/9 and one day before or after"; the government picks it each year.
    year_month_day extra = (o != nullptr && o->national_day_extra) ? *o->national_day_extra : yr / September / 1;
    add_rule(extra, HolidayKind::kNationalDay);
  }

  std::stable_sort(rule.begin(), rule.end(), [](const Rule& a, const Rule& b) { return a.day < b.day; });
  for (size_t i = 0; i < rule.size(); ++i) {
    const bool repeated = i > 0 && rule[i - 1].day == rule[i].day;
    // On a weekly rest day, or on a day already off for another holiday: the next working day.
    if (is_weekend(rule[i].day) || repeated) {
      std::int32_t c = rule[i].day + 1;
      while (is_weekend(c) || is_off(c)) ++c;
      off.push_back(c);
      entries_.push_back(Entry{c, rule[i].kind, HolidayReason::kCompensatory, -1, -1});
    }
    // A second holiday on the same date keeps only the first entry (its compensatory day is added).
    if (!repeated) entries_.push_back(Entry{rule[i].day, rule[i].kind, HolidayReason::kRule, -1, -1});
  }
}

Holiday HolidayCalendar::ToHoliday(const Entry& e) const {
  Holiday h = Make(year_month_day{sys_days{days{e.day}}}, e.kind, e.reason);
  if (e.override_index >= 0) {
    const DayOff& d = overrides_[static_cast<size_t>(e.override_index)].days_off[static_cast<size_t>(e.day_off_index)];
    if (!d.name_vi.empty()) h.name_vi = d.name_vi;
    if (!d.name_en.empty()) h.name_en = d.name_en;
  }
  return h;
}

std::uint8_t HolidayCalendar::Flags(sys_days day) const {
  if (day < kFirstDay || day > kLastDay) return 0;
  return flags_[static_cast<size_t>((day - kFirstDay).count())];
}

std::vector<Holiday> HolidayCalendar::Holidays(int y) const {
  const auto first = static_cast<std::int32_t>(sys_days{year{y} / January / 1}.time_since_epoch().count());
  const auto last = static_cast<std::int32_t>(sys_days{year{y} / December / 31}.time_since_epoch().count());
  std::vector<Holiday> out;
  auto it = std::lower_bound(entries_.begin(), entries_.end(), first,
                             [](const Entry& e, std::int32_t d) { return e.day < d; });
  for (; it != entries_.end() && it->day <= last; ++it) out.push_back(ToHoliday(*it));
  return out;
}

std::optional<Holiday> HolidayCalendar::HolidayOn(year_month_day date) const {
  if (!IsHoliday(date)) return std::nullopt;
  const auto day = static_cast<std::int32_t>(sys_days{date}.time_since_epoch().count());
  auto it =
      std::lower_bound(entries_.begin(), entries_.end(), day, [](const Entry& e, std::int32_t d) { return e.day < d; });
  return ToHoliday(*it);
}

bool HolidayCalendar::IsHoliday(sys_days day) const { return (Flags(day) & kHolidayFlag) != 0; }

bool HolidayCalendar::IsExtraWorkingDay(sys_days day) const { return (Flags(day) & kExtraWorkingFlag) != 0; }

bool HolidayCalendar::IsWorkingDay(year_month_day date) const {
  const std::uint8_t f = Flags(sys_days{date});
  if (f & kExtraWorkingFlag) return true;
  return !(f & kHolidayFlag) && !IsWeekend(sys_days{date});
}

}  // namespace motcua::core::calendar
