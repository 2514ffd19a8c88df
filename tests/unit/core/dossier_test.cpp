// Dossier codes, statuses and lookup secrets.
#include <gtest/gtest.h>

#include <set>

#include "core/dossier/code.hpp"
#include "core/dossier/secret.hpp"
#include "core/dossier/status.hpp"

namespace motcua::core::dossier {
namespace {

using namespace std::chrono;

TEST(DossierCode, FollowsCircular01) {
  EXPECT_EQ(FormatCode("000.00.19.H26", year{2017} / February / 21, 1), "000.00.19.H26-170221-0001");
  EXPECT_EQ(FormatCode("000.00.53.H48", year{2022} / September / 21, 99), "000.00.53.H48-220921-0099");
  EXPECT_EQ(FormatCode("000.00.19.H26", year{2017} / February / 1, 12345), "000.00.19.H26-170201-12345");
  EXPECT_EQ(DayKey(year{2000} / January / 5), "000105");
}

TEST(DossierCode, ShapeCheck) {
  EXPECT_TRUE(IsWellFormedCode("000.00.19.H26-170221-0001"));
  EXPECT_TRUE(IsWellFormedCode("000.00.19.H26-170221-12345"));
  EXPECT_FALSE(IsWellFormedCode("000.00.19.H26"));
  EXPECT_FALSE(IsWellFormedCode("000.00.19.H26-17022-0001"));
  EXPECT_FALSE(IsWellFormedCode("000.00.19-170221-0001"));
  EXPECT_FALSE(IsWellFormedCode("000.00..H26-170221-0001"));
  EXPECT_FALSE(IsWellFormedCode("000.00.19.h26-170221-0001"));
  EXPECT_FALSE(IsWellFormedCode("000.00.19.H26-170221-001"));
  EXPECT_FALSE(IsWellFormedCode("000.00.19.H26-170221-0001'"));
}

TEST(DossierStatus, NamesAndLabels) {
  for (auto s : {Status::kDraft, Status::kSubmitted, Status::kWithdrawn, Status::kReceived}) {
    EXPECT_EQ(StatusFromString(ToString(s)), s);
    EXPECT_FALSE(Label(s).empty());
    EXPECT_FALSE(LabelEn(s).empty());
  }
  EXPECT_EQ(Label(Status::kSubmitted), "Đã nộp, chờ tiếp nhận");
  EXPECT_FALSE(StatusFromString("lost"));
}

TEST(DossierSecret, UnambiguousAlphabetAndNormalisation) {
  for (char c : std::string("01ILO")) EXPECT_EQ(kSecretAlphabet.find(c), std::string_view::npos) << c;
  std::uint32_t n = 0;
  auto s = MakeSecret([&](std::uint32_t bound) { return n++ % bound; });
  EXPECT_EQ(s, "ABCDEF");
  EXPECT_EQ(NormalizeSecret("abc-def"), "ABCDEF");
  EXPECT_EQ(NormalizeSecret(" ABC DEF "), "ABCDEF");
  EXPECT_FALSE(NormalizeSecret("ABCDE"));
  EXPECT_FALSE(NormalizeSecret("ABCDEFG"));
  EXPECT_FALSE(NormalizeSecret("ABCDE0"));
  EXPECT_FALSE(NormalizeSecret(""));
}

}  // namespace
}  // namespace motcua::core::dossier
