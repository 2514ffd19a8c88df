// The Vietnamese lunar calendar: a table of lunar months built once from new moons and solar terms.
#include "core/calendar/lunar_calendar.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <tuple>
#include <vector>

#include "core/calendar/astronomy.hpp"

namespace motcua::core::calendar {
namespace {

using namespace std::chrono;

constexpr double kZoneDays = 7.0 / 24.0;  // UTC+7

// One lunar month: its first civil day (days since 1970-01-01) and its name.
struct Month {
  std::int32_t first_day;
  std::int16_t year;
  std::uint8_t month;
  bool leap;
};

// New moons so close to local midnight (seconds) that the series above cannot place them: the civil
// day each falls on per a full ephemeris (VSOP87 + ELP2000, checked with PyEphem), keyed by the day
// the series gives. 1967-07-07 17:00:03 UT is 00:00:03 on 8 July in UTC+7.
struct PinnedNewMoon {
  year_month_day computed, actual;
};
constexpr PinnedNewMoon kPinnedNewMoons[] = {
    {year{1967} / July / 7, year{1967} / July / 8},
};

// The civil day (UTC+7) holding an instant given as a Julian Day in UT.
std::int32_t CivilDay(double jd_ut) {
  return static_cast<std::int32_t>(std::floor(jd_ut - astronomy::kUnixEpochJd + kZoneDays));
}

// The Julian Day in UT at which a civil day (UTC+7) begins.
double DayStart(std::int32_t day) { return day + astronomy::kUnixEpochJd - kZoneDays; }

// Which 30° sector of the ecliptic the Sun is in when a civil day begins: a month holds a major
// solar term exactly when the sector changes between its first day and the next month's.
int SectorAtStartOf(std::int32_t day) { return static_cast<int>(astronomy::SunLongitude(DayStart(day)) / 30.0) % 12; }

// The civil day of the winter solstice (Sun at 270°) of a solar year.
std::int32_t WinterSolsticeDay(int solar_year) {
  double guess = DayStart(sys_days{year{solar_year} / December / 21}.time_since_epoch().count());
  return CivilDay(astronomy::SunLongitudeCrossing(270.0, guess));
}

class MonthTable {
 public:
  MonthTable() {
    // Months 11 from that of 1899 to that of 2101 frame every day of 1900–2100.
    constexpr int kFirstFrameYear = 1899, kLastFrameYear = 2101;
    const double first_jd = DayStart(WinterSolsticeDay(kFirstFrameYear)) - 40;
    const double last_jd = DayStart(WinterSolsticeDay(kLastFrameYear)) + 40;
    // New-moon days, with a margin on both sides.
    std::vector<std::int32_t> starts;
    for (int k = astronomy::NearestLunation(first_jd);; ++k) {
      double jd = astronomy::NewMoon(k);
      std::int32_t day = CivilDay(jd);
      for (const PinnedNewMoon& pin : kPinnedNewMoons)
        if (day == sys_days{pin.computed}.time_since_epoch().count())
          day = sys_days{pin.actual}.time_since_epoch().count();
      starts.push_back(day);
      if (jd > last_jd) break;
    }
    std::vector<int> sectors;
    sectors.reserve(starts.size());
    for (std::int32_t s : starts) sectors.push_back(SectorAtStartOf(s));

    // The index of the month holding a given day.
    auto month_of = [&](std::int32_t day) {
      auto it = std::upper_bound(starts.begin(), starts.end(), day);
      assert(it != starts.begin() && it != starts.end());
      return static_cast<size_t>(it - starts.begin() - 1);
    };

    size_t month11 = month_of(WinterSolsticeDay(kFirstFrameYear));
    for (int y = kFirstFrameYear + 1; y <= kLastFrameYear; ++y) {
      size_t next11 = month_of(WinterSolsticeDay(y));
      size_t count = next11 - month11;  // 12 or 13
      assert(count == 12 || count == 13);
      size_t leap_offset = count;  // none
      if (count == 13) {
        for (size_t j = 1; j < count; ++j) {
          if (sectors[month11 + j] == sectors[month11 + j + 1]) {
            leap_offset = j;
            break;
          }
        }
        assert(leap_offset < count);
      }
      for (size_t j = 0; j < count; ++j) {
        size_t ordinal = j < leap_offset ? j : j - 1;  // 0 is month 11, 1 month 12, 2 month 1, ...
        auto number = static_cast<std::uint8_t>((10 + ordinal) % 12 + 1);
        auto lunar_year = static_cast<std::int16_t>(ordinal <= 1 ? y - 1 : y);
        months_.push_back(Month{starts[month11 + j], lunar_year, number, j == leap_offset});
      }
      month11 = next11;
    }
    end_day_ = starts[month11];
  }

  // The month holding a civil day, or nullptr outside the table.
  const Month* Find(std::int32_t day) const {
    if (months_.empty() || day < months_.front().first_day || day >= end_day_) return nullptr;
    auto it = std::upper_bound(months_.begin(), months_.end(), day,
                               [](std::int32_t d, const Month& m) { return d < m.first_day; });
    return &*(it - 1);
  }

  // The month with a given name, or nullptr.
  const Month* Find(int lunar_year, unsigned month, bool leap) const {
    auto key = std::make_tuple(lunar_year, month, leap);
    auto it = std::lower_bound(months_.begin(), months_.end(), key, [](const Month& m, const auto& k) {
      return std::make_tuple(int{m.year}, unsigned{m.month}, m.leap) < k;
    });
    if (it == months_.end() || it->year != lunar_year || it->month != month || it->leap != leap) return nullptr;
    return &*it;
  }

  std::int32_t Length(const Month* m) const {
    return (m + 1 == months_.data() + months_.size() ? end_day_ : (m + 1)->first_day) - m->first_day;
  }

 private:
  std::vector<Month> months_;
  std::int32_t end_day_ = 0;
};

const MonthTable& Table() {
  static const MonthTable table;
  return table;
}

std::int32_t DayNumber(sys_days d) { return static_cast<std::int32_t>(d.time_since_epoch().count()); }

bool InRange(sys_days d) { return d >= sys_days{kFirstSupportedDate} && d <= sys_days{kLastSupportedDate}; }

}  // namespace

std::optional<LunarDate> ToLunar(sys_days solar) {
  if (!InRange(solar)) return std::nullopt;
  const Month* m = Table().Find(DayNumber(solar));
  if (m == nullptr) return std::nullopt;
  return LunarDate{m->year, m->month, static_cast<unsigned>(DayNumber(solar) - m->first_day + 1), m->leap};
}

std::optional<LunarDate> ToLunar(year_month_day solar) {
  if (!solar.ok()) return std::nullopt;
  return ToLunar(sys_days{solar});
}

std::optional<year_month_day> ToSolar(const LunarDate& lunar) {
  const MonthTable& table = Table();
  const Month* m = table.Find(lunar.year, lunar.month, lunar.leap);
  if (m == nullptr || lunar.day < 1 || static_cast<std::int32_t>(lunar.day) > table.Length(m)) return std::nullopt;
  sys_days solar{days{m->first_day + static_cast<std::int32_t>(lunar.day) - 1}};
  if (!InRange(solar)) return std::nullopt;
  return year_month_day{solar};
}

unsigned LeapMonth(int lunar_year) {
  for (unsigned month = 1; month <= 12; ++month)
    if (Table().Find(lunar_year, month, true) != nullptr) return month;
  return 0;
}

std::optional<unsigned> LunarMonthLength(int lunar_year, unsigned month, bool leap) {
  const MonthTable& table = Table();
  const Month* m = table.Find(lunar_year, month, leap);
  if (m == nullptr) return std::nullopt;
  return static_cast<unsigned>(table.Length(m));
}

std::optional<year_month_day> LunarNewYear(int lunar_year) { return ToSolar(LunarDate{lunar_year, 1, 1, false}); }

}  // namespace motcua::core::calendar
