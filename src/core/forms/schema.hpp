// The form schema: typed fields of a procedure's online form, the one definition behind the portal
// page and the server-side checks. YAML in the catalog (schema_yaml.hpp), JSON for the front end.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace motcua::core::forms {

enum class FieldType {
  kText,
  kLongText,
  kNumber,       // min, max, integer
  kMoney,        // integer đồng; min, max
  kDate,         // min, max: a date or "today"
  kChoice,       // options, one value
  kMultiChoice,  // options, several values
  kYesNo,
  kCitizenId,  // 12 digits (9 for old ID cards)
  kTaxCode,    // 10 or 13 digits, "0100109106-001" style accepted
  kPhone,
  kEmail,
  kAddress,  // province → district → ward from the agency tree + street line
  kGroup,    // a section of fields
  kRepeat,   // a list of items, each with `fields`
};
std::string_view ToString(FieldType type);
std::optional<FieldType> FieldTypeFromString(std::string_view name);
inline constexpr std::string_view kFieldTypeNames =
    "text, long_text, number, money, date, choice, multi_choice, yes_no, citizen_id, tax_code, phone, email, "
    "address, group, repeat";

// Where a field's initial value comes from in the signed-in person's profile.
enum class Prefill {
  kFullName,
  kIdNumber,
  kPhone,
  kEmail,
  kAddress,
  kDateOfBirth,
  kBusinessName,
  kTaxCode,
};
std::string_view ToString(Prefill prefill);  // "profile.full_name"
std::optional<Prefill> PrefillFromString(std::string_view name);
inline constexpr std::string_view kPrefillNames =
    "profile.full_name, profile.id_number, profile.phone, profile.email, profile.address, "
    "profile.date_of_birth, profile.business_name, profile.tax_code";

struct Option {
  std::string value;
  std::string label;
  std::string label_en;
  bool operator==(const Option&) const = default;
};

// Shown (and validated) only when `field` — a sibling key, or a dotted path from the form root —
// holds one of `equals`. Values are compared as text: an option value, or true/false for yes_no.
struct ShowIf {
  std::string field;
  std::vector<std::string> equals;
  bool operator==(const ShowIf&) const = default;
};

// A bound of a date field: a fixed date or "today" (the day the form is filled in).
struct DateBound {
  bool today = false;
  std::chrono::year_month_day date{};
  bool operator==(const DateBound&) const = default;
};

struct Field {
  std::string key;  // [a-z][a-z0-9_]*, unique among siblings
  FieldType type = FieldType::kText;
  std::string label;
  std::string label_en;
  std::string help;
  std::string help_en;
  bool required = false;
  std::optional<int> min_length;  // characters (code points)
  std::optional<int> max_length;
  std::string pattern;  // ECMAScript regex, matched against the whole value
  std::optional<Prefill> prefill;
  std::optional<ShowIf> show_if;
  // number and money (money: whole đồng)
  bool integer = false;
  std::optional<double> min;
  std::optional<double> max;
  // date
  std::optional<DateBound> min_date;
  std::optional<DateBound> max_date;
  // choice and multi_choice
  std::vector<Option> options;
  // repeat
  std::optional<int> min_items;
  std::optional<int> max_items;
  // group and repeat
  std::vector<Field> fields;

  bool operator==(const Field&) const = default;
};

struct Schema {
  std::vector<Field> fields;
  bool empty() const { return fields.empty(); }
  bool operator==(const Schema&) const = default;
};

// The field at `path` (keys joined by '.'), walking into groups only (never into repeat items).
// Nullptr when there is none.
const Field* FindField(const std::vector<Field>& scope, std::string_view path);

// The front end's view: {"fields": [{"key", "type", "label", ...}]} with the YAML key names;
// absent optional values are left out; date bounds are "YYYY-MM-DD" or "today".
nlohmann::json ToJson(const Schema& schema);
nlohmann::json ToJson(const Field& field);

}  // namespace motcua::core::forms
