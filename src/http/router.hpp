// The route table: method, path pattern with {parameters}, handler, and the permission it needs.
// api/routes.cpp is the single place where routes are declared.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace motcua::http {

// Handlers are plain blocking functions; the server runs them off the I/O threads.
using Handler = std::function<Response(Request&)>;

// What a streaming route answers once the headers are in and the middleware passed: a response
// now (the body is not read), or a sink that takes the body as it arrives.
struct StreamStart {
  std::optional<Response> response;
  std::unique_ptr<BodySink> sink;
};
using StreamHandler = std::function<StreamStart(Request&)>;

struct Route {
  std::string method;   // "GET", "POST", "PATCH", "PUT", "DELETE"
  std::string pattern;  // "/api/v1/agencies/{code}"
  Handler handler;
  std::string permission;  // "public", or a permission name checked by the authorization layer
  std::string summary;     // one line for docs and tests
  // When set, the route streams its body (up to ServerOptions::upload_body_limit) into the sink
  // this returns, and `handler` is not used; every other route gets ServerOptions::body_limit.
  StreamHandler stream;
};

class Router {
 public:
  void Add(Route route);
  const std::vector<Route>& routes() const { return routes_; }

  struct Match {
    const Route* route = nullptr;            // null when nothing matched
    bool path_matched_other_method = false;  // 405 rather than 404
    std::vector<std::pair<std::string, std::string>> params;
    std::vector<std::string> allowed_methods;  // for the Allow header of a 405, sorted
  };
  // Literal segments win over {parameters}. `path` is already percent-decoded. HEAD falls back
  // to the GET route of the same path.
  Match Find(std::string_view method, std::string_view path) const;

 private:
  struct Segment {
    std::string text;  // the literal, or the parameter name
    bool param = false;
  };
  std::vector<Route> routes_;
  std::vector<std::vector<Segment>> segments_;  // parallel to routes_
};

}  // namespace motcua::http
