// Writing a catalog back: canonical files come back byte for byte, and whatever is written loads
// back as the same catalog.
#include <gtest/gtest.h>

#include "catalog_fixture.hpp"
#include "core/catalog/yaml_io.hpp"

namespace motcua::core::catalog {
namespace {

std::string All(const std::vector<Problem>& problems) {
  std::string out;
  for (const auto& p : problems) out += ToString(p) + "\n";
  return out;
}

Catalog MustLoad(const std::vector<SourceFile>& files) {
  LoadResult r = Load(files);
  EXPECT_TRUE(r.ok()) << All(r.problems);
  return r.ok() ? *r.catalog : Catalog{};
}

TEST(CatalogExport, CanonicalFilesRoundTripByteForByte) {
  const auto files = testing::MiniCatalog();
  const auto exported = Export(MustLoad(files));
  ASSERT_EQ(exported.size(), files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    EXPECT_EQ(exported[i].path, files[i].path);
    EXPECT_EQ(exported[i].text, files[i].text) << files[i].path;
  }
}

TEST(CatalogExport, LoadOfExportIsTheSameCatalog) {
  const Catalog c = MustLoad(testing::MiniCatalog());
  EXPECT_EQ(MustLoad(Export(c)), c);
}

TEST(CatalogExport, NonCanonicalInputIsNormalised) {
  auto files = testing::MiniCatalog();
  files[0].text =
      "# Hà Nội\n"
      "province_code: \"H26\"\n"
      "province: 'Thành phố Hà Nội'\n"
      "settings: {wave2_date: '2017-02-20', unset: null}\n"
      "province_en: Hanoi City\n\n\n";
  files[1].text =
      "fields:\n"
      "- {key: xay-dung, name: Xây dựng, name_en: Construction}\n"
      "- key: tu-phap\n"
      "  name: Tư pháp   # comment\n"
      "  name_en: ''\n"
      "- key: cong-thuong\n"
      "  name_en: Industry and Trade\n"
      "  name: Công Thương\n";
  const auto exported = Export(MustLoad(files));
  EXPECT_EQ(exported[0].text,
            "province: Thành phố Hà Nội\n"
            "province_en: Hanoi City\n"
            "province_code: H26\n"
            "settings:\n"
            "  unset: null\n"
            "  wave2_date: 2017-02-20\n");
  EXPECT_EQ(exported[1].text, testing::MiniCatalog()[1].text);
  // ...and the normalised form is a fixed point.
  EXPECT_EQ(Export(MustLoad(exported)), exported);
}

TEST(CatalogExport, AwkwardTextSurvivesTheRoundTrip) {
  Catalog c = MustLoad(testing::MiniCatalog());
  const std::vector<std::string> awkward = {
      "2017",           "true",           "null",     "Số 1: Núi Đôi", "#1 ưu tiên", "- gạch đầu dòng", "'trích dẫn'",
      "\"ngoặc kép\"",  "dòng 1\ndòng 2", "[Hà Nội]", "50%",           "a, b",       " cách đầu",       "~",
      "0100109106-001", "12:30"};
  Procedure& p = c.procedures[0];
  p.legal_basis = awkward;
  p.name = awkward[3];
  p.result = awkward[2];
  c.agencies[0].phone = awkward[0];
  c.agencies[1].name = awkward[9];
  c.fields[0].name_en = awkward[6];
  p.fee.push_back({awkward[5], 0, awkward[1]});
  p.components[0].template_file = awkward[4];
  forms::Field f;
  f.key = "k";
  f.type = forms::FieldType::kChoice;
  f.label = awkward[10];
  f.help = awkward[8];
  f.pattern = "^[0-9]{3}: .*$";
  f.options = {{"1", awkward[11], ""}, {"yes", awkward[12], awkward[13]}, {"a, b", "x", ""}};
  forms::Field g;
  g.key = "g";
  g.type = forms::FieldType::kText;
  g.label = "g";
  g.show_if = forms::ShowIf{"k", {"1", "yes", "a, b"}};
  p.form.fields = {f, g};
  c.settings["note"] = awkward[3];
  c.settings["flag"] = "true";
  const auto exported = Export(c);
  const Catalog back = MustLoad(exported);
  EXPECT_EQ(back, c);
  EXPECT_EQ(Export(back), exported);
}

TEST(CatalogExport, WardFileNamesForACatalogBuiltInCode) {
  Catalog c = MustLoad(testing::MiniCatalog());
  c.ward_files.clear();
  std::vector<std::string> paths;
  for (const auto& f : Export(c)) paths.push_back(f.path);
  EXPECT_NE(std::find(paths.begin(), paths.end(), "wards/ba-dinh.yaml"), paths.end());
  EXPECT_NE(std::find(paths.begin(), paths.end(), "wards/soc-son.yaml"), paths.end());
}

}  // namespace
}  // namespace motcua::core::catalog
