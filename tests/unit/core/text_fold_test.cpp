// Vietnamese folding, NFC, UTF-8 checks and the catalog search ranking.
#include "core/text/fold.hpp"

#include <gtest/gtest.h>

namespace motcua::core::text {
namespace {

TEST(TextFold, RemovesDiacriticsAndLowers) {
  EXPECT_EQ(Fold("Cấp giấy phép xây dựng"), "cap giay phep xay dung");
  EXPECT_EQ(Fold("ĐĂNG KÝ ĐẤT ĐAI"), "dang ky dat dai");
  EXPECT_EQ(Fold("đường Đinh Tiên Hoàng"), "duong dinh tien hoang");
  EXPECT_EQ(Fold("Ưu tiên ở Ờ Ữ ỹ"), "uu tien o o u y");
  EXPECT_EQ(Fold("cap giay phep"), "cap giay phep");
  EXPECT_EQ(Fold(""), "");
}

TEST(TextFold, DecomposedInputFoldsLikePrecomposed) {
  const std::string nfd = "C\x61\xCC\x82\xCC\x81p gia\xCC\x82\xCC\x81y";  // "Cấp giấy" as base letters + marks
  EXPECT_FALSE(IsNfc(nfd));
  EXPECT_EQ(Fold(nfd), Fold("Cấp giấy"));
  EXPECT_EQ(Fold(nfd), "cap giay");
}

TEST(TextFold, KeepsPunctuationAndDigits) { EXPECT_EQ(Fold("Luật số 50/2014/QH13"), "luat so 50/2014/qh13"); }

TEST(TextNfc, NormalisesAndChecks) {
  const std::string nfd = "Vi\x65\xCC\xA3\xCC\x82t";  // "Việt" with e + dot below + circumflex
  EXPECT_FALSE(IsNfc(nfd));
  EXPECT_EQ(Nfc(nfd), "Việt");
  EXPECT_TRUE(IsNfc("Việt"));
  EXPECT_TRUE(IsNfc("ascii only"));
  EXPECT_FALSE(IsNfc("\xFF"));
}

TEST(TextUtf8, ValidatesAndCounts) {
  EXPECT_TRUE(IsValidUtf8("Hà Nội"));
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));   // U+1F600
  EXPECT_FALSE(IsValidUtf8("\xC3"));              // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\x80"));          // overlong NUL
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("a\x80z"));
  EXPECT_EQ(CharCount("Hà Nội"), 6u);
  EXPECT_EQ(CharCount("Nguyễn"), 6u);
  EXPECT_EQ(CharCount(""), 0u);
  EXPECT_EQ(CharCount("\xF0\x9F\x98\x80!"), 2u);
}

TEST(TextWords, SplitsOnNonLetters) {
  EXPECT_EQ(Words("cap giay-phep, xay  dung"), (std::vector<std::string>{"cap", "giay", "phep", "xay", "dung"}));
  EXPECT_TRUE(Words(" ,. ").empty());
}

std::vector<std::string> Q(std::string_view query) { return Words(Fold(query)); }

TEST(TextMatch, EveryWordMustPrefixAWord) {
  const std::string name = Fold("Cấp giấy phép xây dựng nhà ở riêng lẻ");
  const std::string field = Fold("Xây dựng");
  EXPECT_GT(MatchScore(Q("giấy phép xây dựng"), name, field), 0);
  EXPECT_GT(MatchScore(Q("giay phep xay dung"), name, field), 0);  // without diacritics
  EXPECT_GT(MatchScore(Q("GIẤY PHÉP"), name, field), 0);           // upper case
  EXPECT_GT(MatchScore(Q("xay giay"), name, field), 0);            // any order
  EXPECT_GT(MatchScore(Q("gi ph"), name, field), 0);               // word prefixes
  EXPECT_EQ(MatchScore(Q("giay phep lai xe"), name, field), 0);    // "lai" is nowhere
  EXPECT_EQ(MatchScore(Q("ay"), name, field), 0);                  // inside a word only
  EXPECT_EQ(MatchScore({}, name, field), 0);
}

TEST(TextMatch, NameAboveFieldAndPhraseAboveScattered) {
  const std::string field = Fold("Xây dựng");
  const int in_name = MatchScore(Q("xay dung"), Fold("Cấp giấy phép xây dựng"), Fold("Quy hoạch"));
  const int in_field = MatchScore(Q("xay dung"), Fold("Cấp chứng chỉ hành nghề"), field);
  EXPECT_GT(in_field, 0);
  EXPECT_GT(in_name, in_field);

  const int phrase = MatchScore(Q("giay phep xay dung"), Fold("Cấp giấy phép xây dựng có thời hạn"), field);
  const int scattered = MatchScore(Q("giay phep xay dung"), Fold("Giấy xác nhận dựng phép xây"), field);
  EXPECT_GT(scattered, 0);
  EXPECT_GT(phrase, scattered);

  // One word in the name beats none, whatever the bonuses.
  const int partly = MatchScore(Q("dang ky xay dung"), Fold("Đăng ký hoạt động"), field);
  const int field_only = MatchScore(Q("dang ky xay dung"), Fold("Thông báo"), Fold("Đăng ký xây dựng"));
  EXPECT_GT(partly, field_only);
  EXPECT_GT(field_only, 0);
}

TEST(TextMatch, DiacriticsAndĐAreFoldedOnBothSides) {
  const std::string name = Fold("Đăng ký kinh doanh hộ cá thể");
  EXPECT_EQ(MatchScore(Q("dang ky"), name, ""), MatchScore(Q("Đăng Ký"), name, ""));
  EXPECT_GT(MatchScore(Q("đăng"), name, ""), 0);
}

}  // namespace
}  // namespace motcua::core::text
