// Server-side validation of submitted form data.
#include <gtest/gtest.h>

#include "core/forms/schema_yaml.hpp"
#include "core/forms/validate.hpp"

namespace motcua::core::forms {
namespace {

using nlohmann::json;
using namespace std::chrono;

const year_month_day kToday{year{2017}, February, day{20}};

Schema Parse(const std::string& yaml) {
  text::LineProblems problems;
  Schema s = ParseSchema(YAML::Load(yaml)["form"], problems);
  EXPECT_TRUE(problems.empty()) << (problems.empty() ? "" : problems[0].message);
  return s;
}

const Schema& TestSchema() {
  static const Schema schema = Parse(R"(form:
  - key: owner
    type: group
    label: Chủ đầu tư
    fields:
      - key: full_name
        type: text
        label: Họ và tên
        required: true
        min_length: 2
        max_length: 6
      - key: id_number
        type: citizen_id
        label: Số CCCD
        required: true
      - key: kind
        type: choice
        label: Loại
        options:
          - value: person
            label: Cá nhân
          - value: company
            label: Tổ chức
      - key: tax
        type: tax_code
        label: Mã số thuế
        required: true
        show_if:
          field: kind
          equals: [company]
  - key: co_owners
    type: repeat
    label: Đồng sở hữu
    max_items: 2
    fields:
      - key: full_name
        type: text
        label: Họ và tên
        required: true
  - key: floors
    type: number
    label: Số tầng
    integer: true
    min: 1
    max: 7
  - key: cost
    type: money
    label: Giá trị
  - key: start
    type: date
    label: Ngày khởi công
    min: 2017-01-01
    max: today
  - key: uses
    type: multi_choice
    label: Công năng
    options:
      - value: o
        label: Ở
      - value: kd
        label: Kinh doanh
  - key: has_phone
    type: yes_no
    label: Có điện thoại
  - key: phone
    type: phone
    label: Điện thoại
    required: true
    show_if:
      field: has_phone
      equals: [true]
  - key: email
    type: email
    label: Thư điện tử
  - key: code
    type: text
    label: Mã
    pattern: '[A-Z]{2}-[0-9]{3}'
  - key: note
    type: long_text
    label: Ghi chú
  - key: company_note
    type: text
    label: Ghi chú tổ chức
    show_if:
      field: owner.kind
      equals: [company]
  - key: site
    type: address
    label: Địa điểm
)");
  return schema;
}

json Valid() {
  return json{{"owner", {{"full_name", "Hà Nội"}, {"id_number", "001099012345"}, {"kind", "person"}}},
              {"co_owners", json::array({{{"full_name", "Lê Văn"}}})},
              {"floors", 3},
              {"cost", 1500000000},
              {"start", "2017-02-01"},
              {"uses", {"o", "kd"}},
              {"has_phone", false},
              {"email", "a.b@example.vn"},
              {"code", "HN-123"},
              {"note", "dòng 1\ndòng 2"},
              {"site",
               {{"province", "000.00.00.H26"},
                {"district", "000.00.13.H26"},
                {"ward", "000.01.13.H26"},
                {"street", "1 Nghĩa Dũng"}}}};
}

FieldErrors Check(const json& data) { return Validate(TestSchema(), data, kToday); }

std::string CodeAt(const FieldErrors& errors, const std::string& path) {
  auto it = errors.find(path);
  return it == errors.end() ? "" : it->second.code;
}

TEST(FormsValidate, ValidDataPasses) {
  FieldErrors errors = Check(Valid());
  EXPECT_TRUE(errors.empty()) << errors.begin()->first << ": " << errors.begin()->second.message_en;
}

TEST(FormsValidate, RequiredFieldsAndNesting) {
  json d = Valid();
  d["owner"].erase("full_name");
  d["owner"]["id_number"] = "";
  d["co_owners"].push_back(json::object());
  FieldErrors e = Check(d);
  EXPECT_EQ(CodeAt(e, "owner.full_name"), "required");
  EXPECT_EQ(CodeAt(e, "owner.id_number"), "required");
  EXPECT_EQ(CodeAt(e, "co_owners[1].full_name"), "required");
  EXPECT_EQ(e.at("owner.full_name").message, "Vui lòng nhập thông tin này.");
  EXPECT_EQ(e.size(), 3u);
}

TEST(FormsValidate, TextRules) {
  json d = Valid();
  d["owner"]["full_name"] = "Nguyễn Văn";  // 10 characters > 6
  d["code"] = "hn-123";
  d["email"] = "not an email";
  d["co_owners"][0]["full_name"] = "Lê\nVăn";
  FieldErrors e = Check(d);
  EXPECT_EQ(CodeAt(e, "owner.full_name"), "too_long");
  EXPECT_EQ(CodeAt(e, "code"), "pattern_mismatch");
  EXPECT_EQ(CodeAt(e, "email"), "invalid_email");
  EXPECT_EQ(CodeAt(e, "co_owners[0].full_name"), "line_break");

  d = Valid();
  d["owner"]["full_name"] = "Nguyễn";  // 6 characters, 9 bytes: fits
  EXPECT_TRUE(Check(d).empty());
  d["owner"]["full_name"] = "A";
  EXPECT_EQ(CodeAt(Check(d), "owner.full_name"), "too_short");
  d["owner"]["full_name"] = "Nguye\xCC\x82\xCC\x83n";  // decomposed
  EXPECT_EQ(CodeAt(Check(d), "owner.full_name"), "not_nfc");
  d["owner"]["full_name"] = 42;
  EXPECT_EQ(CodeAt(Check(d), "owner.full_name"), "invalid_type");
}

TEST(FormsValidate, IdentityNumbersPhonesAndTaxCodes) {
  auto check = [](const char* key, const char* value) {
    json d = Valid();
    if (std::string(key) == "id_number") {
      d["owner"]["id_number"] = value;
      return CodeAt(Check(d), "owner.id_number");
    }
    if (std::string(key) == "tax") {
      d["owner"]["kind"] = "company";
      d["owner"]["tax"] = value;
      return CodeAt(Check(d), "owner.tax");
    }
    d["has_phone"] = true;
    d["phone"] = value;
    return CodeAt(Check(d), "phone");
  };
  EXPECT_EQ(check("id_number", "001099012345"), "");
  EXPECT_EQ(check("id_number", "012345678"), "");
  EXPECT_EQ(check("id_number", "01234567890"), "invalid_citizen_id");
  EXPECT_EQ(check("id_number", "00109901234a"), "invalid_citizen_id");
  EXPECT_EQ(check("tax", "0100109106"), "");
  EXPECT_EQ(check("tax", "0100109106-001"), "");
  EXPECT_EQ(check("tax", "0100109106001"), "");
  EXPECT_EQ(check("tax", "010010910"), "invalid_tax_code");
  EXPECT_EQ(check("tax", "0100109106_001"), "invalid_tax_code");
  EXPECT_EQ(check("phone", "0912 345 678"), "");
  EXPECT_EQ(check("phone", "+84 912.345.678"), "");
  EXPECT_EQ(check("phone", "024 3825 3536"), "");
  EXPECT_EQ(check("phone", "0112345678"), "invalid_phone");
  EXPECT_EQ(check("phone", "12345"), "invalid_phone");
}

TEST(FormsValidate, NumbersMoneyAndDates) {
  json d = Valid();
  d["floors"] = 2.5;
  d["cost"] = -1;
  d["start"] = "2017-02-21";  // after today
  FieldErrors e = Check(d);
  EXPECT_EQ(CodeAt(e, "floors"), "not_integer");
  EXPECT_EQ(CodeAt(e, "cost"), "too_small");
  EXPECT_EQ(CodeAt(e, "start"), "date_too_late");
  EXPECT_EQ(e.at("start").message, "Ngày phải không muộn hơn 20/02/2017.");

  d = Valid();
  d["floors"] = 8;
  d["cost"] = 1.5;
  d["start"] = "2016-12-31";
  e = Check(d);
  EXPECT_EQ(CodeAt(e, "floors"), "too_large");
  EXPECT_EQ(CodeAt(e, "cost"), "not_integer");
  EXPECT_EQ(CodeAt(e, "start"), "date_too_early");

  d["floors"] = "3";
  d["start"] = "20/02/2017";
  e = Check(d);
  EXPECT_EQ(CodeAt(e, "floors"), "invalid_type");
  EXPECT_EQ(CodeAt(e, "start"), "invalid_date");
}

TEST(FormsValidate, ChoicesAndYesNo) {
  json d = Valid();
  d["owner"]["kind"] = "other";
  d["uses"] = {"o", "o"};
  d["has_phone"] = "yes";
  FieldErrors e = Check(d);
  EXPECT_EQ(CodeAt(e, "owner.kind"), "invalid_choice");
  EXPECT_EQ(CodeAt(e, "uses"), "duplicate_choice");
  EXPECT_EQ(CodeAt(e, "has_phone"), "invalid_type");
  d = Valid();
  d["uses"] = {"o", "x"};
  EXPECT_EQ(CodeAt(Check(d), "uses"), "invalid_choice");
}

TEST(FormsValidate, ShowIfHidesAndShows) {
  json d = Valid();
  // Hidden: not required, and not checked even when filled in wrongly.
  d["owner"]["tax"] = "nonsense";
  d["company_note"] = 5;
  EXPECT_TRUE(Check(d).empty());

  d = Valid();
  d["owner"]["kind"] = "company";  // shows owner.tax (sibling) and company_note (path from the root)
  d["company_note"] = 5;
  d["has_phone"] = true;  // shows phone (a yes_no compared with true)
  FieldErrors e = Check(d);
  EXPECT_EQ(CodeAt(e, "owner.tax"), "required");
  EXPECT_EQ(CodeAt(e, "company_note"), "invalid_type");
  EXPECT_EQ(CodeAt(e, "phone"), "required");
}

TEST(FormsValidate, RepeatsAddressesAndUnknownKeys) {
  json d = Valid();
  d["co_owners"] = json::array({{{"full_name", "A1"}}, {{"full_name", "B2"}}, {{"full_name", "C3"}}});
  d["site"].erase("ward");
  d["site"]["zip"] = "10000";
  d["extra"] = 1;
  d["owner"]["nickname"] = "x";
  FieldErrors e = Check(d);
  EXPECT_EQ(CodeAt(e, "co_owners"), "too_many_items");
  EXPECT_EQ(CodeAt(e, "site.ward"), "required");
  EXPECT_EQ(CodeAt(e, "site.zip"), "unknown_field");
  EXPECT_EQ(CodeAt(e, "extra"), "unknown_field");
  EXPECT_EQ(CodeAt(e, "owner.nickname"), "unknown_field");

  d = Valid();
  d["co_owners"] = json::array({"not an object"});
  EXPECT_EQ(CodeAt(Check(d), "co_owners[0]"), "invalid_type");
  EXPECT_EQ(CodeAt(Check(json::array()), ""), "invalid_type");
}

TEST(FormsValidate, RepeatMinItemsAppliesToAnAbsentList) {
  Schema s = Parse(R"(form:
  - key: people
    type: repeat
    label: Người
    min_items: 1
    fields:
      - key: name
        type: text
        label: Tên
)");
  EXPECT_EQ(CodeAt(Validate(s, json::object(), kToday), "people"), "too_few_items");
  EXPECT_TRUE(Validate(s, json{{"people", {{{"name", "An"}}}}}, kToday).empty());
}

TEST(FormsValidate, AddressesNameRealPlacesInsideEachOther) {
  const Schema schema = Parse(R"(form:
  - key: home
    type: address
    label: Nơi ở
  - key: plots
    type: repeat
    label: Thửa đất
    fields:
      - key: where
        type: address
        label: Vị trí
)");
  // A city (H), its districts D1 and D2, D1's ward W1 and D2's ward W2.
  PlaceTree tree;
  tree.is_place = [](const std::string& code, PlaceLevel level) {
    switch (level) {
      case PlaceLevel::kProvince:
        return code == "H";
      case PlaceLevel::kDistrict:
        return code == "D1" || code == "D2";
      case PlaceLevel::kWard:
        return code == "W1" || code == "W2";
    }
    return false;
  };
  tree.parent = [](const std::string& code) -> std::string {
    if (code == "D1" || code == "D2") return "H";
    if (code == "W1") return "D1";
    if (code == "W2") return "D2";
    return "";
  };
  json good = {{"home", {{"province", "H"}, {"district", "D1"}, {"ward", "W1"}, {"street", "Số 1"}}},
               {"plots", json::array({{{"where", {{"province", "H"}, {"district", "D2"}, {"ward", "W2"}}}}})}};
  EXPECT_TRUE(CheckAddresses(schema, good, tree).empty());

  json bad = {{"home", {{"province", "H"}, {"district", "D1"}, {"ward", "W2"}}},
              {"plots", json::array({{{"where", {{"province", "X"}, {"district", "W1"}, {"ward", "W1"}}}}})}};
  auto problems = CheckAddresses(schema, bad, tree);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems.at("home.ward").code, "not_in_parent");                // W2 is in D2, not D1
  EXPECT_EQ(problems.at("plots[0].where.province").code, "unknown_place");  // no such city
  EXPECT_EQ(problems.at("plots[0].where.district").code, "unknown_place");  // a ward is no district
  EXPECT_FALSE(problems.count("plots[0].where.ward"));                      // nothing above it to be inside of
}

}  // namespace
}  // namespace motcua::core::forms
