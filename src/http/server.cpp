// The HTTP server: Beast + Asio coroutines on I/O threads, blocking handlers on a separate pool,
// limits and timeouts, graceful shutdown, request ids, access log, security headers, metrics.
#include <utility>

#include "http/server.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <exception>
#include <filesystem>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>
#include <unordered_set>
#include <vector>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include "http/metrics.hpp"
#include "http/static_files.hpp"
#include "http/url.hpp"

namespace motcua::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace fs = std::filesystem;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;
using SteadyClock = std::chrono::steady_clock;

namespace {

// At shutdown, a connection accepted but still silent gets this long to send its request.
constexpr auto kNewConnectionGrace = std::chrono::seconds(1);
// At shutdown, an idle keep-alive connection reading anew gets this long for its next request.
constexpr auto kDrainWindow = std::chrono::seconds(1);
// After the last response on a connection: half-close, then read what the client still sends for
// this long (or this many bytes), so that closing never turns unread bytes into a reset.
constexpr auto kLinger = std::chrono::seconds(1);
constexpr std::size_t kLingerMaxBytes = 4 * 1024 * 1024;
constexpr std::size_t kIdleReadChunk = 8 * 1024;

// Beast 1.74 speaks boost::string_view.
std::string_view Sv(beast::string_view s) { return {s.data(), s.size()}; }

std::string RandomRequestId() {
  thread_local std::mt19937_64 rng([] {
    std::random_device rd;
    return (static_cast<std::uint64_t>(rd()) << 32) ^ rd() ^ std::hash<std::thread::id>{}(std::this_thread::get_id());
  }());
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t v = rng();
  std::string id(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) id[static_cast<std::size_t>(i)] = kHex[v & 0xF];
  return id;
}

// A client's request id is kept when it cannot smuggle anything into logs or headers.
bool IsSafeRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; });
}

// Metrics and logs must have a bounded set of method labels.
std::string MethodLabel(std::string_view method) {
  static constexpr std::string_view kKnown[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
  for (auto m : kKnown) {
    if (m == method) return std::string(m);
  }
  return "OTHER";
}

// Formatted by hand: strftime's day and month names follow the C locale, which the app may change.
std::string FormatUtc(std::chrono::system_clock::time_point t, bool http_date) {
  const auto secs = std::chrono::time_point_cast<std::chrono::seconds>(t);
  const std::time_t tt = std::chrono::system_clock::to_time_t(secs);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[64];
  if (http_date) {
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday], tm.tm_mday,
                  kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t - secs).count();
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

bool HeaderIsSafe(std::string_view s) {
  return s.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

core::Error PayloadTooLarge() {
  return core::Error::Make(core::errc::kPayloadTooLarge, "Dữ liệu gửi lên vượt quá dung lượng cho phép.",
                           "The request body is larger than allowed.");
}

core::Error MethodNotAllowed() {
  return core::Error::Make(core::errc::kMethodNotAllowed, "Phương thức này không được hỗ trợ cho địa chỉ này.",
                           "This method is not allowed for this resource.");
}

core::Error BadTarget() {
  return core::Error::BadRequest("Địa chỉ yêu cầu không hợp lệ.", "The request address is not valid.");
}

core::Error BadMessage() {
  return core::Error::BadRequest("Yêu cầu không đúng định dạng HTTP.", "The request is not valid HTTP.");
}

core::Error HeadersTooLarge() {
  return core::Error::BadRequest("Phần tiêu đề của yêu cầu quá lớn.", "The request headers are too large.");
}

struct Conn {
  explicit Conn(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  // Touched only on the connection's strand.
  bool idle = true;  // waiting for the first byte of a request
  int served = 0;
  std::string remote;
};

// What the handler pool hands back to the connection.
struct Outcome {
  Response response;
  std::optional<bhttp::file_body::value_type> file;  // opened when response.file_path is set
  std::string route_label;
  std::string user_id;
  std::string request_id;
  std::string method;
  std::unique_ptr<BodySink> sink;  // a streaming route accepted the request: it takes the body
};

// Request headers as the rest of the program sees them: names lower-cased, repeats joined.
void CopyRequestHeaders(const bhttp::request_header<>& header, Request& request) {
  request.method = std::string(header.method_string());
  request.target = std::string(header.target());
  for (const auto& field : header) {
    std::string name(field.name_string());
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return std::tolower(ch); });
    auto [it, inserted] = request.headers.emplace(std::move(name), std::string(field.value()));
    if (!inserted) {
      it->second += it->first == "cookie" ? "; " : ", ";
      it->second += Sv(field.value());
    }
  }
}

// A streamed body is read in pieces of this size.
constexpr std::size_t kStreamChunk = 64 * 1024;

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, const Router& r, Metrics& m)
      : options(std::move(o)),
        router(r),
        metrics(m),
        io_threads(ThreadCount(options.io_threads, 1)),
        ioc(io_threads),
        pool(static_cast<std::size_t>(ThreadCount(options.handler_threads, 2))),
        control(asio::make_strand(ioc)),
        acceptor(control),
        signals(control),
        grace_timer(control),
        new_conn_timer(control),
        work(asio::make_work_guard(ioc)) {
    if (!options.static_dir.empty()) {
      std::error_code ec;
      static_root = fs::canonical(options.static_dir, ec);
      if (ec) {
        throw std::runtime_error("static directory " + options.static_dir + " is not usable: " + ec.message());
      }
    }
    access_log = spdlog::get("access");
    if (!access_log) {
      access_log = spdlog::stdout_logger_mt("access");
      access_log->set_pattern("%v");
    }
  }

  ~Impl() {
    pool.stop();
    pool.join();
    std::lock_guard lock(mu);
    conns.clear();
  }

  // --- configuration and shared state ---------------------------------------------------------
  ServerOptions options;
  const Router& router;
  Metrics& metrics;
  std::vector<Middleware> middlewares;
  fs::path static_root;  // canonical; empty → no front end
  bool any_upload_route = false;
  std::shared_ptr<spdlog::logger> access_log;

  std::mutex mu;
  std::unordered_set<std::shared_ptr<Conn>> conns;  // guarded by mu
  std::atomic<bool> stopping{false};
  int io_threads;

  // --- Asio objects (declared after what their pending handlers may touch) -------------------
  asio::io_context ioc;
  asio::thread_pool pool;
  asio::strand<asio::io_context::executor_type> control;  // acceptor, signals, shutdown state
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer grace_timer;
  asio::steady_timer new_conn_timer;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  bool accept_loop_done = false;  // control strand
  bool finished = false;          // control strand
  bool listening = false;
  unsigned short bound_port = 0;

  // `requested`, or `per_core` × the number of cores.
  static int ThreadCount(int requested, int per_core) {
    if (requested > 0) return requested;
    return std::max(1, per_core * static_cast<int>(std::thread::hardware_concurrency()));
  }

  // --- listening and accepting -----------------------------------------------------------------
  void Listen() {
    std::string host = options.listen;
    std::string port = "80";
    if (!host.empty() && host.front() == '[') {  // [::1]:8080
      const auto close = host.find(']');
      if (close == std::string::npos) throw std::runtime_error("invalid listen address " + options.listen);
      if (close + 1 < host.size() && host[close + 1] == ':') port = host.substr(close + 2);
      host = host.substr(1, close - 1);
    } else if (const auto colon = host.rfind(':'); colon != std::string::npos) {
      port = host.substr(colon + 1);
      host = host.substr(0, colon);
    }
    if (host.empty()) host = "0.0.0.0";
    error_code ec;
    tcp::resolver resolver(ioc);
    const auto results = resolver.resolve(host, port, tcp::resolver::passive | tcp::resolver::numeric_service, ec);
    if (ec || results.empty()) {
      throw std::runtime_error("cannot resolve listen address " + options.listen + ": " + ec.message());
    }
    const tcp::endpoint endpoint = results.begin()->endpoint();
    auto fail = [&](const char* what) {
      throw std::runtime_error(std::string("cannot listen on ") + options.listen + " (" + what + "): " + ec.message());
    };
    acceptor.open(endpoint.protocol(), ec);
    if (ec) fail("open");
    acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (ec) fail("reuse_address");
    acceptor.bind(endpoint, ec);
    if (ec) fail("bind");
    acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) fail("listen");
    bound_port = acceptor.local_endpoint().port();
    listening = true;
  }

  asio::awaitable<void> AcceptLoop() {
    asio::steady_timer backoff(control);
    while (!stopping) {
      error_code ec;
      tcp::socket socket =
          co_await acceptor.async_accept(asio::make_strand(ioc), asio::redirect_error(asio::use_awaitable, ec));
      if (!ec) {
        StartConnection(std::move(socket));
        continue;
      }
      if (ec == asio::error::operation_aborted || stopping || !acceptor.is_open()) break;
      // Out of descriptors or similar: do not spin, try again shortly.
      LogEvent("warn", "accept failed", {{"error", ec.message()}});
      backoff.expires_after(std::chrono::milliseconds(100));
      co_await backoff.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
    // Only now is it certain that no accepted connection is still on its way to StartConnection.
    accept_loop_done = true;
    MaybeFinish();
  }

  void StartConnection(tcp::socket socket) {
    error_code ec;
    socket.set_option(tcp::no_delay(true), ec);
    auto conn = std::make_shared<Conn>(std::move(socket));
    const auto remote = conn->stream.socket().remote_endpoint(ec);
    if (!ec) conn->remote = remote.address().to_string();
    {
      std::lock_guard lock(mu);
      conns.insert(conn);
    }
    asio::co_spawn(conn->stream.get_executor(), Session(conn), asio::detached);
  }

  // --- one connection --------------------------------------------------------------------------
  asio::awaitable<void> Session(std::shared_ptr<Conn> c) {
    try {
      co_await Serve(*c);
    } catch (const std::exception& e) {
      LogEvent("error", "connection failed", {{"error", e.what()}});
    }
    co_await Close(*c);
    {
      std::lock_guard lock(mu);
      conns.erase(c);
    }
    if (stopping) asio::post(control, [this] { MaybeFinish(); });
  }

  asio::awaitable<void> Serve(Conn& c) {
    beast::flat_buffer buffer;
    for (;;) {
      error_code ec;
      if (buffer.size() == 0) {
        // Between requests: an idle keep-alive connection, closed by idle_timeout or shutdown.
        c.idle = true;
        // While shutting down, a keep-alive client may already be sending its next request: it gets a
        // short window to do so and is answered with Connection: close. Closing at once would turn
        // that request into a reset.
        c.stream.expires_after(stopping ? kDrainWindow : c.served == 0 ? options.read_timeout : options.idle_timeout);
        const auto n = co_await c.stream.async_read_some(buffer.prepare(kIdleReadChunk),
                                                         asio::redirect_error(asio::use_awaitable, ec));
        if (ec) co_return;  // closed by the client, timed out, or cancelled at shutdown
        buffer.commit(n);
      }
      c.idle = false;
      const auto started = SteadyClock::now();
      // The whole request, header and body, must arrive within read_timeout: a client that trickles
      // bytes is cut off (the stream closes the socket when the deadline passes).
      c.stream.expires_after(options.read_timeout);

      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(options.header_limit, UINT32_MAX)));
      parser.body_limit(any_upload_route ? std::max(options.body_limit, options.upload_body_limit)
                                         : options.body_limit);
      co_await bhttp::async_read_header(c.stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
      if (!ec) {
        // The body limit depends on the route (streamed uploads may be larger).
        std::size_t limit = options.body_limit;
        bool streaming = false;
        if (any_upload_route) {
          if (auto decoded = DecodeTarget(Sv(parser.get().target()))) {
            const auto m = router.Find(Sv(parser.get().method_string()), decoded->path);
            if (m.route != nullptr && m.route->stream) {
              limit = options.upload_body_limit;
              streaming = true;
            }
          }
        }
        const auto length = parser.content_length();
        if (length && *length > limit) {
          ec = bhttp::error::body_limit;
        } else if (streaming) {
          const bool go_on = co_await ServeStream(c, buffer, parser, started);
          ++c.served;
          if (!go_on) co_return;
          continue;
        } else {
          parser.body_limit(limit);
          const auto expect = Sv(parser.get()[bhttp::field::expect]);
          if (!parser.is_done() && IEquals(expect, "100-continue")) {
            bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, parser.get().version()};
            co_await bhttp::async_write(c.stream, cont, asio::redirect_error(asio::use_awaitable, ec));
          }
          if (!ec) {
            c.stream.expires_at(started + options.read_timeout);
            co_await bhttp::async_read(c.stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
          }
        }
      }
      if (ec) {
        // Timeouts, resets and half-read messages get no answer; malformed or oversized ones do.
        core::Error error;
        if (ec == bhttp::error::body_limit) {
          error = PayloadTooLarge();
        } else if (ec == bhttp::error::header_limit) {
          error = HeadersTooLarge();
        } else if (ec.category() == error_code(bhttp::error::end_of_stream).category() &&
                   ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message &&
                   ec != bhttp::error::need_more) {
          error = BadMessage();
        } else {
          co_return;
        }
        Outcome out;
        const auto client_id = Sv(parser.get()["x-request-id"]);
        out.request_id = IsSafeRequestId(client_id) ? std::string(client_id) : RandomRequestId();
        out.method = MethodLabel(Sv(parser.get().method_string()));
        out.route_label = "unmatched";
        out.response = Response::FromError(error);
        if (ec == bhttp::error::header_limit) out.response.status = 431;
        FinishResponse(out, false);
        co_await Respond(c, out, false, parser.get().version() == 10 ? 10 : 11, false, started);
        co_return;
      }

      auto message = parser.release();
      const bool head = message.method() == bhttp::verb::head;
      const unsigned version = message.version() == 10 ? 10 : 11;
      const bool client_keep_alive = message.keep_alive();
      Request request;
      CopyRequestHeaders(message.base(), request);
      request.body = std::move(message.body());
      request.remote_address = ClientAddress(c.remote, request.Header("x-forwarded-for"), options.trusted_proxies);

      Outcome out = co_await RunOnPool(std::move(request));
      // Once shutdown has begun, every response is the connection's last.
      const bool keep_alive = client_keep_alive && !stopping;
      const bool written = co_await Respond(c, out, head, version, keep_alive, started);
      ++c.served;
      if (!written || !keep_alive) co_return;
    }
  }

  // A streaming route: the pipeline (middleware, then the route's stream handler) runs on the
  // headers alone; only when it returns a sink is the body read, piece by piece, into the sink,
  // which may stop it at any point (e.g. a file over its limit). The sink's Finish() then runs on
  // the handler pool. Returns whether the connection may serve another request.
  asio::awaitable<bool> ServeStream(Conn& c, beast::flat_buffer& buffer,
                                    bhttp::request_parser<bhttp::string_body>& header_parser,
                                    SteadyClock::time_point started) {
    const auto& header = header_parser.get();
    const unsigned version = header.version() == 10 ? 10 : 11;
    const bool client_keep_alive = header.keep_alive();
    const bool has_body = !header_parser.is_done();
    const bool expect_continue = IEquals(Sv(header[bhttp::field::expect]), "100-continue");
    Request request;
    CopyRequestHeaders(header, request);
    request.remote_address = ClientAddress(c.remote, request.Header("x-forwarded-for"), options.trusted_proxies);
    Outcome out = co_await RunOnPool(std::move(request));
    if (!out.sink) {
      // Refused on its headers (not signed in, no such dossier, …): the body is never read, so the
      // connection cannot carry another request after it.
      const bool keep_alive = client_keep_alive && !stopping && !has_body;
      const bool written = co_await Respond(c, out, false, version, keep_alive, started);
      co_return written&& keep_alive;
    }

    error_code ec;
    std::optional<core::Error> refused;
    bhttp::request_parser<bhttp::buffer_body> parser(std::move(header_parser));
    parser.body_limit(options.upload_body_limit);
    if (has_body && expect_continue) {
      bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, version};
      co_await bhttp::async_write(c.stream, cont, asio::redirect_error(asio::use_awaitable, ec));
    }
    std::vector<char> chunk(kStreamChunk);
    const auto deadline = started + options.upload_timeout;
    while (!ec && !parser.is_done()) {
      parser.get().body().data = chunk.data();
      parser.get().body().size = chunk.size();
      // Each piece must come within read_timeout, and the whole body within upload_timeout.
      c.stream.expires_at(std::min(SteadyClock::now() + options.read_timeout, deadline));
      co_await bhttp::async_read_some(c.stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
      if (ec == bhttp::error::need_buffer) ec = {};
      const std::size_t n = chunk.size() - parser.get().body().size;
      if (n > 0) {
        if (auto stop = out.sink->Write(std::string_view(chunk.data(), n))) {
          refused = std::move(stop);
          break;
        }
      }
    }
    if (!refused && ec) {
      if (ec == bhttp::error::body_limit) {
        refused = PayloadTooLarge();
      } else if (ec.category() == error_code(bhttp::error::end_of_stream).category() &&
                 ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message &&
                 ec != bhttp::error::need_more) {
        refused = BadMessage();
      } else {
        out.sink.reset();  // the body did not come: the sink undoes what it wrote
        co_return false;
      }
    }
    if (refused) {
      // Stopped mid-body: the rest is not read, the sink undoes what it wrote, the connection ends.
      out.sink.reset();
      out.response = Response::FromError(*refused);
      FinishResponse(out, false);
      co_await Respond(c, out, false, version, false, started);
      co_return false;
    }
    std::function<Outcome()> finish = [this, &out] {
      Outcome fin;
      fin.request_id = out.request_id;
      fin.method = out.method;
      fin.route_label = out.route_label;
      fin.user_id = out.user_id;
      try {
        fin.response = out.sink->Finish();
      } catch (const std::exception& e) {
        LogEvent("error", "handler failed",
                 {{"request_id", fin.request_id}, {"route", fin.route_label}, {"detail", e.what()}});
        fin.response = Response::FromError(core::Error::Internal(e.what()));
      }
      FinishResponse(fin, false);
      return fin;
    };
    Outcome done = co_await OnPool(std::move(finish));
    out.sink.reset();
    const bool keep_alive = client_keep_alive && !stopping;
    const bool written = co_await Respond(c, done, false, version, keep_alive, started);
    co_return written&& keep_alive;
  }

  // Half-close, drain what the client still sends, then close (see kLinger).
  asio::awaitable<void> Close(Conn& c) {
    error_code ec;
    auto& socket = c.stream.socket();
    if (!socket.is_open()) co_return;
    socket.shutdown(tcp::socket::shutdown_send, ec);
    if (!ec) {
      c.stream.expires_after(kLinger);
      std::size_t drained = 0;
      std::array<char, 8192> scratch;
      while (drained < kLingerMaxBytes) {
        const auto n =
            co_await c.stream.async_read_some(asio::buffer(scratch), asio::redirect_error(asio::use_awaitable, ec));
        if (ec) break;
        drained += n;
      }
    }
    if (socket.is_open()) socket.close(ec);
  }

  // Runs the request pipeline on the handler pool and resumes on the connection's strand.
  asio::awaitable<Outcome> RunOnPool(Request request) {
    // Named, not a temporary in the co_await expression: g++ 12 mishandles such temporaries' lifetimes.
    auto req = std::make_shared<Request>(std::move(request));
    std::function<Outcome()> work = [this, req] {
      try {
        return Pipeline(*req);
      } catch (...) {
        // Pipeline catches what handlers throw; this is the last line (e.g. out of memory).
        Outcome out;
        out.request_id = RandomRequestId();
        out.method = MethodLabel(req->method);
        out.route_label = "unmatched";
        out.response = Response::FromError(core::Error::Internal("pipeline failed"));
        FinishResponse(out, false);
        return out;
      }
    };
    Outcome out = co_await OnPool(std::move(work));
    co_return out;
  }

  // Runs `work` (returning an Outcome) on the handler pool and resumes on the caller's executor.
  asio::awaitable<Outcome> OnPool(std::function<Outcome()> work) {
    auto initiation = [this](auto handler, std::function<Outcome()> w) {
      asio::post(pool, [handler = std::move(handler), w = std::move(w)]() mutable {
        Outcome out = w();
        auto ex = asio::get_associated_executor(handler);
        asio::post(ex, [handler = std::move(handler), out = std::move(out)]() mutable { handler(std::move(out)); });
      });
    };
    co_return co_await asio::async_initiate<const asio::use_awaitable_t<>&, void(Outcome)>(
        initiation, asio::use_awaitable, std::move(work));
  }

  // --- the request pipeline (handler pool) --------------------------------------------------------
  Outcome Pipeline(Request& req) {
    Outcome out;
    const std::string client_id = req.Header("x-request-id");
    req.request_id = IsSafeRequestId(client_id) ? client_id : RandomRequestId();
    out.request_id = req.request_id;
    out.method = MethodLabel(req.method);
    out.route_label = "unmatched";
    bool is_static = false;
    try {
      out.response = Dispatch(req, out, is_static);
    } catch (const std::exception& e) {
      LogEvent("error", "handler failed",
               {{"request_id", req.request_id}, {"route", out.route_label}, {"detail", e.what()}});
      out.response = Response::FromError(core::Error::Internal(e.what()));
    } catch (...) {
      LogEvent("error", "handler failed",
               {{"request_id", req.request_id}, {"route", out.route_label}, {"detail", "unknown exception"}});
      out.response = Response::FromError(core::Error::Internal("unknown exception"));
    }
    out.user_id = req.user_id;
    if (!out.response.file_path.empty()) {
      bhttp::file_body::value_type file;
      error_code ec;
      file.open(out.response.file_path.c_str(), beast::file_mode::scan, ec);
      if (ec) {
        LogEvent("error", "cannot open file",
                 {{"request_id", req.request_id}, {"route", out.route_label}, {"detail", ec.message()}});
        out.response = Response::FromError(core::Error::NotFound());
        is_static = false;
      } else {
        out.file.emplace(std::move(file));
      }
    }
    FinishResponse(out, is_static);
    return out;
  }

  Response Dispatch(Request& req, Outcome& out, bool& is_static) {
    auto decoded = DecodeTarget(req.target);
    if (!decoded) return Response::FromError(BadTarget());
    req.path = std::move(decoded->path);
    req.query = std::move(decoded->query);

    const auto match = router.Find(req.method, req.path);
    if (match.route != nullptr) {
      const Route& route = *match.route;
      req.route = route.pattern;
      out.route_label = route.pattern;
      for (const auto& [name, value] : match.params) req.params[name] = value;
      for (const auto& middleware : middlewares) {
        if (auto early = middleware(req, route)) return std::move(*early);
      }
      if (route.stream) {
        StreamStart start = route.stream(req);
        if (start.sink) {
          out.sink = std::move(start.sink);
          return Response{};  // not sent: the sink's Finish() answers
        }
        if (start.response) return std::move(*start.response);
        return Response::FromError(core::Error::Internal("stream handler gave neither a response nor a sink"));
      }
      return route.handler(req);
    }
    if (match.path_matched_other_method) {
      Response r = Response::FromError(MethodNotAllowed());
      std::string allow;
      for (const auto& m : match.allowed_methods) allow += (allow.empty() ? "" : ", ") + m;
      r.SetHeader("Allow", allow);
      return r;
    }
    const bool api = req.path == "/api" || req.path.starts_with("/api/");
    if (!api && !static_root.empty() && (req.method == "GET" || req.method == "HEAD")) {
      if (auto r = ServeStatic(req)) {
        out.route_label = "static";
        is_static = true;
        return std::move(*r);
      }
    }
    return Response::FromError(core::Error::NotFound());
  }

  std::optional<Response> ServeStatic(const Request& req) {
    auto file = ResolveStaticFile(static_root, req.path);
    if (!file && req.AcceptsHtml() && !req.path.starts_with("/assets/")) {
      // The single-page app routes in the browser: any page address gets index.html.
      file = ResolveStaticFile(static_root, "/index.html");
    }
    if (!file) return std::nullopt;
    Response r;
    r.SetHeader("Cache-Control", file->cache_control);
    r.SetHeader("ETag", file->etag);
    const std::string if_none_match = req.Header("if-none-match");
    if (!if_none_match.empty() && (if_none_match == file->etag || if_none_match == "W/" + file->etag)) {
      r.status = 304;
      return r;
    }
    r.SetHeader("Content-Type", file->content_type);
    r.file_path = file->path.string();
    return r;
  }

  // Headers every response carries, whoever produced it.
  void FinishResponse(Outcome& out, bool is_static) {
    Response& r = out.response;
    if (r.status < 100 || r.status > 999) r.status = 500;
    auto set_default = [&r](const char* name, std::string value) {
      if (r.FindHeader(name) == nullptr) r.SetHeader(name, std::move(value));
    };
    if (!options.content_security_policy.empty())
      set_default("Content-Security-Policy", options.content_security_policy);
    set_default("X-Content-Type-Options", "nosniff");
    set_default("Referrer-Policy", "strict-origin-when-cross-origin");
    set_default("X-Frame-Options", "DENY");
    set_default("Cross-Origin-Opener-Policy", "same-origin");
    if (!is_static) set_default("Cache-Control", "no-store");
    r.SetHeader("X-Request-Id", out.request_id);
    r.SetHeader("Date", FormatUtc(std::chrono::system_clock::now(), true));
  }

  // --- writing ------------------------------------------------------------------------------------
  template <class Body>
  void CopyHeaders(bhttp::response<Body>& res, const Response& r, bool keep_alive) {
    res.result(static_cast<unsigned>(r.status));
    for (const auto& [name, value] : r.headers) {
      // The server owns the framing; handlers cannot inject header lines.
      if (name.empty() || !HeaderIsSafe(name) || !HeaderIsSafe(value) || IEquals(name, "Content-Length") ||
          IEquals(name, "Transfer-Encoding") || IEquals(name, "Connection")) {
        continue;
      }
      res.insert(name, value);
    }
    res.keep_alive(keep_alive);
  }

  template <class Body>
  asio::awaitable<error_code> Write(Conn& c, bhttp::response<Body>& res) {
    bhttp::response_serializer<Body> sr(res);
    error_code ec;
    while (!ec && !sr.is_done()) {
      // A deadline per chunk: a slow but progressing download is fine, a stalled reader is not.
      c.stream.expires_after(options.read_timeout);
      co_await bhttp::async_write_some(c.stream, sr, asio::redirect_error(asio::use_awaitable, ec));
    }
    co_return ec;
  }

  // Writes the response, then logs and counts it. Returns whether the write completed.
  asio::awaitable<bool> Respond(Conn& c, Outcome& out, bool head, unsigned version, bool keep_alive,
                                SteadyClock::time_point started) {
    Response& r = out.response;
    error_code ec;
    std::uint64_t bytes = 0;
    const bool no_body = (r.status >= 100 && r.status < 200) || r.status == 204 || r.status == 304;
    if (no_body || head) {
      bhttp::response<bhttp::empty_body> res{bhttp::status::ok, version};
      CopyHeaders(res, r, keep_alive);
      if (!no_body) {
        const std::uint64_t size = out.file ? out.file->size() : r.body.size();
        res.set(bhttp::field::content_length, std::to_string(size));
      }
      ec = co_await Write(c, res);
    } else if (out.file) {
      bhttp::response<bhttp::file_body> res{bhttp::status::ok, version};
      CopyHeaders(res, r, keep_alive);
      bytes = out.file->size();
      res.body() = std::move(*out.file);
      res.prepare_payload();
      ec = co_await Write(c, res);
    } else {
      bhttp::response<bhttp::string_body> res{bhttp::status::ok, version};
      CopyHeaders(res, r, keep_alive);
      bytes = r.body.size();
      res.body() = std::move(r.body);
      res.prepare_payload();
      ec = co_await Write(c, res);
    }
    const double seconds = std::chrono::duration<double>(SteadyClock::now() - started).count();
    metrics.ObserveRequest(out.method, out.route_label, r.status, seconds);
    LogAccess(out, r.status, seconds, ec ? 0 : bytes);
    co_return !ec;
  }

  // --- logs ---------------------------------------------------------------------------------------
  // One JSON line per request. Never the query string or the body: they may carry personal data.
  void LogAccess(const Outcome& out, int status, double seconds, std::uint64_t bytes) {
    nlohmann::json line = {
        {"ts", FormatUtc(std::chrono::system_clock::now(), false)},
        {"level", "info"},
        {"msg", "request"},
        {"request_id", out.request_id},
        {"method", out.method},
        {"route", out.route_label},
        {"status", status},
        {"duration_ms", std::round(seconds * 1e6) / 1e3},
    };
    if (!out.user_id.empty()) line["user_id"] = out.user_id;
    line["bytes"] = bytes;
    access_log->info("{}", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }

  void LogEvent(const char* level, const char* msg, nlohmann::json fields = nlohmann::json::object()) {
    nlohmann::json line = {{"ts", FormatUtc(std::chrono::system_clock::now(), false)}, {"level", level}, {"msg", msg}};
    for (auto& [k, v] : fields.items()) line[k] = v;
    const auto text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (std::string_view(level) == "error") {
      access_log->error("{}", text);
    } else if (std::string_view(level) == "warn") {
      access_log->warn("{}", text);
    } else {
      access_log->info("{}", text);
    }
  }

  // --- shutdown (all on the control strand) -------------------------------------------------------
  void BeginShutdown() {
    if (stopping.exchange(true)) return;
    LogEvent("info", "shutting down", {{"grace_seconds", options.shutdown_grace.count()}});
    error_code ec;
    if (acceptor.is_open()) {
      // Connections already in the listen backlog are accepted and served: closing the listening
      // socket would reset them.
      acceptor.non_blocking(true, ec);
      for (;;) {
        tcp::socket socket(asio::make_strand(ioc));
        acceptor.accept(socket, ec);
        if (ec) break;
        StartConnection(std::move(socket));
      }
      acceptor.close(ec);
    }

    // Idle connections, fresh or kept alive, get a moment for a request already on its way (it is
    // answered with Connection: close); then the timer below closes those still silent. Closing
    // them at once would turn such a request into a reset. Connections mid-request finish it.
    new_conn_timer.expires_after(kNewConnectionGrace);
    new_conn_timer.async_wait([this](error_code e) {
      if (e) return;
      ForEachConnection([](Conn& c) {
        error_code ignored;
        if (c.idle && c.stream.socket().available(ignored) == 0) c.stream.cancel();
      });
    });
    grace_timer.expires_after(options.shutdown_grace);
    grace_timer.async_wait([this](error_code e) {
      if (!e) ForceStop();
    });
    MaybeFinish();
  }

  void ForEachConnection(std::function<void(Conn&)> f) {
    std::vector<std::shared_ptr<Conn>> snapshot;
    {
      std::lock_guard lock(mu);
      snapshot.assign(conns.begin(), conns.end());
    }
    for (auto& c : snapshot) {
      asio::post(c->stream.get_executor(), [c, f] { f(*c); });
    }
  }

  void MaybeFinish() {
    if (!stopping || !accept_loop_done || finished) return;
    {
      std::lock_guard lock(mu);
      if (!conns.empty()) return;
    }
    finished = true;
    error_code ec;
    grace_timer.cancel();
    new_conn_timer.cancel();
    signals.cancel(ec);
    work.reset();
    ioc.stop();
  }

  void ForceStop() {
    if (finished) return;
    std::size_t left = 0;
    {
      std::lock_guard lock(mu);
      left = conns.size();
    }
    LogEvent("warn", "shutdown grace period over, closing connections", {{"connections", left}});
    finished = true;
    error_code ec;
    signals.cancel(ec);
    new_conn_timer.cancel();
    work.reset();
    ioc.stop();
  }

  void WaitForSignal() {
    signals.async_wait([this](error_code ec, int signo) {
      if (ec) return;
      LogEvent("info", "signal received", {{"signal", signo}});
      if (stopping) {
        ForceStop();  // a second signal: stop waiting
        return;
      }
      BeginShutdown();
      WaitForSignal();
    });
  }
};

Server::Server(ServerOptions options, const Router& router, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), router, metrics)) {}

Server::~Server() = default;

void Server::Use(Middleware middleware) { impl_->middlewares.push_back(std::move(middleware)); }

void Server::Listen() { impl_->Listen(); }

unsigned short Server::port() const { return impl_->bound_port; }

void Server::Run() {
  Impl& s = *impl_;
  if (!s.listening) s.Listen();
  for (const auto& route : s.router.routes())
    s.any_upload_route = s.any_upload_route || static_cast<bool>(route.stream);
  error_code ec;
  s.signals.add(SIGTERM, ec);
  s.signals.add(SIGINT, ec);
  asio::post(s.control, [&s] { s.WaitForSignal(); });
  asio::co_spawn(s.control, s.AcceptLoop(), asio::detached);
  s.LogEvent("info", "listening", {{"port", s.bound_port}, {"io_threads", s.io_threads}});

  std::vector<std::thread> threads;
  for (int i = 1; i < s.io_threads; ++i) {
    threads.emplace_back([&s] { s.ioc.run(); });
  }
  s.ioc.run();
  for (auto& t : threads) t.join();
  // Past the grace period: no I/O thread runs any more, so the remaining sockets can be closed
  // from here; their clients see the connection end instead of hanging.
  {
    std::lock_guard lock(s.mu);
    for (const auto& c : s.conns) c->stream.socket().close(ec);
  }
  // Handlers still running past the grace period are waited for; their responses are dropped.
  s.pool.stop();
  s.pool.join();
  s.LogEvent("info", "stopped");
}

void Server::Stop() {
  Impl& s = *impl_;
  asio::post(s.control, [&s] { s.BeginShutdown(); });
}

}  // namespace motcua::http
