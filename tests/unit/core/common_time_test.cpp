// ISO 8601 instants and dates in Vietnamese civil time.
#include <gtest/gtest.h>

#include "core/common/time.hpp"

namespace motcua::core {
namespace {

using namespace std::chrono;

TEST(Time, FormatsInVietnameseCivilTime) {
  auto t = ParseInstant("2017-01-19T01:30:00Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(FormatInstant(*t), "2017-01-19T08:30:00+07:00");
}

TEST(Time, ParsesOffsetsAndFractions) {
  EXPECT_EQ(ParseInstant("2017-01-19T08:30:00+07:00"), ParseInstant("2017-01-19T01:30:00Z"));
  EXPECT_EQ(ParseInstant("2017-01-19T08:30+07:00"), ParseInstant("2017-01-19T01:30:00.000Z"));
  auto frac = ParseInstant("2017-01-19T01:30:00.25Z");
  ASSERT_TRUE(frac);
  EXPECT_EQ(frac->time_since_epoch().count() % 1000000, 250000);
}

TEST(Time, RejectsMalformedInstants) {
  for (const char* s : {"", "2017-01-19", "2017-01-19T08:30:00", "2017-02-30T08:00:00Z", "2017-01-19T24:00:00Z",
                        "2017-01-19T08:30:00+7:00", "2017-01-19T08:30:00Zjunk", "19/01/2017 08:30"})
    EXPECT_FALSE(ParseInstant(s)) << s;
}

TEST(Time, LocalDateCrossesMidnightAtSeventeenUtc) {
  EXPECT_EQ(LocalDate(*ParseInstant("2017-01-18T16:59:59Z")), year{2017} / 1 / 18);
  EXPECT_EQ(LocalDate(*ParseInstant("2017-01-18T17:00:00Z")), year{2017} / 1 / 19);
  EXPECT_EQ(FormatInstant(LocalInstant(year{2017} / 1 / 24, hours{9})), "2017-01-24T09:00:00+07:00");
}

TEST(Time, Dates) {
  EXPECT_EQ(FormatDate(year{2017} / 3 / 15), "2017-03-15");
  EXPECT_EQ(ParseDate("2017-03-15"), year{2017} / 3 / 15);
  EXPECT_FALSE(ParseDate("2017-02-29"));
  EXPECT_FALSE(ParseDate("2017-3-15"));
}

}  // namespace
}  // namespace motcua::core
