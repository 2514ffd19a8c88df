// Server-side check of submitted form data against a procedure's form schema: the same rules the
// portal page applies, enforced again where they count.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "core/common/error.hpp"
#include "core/forms/schema.hpp"

namespace motcua::core::forms {

// Problems by field path: "owner.full_name", "co_owners[1].full_name"; "" for the data as a whole.
using FieldErrors = std::map<std::string, FieldError>;

// Checks `data` (a JSON object keyed by field key) against `schema`. Empty when all is well.
// Values: text types are strings (UTF-8, NFC; `text` has no line breaks), number and money are JSON
// numbers (money whole đồng), date is "YYYY-MM-DD" (`today` bounds use `today`), choice a string
// among the options, multi_choice a list of distinct option values, yes_no a boolean, group an
// object, repeat a list of objects, address an object of strings {province, district, ward,
// street} (that the codes exist in the agency tree is for the caller to check).
// null, "" and [] count as absent. Fields hidden by show_if are not checked, and keys the schema
// does not know are errors (code "unknown_field").
FieldErrors Validate(const Schema& schema, const nlohmann::json& data, std::chrono::year_month_day today);

// The places an address may name, from the agency tree: a province (the city), a district of it,
// a ward of that district.
enum class PlaceLevel { kProvince, kDistrict, kWard };
struct PlaceTree {
  std::function<bool(const std::string& code, PlaceLevel level)> is_place;
  std::function<std::string(const std::string& code)> parent;  // "" when none
};
// Checks every address in `data` (in groups and repeats too) against the tree: each code a place of
// its level, the district in the province, the ward in the district. Problems by path
// ("owner.address.ward"), codes unknown_place and not_in_parent. Absent parts are Validate's business.
FieldErrors CheckAddresses(const Schema& schema, const nlohmann::json& data, const PlaceTree& tree);

}  // namespace motcua::core::forms
