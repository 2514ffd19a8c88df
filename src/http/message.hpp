// Request and Response as the rest of the program sees them: plain structs, no Beast types, so that
// api/ and app/ compile without Beast headers.
#pragma once

#include <any>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/common/error.hpp"

namespace motcua::http {

struct Request {
  std::string method;                             // "GET", "POST", …
  std::string target;                             // as received: "/api/v1/procedures?q=giay%20phep"
  std::string path;                               // percent-decoded path without the query: "/api/v1/procedures"
  std::multimap<std::string, std::string> query;  // decoded query parameters
  std::map<std::string, std::string> headers;     // names lower-cased
  std::string body;
  std::map<std::string, std::string> params;  // path parameters filled by the router ("code" → …)
  std::string request_id;
  std::string remote_address;
  std::string route;    // the matched route pattern ("/api/v1/agencies/{code}"), for logs/metrics
  std::string user_id;  // set by authentication middleware when a user is known (logged, never PII)
  // Request-scoped slot for the authentication middleware (the principal); http never looks inside.
  std::any auth;

  std::string Header(std::string_view lower_name) const;
  std::optional<std::string> QueryParam(std::string_view name) const;
  std::string Param(std::string_view name) const;
  bool AcceptsHtml() const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // When set, the body is this file streamed from disk (static assets, downloads); `body` is ignored.
  std::string file_path;

  void SetHeader(std::string name, std::string value);
  const std::string* FindHeader(std::string_view name) const;

  static Response Json(int status, const nlohmann::json& value);
  static Response Text(int status, std::string text, std::string content_type = "text/plain; charset=utf-8");
  // The JSON error body {"error":{"code","message","message_en","fields"}} with the status
  // that belongs to the error's code (ErrorStatus).
  static Response FromError(const core::Error& error);
};

// Takes a streamed request body as it arrives (routes with a StreamHandler): the body is never
// held in memory whole. The server calls Write() on its I/O thread for each piece (keep it short:
// no database calls), then Finish() once on the handler pool. Destroying a sink that was not
// finished means the body did not come (client gone, timeout, refusal): undo what was written.
class BodySink {
 public:
  virtual ~BodySink() = default;
  // An error stops the request: the rest of the body is not read and the error is the answer.
  virtual std::optional<core::Error> Write(std::string_view bytes) = 0;
  // The whole body arrived: the answer.
  virtual Response Finish() = 0;
};

// The HTTP status of a stable error code: the one place where codes meet statuses.
int ErrorStatus(std::string_view code);

}  // namespace motcua::http
