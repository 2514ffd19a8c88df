// Form schema names, path lookup and the JSON view for the front end.
#include "core/forms/schema.hpp"

#include <array>
#include <cmath>
#include <utility>

#include "core/common/time.hpp"

namespace motcua::core::forms {
namespace {

constexpr std::array<std::pair<FieldType, std::string_view>, 15> kFieldTypes = {{
    {FieldType::kText, "text"},
    {FieldType::kLongText, "long_text"},
    {FieldType::kNumber, "number"},
    {FieldType::kMoney, "money"},
    {FieldType::kDate, "date"},
    {FieldType::kChoice, "choice"},
    {FieldType::kMultiChoice, "multi_choice"},
    {FieldType::kYesNo, "yes_no"},
    {FieldType::kCitizenId, "citizen_id"},
    {FieldType::kTaxCode, "tax_code"},
    {FieldType::kPhone, "phone"},
    {FieldType::kEmail, "email"},
    {FieldType::kAddress, "address"},
    {FieldType::kGroup, "group"},
    {FieldType::kRepeat, "repeat"},
}};

constexpr std::array<std::pair<Prefill, std::string_view>, 8> kPrefills = {{
    {Prefill::kFullName, "profile.full_name"},
    {Prefill::kIdNumber, "profile.id_number"},
    {Prefill::kPhone, "profile.phone"},
    {Prefill::kEmail, "profile.email"},
    {Prefill::kAddress, "profile.address"},
    {Prefill::kDateOfBirth, "profile.date_of_birth"},
    {Prefill::kBusinessName, "profile.business_name"},
    {Prefill::kTaxCode, "profile.tax_code"},
}};

template <typename E, size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "?";
}

template <typename E, size_t N>
std::optional<E> ValueOf(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view name) {
  for (const auto& [v, n] : table)
    if (n == name) return v;
  return std::nullopt;
}

nlohmann::json BoundJson(const DateBound& b) { return b.today ? std::string("today") : FormatDate(b.date); }

nlohmann::json NumberJson(double v) {
  if (std::fabs(v) < 1e15 && v == std::floor(v)) return static_cast<long long>(v);
  return v;
}

}  // namespace

std::string_view ToString(FieldType type) { return NameOf(kFieldTypes, type); }
std::optional<FieldType> FieldTypeFromString(std::string_view name) { return ValueOf(kFieldTypes, name); }
std::string_view ToString(Prefill prefill) { return NameOf(kPrefills, prefill); }
std::optional<Prefill> PrefillFromString(std::string_view name) { return ValueOf(kPrefills, name); }

const Field* FindField(const std::vector<Field>& scope, std::string_view path) {
  const std::vector<Field>* fields = &scope;
  const Field* found = nullptr;
  while (true) {
    size_t dot = path.find('.');
    std::string_view key = path.substr(0, dot);
    found = nullptr;
    for (const auto& f : *fields) {
      if (f.key == key) {
        found = &f;
        break;
      }
    }
    if (!found || dot == std::string_view::npos) return found;
    if (found->type != FieldType::kGroup) return nullptr;
    fields = &found->fields;
    path.remove_prefix(dot + 1);
  }
}

nlohmann::json ToJson(const Field& f) {
  nlohmann::json j;
  j["key"] = f.key;
  j["type"] = std::string(ToString(f.type));
  j["label"] = f.label;
  if (!f.label_en.empty()) j["label_en"] = f.label_en;
  if (!f.help.empty()) j["help"] = f.help;
  if (!f.help_en.empty()) j["help_en"] = f.help_en;
  if (!f.options.empty()) {
    auto& options = j["options"] = nlohmann::json::array();
    for (const auto& o : f.options) {
      nlohmann::json option = {{"value", o.value}, {"label", o.label}};
      if (!o.label_en.empty()) option["label_en"] = o.label_en;
      options.push_back(std::move(option));
    }
  }
  j["required"] = f.required;
  if (f.integer) j["integer"] = true;
  if (f.min) j["min"] = NumberJson(*f.min);
  if (f.max) j["max"] = NumberJson(*f.max);
  if (f.min_date) j["min"] = BoundJson(*f.min_date);
  if (f.max_date) j["max"] = BoundJson(*f.max_date);
  if (f.min_length) j["min_length"] = *f.min_length;
  if (f.max_length) j["max_length"] = *f.max_length;
  if (!f.pattern.empty()) j["pattern"] = f.pattern;
  if (f.prefill) j["prefill"] = std::string(ToString(*f.prefill));
  if (f.min_items) j["min_items"] = *f.min_items;
  if (f.max_items) j["max_items"] = *f.max_items;
  if (f.show_if) j["show_if"] = {{"field", f.show_if->field}, {"equals", f.show_if->equals}};
  if (f.type == FieldType::kGroup || f.type == FieldType::kRepeat) {
    auto& fields = j["fields"] = nlohmann::json::array();
    for (const auto& child : f.fields) fields.push_back(ToJson(child));
  }
  return j;
}

nlohmann::json ToJson(const Schema& schema) {
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& f : schema.fields) fields.push_back(ToJson(f));
  return {{"fields", std::move(fields)}};
}

}  // namespace motcua::core::forms
