// Request helpers, JSON responses, and the one mapping from error codes to HTTP statuses.
#include "http/message.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

namespace motcua::http {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::string Request::Header(std::string_view lower_name) const {
  const auto it = headers.find(std::string(lower_name));
  return it == headers.end() ? std::string() : it->second;
}

std::optional<std::string> Request::QueryParam(std::string_view name) const {
  const auto it = query.find(std::string(name));
  if (it == query.end()) return std::nullopt;
  return it->second;
}

std::string Request::Param(std::string_view name) const {
  const auto it = params.find(std::string(name));
  return it == params.end() ? std::string() : it->second;
}

bool Request::AcceptsHtml() const {
  const auto it = headers.find("accept");
  return it != headers.end() && it->second.find("text/html") != std::string::npos;
}

void Response::SetHeader(std::string name, std::string value) {
  for (auto& [n, v] : headers) {
    if (EqualsIgnoreCase(n, name)) {
      v = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

const std::string* Response::FindHeader(std::string_view name) const {
  for (const auto& [n, v] : headers) {
    if (EqualsIgnoreCase(n, name)) return &v;
  }
  return nullptr;
}

Response Response::Json(int status, const nlohmann::json& value) {
  Response r;
  r.status = status;
  r.body = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  r.SetHeader("Content-Type", "application/json; charset=utf-8");
  return r;
}

Response Response::Text(int status, std::string text, std::string content_type) {
  Response r;
  r.status = status;
  r.body = std::move(text);
  r.SetHeader("Content-Type", std::move(content_type));
  return r;
}

Response Response::FromError(const core::Error& error) {
  nlohmann::json fields = nlohmann::json::object();
  for (const auto& [name, f] : error.fields) {
    fields[name] = {{"code", f.code}, {"message", f.message}, {"message_en", f.message_en}};
  }
  // `detail` is for the log only and never leaves the server.
  nlohmann::json body = {{"error",
                          {{"code", error.code},
                           {"message", error.message},
                           {"message_en", error.message_en},
                           {"fields", std::move(fields)}}}};
  return Json(ErrorStatus(error.code), body);
}

int ErrorStatus(std::string_view code) {
  struct Entry {
    std::string_view code;
    int status;
  };
  static constexpr Entry kStatuses[] = {
      {"bad_request", 400},
      {"validation_failed", 422},
      {"unauthorized", 401},
      {"invalid_credentials", 401},
      {"forbidden", 403},
      {"csrf_failed", 403},
      {"account_not_verified", 403},
      {"account_disabled", 403},
      {"not_found", 404},
      {"method_not_allowed", 405},
      {"conflict", 409},
      {"action_not_allowed", 409},
      {"procedure_not_online", 409},
      {"payload_too_large", 413},
      {"file_too_large", 413},
      {"dossier_too_large", 413},
      {"file_type_not_allowed", 415},
      {"unsupported_media_type", 415},
      {"too_many_requests", 429},
      {"internal", 500},
      {"unavailable", 503},
  };
  for (const auto& e : kStatuses) {
    if (e.code == code) return e.status;
  }
  return 400;
}

}  // namespace motcua::http
