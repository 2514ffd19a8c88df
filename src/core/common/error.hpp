// The one error type: a stable code, a public message in Vietnamese and English, field problems,
// and a private detail for the log only.
#pragma once

#include <map>
#include <string>

namespace motcua::core {

// Stable machine codes. The HTTP status for each is decided in exactly one place (api/errors.cpp).
namespace errc {
inline constexpr const char* kBadRequest = "bad_request";
inline constexpr const char* kValidationFailed = "validation_failed";
inline constexpr const char* kUnauthorized = "unauthorized";
inline constexpr const char* kForbidden = "forbidden";
inline constexpr const char* kNotFound = "not_found";
inline constexpr const char* kMethodNotAllowed = "method_not_allowed";
inline constexpr const char* kConflict = "conflict";
inline constexpr const char* kPayloadTooLarge = "payload_too_large";
inline constexpr const char* kUnsupportedMediaType = "unsupported_media_type";
inline constexpr const char* kTooManyRequests = "too_many_requests";
inline constexpr const char* kUnavailable = "unavailable";
inline constexpr const char* kInternal = "internal";
}  // namespace errc

struct FieldError {
  std::string code;     // e.g. "required", "invalid_format"
  std::string message;  // Vietnamese
  std::string message_en;
};

struct Error {
  std::string code;
  std::string message;     // Vietnamese, shown to people
  std::string message_en;  // English
  std::map<std::string, FieldError> fields;
  std::string detail;  // for the log only, never sent to a client

  static Error Make(std::string code, std::string message_vi, std::string message_en, std::string detail = {}) {
    Error e;
    e.code = std::move(code);
    e.message = std::move(message_vi);
    e.message_en = std::move(message_en);
    e.detail = std::move(detail);
    return e;
  }
  static Error NotFound() {
    return Make(errc::kNotFound, "Không tìm thấy tài nguyên yêu cầu.", "The requested resource was not found.");
  }
  static Error BadRequest(std::string message_vi, std::string message_en) {
    return Make(errc::kBadRequest, std::move(message_vi), std::move(message_en));
  }
  static Error Internal(std::string detail) {
    return Make(errc::kInternal, "Hệ thống gặp lỗi, vui lòng thử lại sau.",
                "Something went wrong on our side; please try again later.", std::move(detail));
  }
};

}  // namespace motcua::core
