// Rollout selection, online dates and progress counts over the mini catalog.
#include <gtest/gtest.h>

#include "catalog_fixture.hpp"
#include "core/catalog/rollout.hpp"
#include "core/catalog/yaml_io.hpp"

namespace motcua::core::catalog {
namespace {

using namespace std::chrono;

year_month_day D(int y, unsigned m, unsigned d) { return year_month_day{year{y}, month{m}, day{d}}; }

const AgencyCode kCity{"000.00.00.H26"};
const AgencyCode kCongThuong{"000.00.01.H26"};
const AgencyCode kBaDinh{"000.00.13.H26"};
const AgencyCode kHoanKiem{"000.00.14.H26"};
const AgencyCode kSocSon{"000.00.40.H26"};
const AgencyCode kPhucXa{"000.01.13.H26"};
const AgencyCode kTrucBach{"000.02.13.H26"};
const AgencyCode kPhuLinh{"000.01.40.H26"};
const ProcedureCode kBirth{"H26.PX.HT.01"};
const ProcedureCode kMarriage{"H26.PX.HT.02"};
const ProcedureCode kCertify{"H26.QH.TP.01"};
const ProcedureCode kBuild{"H26.QH.XD.01"};
const ProcedureCode kTobacco{"H26.SO.CT.01"};

class CatalogRollout : public ::testing::Test {
 protected:
  void SetUp() override {
    LoadResult r = Load(testing::MiniCatalog());
    ASSERT_TRUE(r.ok());
    c_ = *r.catalog;
  }
  std::vector<std::string> Select(const ProcedureCode& code, const AgencySelector& selector) const {
    std::vector<std::string> out;
    for (const Agency* a : SelectAgencies(c_, *c_.FindProcedure(code), selector)) out.push_back(a->code.value);
    return out;
  }
  Catalog c_;
};

using Codes = std::vector<std::string>;

TEST_F(CatalogRollout, TierSelectorPicksAgenciesOfTheTierThatHandleTheProcedure) {
  EXPECT_EQ(Select(kBirth, TierSelector{{Tier::kWard}, false}),
            (Codes{kPhucXa.value, kTrucBach.value, kPhuLinh.value}));
  EXPECT_EQ(Select(kBuild, TierSelector{{Tier::kDistrict}, false}),
            (Codes{kBaDinh.value, kHoanKiem.value, kSocSon.value}));
  // A tier the procedure is not handled at selects nothing.
  EXPECT_TRUE(Select(kBuild, TierSelector{{Tier::kWard}, false}).empty());
  // The department tier means the procedure's own department only.
  EXPECT_EQ(Select(kTobacco, TierSelector{{Tier::kDepartment}, false}), (Codes{kCongThuong.value}));
}

TEST_F(CatalogRollout, InnerOnlyKeepsInnerDistrictsAndTheirWards) {
  EXPECT_EQ(Select(kBuild, TierSelector{{Tier::kDistrict}, true}), (Codes{kBaDinh.value, kHoanKiem.value}));
  EXPECT_EQ(Select(kMarriage, TierSelector{{Tier::kWard}, true}), (Codes{kPhucXa.value, kTrucBach.value}));
  EXPECT_EQ(Select(kCertify, TierSelector{{Tier::kDistrict, Tier::kWard}, true}),
            (Codes{kBaDinh.value, kHoanKiem.value, kPhucXa.value, kTrucBach.value}));
}

TEST_F(CatalogRollout, HandlingAndCodeSelectors) {
  EXPECT_EQ(Select(kTobacco, HandlingSelector{}), (Codes{kCongThuong.value}));
  EXPECT_EQ(Select(kCertify, HandlingSelector{}),
            (Codes{kBaDinh.value, kHoanKiem.value, kSocSon.value, kPhucXa.value, kTrucBach.value, kPhuLinh.value}));
  // Codes keep catalog order and drop agencies that do not handle the procedure or do not exist.
  EXPECT_EQ(Select(kCertify, CodeSelector{{kPhucXa, kCongThuong, AgencyCode{"000.09.09.H26"}, kBaDinh}}),
            (Codes{kBaDinh.value, kPhucXa.value}));
}

TEST_F(CatalogRollout, WaveDatesComeFromTheWaveOrItsSetting) {
  EXPECT_EQ(WaveDate(c_, c_.waves[0]), D(2017, 1, 19));
  EXPECT_EQ(WaveDate(c_, c_.waves[1]), D(2017, 2, 20));
  c_.settings["wave2_date"] = "2017-02-27";
  EXPECT_EQ(WaveDate(c_, c_.waves[1]), D(2017, 2, 27));
  c_.settings["wave2_date"] = "";
  EXPECT_EQ(WaveDate(c_, c_.waves[1]), std::nullopt);
  c_.settings.erase("wave2_date");
  EXPECT_EQ(WaveDate(c_, c_.waves[1]), std::nullopt);
}

TEST_F(CatalogRollout, OnlineSince) {
  EXPECT_EQ(OnlineSince(c_, kBirth, kPhuLinh), D(2017, 1, 19));
  EXPECT_EQ(OnlineSince(c_, kCertify, kBaDinh), D(2017, 1, 19));
  EXPECT_EQ(OnlineSince(c_, kCertify, kPhucXa), D(2017, 1, 19));
  EXPECT_EQ(OnlineSince(c_, kCertify, kTrucBach), std::nullopt);  // not in the codes list
  EXPECT_EQ(OnlineSince(c_, kBuild, kHoanKiem), D(2017, 2, 20));  // wave 2, from the setting
  EXPECT_EQ(OnlineSince(c_, kBuild, kSocSon), std::nullopt);      // not an inner district
  EXPECT_EQ(OnlineSince(c_, kBuild, kPhucXa), std::nullopt);      // not handled at wards
  EXPECT_EQ(OnlineSince(c_, kTobacco, kCongThuong), D(2017, 2, 20));
  EXPECT_EQ(OnlineSince(c_, kTobacco, kCity), std::nullopt);
  EXPECT_EQ(OnlineSince(c_, kMarriage, kTrucBach), D(2017, 3, 15));
  EXPECT_EQ(OnlineSince(c_, kMarriage, kPhuLinh), std::nullopt);
  EXPECT_EQ(OnlineSince(c_, ProcedureCode{"H26.NO.NE.01"}, kBaDinh), std::nullopt);
  EXPECT_EQ(OnlineSince(c_, kBuild, AgencyCode{"000.09.09.H26"}), std::nullopt);

  c_.settings["wave2_date"] = "";  // the admin has not set it yet
  EXPECT_EQ(OnlineSince(c_, kBuild, kHoanKiem), std::nullopt);
}

TEST_F(CatalogRollout, IsOnlineFromTheWaveDateOn) {
  EXPECT_FALSE(IsOnline(c_, kBuild, kBaDinh, D(2017, 2, 19)));
  EXPECT_TRUE(IsOnline(c_, kBuild, kBaDinh, D(2017, 2, 20)));
  EXPECT_TRUE(IsOnline(c_, kBuild, kBaDinh, D(2020, 1, 1)));
  EXPECT_FALSE(IsOnline(c_, kBuild, kSocSon, D(2020, 1, 1)));
}

TEST_F(CatalogRollout, TheEarliestWaveWins) {
  c_.waves[2].rollouts.push_back(Rollout{{kBirth}, CodeSelector{{kPhuLinh}}});
  EXPECT_EQ(OnlineSince(c_, kBirth, kPhuLinh), D(2017, 1, 19));
  size_t found = 0;
  for (const auto& p : Placements(c_)) {
    if (p.procedure->code == kBirth && p.agency->code == kPhuLinh) {
      ++found;
      EXPECT_EQ(p.wave, 1);
      EXPECT_EQ(p.since, D(2017, 1, 19));
    }
  }
  EXPECT_EQ(found, 1u);
}

TEST_F(CatalogRollout, PlacementsListEveryPlannedPairOnce) {
  auto placements = Placements(c_);
  ASSERT_EQ(placements.size(), 10u);  // 3 births + 2 certifications + 2 permits + 1 licence + 2 marriages
  EXPECT_EQ(placements.front().procedure->code, kBirth);  // catalog order: procedures by code
  EXPECT_EQ(placements.front().agency->code, kPhucXa);
  for (const auto& p : placements) EXPECT_EQ(p.since, OnlineSince(c_, p.procedure->code, p.agency->code));
}

TEST_F(CatalogRollout, AgencyProgress) {
  Progress before = AgencyProgress(c_, kBaDinh, D(2017, 1, 18));
  EXPECT_EQ(before.total, (Counts{2, 0}));
  Progress feb = AgencyProgress(c_, kBaDinh, D(2017, 2, 1));
  EXPECT_EQ(feb.total, (Counts{2, 1}));
  EXPECT_EQ(feb.by_level.at(Level::kLevel3), (Counts{1, 0}));
  EXPECT_EQ(feb.by_level.at(Level::kLevel4), (Counts{1, 1}));
  EXPECT_EQ(AgencyProgress(c_, kSocSon, D(2017, 6, 1)).total, (Counts{0, 0}));
}

TEST_F(CatalogRollout, ProgressByTier) {
  auto progress = ProgressByTier(c_, D(2017, 3, 1));
  ASSERT_EQ(progress.size(), 3u);
  const TierProgress& ward = progress.at(Tier::kWard);
  EXPECT_EQ(ward.procedures.total, (Counts{3, 2}));  // birth, certification live; marriage from 15/03
  EXPECT_EQ(ward.placements.total, (Counts{6, 4}));
  EXPECT_EQ(ward.procedures.by_level.at(Level::kLevel4), (Counts{1, 1}));
  const TierProgress& district = progress.at(Tier::kDistrict);
  EXPECT_EQ(district.procedures.total, (Counts{2, 2}));
  EXPECT_EQ(district.placements.total, (Counts{3, 3}));
  EXPECT_EQ(progress.at(Tier::kDepartment).procedures.total, (Counts{1, 1}));

  auto later = ProgressByTier(c_, D(2017, 3, 15));
  EXPECT_EQ(later.at(Tier::kWard).procedures.total, (Counts{3, 3}));
}

}  // namespace
}  // namespace motcua::core::catalog
