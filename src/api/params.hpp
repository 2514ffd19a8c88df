// Query-parameter parsing shared by the handlers: every bad value becomes a field of one
// bad_request error, so a caller learns every problem at once.
#pragma once

#include <optional>
#include <string>

#include "core/common/error.hpp"
#include "http/message.hpp"

namespace motcua::api {

class Params {
 public:
  explicit Params(const http::Request& req) : req_(req) {}

  // The raw value; none when absent or empty.
  std::optional<std::string> Text(const std::string& name, size_t max_chars = 200);
  std::optional<int> Int(const std::string& name, int min, int max);
  std::optional<bool> Bool(const std::string& name);
  // Adds a problem for `name`.
  void Invalid(const std::string& name, const std::string& vi, const std::string& en);

  bool ok() const { return error_.fields.empty(); }
  const core::Error& error();

 private:
  const http::Request& req_;
  core::Error error_;
};

}  // namespace motcua::api
