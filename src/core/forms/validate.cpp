// Submitted form data checked against the schema, field by field, with messages in both languages.
#include "core/forms/validate.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <regex>

#include "core/common/time.hpp"
#include "core/text/fold.hpp"

namespace motcua::core::forms {
namespace {

using nlohmann::json;
using std::chrono::year_month_day;

std::string VietnameseDate(year_month_day d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", unsigned(d.day()), unsigned(d.month()), int(d.year()));
  return buf;
}

std::string NumberText(double v) {
  if (std::fabs(v) < 1e15 && v == std::floor(v)) return std::to_string(static_cast<long long>(v));
  return json(v).dump();
}

bool IsAbsent(const json* v) {
  return v == nullptr || v->is_null() || (v->is_string() && v->get_ref<const std::string&>().empty()) ||
         (v->is_array() && v->empty()) || (v->is_object() && v->empty());
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsCitizenId(std::string_view s) { return (s.size() == 12 || s.size() == 9) && AllDigits(s); }

// 10 digits, or 13 written as 10 + 3 with or without a dash ("0100109106-001").
bool IsTaxCode(std::string_view s) {
  if (s.size() == 10 || s.size() == 13) return AllDigits(s);
  return s.size() == 14 && s[10] == '-' && AllDigits(s.substr(0, 10)) && AllDigits(s.substr(11));
}

// Vietnamese numbers: mobiles 0[35789]xxxxxxxx, landlines 02xxxxxxxxx; "+84" for the leading 0;
// spaces, dots, dashes and brackets are ignored.
bool IsPhone(std::string_view s) {
  std::string digits;
  for (char c : s) {
    if (c == ' ' || c == '.' || c == '-' || c == '(' || c == ')') continue;
    digits += c;
  }
  if (digits.rfind("+84", 0) == 0) digits = "0" + digits.substr(3);
  if (!AllDigits(digits) || digits[0] != '0') return false;
  if (digits.size() == 10) return std::string_view("35789").find(digits[1]) != std::string_view::npos;
  return digits.size() == 11 && digits[1] == '2';
}

bool IsEmail(std::string_view s) {
  if (s.size() > 254) return false;
  size_t at = s.find('@');
  if (at == std::string_view::npos || at == 0 || at > 64 || s.find('@', at + 1) != std::string_view::npos) return false;
  std::string_view local = s.substr(0, at), domain = s.substr(at + 1);
  auto printable = [](char c) { return static_cast<unsigned char>(c) > 0x20 && c != 0x7F; };
  if (!std::all_of(local.begin(), local.end(), printable)) return false;
  if (domain.size() < 3 || domain.find('.') == std::string_view::npos || domain.front() == '.' ||
      domain.back() == '.' || domain.find("..") != std::string_view::npos)
    return false;
  return std::all_of(domain.begin(), domain.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
  });
}

// The text a show_if compares: strings as they are, booleans as true/false, numbers as written.
std::vector<std::string> ComparableTexts(const json& v) {
  if (v.is_string()) return {v.get<std::string>()};
  if (v.is_boolean()) return {v.get<bool>() ? "true" : "false"};
  if (v.is_number()) return {NumberText(v.get<double>())};
  std::vector<std::string> out;
  if (v.is_array())
    for (const auto& item : v)
      for (auto& t : ComparableTexts(item)) out.push_back(std::move(t));
  return out;
}

class Validator {
 public:
  Validator(const Schema& schema, const json& root, year_month_day today)
      : schema_(schema), root_(root), today_(today) {}

  FieldErrors Run() {
    Object(schema_.fields, root_, "");
    return std::move(errors_);
  }

 private:
  void Add(const std::string& path, std::string code, std::string vi, std::string en) {
    errors_.emplace(path, FieldError{std::move(code), std::move(vi), std::move(en)});
  }
  void WrongType(const std::string& path, const char* expected_vi, const char* expected_en) {
    Add(path, "invalid_type", std::string("Giá trị phải là ") + expected_vi + ".",
        std::string("The value must be ") + expected_en + ".");
  }

  void Object(const std::vector<Field>& fields, const json& obj, const std::string& prefix) {
    static const json kEmpty = json::object();
    if (obj.is_null()) return Object(fields, kEmpty, prefix);
    if (!obj.is_object()) {
      return WrongType(prefix.empty() ? "" : prefix.substr(0, prefix.size() - 1), "một nhóm thông tin", "an object");
    }
    for (const auto& item : obj.items()) {
      const std::string& key = item.key();
      if (std::none_of(fields.begin(), fields.end(), [&](const Field& f) { return f.key == key; }))
        Add(prefix + key, "unknown_field", "Biểu mẫu không có trường này.", "The form has no such field.");
    }
    for (const auto& f : fields) {
      const json* value = obj.contains(f.key) ? &obj.at(f.key) : nullptr;
      if (f.show_if && !Visible(*f.show_if, fields, obj)) continue;
      One(f, value, prefix + f.key);
    }
  }

  // Finds the value the condition looks at: a sibling (or a path below one) first, else a path
  // from the form root, as the schema resolves it.
  bool Visible(const ShowIf& show_if, const std::vector<Field>& siblings, const json& scope) {
    const json* value = nullptr;
    if (FindField(siblings, show_if.field))
      value = Lookup(scope, show_if.field);
    else if (FindField(schema_.fields, show_if.field))
      value = Lookup(root_, show_if.field);
    if (IsAbsent(value)) return false;
    for (const auto& text : ComparableTexts(*value))
      if (std::find(show_if.equals.begin(), show_if.equals.end(), text) != show_if.equals.end()) return true;
    return false;
  }

  static const json* Lookup(const json& scope, std::string_view path) {
    const json* at = &scope;
    while (true) {
      size_t dot = path.find('.');
      std::string key(path.substr(0, dot));
      if (!at->is_object() || !at->contains(key)) return nullptr;
      at = &at->at(key);
      if (dot == std::string_view::npos) return at;
      path.remove_prefix(dot + 1);
    }
  }

  void One(const Field& f, const json* value, const std::string& path) {
    if (f.type == FieldType::kGroup) {
      static const json kNull;
      Object(f.fields, value ? *value : kNull, path + ".");
      return;
    }
    if (f.type == FieldType::kRepeat) {
      // An absent list is an empty one: min_items still applies.
      static const json kEmptyList = json::array();
      const json& list = value && !value->is_null() ? *value : kEmptyList;
      if (f.required && list.is_array() && list.empty())
        return Add(path, "required", "Vui lòng nhập ít nhất một mục.", "At least one item is required.");
      return Repeat(f, list, path);
    }
    if (IsAbsent(value)) {
      if (f.required) Add(path, "required", "Vui lòng nhập thông tin này.", "This field is required.");
      return;
    }
    const json& v = *value;
    switch (f.type) {
      case FieldType::kText:
      case FieldType::kLongText:
      case FieldType::kCitizenId:
      case FieldType::kTaxCode:
      case FieldType::kPhone:
      case FieldType::kEmail:
        if (!v.is_string()) return WrongType(path, "văn bản", "a text");
        return Text(f, v.get_ref<const std::string&>(), path);
      case FieldType::kNumber:
      case FieldType::kMoney:
        return Number(f, v, path);
      case FieldType::kDate:
        return Date(f, v, path);
      case FieldType::kChoice:
        if (!v.is_string()) return WrongType(path, "một lựa chọn", "one option's value");
        if (!IsOption(f, v.get_ref<const std::string&>()))
          Add(path, "invalid_choice", "Lựa chọn không hợp lệ.", "The value is not one of the options.");
        return;
      case FieldType::kMultiChoice: {
        if (!v.is_array()) return WrongType(path, "danh sách lựa chọn", "a list of option values");
        std::vector<std::string> seen;
        for (const auto& item : v) {
          if (!item.is_string() || !IsOption(f, item.get_ref<const std::string&>()))
            return Add(path, "invalid_choice", "Có lựa chọn không hợp lệ.", "A value is not one of the options.");
          if (std::find(seen.begin(), seen.end(), item.get<std::string>()) != seen.end())
            return Add(path, "duplicate_choice", "Một lựa chọn bị lặp lại.", "An option is chosen twice.");
          seen.push_back(item.get<std::string>());
        }
        return;
      }
      case FieldType::kYesNo:
        if (!v.is_boolean()) WrongType(path, "có hoặc không", "true or false");
        return;
      case FieldType::kAddress:
        return Address(f, v, path);
      case FieldType::kRepeat:
        return Repeat(f, v, path);
      case FieldType::kGroup:
        return;
    }
  }

  static bool IsOption(const Field& f, const std::string& value) {
    return std::any_of(f.options.begin(), f.options.end(), [&](const Option& o) { return o.value == value; });
  }

  // Checks common to every text; returns false when the text is unusable.
  bool PlainText(const std::string& s, const std::string& path, bool single_line) {
    if (!text::IsValidUtf8(s)) {
      Add(path, "invalid_utf8", "Văn bản chứa ký tự không hợp lệ.", "The text is not valid UTF-8.");
      return false;
    }
    if (!text::IsNfc(s)) {
      Add(path, "not_nfc", "Văn bản phải ở dạng Unicode dựng sẵn (NFC).", "The text must be in Unicode NFC form.");
      return false;
    }
    if (single_line && s.find_first_of("\r\n") != std::string::npos) {
      Add(path, "line_break", "Không được xuống dòng.", "Line breaks are not allowed here.");
      return false;
    }
    return true;
  }

  void Text(const Field& f, const std::string& s, const std::string& path) {
    if (!PlainText(s, path, f.type != FieldType::kLongText)) return;
    size_t chars = text::CharCount(s);
    if (f.min_length && chars < static_cast<size_t>(*f.min_length))
      return Add(path, "too_short", "Cần ít nhất " + std::to_string(*f.min_length) + " ký tự.",
                 "At least " + std::to_string(*f.min_length) + " characters are needed.");
    if (f.max_length && chars > static_cast<size_t>(*f.max_length))
      return Add(path, "too_long", "Tối đa " + std::to_string(*f.max_length) + " ký tự.",
                 "At most " + std::to_string(*f.max_length) + " characters are allowed.");
    switch (f.type) {
      case FieldType::kCitizenId:
        if (!IsCitizenId(s))
          return Add(path, "invalid_citizen_id", "Số CCCD gồm 12 chữ số (CMND cũ: 9 chữ số).",
                     "A citizen ID has 12 digits (9 for an old ID card).");
        break;
      case FieldType::kTaxCode:
        if (!IsTaxCode(s))
          return Add(path, "invalid_tax_code", "Mã số thuế gồm 10 hoặc 13 chữ số (ví dụ 0100109106-001).",
                     "A tax code has 10 or 13 digits (e.g. 0100109106-001).");
        break;
      case FieldType::kPhone:
        if (!IsPhone(s))
          return Add(path, "invalid_phone", "Số điện thoại không hợp lệ.", "This is not a Vietnamese phone number.");
        break;
      case FieldType::kEmail:
        if (!IsEmail(s))
          return Add(path, "invalid_email", "Địa chỉ thư điện tử không hợp lệ.", "This is not an e-mail address.");
        break;
      default:
        break;
    }
    if (!f.pattern.empty()) {
      bool matches = false;
      try {
        matches = std::regex_match(s, std::regex(f.pattern, std::regex::ECMAScript));
      } catch (const std::regex_error&) {
        matches = false;  // the catalog loader rejects bad patterns; never accept on a broken one
      }
      if (!matches)
        Add(path, "pattern_mismatch", "Giá trị không đúng định dạng.", "The value does not have the expected format.");
    }
  }

  void Number(const Field& f, const json& v, const std::string& path) {
    if (!v.is_number()) return WrongType(path, "một số", "a number");
    double d = v.get<double>();
    bool whole = d == std::floor(d);
    if ((f.integer || f.type == FieldType::kMoney) && !whole)
      return Add(path, "not_integer", "Phải là số nguyên.", "The value must be a whole number.");
    std::optional<double> min = f.min;
    if (f.type == FieldType::kMoney && (!min || *min < 0)) min = 0.0;
    if (min && d < *min)
      return Add(path, "too_small", "Giá trị nhỏ nhất là " + NumberText(*min) + ".",
                 "The value must be at least " + NumberText(*min) + ".");
    if (f.max && d > *f.max)
      Add(path, "too_large", "Giá trị lớn nhất là " + NumberText(*f.max) + ".",
          "The value must be at most " + NumberText(*f.max) + ".");
  }

  void Date(const Field& f, const json& v, const std::string& path) {
    std::optional<year_month_day> d;
    if (v.is_string()) d = ParseDate(v.get_ref<const std::string&>());
    if (!d) return Add(path, "invalid_date", "Ngày không hợp lệ.", "The value must be a date YYYY-MM-DD.");
    auto bound = [&](const DateBound& b) { return b.today ? today_ : b.date; };
    if (f.min_date && *d < bound(*f.min_date))
      return Add(path, "date_too_early", "Ngày phải từ " + VietnameseDate(bound(*f.min_date)) + " trở đi.",
                 "The date must be on or after " + FormatDate(bound(*f.min_date)) + ".");
    if (f.max_date && *d > bound(*f.max_date))
      Add(path, "date_too_late", "Ngày phải không muộn hơn " + VietnameseDate(bound(*f.max_date)) + ".",
          "The date must be on or before " + FormatDate(bound(*f.max_date)) + ".");
  }

  void Address(const Field& f, const json& v, const std::string& path) {
    if (!v.is_object()) return WrongType(path, "một địa chỉ", "an address object");
    static constexpr std::array<const char*, 4> kParts = {"province", "district", "ward", "street"};
    for (const auto& item : v.items()) {
      const std::string& key = item.key();
      const json& part = item.value();
      if (std::find_if(kParts.begin(), kParts.end(), [&](const char* k) { return key == k; }) == kParts.end()) {
        Add(path + "." + key, "unknown_field", "Địa chỉ không có phần này.", "An address has no such part.");
      } else if (!part.is_string() && !part.is_null()) {
        WrongType(path + "." + key, "văn bản", "a text");
      } else if (part.is_string()) {
        PlainText(part.get_ref<const std::string&>(), path + "." + key, true);
      }
    }
    (void)f;
    for (const char* key : {"province", "district", "ward"}) {
      const json* part = v.contains(key) ? &v.at(key) : nullptr;
      if (IsAbsent(part))
        Add(path + "." + key, "required", "Vui lòng chọn đủ tỉnh/thành, quận/huyện, xã/phường.",
            "Choose the province, the district and the ward.");
    }
  }

  void Repeat(const Field& f, const json& v, const std::string& path) {
    if (!v.is_array()) return WrongType(path, "một danh sách", "a list");
    if (f.min_items && v.size() < static_cast<size_t>(*f.min_items))
      Add(path, "too_few_items", "Cần ít nhất " + std::to_string(*f.min_items) + " mục.",
          "At least " + std::to_string(*f.min_items) + " items are needed.");
    if (f.max_items && v.size() > static_cast<size_t>(*f.max_items))
      Add(path, "too_many_items", "Tối đa " + std::to_string(*f.max_items) + " mục.",
          "At most " + std::to_string(*f.max_items) + " items are allowed.");
    for (size_t i = 0; i < v.size(); ++i) {
      const std::string item_path = path + "[" + std::to_string(i) + "]";
      if (!v[i].is_object()) {
        WrongType(item_path, "một nhóm thông tin", "an object");
        continue;
      }
      Object(f.fields, v[i], item_path + ".");
    }
  }

  const Schema& schema_;
  const json& root_;
  year_month_day today_;
  FieldErrors errors_;
};

}  // namespace

FieldErrors Validate(const Schema& schema, const json& data, year_month_day today) {
  return Validator(schema, data, today).Run();
}

namespace {

void CheckAddress(const json& v, const std::string& path, const PlaceTree& tree, FieldErrors& out) {
  if (!v.is_object()) return;
  auto part = [&](const char* key) -> std::string {
    auto it = v.find(key);
    return it != v.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  struct Level {
    const char* key;
    PlaceLevel level;
    const char* vi;
    const char* en;
  };
  static constexpr Level kLevels[] = {
      {"province", PlaceLevel::kProvince, "Tỉnh/thành phố", "The province"},
      {"district", PlaceLevel::kDistrict, "Quận/huyện", "The district"},
      {"ward", PlaceLevel::kWard, "Xã/phường", "The ward"},
  };
  std::string above;  // the level above's code, when it is a known place
  for (const auto& l : kLevels) {
    const std::string code = part(l.key);
    if (code.empty()) {
      above.clear();
      continue;
    }
    const std::string at = path + "." + l.key;
    if (!tree.is_place(code, l.level)) {
      out[at] = {"unknown_place", std::string(l.vi) + " không có trong danh mục.",
                 std::string(l.en) + " is not in the list of places."};
      above.clear();
      continue;
    }
    if (!above.empty() && tree.parent(code) != above)
      out[at] = {"not_in_parent", std::string(l.vi) + " không thuộc đơn vị hành chính đã chọn ở trên.",
                 std::string(l.en) + " is not within the place chosen above it."};
    above = code;
  }
}

void CheckAddressesIn(const std::vector<Field>& fields, const json& obj, const std::string& prefix,
                      const PlaceTree& tree, FieldErrors& out) {
  if (!obj.is_object()) return;
  for (const auto& f : fields) {
    auto it = obj.find(f.key);
    if (it == obj.end()) continue;
    const std::string path = prefix + f.key;
    if (f.type == FieldType::kAddress) {
      CheckAddress(*it, path, tree, out);
    } else if (f.type == FieldType::kGroup) {
      CheckAddressesIn(f.fields, *it, path + ".", tree, out);
    } else if (f.type == FieldType::kRepeat && it->is_array()) {
      for (size_t i = 0; i < it->size(); ++i)
        CheckAddressesIn(f.fields, (*it)[i], path + "[" + std::to_string(i) + "].", tree, out);
    }
  }
}

}  // namespace

FieldErrors CheckAddresses(const Schema& schema, const json& data, const PlaceTree& tree) {
  FieldErrors out;
  CheckAddressesIn(schema.fields, data, "", tree, out);
  return out;
}

}  // namespace motcua::core::forms
