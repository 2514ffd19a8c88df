// Form schemas: reading YAML (with located problems), writing it back, and the front end's JSON.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/forms/schema_yaml.hpp"

namespace motcua::core::forms {
namespace {

struct Parsed {
  Schema schema;
  text::LineProblems problems;
};

Parsed ParseText(const std::string& yaml) {
  Parsed out;
  YAML::Node node = YAML::Load(yaml);
  out.schema = ParseSchema(node["form"], out.problems);
  return out;
}

std::string All(const text::LineProblems& problems) {
  std::string out;
  for (const auto& p : problems) out += std::to_string(p.line) + ": " + p.message + "\n";
  return out;
}

bool Has(const text::LineProblems& problems, int line, const std::string& part) {
  return std::any_of(problems.begin(), problems.end(), [&](const text::LineProblem& p) {
    return p.line == line && p.message.find(part) != std::string::npos;
  });
}

const char* kGood = R"(form:
  - key: applicant
    type: group
    label: Người nộp
    fields:
      - key: kind
        type: choice
        label: Loại
        options:
          - value: person
            label: Cá nhân
          - value: company
            label: Tổ chức
        required: true
      - key: tax
        type: tax_code
        label: Mã số thuế
        show_if:
          field: kind
          equals: [company]
  - key: items
    type: repeat
    label: Danh sách
    min_items: 1
    max_items: 5
    fields:
      - key: has_plan
        type: yes_no
        label: Có bản vẽ
      - key: plan_date
        type: date
        label: Ngày lập
        min: 2000-01-01
        max: today
        show_if:
          field: has_plan
          equals: [true]
  - key: licence_fee
    type: money
    label: Lệ phí
    min: 0
    max: 5000000
  - key: email
    type: email
    label: Thư điện tử
    min_length: 5
    max_length: 100
    prefill: profile.email
    show_if:
      field: applicant.kind
      equals: [person, company]
)";

TEST(FormsSchema, ParsesEveryKind) {
  Parsed p = ParseText(kGood);
  ASSERT_TRUE(p.problems.empty()) << All(p.problems);
  ASSERT_EQ(p.schema.fields.size(), 4u);
  const Field& applicant = p.schema.fields[0];
  EXPECT_EQ(applicant.type, FieldType::kGroup);
  ASSERT_EQ(applicant.fields.size(), 2u);
  EXPECT_EQ(applicant.fields[0].options.size(), 2u);
  EXPECT_TRUE(applicant.fields[0].required);
  EXPECT_EQ(applicant.fields[1].show_if, (ShowIf{"kind", {"company"}}));
  const Field& items = p.schema.fields[1];
  EXPECT_EQ(items.min_items, 1);
  EXPECT_EQ(items.max_items, 5);
  const Field& plan_date = items.fields[1];
  ASSERT_TRUE(plan_date.min_date && plan_date.max_date);
  EXPECT_FALSE(plan_date.min_date->today);
  EXPECT_TRUE(plan_date.max_date->today);
  EXPECT_EQ(p.schema.fields[2].max, 5000000.0);
  EXPECT_EQ(p.schema.fields[3].prefill, Prefill::kEmail);
  EXPECT_EQ(p.schema.fields[3].max_length, 100);
  EXPECT_EQ(FindField(p.schema.fields, "applicant.kind"), &applicant.fields[0]);
  EXPECT_EQ(FindField(p.schema.fields, "items.has_plan"), nullptr);  // never into a repeat
  EXPECT_EQ(FindField(p.schema.fields, "nothing"), nullptr);
}

TEST(FormsSchema, WritesBackWhatItRead) {
  Parsed p = ParseText(kGood);
  ASSERT_TRUE(p.problems.empty()) << All(p.problems);
  text::YamlNode doc = text::YamlNode::Map();
  doc.Add("form", EmitSchema(p.schema));
  EXPECT_EQ(doc.Render(), kGood);
}

TEST(FormsSchema, ReportsEveryProblemWithItsLine) {
  Parsed p = ParseText(R"(form:
  - key: Name
    type: text
    label: Tên
  - key: age
    type: number
    label: Tuổi
    integer: true
    min: 1.5
    options: []
  - key: pick
    type: choice
    label: Chọn
    options:
      - value: a
        label: A
      - value: a
  - key: pick
    type: multi_choice
    label: Lặp
    options:
      - value: x
        label: X
  - key: when
    type: date
    label: Ngày
    min: tomorrow
  - key: note
    type: long_text
    show_if:
      field: pick
      equals: [b]
  - key: self
    type: text
    label: Tự
    pattern: '[unclosed'
    prefill: profile.nickname
    show_if:
      field: self
      equals: [x]
  - key: box
    type: group
    label: Hộp
    fields: []
  - key: loop
    type: repeat
    label: Lặp
    min_items: 3
    max_items: 2
    fields:
      - key: inner
        type: text
        label: Trong
  - key: into
    type: text
    label: Vào
    show_if:
      field: loop.inner
      equals: [x]
  - key: yn
    type: text
    label: YN
  - key: money
    type: money
    label: Tiền
    min: -5
)");
  const auto& ps = p.problems;
  EXPECT_TRUE(Has(ps, 2, "lower-case")) << All(ps);
  EXPECT_TRUE(Has(ps, 9, "whole number for an integer field")) << All(ps);
  EXPECT_TRUE(Has(ps, 10, "unknown key 'options'")) << All(ps);
  EXPECT_TRUE(Has(ps, 17, "option 'a': missing key 'label'")) << All(ps);
  EXPECT_TRUE(Has(ps, 17, "used twice")) << All(ps);
  EXPECT_TRUE(Has(ps, 18, "used twice among its siblings (first on line 11)")) << All(ps);
  EXPECT_TRUE(Has(ps, 27, "a date or 'today'")) << All(ps);
  EXPECT_TRUE(Has(ps, 28, "missing key 'label'")) << All(ps);
  EXPECT_TRUE(Has(ps, 32, "show_if value 'b' is not a value of 'pick' (one of: a, a)")) << All(ps);
  EXPECT_TRUE(Has(ps, 36, "not a valid regular expression")) << All(ps);
  EXPECT_TRUE(Has(ps, 37, "'profile.nickname' is not a valid prefill")) << All(ps);
  EXPECT_TRUE(Has(ps, 39, "show_if refers to the field itself")) << All(ps);
  EXPECT_TRUE(Has(ps, 44, "'fields' must not be an empty list")) << All(ps);
  EXPECT_TRUE(Has(ps, 48, "min_items is greater than max_items")) << All(ps);
  EXPECT_TRUE(Has(ps, 58, "show_if refers to 'loop.inner'")) << All(ps);
  EXPECT_TRUE(Has(ps, 66, "between 0 and")) << All(ps);
}

TEST(FormsSchema, NotAList) {
  text::LineProblems problems;
  ParseSchema(YAML::Load("form: {a: 1}")["form"], problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 1);
}

TEST(FormsSchema, JsonForTheFrontEnd) {
  Parsed p = ParseText(kGood);
  ASSERT_TRUE(p.problems.empty()) << All(p.problems);
  nlohmann::json j = ToJson(p.schema);
  ASSERT_TRUE(j["fields"].is_array());
  const auto& applicant = j["fields"][0];
  EXPECT_EQ(applicant["type"], "group");
  EXPECT_EQ(applicant["required"], false);
  EXPECT_EQ(applicant["fields"][0]["options"][1], (nlohmann::json{{"value", "company"}, {"label", "Tổ chức"}}));
  EXPECT_EQ(applicant["fields"][1]["show_if"], (nlohmann::json{{"field", "kind"}, {"equals", {"company"}}}));
  const auto& plan_date = j["fields"][1]["fields"][1];
  EXPECT_EQ(plan_date["min"], "2000-01-01");
  EXPECT_EQ(plan_date["max"], "today");
  EXPECT_EQ(j["fields"][2]["max"], 5000000);
  EXPECT_TRUE(j["fields"][2]["max"].is_number_integer());
  EXPECT_EQ(j["fields"][3]["prefill"], "profile.email");
  EXPECT_FALSE(j["fields"][3].contains("label_en"));
  EXPECT_FALSE(j["fields"][3].contains("fields"));
}

TEST(FormsSchema, EnumNamesRoundTrip) {
  for (auto type :
       {FieldType::kText, FieldType::kLongText, FieldType::kNumber, FieldType::kMoney, FieldType::kDate,
        FieldType::kChoice, FieldType::kMultiChoice, FieldType::kYesNo, FieldType::kCitizenId, FieldType::kTaxCode,
        FieldType::kPhone, FieldType::kEmail, FieldType::kAddress, FieldType::kGroup, FieldType::kRepeat})
    EXPECT_EQ(FieldTypeFromString(ToString(type)), type);
  EXPECT_EQ(FieldTypeFromString("rich_text"), std::nullopt);
  EXPECT_EQ(PrefillFromString("profile.tax_code"), Prefill::kTaxCode);
}

}  // namespace
}  // namespace motcua::core::forms
