// What an account's fields must look like: password policy (length, common passwords), user names,
// e-mail, Vietnamese phone numbers, the 12-digit citizen ID and the enterprise/tax code. Each
// Normalize* returns the stored form, or none when the value is not acceptable.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/common/error.hpp"

namespace motcua::core::access {

inline constexpr std::size_t kPasswordMinChars = 8;
inline constexpr std::size_t kPasswordMaxChars = 128;

// Characters (Unicode code points) of UTF-8 text.
std::size_t CountChars(std::string_view utf8);

// The problem with `password` for an account called `username` / `email`, or none.
std::optional<FieldError> CheckPassword(std::string_view password, std::string_view username = {},
                                        std::string_view email = {});
// Whether `password` is in the list of the most common passwords (compared case-insensitively).
bool IsCommonPassword(std::string_view password);

// Lower case, 3–50 of a–z 0–9 . _ -, starting with a letter or digit.
std::optional<std::string> NormalizeUsername(std::string_view text);
// Trimmed and lower-cased; one @, a dotted domain, at most 254 characters.
std::optional<std::string> NormalizeEmail(std::string_view text);
// Vietnamese numbers: mobiles 0[35789]xxxxxxxx, landlines 02xxxxxxxxx; "+84" stands for the leading 0;
// spaces, dots, dashes and brackets are ignored. Stored as digits from the leading 0.
std::optional<std::string> NormalizePhone(std::string_view text);
// Citizen ID (CCCD): 12 digits, the first three a province code 001–096.
std::optional<std::string> NormalizeCitizenId(std::string_view text);
// Enterprise/tax code: 10 digits, or 13 written 10 + 3 ("0100109106-001", with or without the dash).
// Stored as 10 digits or in the dash form.
std::optional<std::string> NormalizeTaxCode(std::string_view text);

}  // namespace motcua::core::access
