// Percent-decoding of paths and queries, and UTF-8 validation.
#include "http/url.hpp"

#include <gtest/gtest.h>

namespace motcua::http {
namespace {

TEST(PercentDecode, DecodesEscapes) {
  EXPECT_EQ(PercentDecode("/api/v1/procedures/gi%E1%BA%A5y%20ph%C3%A9p"), "/api/v1/procedures/giấy phép");
  EXPECT_EQ(PercentDecode("%2fa%2Fb"), "/a/b");
  EXPECT_EQ(PercentDecode("plain"), "plain");
  EXPECT_EQ(PercentDecode(""), "");
}

TEST(PercentDecode, PlusIsASpaceOnlyInQueries) {
  EXPECT_EQ(PercentDecode("a+b"), "a+b");
  EXPECT_EQ(PercentDecode("a+b", true), "a b");
  EXPECT_EQ(PercentDecode("a%2Bb", true), "a+b");
}

TEST(PercentDecode, RejectsMalformedEscapes) {
  EXPECT_FALSE(PercentDecode("%"));
  EXPECT_FALSE(PercentDecode("%2"));
  EXPECT_FALSE(PercentDecode("abc%"));
  EXPECT_FALSE(PercentDecode("%zz"));
  EXPECT_FALSE(PercentDecode("%g0"));
}

TEST(PercentDecode, RejectsNulAndInvalidUtf8) {
  EXPECT_FALSE(PercentDecode("/a%00b"));
  EXPECT_FALSE(PercentDecode("/%ff"));
  EXPECT_FALSE(PercentDecode("/%C3"));        // truncated sequence
  EXPECT_FALSE(PercentDecode("/%C0%AF"));     // overlong '/'
  EXPECT_FALSE(PercentDecode("/%ED%A0%80"));  // surrogate
  EXPECT_FALSE(PercentDecode(std::string_view("a\0b", 3)));
}

TEST(IsValidUtf8, AcceptsVietnameseAndRejectsGarbage) {
  EXPECT_TRUE(IsValidUtf8("Ủy ban nhân dân phường Đống Đa"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));   // emoji, 4 bytes
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\x80"));
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\x80"));  // overlong
}

TEST(ParseQuery, SplitsDecodesAndKeepsRepeats) {
  const auto q = ParseQuery("q=gi%E1%BA%A5y+ph%C3%A9p&tag=a&tag=b&empty=&flag&&=x");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->find("q")->second, "giấy phép");
  EXPECT_EQ(q->count("tag"), 2u);
  EXPECT_EQ(q->find("empty")->second, "");
  EXPECT_EQ(q->find("flag")->second, "");
  EXPECT_EQ(q->size(), 5u);
}

TEST(ParseQuery, RejectsBadEncoding) {
  EXPECT_FALSE(ParseQuery("a=%00"));
  EXPECT_FALSE(ParseQuery("a=%ff"));
  EXPECT_FALSE(ParseQuery("%zz=1"));
}

TEST(DecodeTarget, SplitsPathAndQuery) {
  const auto t = DecodeTarget("/api/v1/agencies/H%C3%A0%20N%E1%BB%99i?page=2&q=a%26b");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->path, "/api/v1/agencies/Hà Nội");
  EXPECT_EQ(t->query.find("page")->second, "2");
  EXPECT_EQ(t->query.find("q")->second, "a&b");
}

TEST(DecodeTarget, RejectsNonOriginFormAndBadEscapes) {
  EXPECT_FALSE(DecodeTarget("http://example.com/x"));
  EXPECT_FALSE(DecodeTarget("*"));
  EXPECT_FALSE(DecodeTarget(""));
  EXPECT_FALSE(DecodeTarget("/a%00"));
  EXPECT_FALSE(DecodeTarget("/a?x=%ff"));
}

}  // namespace
}  // namespace motcua::http
