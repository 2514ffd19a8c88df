// Loading catalog YAML: a valid catalog loads completely; a broken one reports every problem with
// its file and line, and no catalog.
#include <gtest/gtest.h>

#include <algorithm>

#include "catalog_fixture.hpp"
#include "core/catalog/yaml_io.hpp"

namespace motcua::core::catalog {
namespace {

using std::chrono::year_month_day;

std::string All(const std::vector<Problem>& problems) {
  std::string out;
  for (const auto& p : problems) out += ToString(p) + "\n";
  return out;
}

// `files` with `from` replaced by `to` in the file at `path` (the text must be there).
std::vector<SourceFile> Edit(std::vector<SourceFile> files, const std::string& path, const std::string& from,
                             const std::string& to) {
  for (auto& f : files) {
    if (f.path != path) continue;
    auto pos = f.text.find(from);
    EXPECT_NE(pos, std::string::npos) << path << " has no '" << from << "'";
    if (pos != std::string::npos) f.text.replace(pos, from.size(), to);
  }
  return files;
}

bool Has(const std::vector<Problem>& problems, const std::string& file, int line, const std::string& part) {
  return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) {
    return p.file == file && p.line == line && p.message.find(part) != std::string::npos;
  });
}

TEST(CatalogLoad, ValidCatalogLoadsCompletely) {
  LoadResult r = Load(testing::MiniCatalog());
  ASSERT_TRUE(r.ok()) << All(r.problems);
  EXPECT_TRUE(r.problems.empty());
  const Catalog& c = *r.catalog;
  EXPECT_EQ(c.province, "Thành phố Hà Nội");
  EXPECT_EQ(c.province_code, "H26");
  EXPECT_EQ(c.settings.at("wave2_date"), "2017-02-20");
  EXPECT_EQ(c.fields.size(), 3u);
  ASSERT_EQ(c.agencies.size(), 8u);
  EXPECT_EQ(c.agencies[0].code.value, "000.00.00.H26");
  EXPECT_FALSE(c.agencies[0].parent);
  EXPECT_EQ(c.agencies[5].code.value, "000.01.13.H26");  // wards files after agencies.yaml, by file name
  EXPECT_EQ(c.agencies[7].kind, AgencyKind::kCommune);
  EXPECT_EQ(c.agencies[4].address, "Số 1: Núi Đôi, Sóc Sơn");
  EXPECT_EQ(c.ward_files.at(AgencyCode{"000.00.40.H26"}), "soc-son");

  const Agency* ba_dinh = c.FindAgency(AgencyCode{"000.00.13.H26"});
  ASSERT_TRUE(ba_dinh);
  EXPECT_TRUE(ba_dinh->inner);
  EXPECT_EQ(ba_dinh->tier, Tier::kDistrict);
  ASSERT_TRUE(ba_dinh->FindUnit(UnitKey{"vp"}));
  EXPECT_TRUE(ba_dinh->FindUnit(UnitKey{"vp"})->one_stop);

  ASSERT_EQ(c.procedures.size(), 5u);
  EXPECT_EQ(c.procedures.front().code.value, "H26.PX.HT.01");  // by code
  const Procedure* xd = c.FindProcedure(ProcedureCode{"H26.QH.XD.01"});
  ASSERT_TRUE(xd);
  EXPECT_EQ(xd->valid_from, year_month_day(std::chrono::year{2017}, std::chrono::January, std::chrono::day{1}));
  EXPECT_EQ(xd->level, Level::kLevel3);
  EXPECT_EQ(xd->processing_time, (ProcessingTime{TimeUnit::kWorkingDays, 15}));
  ASSERT_EQ(xd->fee.size(), 2u);
  EXPECT_EQ(xd->fee[1].per, "m² sàn");
  EXPECT_EQ(xd->applicants, (std::vector<Applicant>{Applicant::kCitizen, Applicant::kBusiness}));
  EXPECT_EQ(xd->handling_unit.value, "qldt");
  EXPECT_EQ(xd->legal_basis[1], "Thông tư 15/2016/TT-BXD: hướng dẫn cấp giấy phép xây dựng");
  ASSERT_EQ(xd->components.size(), 2u);
  EXPECT_TRUE(xd->components[0].required);
  EXPECT_EQ(xd->components[0].template_file, "mau-01-don-xin-cap-gpxd.docx");
  EXPECT_EQ(xd->components[1].file_types, (std::vector<FileType>{FileType::kPdf, FileType::kDwg}));
  ASSERT_EQ(xd->form.fields.size(), 10u);
  EXPECT_EQ(xd->form.fields[0].fields[1].type, forms::FieldType::kCitizenId);

  const Procedure* ht = c.FindProcedure(ProcedureCode{"H26.PX.HT.01"});
  EXPECT_EQ(ht->processing_time, (ProcessingTime{TimeUnit::kWorkingHours, 8}));
  EXPECT_EQ(ht->workflow, WorkflowKind::kOneStopOnly);
  const Procedure* ct = c.FindProcedure(ProcedureCode{"H26.SO.CT.01"});
  EXPECT_EQ(ct->department, AgencyCode{"000.00.01.H26"});

  ASSERT_EQ(c.waves.size(), 3u);
  EXPECT_EQ(c.waves[1].date_setting, "wave2_date");
  EXPECT_FALSE(c.waves[1].date);
  EXPECT_EQ(c.waves[1].rollouts[0].agencies, AgencySelector(TierSelector{{Tier::kDistrict}, true}));
  EXPECT_TRUE(std::holds_alternative<HandlingSelector>(c.waves[1].rollouts[1].agencies));
  EXPECT_EQ(std::get<CodeSelector>(c.waves[0].rollouts[1].agencies).codes.size(), 2u);
}

TEST(CatalogLoad, FileOrderDoesNotMatter) {
  auto files = testing::MiniCatalog();
  std::reverse(files.begin(), files.end());
  LoadResult reversed = Load(files);
  ASSERT_TRUE(reversed.ok()) << All(reversed.problems);
  EXPECT_EQ(*reversed.catalog, *Load(testing::MiniCatalog()).catalog);
}

TEST(CatalogLoad, BrokenCatalogReportsEveryProblemWithFileAndLine) {
  const std::vector<SourceFile> files = {
      {"catalog.yaml",
       "province: Thành phố Hà Nội\n"  // 1
       "province_code: H26\n"          // 2
       "colour: blue\n"                // 3 unknown key
       "settings:\n"                   // 4
       "  wave2_date: soon\n"},        // 5
      {"fields.yaml",
       "fields:\n"                 // 1
       "  - key: xay-dung\n"       // 2
       "    name: Xây dựng\n"      // 3
       "  - key: xay-dung\n"       // 4 duplicate
       "    name: Xây dựng lại\n"  // 5
       "  - key: Tu_Phap\n"        // 6 bad key
       "    name: Tư pháp\n"},     // 7
      {"agencies.yaml",
       "agencies:\n"                                   // 1
       "  - code: 000.00.00.H26\n"                     // 2
       "    name: Ủy ban nhân dân Thành phố Hà Nội\n"  // 3
       "    kind: city\n"                              // 4
       "    tier: city\n"                              // 5
       "    parent: null\n"                            // 6
       "    address: Hà Nội\n"                         // 7
       "  - code: 000.00.01.H26\n"                     // 8
       "    name: Sở Xây dựng\n"                       // 9
       "    kind: department\n"                        // 10
       "    tier: district\n"                          // 11 kind/tier mismatch
       "    parent: 000.00.00.H26\n"                   // 12
       "    address: Hà Nội\n"                         // 13
       "    units:\n"                                  // 14
       "      - key: qlxd\n"                           // 15
       "        name: Phòng Quản lý xây dựng\n"        // 16
       "      - key: qlxd\n"                           // 17 duplicate unit
       "        name: Trùng\n"                         // 18
       "  - code: 000.00.13.H26\n"                     // 19
       "    name: Ủy ban nhân dân quận Ba Đình\n"      // 20
       "    kind: urban_district\n"                    // 21
       "    tier: district\n"                          // 22
       "    parent: 000.00.99.H26\n"                   // 23 no such parent
       "    inner: maybe\n"                            // 24 not a boolean
       "    address: Ba Đình\n"                        // 25
       "  - code: 000.00.13.H26\n"                     // 26 duplicate code, no address
       "    name: Trùng mã\n"                          // 27
       "    kind: urban_district\n"                    // 28
       "    tier: district\n"                          // 29
       "    parent: 000.00.00.H26\n"},                 // 30
      {"wards/ba-dinh.yaml",
       "agencies:\n"                                           // 1
       "  - code: 000.01.13.H26\n"                             // 2
       "    name: Phường Phúc Xá\n"                            // 3
       "    kind: ward\n"                                      // 4
       "    tier: ward\n"                                      // 5
       "    parent: 000.00.13.H26\n"                           // 6
       "    address: Phúc Xá\n"                                // 7
       "    units:\n"                                          // 8
       "      - key: tu-phap\n"                                // 9
       "        name: \"Co\\u0302ng chu\\u031B\\u0301c\"\n"},  // 10 decomposed (not NFC)
      {"procedures/H26.QH.XD.01.yaml",
       "code: H26.QH.XD.02\n"            // 1 file name differs
       "version: 1\n"                    // 2
       "valid_from: 2017-13-01\n"        // 3 no such date
       "name: Cấp giấy phép xây dựng\n"  // 4
       "field: xay-dun\n"                // 5 no such field
       "tiers: [district, city]\n"       // 6 city handles nothing
       "level: 5\n"                      // 7 out of range
       "processing_time:\n"              // 8
       "  working_days: 15\n"            // 9 both units
       "  working_hours: 8\n"            // 10
       "applicants: [citizen]\n"         // 11
       "handling_unit: qldt\n"           // 12
       "workflow: fast\n"                // 13 no such workflow
       "result: Giấy phép\n"             // 14
       "legal_basis: [Luật Xây dựng]\n"  // 15
       "components:\n"                   // 16
       "  - kind: original\n"            // 17 no name
       "    count: 1\n"                  // 18
       "    file_types: [pdf, exe]\n"    // 19 no such file type
       "    max_size_mb: 10\n"           // 20
       "form:\n"                         // 21
       "  - key: purpose\n"              // 22 choice without options
       "    type: choice\n"              // 23
       "    label: Mục đích\n"           // 24
       "  - key: note\n"                 // 25
       "    type: rich_text\n"           // 26 no such type
       "    label: Ghi chú\n"            // 27
       "  - key: other\n"                // 28
       "    type: text\n"                // 29
       "    label: Khác\n"               // 30
       "    show_if:\n"                  // 31
       "      field: purpos\n"           // 32 no such field
       "      equals: [khac]\n"},        // 33
      {"procedures/H26.SO.XD.01.yaml",
       "code: H26.SO.XD.01\n"             // 1
       "version: 1\n"                     // 2
       "valid_from: 2017-01-01\n"         // 3
       "name: Cấp chứng chỉ hành nghề\n"  // 4
       "field: xay-dung\n"                // 5
       "tiers: [department]\n"            // 6
       "department: 000.00.01.H26\n"      // 7 (a district, because of line 11 of agencies.yaml)
       "level: 3\n"                       // 8
       "processing_time: {}\n"            // 9 neither unit
       "applicants: [business]\n"         // 10
       "handling_unit: qlxd\n"            // 11
       "workflow: standard\n"             // 12
       "result: Chứng chỉ\n"              // 13
       "legal_basis:\n"                   // 14
       "  - Luật Xây dựng\n"              // 15
       "components:\n"                    // 16
       "  - name: Đơn\n"                  // 17
       "    kind: original\n"             // 18
       "    count: 1\n"                   // 19
       "    file_types: [pdf]\n"          // 20
       "    max_size_mb: 10\n"},          // 21
      {"procedures/H26.PX.HT.01.yaml",
       "code: H26.PX.HT.01\n"
       "name: [unclosed\n"
       "version: 1\n"},
      {"waves.yaml",
       "waves:\n"                                         // 1
       "  - number: 1\n"                                  // 2
       "    name: Đợt 1\n"                                // 3
       "    date: 2017-01-19\n"                           // 4
       "    rollouts:\n"                                  // 5
       "      - procedures: [H26.SO.XD.01, H26.XX.01]\n"  // 6 no such procedure
       "        agencies:\n"                              // 7
       "          handling: true\n"                       // 8
       "  - number: 2\n"                                  // 9
       "    name: Đợt 2\n"                                // 10
       "    setting: wave2_date\n"                        // 11 'soon' is no date
       "    rollouts:\n"                                  // 12
       "      - procedures: [H26.SO.XD.01]\n"             // 13 already in wave 1
       "        agencies:\n"                              // 14
       "          codes: [000.00.77.H26]\n"},             // 15 no such agency
  };
  LoadResult r = Load(files);
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(r.catalog);
  const auto& p = r.problems;
  const std::string xd = "procedures/H26.QH.XD.01.yaml";
  const std::string so = "procedures/H26.SO.XD.01.yaml";
  struct Expected {
    std::string file;
    int line;
    std::string part;
  };
  const std::vector<Expected> expected = {
      {"catalog.yaml", 3, "unknown key 'colour'"},
      {"fields.yaml", 4, "'xay-dung' is used twice (first on line 2)"},
      {"fields.yaml", 6, "lower-case letters"},
      {"agencies.yaml", 11, "kind 'department' belongs to tier 'department', not 'district'"},
      {"agencies.yaml", 17, "'qlxd' is used twice in this agency"},
      {"agencies.yaml", 23, "parent 000.00.99.H26 does not exist"},
      {"agencies.yaml", 24, "must be true or false"},
      {"agencies.yaml", 26, "000.00.13.H26 is used twice (first at agencies.yaml:19)"},
      {"agencies.yaml", 26, "missing key 'address'"},
      {"wards/ba-dinh.yaml", 10, "NFC"},
      {xd, 1, "must be named procedures/H26.QH.XD.02.yaml"},
      {xd, 3, "must be a date"},
      {xd, 5, "field 'xay-dun' is not in fields.yaml"},
      {xd, 6, "'city' is not a valid item of 'tiers'"},
      {xd, 7, "between 2 and 4"},
      {xd, 9, "not both"},
      {xd, 13, "'fast' is not a valid workflow"},
      {xd, 17, "component 1: missing key 'name'"},
      {xd, 19, "'exe' is not a valid item of 'file_types'"},
      {xd, 22, "missing key 'options'"},
      {xd, 26, "'rich_text' is not a valid type"},
      {xd, 32, "show_if refers to 'purpos'"},
      {so, 7, "000.00.01.H26 is a district-tier agency, not a department"},
      {so, 9, "give working_days or working_hours"},
      {"waves.yaml", 6, "procedure H26.XX.01 does not exist"},
      {"waves.yaml", 11, "holds 'soon', not a date"},
      {"waves.yaml", 13, "H26.SO.XD.01 is already in wave 1 (line 6)"},
      {"waves.yaml", 15, "agency 000.00.77.H26 does not exist"},
  };
  for (const auto& e : expected)
    EXPECT_TRUE(Has(p, e.file, e.line, e.part)) << e.file << ":" << e.line << " " << e.part << "\nall:\n" << All(p);
  // The syntax error stops only its own file.
  EXPECT_TRUE(std::any_of(p.begin(), p.end(), [](const Problem& x) {
    return x.file == "procedures/H26.PX.HT.01.yaml" && x.line > 0 &&
           x.message.find("YAML syntax error") != std::string::npos;
  })) << All(p);
  // Problems come by file in catalog order, then by line.
  EXPECT_EQ(p.front().file, "catalog.yaml");
  EXPECT_EQ(p.back().file, "waves.yaml");
}

TEST(CatalogLoad, MissingAndUnexpectedFiles) {
  LoadResult r = Load({{"README.md", "hi"}, {"procedures/x.yml", ""}, {"wards/Ba Dinh.yaml", ""}});
  EXPECT_FALSE(r.ok());
  for (const char* f : {"catalog.yaml", "fields.yaml", "agencies.yaml", "waves.yaml"})
    EXPECT_TRUE(Has(r.problems, f, 0, "the file is missing")) << f << "\n" << All(r.problems);
  for (const char* f : {"README.md", "procedures/x.yml", "wards/Ba Dinh.yaml"})
    EXPECT_TRUE(Has(r.problems, f, 0, "unexpected file")) << f << "\n" << All(r.problems);
}

TEST(CatalogLoad, EmptyFileAndBadUtf8) {
  auto files = testing::MiniCatalog();
  files[1].text = "";
  files[0].text = "province: H\xE0 N\xF4i\nprovince_code: H26\n";  // Latin-1, not UTF-8
  LoadResult r = Load(files);
  EXPECT_TRUE(Has(r.problems, "catalog.yaml", 1, "not valid UTF-8")) << All(r.problems);
  EXPECT_TRUE(Has(r.problems, "fields.yaml", 0, "the file is empty")) << All(r.problems);
}

TEST(CatalogLoad, HandlingUnitMustExistWhereTheProcedureIsHandled) {
  auto files = Edit(testing::MiniCatalog(), "procedures/H26.QH.XD.01.yaml", "handling_unit: qldt",
                    "handling_unit: qlxd");                                                         // line 18
  files = Edit(files, "procedures/H26.SO.CT.01.yaml", "handling_unit: qltm", "handling_unit: kt");  // line 15
  // Switched on at every district, two of which have no 'tu-phap' unit.
  files = Edit(files, "waves.yaml", "codes: [000.00.13.H26, 000.01.13.H26]", "tiers: [district, ward]");
  LoadResult r = Load(files);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(Has(r.problems, "procedures/H26.QH.XD.01.yaml", 18, "no district-tier agency has a unit 'qlxd'"))
      << All(r.problems);
  EXPECT_TRUE(Has(r.problems, "procedures/H26.SO.CT.01.yaml", 15,
                  "the department 000.00.01.H26 has no unit 'kt' (its units: one-stop, qltm)"))
      << All(r.problems);
  EXPECT_TRUE(Has(r.problems, "waves.yaml", 9,
                  "H26.QH.TP.01 is switched on at 2 agencies without a unit 'tu-phap' to handle it: "
                  "000.00.14.H26, 000.00.40.H26"))
      << All(r.problems);
}

TEST(CatalogLoad, WaveAndSelectorRules) {
  auto files = Edit(testing::MiniCatalog(), "waves.yaml",
                    "      - procedures: [H26.SO.CT.01]\n        agencies:\n          handling: true\n",
                    "      - procedures: [H26.SO.CT.01, H26.SO.CT.01]\n"  // line 20
                    "        agencies:\n"
                    "          tiers: [district]\n"  // line 21
                    "          handling: true\n");
  files = Edit(files, "waves.yaml", "    date: 2017-03-15\n", "    date: 2017-03-15\n    setting: wave2_date\n");
  files = Edit(files, "waves.yaml", "codes: [000.00.13.H26, 000.01.13.H26]", "codes: [000.00.01.H26]");
  LoadResult r = Load(files);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(Has(r.problems, "waves.yaml", 10,
                  "agency 000.00.01.H26 (department tier) does not handle procedure H26.QH.TP.01"))
      << All(r.problems);
  EXPECT_TRUE(Has(r.problems, "waves.yaml", 9, "the rollout selects no agency for procedure H26.QH.TP.01"))
      << All(r.problems);
  EXPECT_TRUE(Has(r.problems, "waves.yaml", 21, "H26.SO.CT.01 is not handled at the district tier")) << All(r.problems);
  EXPECT_TRUE(Has(r.problems, "waves.yaml", 20, "listed twice in this rollout")) << All(r.problems);
  EXPECT_TRUE(Has(r.problems, "waves.yaml", 22, "exactly one of tiers")) << All(r.problems);
  EXPECT_TRUE(Has(r.problems, "waves.yaml", 24, "either date or setting")) << All(r.problems);
}

TEST(CatalogLoad, AgencyTreeRules) {
  auto files = Edit(testing::MiniCatalog(), "wards/soc-son.yaml", "parent: 000.00.40.H26", "parent: 000.00.01.H26");
  files = Edit(files, "agencies.yaml", "    parent: null\n", "    parent: 000.00.13.H26\n");
  files = Edit(files, "agencies.yaml", "  - code: 000.00.14.H26", "  - code: 000.00.14.H25");
  files.push_back({"wards/ba-dinh-2.yaml",
                   "agencies:\n"
                   "  - code: 000.03.13.H26\n"
                   "    name: Phường Cống Vị\n"
                   "    kind: ward\n"
                   "    tier: ward\n"
                   "    parent: 000.00.13.H26\n"
                   "    address: Cống Vị\n"});
  LoadResult r = Load(files);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(Has(r.problems, "wards/soc-son.yaml", 6,
                  "must be of the district tier, and 000.00.01.H26 is of the department tier"))
      << All(r.problems);
  EXPECT_TRUE(Has(r.problems, "agencies.yaml", 7, "the city has no parent")) << All(r.problems);
  EXPECT_TRUE(Has(r.problems, "agencies.yaml", 41, "must end in the province code H26")) << All(r.problems);
  EXPECT_TRUE(Has(r.problems, "wards/ba-dinh.yaml", 6, "already listed in wards/ba-dinh-2.yaml")) << All(r.problems);
}

}  // namespace
}  // namespace motcua::core::catalog
