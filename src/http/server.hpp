// The HTTP server: Boost.Beast + Asio coroutines, keep-alive, limits, timeouts, graceful shutdown,
// request ids, JSON access log, security headers, metrics, static front-end files.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "http/client_address.hpp"
#include "http/message.hpp"
#include "http/router.hpp"

namespace motcua::http {

class Metrics;

struct ServerOptions {
  std::string listen = "127.0.0.1:8080";  // host:port; port 0 picks a free one
  int io_threads = 0;                     // 0 → hardware concurrency
  int handler_threads = 0;                // 0 → 2 × hardware concurrency
  std::size_t header_limit = 16 * 1024;
  std::size_t body_limit = 1024 * 1024;              // default per request
  std::size_t upload_body_limit = 64 * 1024 * 1024;  // streaming routes (uploads); the sink may stop sooner
  std::chrono::minutes upload_timeout{15};           // a streamed body must be complete within this
  std::chrono::seconds read_timeout{15};             // a request's header and body must arrive within this (a streamed
                                                     // body: each piece of it, so a slow but steady upload goes on)
  std::chrono::seconds idle_timeout{60};             // keep-alive connection idle
  std::chrono::seconds shutdown_grace{20};           // how long in-flight requests may finish after SIGTERM
  std::string static_dir;                            // web/dist; empty → no front end
  AddressSet trusted_proxies;                        // whose X-Forwarded-For is believed (none by default)
  std::string content_security_policy =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
      "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
};

// Runs before a route's handler (authentication, CSRF, rate limits), in the order of Use(), on
// the handler pool like the handler itself. Returning a response stops the request there.
using Middleware = std::function<std::optional<Response>(Request&, const Route&)>;

// Threads: `io_threads` run all socket I/O (Asio coroutines); handlers and middleware are blocking
// calls on a separate pool of `handler_threads`, so a slow database call never stalls I/O. Add
// routes to the Router and call Use() before Run(); both are read concurrently afterwards.
class Server {
 public:
  Server(ServerOptions options, const Router& router, Metrics& metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  void Use(Middleware middleware);
  // Binds the listening socket (throws std::runtime_error with a readable message on failure).
  void Listen();
  // The bound port (useful with port 0).
  unsigned short port() const;
  // Serves until Stop() or SIGTERM/SIGINT; then stops accepting, lets in-flight requests finish
  // (up to shutdown_grace), closes connections, and returns.
  void Run();
  // Thread-safe; may be called from a signal handler context via Asio's signal_set only.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::http
