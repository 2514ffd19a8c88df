// Query parameters with every problem collected.
#include "api/params.hpp"

#include <charconv>

#include "core/text/fold.hpp"

namespace motcua::api {

std::optional<std::string> Params::Text(const std::string& name, size_t max_chars) {
  auto v = req_.QueryParam(name);
  if (!v || v->empty()) return std::nullopt;
  if (!core::text::IsValidUtf8(*v)) {
    Invalid(name, "Giá trị không phải văn bản UTF-8 hợp lệ.", "The value is not valid UTF-8 text.");
    return std::nullopt;
  }
  if (core::text::CharCount(*v) > max_chars) {
    Invalid(name, "Giá trị dài quá " + std::to_string(max_chars) + " ký tự.",
            "The value is longer than " + std::to_string(max_chars) + " characters.");
    return std::nullopt;
  }
  return core::text::Nfc(*v);
}

std::optional<int> Params::Int(const std::string& name, int min, int max) {
  auto v = req_.QueryParam(name);
  if (!v || v->empty()) return std::nullopt;
  int x = 0;
  auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), x);
  if (ec != std::errc() || p != v->data() + v->size() || x < min || x > max) {
    Invalid(name, "Phải là số nguyên từ " + std::to_string(min) + " đến " + std::to_string(max) + ".",
            "Must be a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ".");
    return std::nullopt;
  }
  return x;
}

std::optional<bool> Params::Bool(const std::string& name) {
  auto v = req_.QueryParam(name);
  if (!v || v->empty()) return std::nullopt;
  if (*v == "true" || *v == "1") return true;
  if (*v == "false" || *v == "0") return false;
  Invalid(name, "Phải là true hoặc false.", "Must be true or false.");
  return std::nullopt;
}

void Params::Invalid(const std::string& name, const std::string& vi, const std::string& en) {
  error_.fields[name] = {"invalid_value", vi, en};
}

const core::Error& Params::error() {
  error_.code = core::errc::kBadRequest;
  error_.message = "Tham số không hợp lệ.";
  error_.message_en = "A parameter is not valid.";
  return error_;
}

}  // namespace motcua::api
