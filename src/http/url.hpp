// Percent-decoding of request targets: path and query, rejecting invalid UTF-8 and NUL bytes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace motcua::http {

// Decodes %XX escapes (and '+' as a space when `plus_as_space`, for query strings). Returns
// nothing for a malformed escape, invalid UTF-8 in the result, or a NUL byte.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_as_space = false);

bool IsValidUtf8(std::string_view text);

// "a=1&b=x%20y&a=2" → {a:1, a:2, b:"x y"}; nothing when any part fails to decode.
std::optional<std::multimap<std::string, std::string>> ParseQuery(std::string_view query);

struct DecodedTarget {
  std::string path;
  std::multimap<std::string, std::string> query;
};
// An origin-form target ("/path?query"); nothing when it is not one or fails to decode.
std::optional<DecodedTarget> DecodeTarget(std::string_view target);

}  // namespace motcua::http
