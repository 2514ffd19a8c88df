// An incremental multipart/form-data parser (RFC 7578): bytes go in as they arrive, in pieces of
// any size, and come out as part events; it never holds more than one part's headers and a
// boundary's length of body, so a file part of any size streams through.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace motcua::http {

struct PartHeaders {
  std::string name;           // Content-Disposition's name
  std::string filename;       // its filename (filename* in UTF-8 preferred); "" when absent
  bool has_filename = false;  // a file part, even with an empty filename
  std::string content_type;   // as the client claims it (never trusted for the file's type)
};

// What the parser calls. Returning false stops parsing (the handler keeps its own reason).
class PartHandler {
 public:
  virtual ~PartHandler() = default;
  virtual bool OnPartBegin(const PartHeaders& headers) = 0;
  virtual bool OnPartData(std::string_view bytes) = 0;
  virtual bool OnPartEnd() = 0;
};

class MultipartParser {
 public:
  struct Limits {
    std::size_t max_header_bytes = 8 * 1024;  // one part's header block
    int max_parts = 16;
  };
  enum class Status {
    kOk,       // consumed; feed more (or done() when the closing boundary was seen)
    kStopped,  // the handler returned false
    kInvalid,  // malformed input (error() says why)
  };

  // The boundary parameter of a multipart/form-data Content-Type; none when the type is not
  // multipart/form-data or the boundary is missing or not valid (RFC 2046: 1–70 characters).
  static std::optional<std::string> BoundaryOf(std::string_view content_type);

  explicit MultipartParser(std::string boundary) : MultipartParser(std::move(boundary), Limits{}) {}
  MultipartParser(std::string boundary, Limits limits);

  Status Feed(std::string_view bytes, PartHandler& handler);
  // The closing boundary has been seen; what follows (the epilogue) is ignored.
  bool done() const { return state_ == State::kDone; }
  const std::string& error() const { return error_; }

 private:
  enum class State { kPreamble, kAfterBoundary, kHeaders, kBody, kDone, kFailed };
  Status Fail(std::string why);
  bool ParseHeaders(std::string_view block, PartHeaders& out);

  std::string delimiter_;  // "\r\n--" + boundary
  Limits limits_;
  State state_ = State::kPreamble;
  std::string pending_;  // bytes received but not yet handed on
  int parts_ = 0;
  std::string error_;
};

}  // namespace motcua::http
