// The Vietnamese lunar calendar: published dates, every month 1900–2100 against an independent
// ephemeris, and the solar → lunar → solar round trip of every day.
#include <gtest/gtest.h>

#include <chrono>
#include <string_view>

#include "calendar_test_support.hpp"
#include "core/calendar/lunar_calendar.hpp"

namespace motcua::core::calendar {
namespace {

using namespace std::chrono;
using testing_support::Str;
using testing_support::Ymd;

// One lunar year as computed from PyEphem (VSOP87 + ELP2000) by calendar_lunar_reference.py:
// the solar date of Tết, the leap month (0: none), and the months in order (the leap month right
// after its namesake), '1' for 30 days and '0' for 29.
struct ReferenceYear {
  int year;
  unsigned tet_month, tet_day;
  unsigned leap;
  std::string_view lengths;
};

// clang-format off
constexpr ReferenceYear kReference[] = {
    {1900, 1, 31, 8, "0100101101101"},
    {1901, 2, 19, 0, "010010101110"},
    {1902, 2, 8, 0, "101001010110"},
    {1903, 1, 28, 5, "1101001001101"},
    {1904, 2, 16, 0, "110100100110"},
    {1905, 2, 4, 0, "110110010011"},
    {1906, 1, 25, 4, "0101101010101"},
    {1907, 2, 13, 0, "010101101010"},
    {1908, 2, 2, 0, "100101101101"},
    {1909, 1, 22, 2, "0100101011101"},
    {1910, 2, 10, 0, "010010101101"},
    {1911, 1, 30, 6, "1010010011011"},
    {1912, 2, 18, 0, "101001001101"},
    {1913, 2, 6, 0, "110100100101"},
    {1914, 1, 26, 5, "1101010100101"},
    {1915, 2, 14, 0, "101101010100"},
    {1916, 2, 3, 0, "101101101010"},
    {1917, 1, 23, 3, "1001011011010"},
    {1918, 2, 11, 0, "100101011011"},
    {1919, 2, 1, 7, "0100100110111"},
    {1920, 2, 20, 0, "010010010111"},
    {1921, 2, 8, 0, "101001001011"},
    {1922, 1, 28, 6, "1011001001011"},
    {1923, 2, 16, 0, "011010100101"},
    {1924, 2, 5, 0, "011011010100"},
    {1925, 1, 24, 4, "1010110110101"},
    {1926, 2, 13, 0, "001010110110"},
    {1927, 2, 2, 0, "100101010111"},
    {1928, 1, 23, 2, "0100100101111"},
    {1929, 2, 10, 0, "010010010111"},
    {1930, 1, 30, 6, "0110010010110"},
    {1931, 2, 17, 0, "110101001010"},
    {1932, 2, 6, 0, "111010100101"},
    {1933, 1, 26, 5, "0110101100101"},
    {1934, 2, 14, 0, "010110101100"},
    {1935, 2, 3, 0, "101010110110"},
    {1936, 1, 24, 3, "1001001101101"},
    {1937, 2, 11, 0, "100100101110"},
    {1938, 1, 31, 8, "1100100101101"},
    {1939, 2, 19, 0, "101010010101"},
    {1940, 2, 8, 0, "110101001010"},
    {1941, 1, 27, 6, "1101101001010"},
    {1942, 2, 15, 0, "101101010101"},
    {1943, 2, 5, 0, "010101101010"},
    {1944, 1, 25, 4, "1010011011011"},
    {1945, 2, 13, 0, "001001011101"},
    {1946, 2, 2, 0, "100100101101"},
    {1947, 1, 22, 2, "1010100101011"},
    {1948, 2, 10, 0, "101010010101"},
    {1949, 1, 29, 7, "1011010010101"},
    {1950, 2, 17, 0, "011010101010"},
    {1951, 2, 6, 0, "101011010101"},
    {1952, 1, 27, 5, "0101010110101"},
    {1953, 2, 14, 0, "010010111010"},
    {1954, 2, 3, 0, "101001011011"},
    {1955, 1, 24, 3, "0101001010111"},
    {1956, 2, 12, 0, "010100100111"},
    {1957, 1, 31, 8, "0110100100110"},
    {1958, 2, 18, 0, "111010010101"},
    {1959, 2, 8, 0, "011010101010"},
    {1960, 1, 28, 6, "1010110101010"},
    {1961, 2, 15, 0, "100110110101"},
    {1962, 2, 5, 0, "010010110110"},
    {1963, 1, 25, 4, "1010010101110"},
    {1964, 2, 13, 0, "101001001110"},
    {1965, 2, 1, 0, "110100100110"},
    {1966, 1, 21, 3, "1110100100110"},
    {1967, 2, 9, 0, "110110010010"},
    {1968, 1, 29, 7, "1101101010100"},
    {1969, 2, 16, 0, "110101101010"},
    {1970, 2, 6, 0, "100101101101"},
    {1971, 1, 27, 5, "0100101011101"},
    {1972, 2, 15, 0, "010010101101"},
    {1973, 2, 3, 0, "101001001101"},
    {1974, 1, 23, 4, "1101001001011"},
    {1975, 2, 11, 0, "101100100101"},
    {1976, 1, 31, 8, "1101010100101"},
    {1977, 2, 18, 0, "101101010100"},
    {1978, 2, 7, 0, "101101011010"},
    {1979, 1, 28, 6, "0101011011010"},
    {1980, 2, 16, 0, "100101011011"},
    {1981, 2, 5, 0, "010010011011"},
    {1982, 1, 25, 4, "1010010010111"},
    {1983, 2, 13, 0, "101001001011"},
    {1984, 2, 2, 0, "101010100101"},
    {1985, 1, 21, 2, "1011010100101"},
    {1986, 2, 9, 0, "011011010010"},
    {1987, 1, 29, 7, "1010110110100"},
    {1988, 2, 17, 0, "101010110110"},
    {1989, 2, 6, 0, "100100110111"},
    {1990, 1, 27, 5, "0100100101111"},
    {1991, 2, 15, 0, "010010010111"},
    {1992, 2, 4, 0, "011001001011"},
    {1993, 1, 23, 3, "0110101001010"},
    {1994, 2, 10, 0, "111010100101"},
    {1995, 1, 31, 8, "0110101010101"},
    {1996, 2, 19, 0, "010101101010"},
    {1997, 2, 7, 0, "101010101101"},
    {1998, 1, 28, 5, "1001001101101"},
    {1999, 2, 16, 0, "100100101110"},
    {2000, 2, 5, 0, "110010010110"},
    {2001, 1, 24, 4, "1101010010101"},
    {2002, 2, 12, 0, "110101001010"},
    {2003, 2, 1, 0, "110110100101"},
    {2004, 1, 22, 2, "0101101010101"},
    {2005, 2, 9, 0, "010101101010"},
    {2006, 1, 29, 7, "1010011011010"},
    {2007, 2, 17, 0, "101001011101"},
    {2008, 2, 7, 0, "100100101011"},
    {2009, 1, 26, 5, "1010100101011"},
    {2010, 2, 14, 0, "101010010101"},
    {2011, 2, 3, 0, "101101001010"},
    {2012, 1, 23, 4, "1011010101010"},
    {2013, 2, 10, 0, "101011010101"},
    {2014, 1, 31, 9, "0101010110101"},
    {2015, 2, 19, 0, "010010111010"},
    {2016, 2, 8, 0, "101001011011"},
    {2017, 1, 28, 6, "0101001010111"},
    {2018, 2, 16, 0, "010100100111"},
    {2019, 2, 5, 0, "011010010011"},
    {2020, 1, 25, 4, "0111010010011"},
    {2021, 2, 12, 0, "011010101010"},
    {2022, 2, 1, 0, "101011010101"},
    {2023, 1, 22, 2, "0100110110101"},
    {2024, 2, 10, 0, "010010110110"},
    {2025, 1, 29, 6, "1010010101110"},
    {2026, 2, 17, 0, "101001001110"},
    {2027, 2, 6, 0, "110100100110"},
    {2028, 1, 26, 5, "1110100100110"},
    {2029, 2, 13, 0, "110101010010"},
    {2030, 2, 2, 0, "110110101010"},
    {2031, 1, 23, 3, "0101101101010"},
    {2032, 2, 11, 0, "010101101101"},
    {2033, 1, 31, 11, "0100101011101"},
    {2034, 2, 19, 0, "010010011101"},
    {2035, 2, 8, 0, "101001001101"},
    {2036, 1, 28, 6, "1101001001011"},
    {2037, 2, 15, 0, "101100100101"},
    {2038, 2, 4, 0, "101101010010"},
    {2039, 1, 24, 5, "1101101010010"},
    {2040, 2, 12, 0, "101101011010"},
    {2041, 2, 1, 0, "010101011101"},
    {2042, 1, 22, 2, "0100101011011"},
    {2043, 2, 10, 0, "010010011011"},
    {2044, 1, 30, 7, "1010010010111"},
    {2045, 2, 17, 0, "101001001011"},
    {2046, 2, 6, 0, "101010100101"},
    {2047, 1, 26, 5, "1011010100101"},
    {2048, 2, 14, 0, "011011010010"},
    {2049, 2, 2, 0, "101011010110"},
    {2050, 1, 23, 3, "0101010110110"},
    {2051, 2, 11, 0, "010100110111"},
    {2052, 2, 1, 8, "0100100101110"},
    {2053, 2, 18, 0, "110010010111"},
    {2054, 2, 8, 0, "011001001011"},
    {2055, 1, 28, 6, "0110101001010"},
    {2056, 2, 15, 0, "110110100101"},
    {2057, 2, 4, 0, "010110101010"},
    {2058, 1, 24, 4, "1010101101010"},
    {2059, 2, 12, 0, "101010101101"},
    {2060, 2, 2, 0, "010100101110"},
    {2061, 1, 21, 3, "1100100101110"},
    {2062, 2, 9, 0, "110010010101"},
    {2063, 1, 29, 7, "1101010010101"},
    {2064, 2, 17, 0, "110101001010"},
    {2065, 2, 5, 0, "110110010101"},
    {2066, 1, 26, 5, "0101101010101"},
    {2067, 2, 14, 0, "010101101010"},
    {2068, 2, 3, 0, "101001101101"},
    {2069, 1, 23, 4, "0101001011101"},
    {2070, 2, 11, 0, "010100101011"},
    {2071, 1, 31, 8, "1010100101011"},
    {2072, 2, 19, 0, "101010010011"},
    {2073, 2, 7, 0, "101101001001"},
    {2074, 1, 27, 6, "1011010101010"},
    {2075, 2, 15, 0, "101011010101"},
    {2076, 2, 5, 0, "010101011010"},
    {2077, 1, 24, 4, "1010010110110"},
    {2078, 2, 12, 0, "101001010111"},
    {2079, 2, 2, 0, "010100101011"},
    {2080, 1, 22, 3, "1010100010111"},
    {2081, 2, 9, 0, "011010010011"},
    {2082, 1, 29, 7, "0110101010011"},
    {2083, 2, 17, 0, "011010101010"},
    {2084, 2, 6, 0, "101011010101"},
    {2085, 1, 26, 5, "0010110101101"},
    {2086, 2, 14, 0, "001010110110"},
    {2087, 2, 3, 0, "101001010111"},
    {2088, 1, 24, 4, "0101000101110"},
    {2089, 2, 10, 0, "110100010110"},
    {2090, 1, 30, 8, "1110100100101"},
    {2091, 2, 18, 0, "110101010010"},
    {2092, 2, 7, 0, "110110101001"},
    {2093, 1, 27, 6, "0101101101010"},
    {2094, 2, 15, 0, "010101101101"},
    {2095, 2, 5, 0, "001010101110"},
    {2096, 1, 25, 4, "1010010011101"},
    {2097, 2, 12, 0, "101000101101"},
    {2098, 2, 1, 0, "110100010101"},
    {2099, 1, 21, 2, "1101010010101"},
    {2100, 2, 9, 0, "101101010010"},
};
// clang-format on

TEST(LunarCalendar, EveryMonthMatchesTheEphemerisReference) {
  for (const ReferenceYear& ref : kReference) {
    SCOPED_TRACE(ref.year);
    ASSERT_EQ(ref.lengths.size(), ref.leap ? 13u : 12u);
    EXPECT_EQ(LeapMonth(ref.year), ref.leap);
    sys_days first{Ymd(ref.year, ref.tet_month, ref.tet_day)};
    ASSERT_EQ(Str(LunarNewYear(ref.year)), Str(first));
    unsigned month = 1;
    bool leap = false;
    for (char c : ref.lengths) {
      const unsigned length = c == '1' ? 30 : 29;
      SCOPED_TRACE(testing::Message() << "month " << month << (leap ? " leap" : ""));
      EXPECT_EQ(LunarMonthLength(ref.year, month, leap), length);
      if (sys_days{first} <= sys_days{kLastSupportedDate}) {
        EXPECT_EQ(Str(ToSolar(LunarDate{ref.year, month, 1, leap})), Str(first));
        EXPECT_EQ(ToLunar(first), (LunarDate{ref.year, month, 1, leap}));
      }
      const sys_days last = first + days{length - 1};
      if (last <= sys_days{kLastSupportedDate}) {
        EXPECT_EQ(ToLunar(last), (LunarDate{ref.year, month, length, leap}));
        EXPECT_FALSE(ToSolar(LunarDate{ref.year, month, length + 1, leap}).has_value());
      }
      first += days{length};
      if (month == ref.leap && !leap) {
        leap = true;
      } else {
        leap = false;
        ++month;
      }
    }
    // The months add up to the next Tết.
    if (ref.year < 2100) {
      EXPECT_EQ(Str(LunarNewYear(ref.year + 1)), Str(first));
    }
  }
}

TEST(LunarCalendar, TetDatesPublished) {
  EXPECT_EQ(Str(LunarNewYear(2017)), Str(Ymd(2017, 1, 28)));
  EXPECT_EQ(Str(LunarNewYear(2018)), Str(Ymd(2018, 2, 16)));
  EXPECT_EQ(Str(LunarNewYear(2019)), Str(Ymd(2019, 2, 5)));
  EXPECT_EQ(Str(LunarNewYear(2020)), Str(Ymd(2020, 1, 25)));
  EXPECT_EQ(Str(LunarNewYear(2021)), Str(Ymd(2021, 2, 12)));
  EXPECT_EQ(Str(LunarNewYear(2022)), Str(Ymd(2022, 2, 1)));
  EXPECT_EQ(Str(LunarNewYear(2023)), Str(Ymd(2023, 1, 22)));
  EXPECT_EQ(Str(LunarNewYear(2024)), Str(Ymd(2024, 2, 10)));
  EXPECT_EQ(Str(LunarNewYear(2025)), Str(Ymd(2025, 1, 29)));
  EXPECT_EQ(Str(LunarNewYear(2026)), Str(Ymd(2026, 2, 17)));
  EXPECT_EQ(ToLunar(Ymd(2017, 1, 28)), (LunarDate{2017, 1, 1, false}));
  EXPECT_EQ(ToLunar(Ymd(2017, 1, 27)), (LunarDate{2016, 12, 30, false}));  // 30 tháng Chạp Bính Thân
}

TEST(LunarCalendar, VietnamDiffersFromChinaIn1985And2007) {
  // UTC+7 instead of UTC+8 moves a new moon across midnight: Tết 1985 a month earlier than in
  // China (20/02/1985), Tết 2007 a day earlier (18/02/2007).
  EXPECT_EQ(Str(LunarNewYear(1985)), Str(Ymd(1985, 1, 21)));
  EXPECT_EQ(ToLunar(Ymd(1985, 2, 20)), (LunarDate{1985, 2, 1, false}));
  EXPECT_EQ(Str(LunarNewYear(2007)), Str(Ymd(2007, 2, 17)));
  EXPECT_EQ(ToLunar(Ymd(2007, 2, 18)), (LunarDate{2007, 1, 2, false}));
}

TEST(LunarCalendar, LeapMonths) {
  EXPECT_EQ(LeapMonth(2017), 6u);
  EXPECT_EQ(LeapMonth(2020), 4u);
  EXPECT_EQ(LeapMonth(2023), 2u);
  EXPECT_EQ(LeapMonth(2025), 6u);
  EXPECT_EQ(LeapMonth(2018), 0u);
  EXPECT_EQ(LeapMonth(2024), 0u);
  // 2017: the leap 6th month ran from 23/07 to 21/08.
  EXPECT_EQ(Str(ToSolar(LunarDate{2017, 6, 1, true})), Str(Ymd(2017, 7, 23)));
  EXPECT_EQ(ToLunar(Ymd(2017, 7, 22)), (LunarDate{2017, 6, 29, false}));
  EXPECT_EQ(ToLunar(Ymd(2017, 8, 21)), (LunarDate{2017, 6, 30, true}));
  EXPECT_EQ(ToLunar(Ymd(2017, 8, 22)), (LunarDate{2017, 7, 1, false}));
  // 2020: leap 4th month from 23/05; 2023: leap 2nd month from 22/03.
  EXPECT_EQ(Str(ToSolar(LunarDate{2020, 4, 1, true})), Str(Ymd(2020, 5, 23)));
  EXPECT_EQ(Str(ToSolar(LunarDate{2023, 2, 1, true})), Str(Ymd(2023, 3, 22)));
  // No such leap month.
  EXPECT_FALSE(ToSolar(LunarDate{2017, 5, 1, true}).has_value());
  EXPECT_FALSE(ToSolar(LunarDate{2018, 6, 1, true}).has_value());
  EXPECT_FALSE(LunarMonthLength(2018, 6, true).has_value());
}

TEST(LunarCalendar, HungKingsDayPublished) {
  auto hung = [](int y) { return ToSolar(LunarDate{y, 3, 10, false}); };
  EXPECT_EQ(Str(hung(2017)), Str(Ymd(2017, 4, 6)));
  EXPECT_EQ(Str(hung(2018)), Str(Ymd(2018, 4, 25)));
  EXPECT_EQ(Str(hung(2019)), Str(Ymd(2019, 4, 14)));
  EXPECT_EQ(Str(hung(2020)), Str(Ymd(2020, 4, 2)));
  EXPECT_EQ(Str(hung(2021)), Str(Ymd(2021, 4, 21)));
  EXPECT_EQ(Str(hung(2022)), Str(Ymd(2022, 4, 10)));
  EXPECT_EQ(Str(hung(2023)), Str(Ymd(2023, 4, 29)));
  EXPECT_EQ(Str(hung(2024)), Str(Ymd(2024, 4, 18)));
  EXPECT_EQ(Str(hung(2025)), Str(Ymd(2025, 4, 7)));
}

TEST(LunarCalendar, NewMoonsAtLocalMidnight) {
  // The precise ephemeris puts these new moons within seconds of midnight in UTC+7; the
  // low-precision formula behind many online converters gives the day after for the first three.
  EXPECT_EQ(ToLunar(Ymd(1944, 6, 20)), (LunarDate{1944, 5, 1, false}));    // 23:59:32
  EXPECT_EQ(ToLunar(Ymd(2072, 12, 9)), (LunarDate{2072, 11, 1, false}));   // 23:58:28
  EXPECT_EQ(ToLunar(Ymd(2077, 11, 15)), (LunarDate{2077, 10, 1, false}));  // 23:59:34
  EXPECT_EQ(ToLunar(Ymd(1967, 7, 8)), (LunarDate{1967, 6, 1, false}));     // 00:00:03, pinned
  EXPECT_EQ(ToLunar(Ymd(2054, 5, 8)), (LunarDate{2054, 4, 1, false}));     // 00:00:14
}

TEST(LunarCalendar, RoundTripEveryDay) {
  // Every solar day of the range: to lunar and back is the identity, and lunar dates advance by
  // exactly one day (day + 1, or day 1 of the next month). Plain checks in the loop keep it fast;
  // the first failure is reported with its date.
  std::optional<LunarDate> previous;
  int checked = 0;
  for (sys_days d{kFirstSupportedDate}; d <= sys_days{kLastSupportedDate}; d += days{1}, ++checked) {
    const std::optional<LunarDate> lunar = ToLunar(d);
    if (!lunar) FAIL() << "no lunar date for " << Str(d);
    const std::optional<year_month_day> back = ToSolar(*lunar);
    bool ok = back && sys_days{*back} == d && lunar->day >= 1 && lunar->day <= 30;
    if (ok && previous) {
      if (lunar->day != 1) {
        ok = lunar->day == previous->day + 1 && lunar->month == previous->month && lunar->leap == previous->leap &&
             lunar->year == previous->year;
      } else {
        const bool into_leap = lunar->leap;
        ok = previous->day >= 29 && lunar->month == (into_leap ? previous->month : previous->month % 12 + 1) &&
             lunar->year == (lunar->month == 1 && !into_leap ? previous->year + 1 : previous->year);
      }
    }
    if (!ok) FAIL() << Str(d) << " -> " << testing::PrintToString(*lunar) << " -> " << Str(back);
    previous = lunar;
  }
  EXPECT_EQ(checked, 73414);
}

TEST(LunarCalendar, OutsideTheRange) {
  EXPECT_FALSE(ToLunar(Ymd(1899, 12, 31)).has_value());
  EXPECT_FALSE(ToLunar(Ymd(2101, 1, 1)).has_value());
  EXPECT_EQ(ToLunar(Ymd(1900, 1, 1)), (LunarDate{1899, 12, 1, false}));
  EXPECT_FALSE(ToSolar(LunarDate{1899, 11, 1, false}).has_value());
  EXPECT_FALSE(ToSolar(LunarDate{2101, 1, 1, false}).has_value());
  EXPECT_FALSE(LunarNewYear(1899).has_value());
  EXPECT_EQ(LeapMonth(1850), 0u);
  EXPECT_FALSE(ToLunar(year{2017} / February / day{30}).has_value());  // not a date
  EXPECT_FALSE(ToSolar(LunarDate{2017, 13, 1, false}).has_value());
  EXPECT_FALSE(ToSolar(LunarDate{2017, 1, 0, false}).has_value());
  EXPECT_FALSE(ToSolar(LunarDate{2017, 1, 31, false}).has_value());
}

}  // namespace
}  // namespace motcua::core::calendar
