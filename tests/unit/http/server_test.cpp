// The server over real sockets: keep-alive, limits, timeouts, errors, static files, headers,
// access log, metrics, and graceful shutdown under load.
#include "http/server.hpp"

#include <signal.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "http/metrics.hpp"
#include "test_client.hpp"

namespace motcua::http {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::GetRequest;
using testing::HttpResponse;
using testing::TestClient;
using Json = nlohmann::json;

// Captures the "access" logger's lines so tests can read them.
class CaptureSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  std::vector<std::string> Lines() {
    std::lock_guard lock(mutex_);
    return lines_;
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    lines_.emplace_back(msg.payload.data(), msg.payload.size());
  }
  void flush_() override {}

 private:
  std::vector<std::string> lines_;
};

std::shared_ptr<CaptureSink> AccessSink() {
  static auto sink = [] {
    auto s = std::make_shared<CaptureSink>();
    auto logger = std::make_shared<spdlog::logger>("access", s);
    logger->set_pattern("%v");
    spdlog::register_logger(logger);
    return s;
  }();
  return sink;
}

// The access-log line that mentions `needle`, waiting a little: the line is written just after
// the response.
std::optional<std::string> FindLogLine(const std::string& needle) {
  for (int i = 0; i < 100; ++i) {
    for (const auto& line : AccessSink()->Lines()) {
      if (line.find(needle) != std::string::npos && line.find("\"msg\":\"request\"") != std::string::npos) return line;
    }
    std::this_thread::sleep_for(20ms);
  }
  return std::nullopt;
}

Route MakeRoute(std::string method, std::string pattern, Handler handler, std::string permission = "public") {
  Route r;
  r.method = std::move(method);
  r.pattern = std::move(pattern);
  r.handler = std::move(handler);
  r.permission = std::move(permission);
  return r;
}

void ExpectSecurityHeaders(const HttpResponse& r, const std::string& what) {
  EXPECT_FALSE(r.Header("content-security-policy").empty()) << what;
  EXPECT_EQ(r.Header("x-content-type-options"), "nosniff") << what;
  EXPECT_EQ(r.Header("referrer-policy"), "strict-origin-when-cross-origin") << what;
  EXPECT_EQ(r.Header("x-frame-options"), "DENY") << what;
  EXPECT_EQ(r.Header("cross-origin-opener-policy"), "same-origin") << what;
  EXPECT_FALSE(r.Header("x-request-id").empty()) << what;
}

std::string ErrorCode(const HttpResponse& r) {
  const auto body = Json::parse(r.body, nullptr, false);
  if (body.is_discarded() || !body.contains("error")) return "<not an error body>";
  return body["error"].value("code", "");
}

// What the streaming test route's sinks did, shared with the test.
struct SinkLog {
  std::mutex mu;
  std::vector<std::string> events;  // "finished <bytes>", "dropped <bytes>"
  std::size_t largest_piece = 0;
  void Add(std::string e) {
    std::lock_guard lock(mu);
    events.push_back(std::move(e));
  }
  std::vector<std::string> Events() {
    std::lock_guard lock(mu);
    return events;
  }
};

class CountingSink : public BodySink {
 public:
  CountingSink(long stop_after, std::shared_ptr<SinkLog> log, std::string user)
      : stop_after_(stop_after), log_(std::move(log)), user_(std::move(user)) {}
  ~CountingSink() override {
    if (!finished_) log_->Add("dropped " + std::to_string(bytes_));
  }
  std::optional<core::Error> Write(std::string_view bytes) override {
    bytes_ += bytes.size();
    {
      std::lock_guard lock(log_->mu);
      log_->largest_piece = std::max(log_->largest_piece, bytes.size());
    }
    if (stop_after_ >= 0 && bytes_ > static_cast<std::size_t>(stop_after_)) {
      return core::Error::Make("file_too_large", "Tệp quá lớn.", "The file is too large.");
    }
    return std::nullopt;
  }
  Response Finish() override {
    finished_ = true;
    log_->Add("finished " + std::to_string(bytes_));
    return Response::Json(201, {{"size", bytes_}, {"user", user_}});
  }

 private:
  long stop_after_;
  std::shared_ptr<SinkLog> log_;
  std::string user_;
  std::size_t bytes_ = 0;
  bool finished_ = false;
};

class ServerTest : public ::testing::Test {
 protected:
  std::shared_ptr<SinkLog> sink_log_ = std::make_shared<SinkLog>();
  std::atomic<int> sinks_started_{0};

  void SetUp() override {
    AccessSink();
    router_.Add(MakeRoute("GET", "/api/v1/ping", [](Request&) { return Response::Json(200, {{"pong", true}}); }));
    router_.Add(MakeRoute("GET", "/api/v1/agencies/{code}", [](Request& req) {
      return Response::Json(200, {{"code", req.Param("code")},
                                  {"q", req.QueryParam("q").value_or("")},
                                  {"route", req.route},
                                  {"path", req.path}});
    }));
    router_.Add(MakeRoute("POST", "/api/v1/echo", [](Request& req) { return Response::Text(200, req.body); }));
    // A streaming route: its sink counts the bytes, refuses past `X-Stop-After` bytes, and records
    // whether it was finished or dropped.
    Route upload = MakeRoute("POST", "/api/v1/uploads", nullptr, "user");
    upload.stream = [this](Request& req) {
      StreamStart start;
      if (req.Header("x-refuse") == "yes") {
        start.response = Response::FromError(core::Error::NotFound());
        return start;
      }
      long stop_after = -1;
      if (!req.Header("x-stop-after").empty()) stop_after = std::stol(req.Header("x-stop-after"));
      start.sink = std::make_unique<CountingSink>(stop_after, sink_log_, req.user_id);
      ++sinks_started_;
      return start;
    };
    router_.Add(std::move(upload));
    router_.Add(MakeRoute("GET", "/api/v1/boom",
                          [](Request&) -> Response { throw std::runtime_error("database password is hunter2"); }));
    router_.Add(MakeRoute("GET", "/api/v1/slow", [this](Request&) {
      ++slow_entered_;
      std::this_thread::sleep_for(200ms);
      return Response::Json(200, {{"done", true}});
    }));
    router_.Add(MakeRoute("GET", "/api/v1/very-slow", [this](Request&) {
      ++slow_entered_;
      std::this_thread::sleep_for(1500ms);
      return Response::Json(200, {{"done", true}});
    }));
    router_.Add(MakeRoute(
        "GET", "/api/v1/me",
        [](Request& req) {
          return Response::Json(200, {{"user_id", req.user_id}});
        },
        "user"));
  }

  void TearDown() override {
    if (server_) StopAndWait();
    if (!static_dir_.empty()) fs::remove_all(static_dir_);
  }

  static ServerOptions Defaults() {
    ServerOptions o;
    o.listen = "127.0.0.1:0";
    o.io_threads = 2;
    o.handler_threads = 4;
    o.body_limit = 1024;
    o.upload_body_limit = 64 * 1024;
    o.read_timeout = 2s;
    o.idle_timeout = 5s;
    o.shutdown_grace = 10s;
    return o;
  }

  void Start(ServerOptions options = Defaults()) {
    server_ = std::make_unique<Server>(std::move(options), router_, metrics_);
    server_->Use([](Request& req, const Route& route) -> std::optional<Response> {
      if (route.permission == "public") return std::nullopt;
      if (req.Header("authorization") != "Bearer ok") {
        return Response::FromError(
            core::Error::Make(core::errc::kUnauthorized, "Vui lòng đăng nhập.", "Please sign in."));
      }
      req.user_id = "u-42";
      return std::nullopt;
    });
    server_->Listen();
    port_ = server_->port();
    run_done_ = std::async(std::launch::async, [this] { server_->Run(); });
  }

  // Stops the server; true when Run() returned within `limit`.
  bool StopAndWait(std::chrono::milliseconds limit = 15s) {
    server_->Stop();
    return WaitRunReturned(limit);
  }

  bool WaitRunReturned(std::chrono::milliseconds limit) {
    const bool returned = run_done_.wait_for(limit) == std::future_status::ready;
    if (returned) {
      run_done_.get();
      server_.reset();
    }
    return returned;
  }

  std::optional<HttpResponse> Fetch(const std::string& raw, bool head = false) {
    TestClient c(port_);
    if (!c.connected() || !c.Send(raw)) return std::nullopt;
    return c.Read(head);
  }

  fs::path MakeStaticDir() {
    static_dir_ = fs::temp_directory_path() / ("motcua-http-test-" + std::to_string(std::random_device{}()));
    fs::create_directories(static_dir_ / "dist" / "assets");
    std::ofstream(static_dir_ / "dist" / "index.html") << "<!doctype html><title>MotCua</title>";
    std::ofstream(static_dir_ / "dist" / "assets" / "index-1a2b3c.js") << "console.log('xin chao')";
    std::ofstream(static_dir_ / "dist" / "assets" / "index-1a2b3c.css") << "body{}";
    std::ofstream(static_dir_ / "dist" / "site.webmanifest") << "{}";
    std::ofstream(static_dir_ / "secret.txt") << "TOP SECRET";
    {
      std::ofstream big(static_dir_ / "dist" / "assets" / "big-9f9f9f.bin", std::ios::binary);
      std::string chunk(1024 * 1024, 'b');
      for (int i = 0; i < 3; ++i) big << chunk;
    }
    return static_dir_ / "dist";
  }

  Router router_;
  Metrics metrics_;
  std::unique_ptr<Server> server_;
  std::future<void> run_done_;
  unsigned short port_ = 0;
  std::atomic<int> slow_entered_{0};
  fs::path static_dir_;
};

TEST_F(ServerTest, ListensOnAnEphemeralPortAndRejectsABusyOne) {
  Start();
  EXPECT_NE(port_, 0);
  ServerOptions o = Defaults();
  o.listen = "127.0.0.1:" + std::to_string(port_);
  Server second(o, router_, metrics_);
  EXPECT_THROW(second.Listen(), std::runtime_error);
}

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  Start();
  TestClient c(port_);
  ASSERT_TRUE(c.connected());
  ASSERT_TRUE(c.Send(GetRequest("/api/v1/ping")));
  auto r1 = c.Read();
  ASSERT_TRUE(r1);
  EXPECT_EQ(r1->status, 200);
  EXPECT_EQ(Json::parse(r1->body), Json({{"pong", true}}));
  EXPECT_EQ(r1->Header("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(r1->Header("cache-control"), "no-store");
  EXPECT_NE(r1->Header("connection"), "close");

  ASSERT_TRUE(c.Send(GetRequest("/api/v1/agencies/H%C3%A0%20N%E1%BB%99i?q=gi%E1%BA%A5y+ph%C3%A9p")));
  auto r2 = c.Read();
  ASSERT_TRUE(r2);
  EXPECT_EQ(r2->status, 200);
  const auto body = Json::parse(r2->body);
  EXPECT_EQ(body["code"], "Hà Nội");
  EXPECT_EQ(body["q"], "giấy phép");
  EXPECT_EQ(body["route"], "/api/v1/agencies/{code}");
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  Start();
  TestClient c(port_);
  ASSERT_TRUE(c.Send(GetRequest("/api/v1/agencies/A") + GetRequest("/api/v1/agencies/B")));
  auto a = c.Read();
  auto b = c.Read();
  ASSERT_TRUE(a && b);
  EXPECT_EQ(Json::parse(a->body)["code"], "A");
  EXPECT_EQ(Json::parse(b->body)["code"], "B");
}

TEST_F(ServerTest, Http10WithoutKeepAliveIsClosedAfterTheResponse) {
  Start();
  TestClient c(port_);
  ASSERT_TRUE(c.Send("GET /api/v1/ping HTTP/1.0\r\n\r\n"));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_TRUE(c.ClosedCleanly(3000));
}

TEST_F(ServerTest, BodyOverTheLimitGets413AndTheConnectionCloses) {
  Start();
  TestClient c(port_);
  const std::string body(4096, 'x');
  ASSERT_TRUE(c.Send(
      "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 4096\r\n\r\n" + body));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(ErrorCode(*r), "payload_too_large");
  EXPECT_EQ(r->Header("connection"), "close");
  ExpectSecurityHeaders(*r, "413");
  EXPECT_TRUE(c.ClosedCleanly(3000));
}

TEST_F(ServerTest, ChunkedBodyOverTheLimitGets413) {
  Start();
  TestClient c(port_);
  std::string req = "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) req += "258\r\n" + std::string(600, 'y') + "\r\n";
  req += "0\r\n\r\n";
  ASSERT_TRUE(c.Send(req));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(ErrorCode(*r), "payload_too_large");
}

TEST_F(ServerTest, BodyAtTheLimitAndUploadRoutesAreAccepted) {
  Start();
  const std::string at_limit(1024, 'z');
  auto r = Fetch("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1024\r\n\r\n" + at_limit);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, at_limit);

  const std::string upload(40000, 'u');
  r = Fetch("POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ok\r\nContent-Length: 40000\r\n\r\n" +
            upload);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201);
  EXPECT_EQ(Json::parse(r->body)["size"], 40000);
  EXPECT_EQ(Json::parse(r->body)["user"], "u-42");  // the middleware ran before the stream handler

  const std::string too_big(70000, 'u');
  r = Fetch("POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ok\r\nContent-Length: 70000\r\n\r\n" +
            too_big);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
}

TEST_F(ServerTest, StreamedBodyArrivesInPiecesAndKeepAliveGoesOn) {
  Start();
  TestClient c(port_);
  // Chunked, in several sends: the sink sees pieces, never the whole body at once.
  ASSERT_TRUE(
      c.Send("POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ok\r\n"
             "Transfer-Encoding: chunked\r\n\r\n"));
  for (int i = 0; i < 6; ++i) {
    ASSERT_TRUE(c.Send("2710\r\n" + std::string(10000, 'a' + i) + "\r\n"));
    std::this_thread::sleep_for(5ms);
  }
  ASSERT_TRUE(c.Send("0\r\n\r\n"));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201);
  EXPECT_EQ(Json::parse(r->body)["size"], 60000);
  ASSERT_TRUE(c.Send(GetRequest("/api/v1/ping")));
  r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(sink_log_->Events(), std::vector<std::string>{"finished 60000"});
  EXPECT_LE(sink_log_->largest_piece, 64u * 1024);
}

TEST_F(ServerTest, SinkStopsTheBodyWithoutReadingTheRest) {
  Start();
  TestClient c(port_);
  // Announces 60 000 bytes but sends 20 000: the sink refuses after 10 000, so the answer comes
  // before the rest of the body (which never comes).
  ASSERT_TRUE(
      c.Send("POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ok\r\n"
             "X-Stop-After: 10000\r\nContent-Length: 60000\r\n\r\n" +
             std::string(20000, 'b')));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(ErrorCode(*r), "file_too_large");
  EXPECT_EQ(r->Header("connection"), "close");
  auto events = sink_log_->Events();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].rfind("dropped ", 0), 0u);
  EXPECT_LE(std::stol(events[0].substr(8)), 20000);
}

TEST_F(ServerTest, StreamRouteRefusedOnItsHeadersNeverReadsTheBody) {
  Start();
  // Not signed in: the middleware answers; no sink is made.
  auto r = Fetch("POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + std::string(5000, 'c'));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  // The stream handler answers by itself.
  TestClient c(port_);
  ASSERT_TRUE(
      c.Send("POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ok\r\nX-Refuse: yes\r\n"
             "Expect: 100-continue\r\nContent-Length: 5000\r\n\r\n"));
  r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);  // not a 100 Continue: the body is not wanted
  EXPECT_EQ(r->Header("connection"), "close");
  EXPECT_EQ(sinks_started_.load(), 0);
}

TEST_F(ServerTest, ClientGoneMidBodyDropsTheSink) {
  Start();
  {
    TestClient c(port_);
    ASSERT_TRUE(
        c.Send("POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ok\r\n"
               "Content-Length: 50000\r\n\r\n" +
               std::string(20000, 'd')));
    std::this_thread::sleep_for(100ms);
  }  // closed with 30 000 bytes missing
  for (int i = 0; i < 100 && sink_log_->Events().empty(); ++i) std::this_thread::sleep_for(20ms);
  EXPECT_EQ(sink_log_->Events(), std::vector<std::string>{"dropped 20000"});
}

TEST_F(ServerTest, ExpectContinueIsHonoured) {
  Start();
  TestClient c(port_);
  ASSERT_TRUE(c.Send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n"));
  auto cont = c.Read(true);
  ASSERT_TRUE(cont);
  EXPECT_EQ(cont->status, 100);
  ASSERT_TRUE(c.Send("hello"));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "hello");
}

TEST_F(ServerTest, OversizedHeadersAreRefused) {
  Start();
  auto r = Fetch(GetRequest("/api/v1/ping", "X-Big: " + std::string(20000, 'h') + "\r\n"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 431);
  EXPECT_EQ(ErrorCode(*r), "bad_request");
  ExpectSecurityHeaders(*r, "431");
}

TEST_F(ServerTest, MalformedRequestGets400) {
  Start();
  auto r = Fetch("GET /api/v1/ping HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(ErrorCode(*r), "bad_request");
}

// A client that trickles its header is cut off after read_timeout, and while it trickles another
// client is served at once even with a single I/O thread.
TEST_F(ServerTest, SlowHeaderClientIsCutOffWhileOthersAreServed) {
  ServerOptions o = Defaults();
  o.io_threads = 1;
  o.read_timeout = 1s;
  Start(o);
  TestClient slow(port_, 100);
  ASSERT_TRUE(slow.Send("GET /api/v1/ping HTTP/1.1\r\nHost: x\r\n"));
  const auto start = std::chrono::steady_clock::now();
  bool cut = false;
  bool fast_served = false;
  std::chrono::steady_clock::duration fast_took{};
  while (std::chrono::steady_clock::now() - start < 5s) {
    slow.Send("X-Trickle: 1\r\n");
    ASSERT_FALSE(slow.Read()) << "the trickling client must never get a response";
    if (slow.eof() || slow.last_errno() == ECONNRESET || slow.last_errno() == EPIPE) {
      cut = true;
      break;
    }
    if (!fast_served) {
      const auto t0 = std::chrono::steady_clock::now();
      auto r = Fetch(GetRequest("/api/v1/ping"));
      fast_took = std::chrono::steady_clock::now() - t0;
      fast_served = r && r->status == 200;
    }
  }
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_TRUE(cut);
  EXPECT_GE(elapsed, 900ms);
  EXPECT_LT(elapsed, 3s);
  EXPECT_TRUE(fast_served);
  EXPECT_LT(fast_took, 900ms);  // well inside the slow client's read_timeout
}

TEST_F(ServerTest, SlowBodyClientIsCutOff) {
  ServerOptions o = Defaults();
  o.read_timeout = 1s;
  Start(o);
  TestClient slow(port_, 100);
  ASSERT_TRUE(slow.Send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n"));
  const auto start = std::chrono::steady_clock::now();
  bool cut = false;
  while (std::chrono::steady_clock::now() - start < 5s) {
    slow.Send("a");
    ASSERT_FALSE(slow.Read());
    if (slow.eof() || slow.last_errno() == ECONNRESET || slow.last_errno() == EPIPE) {
      cut = true;
      break;
    }
  }
  EXPECT_TRUE(cut);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosedAfterIdleTimeout) {
  ServerOptions o = Defaults();
  o.idle_timeout = 1s;
  Start(o);
  TestClient c(port_);
  ASSERT_TRUE(c.Send(GetRequest("/api/v1/ping")));
  ASSERT_TRUE(c.Read());
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(c.ClosedCleanly(4000));
  EXPECT_GE(std::chrono::steady_clock::now() - start, 900ms);
}

TEST_F(ServerTest, UnknownApiPathIsJson404EvenForBrowsers) {
  ServerOptions o = Defaults();
  o.static_dir = MakeStaticDir().string();
  Start(o);
  for (const std::string accept : {"application/json", "text/html"}) {
    auto r = Fetch(GetRequest("/api/x", "Accept: " + accept + "\r\n"));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404);
    EXPECT_EQ(r->Header("content-type"), "application/json; charset=utf-8");
    EXPECT_EQ(r->Header("cache-control"), "no-store");
    const auto body = Json::parse(r->body);
    EXPECT_EQ(body["error"]["code"], "not_found");
    EXPECT_FALSE(body["error"]["message"].get<std::string>().empty());
    EXPECT_FALSE(body["error"]["message_en"].get<std::string>().empty());
    EXPECT_TRUE(body["error"]["fields"].is_object());
  }
}

TEST_F(ServerTest, WrongMethodIs405WithAllow) {
  Start();
  auto r = Fetch(GetRequest("/api/v1/ping", "Content-Length: 0\r\n", "DELETE"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->Header("allow"), "GET, HEAD");
  EXPECT_EQ(ErrorCode(*r), "method_not_allowed");
}

TEST_F(ServerTest, HeadOfAGetRouteHasNoBody) {
  Start();
  TestClient c(port_);
  ASSERT_TRUE(c.Send(GetRequest("/api/v1/ping", {}, "HEAD")));
  auto r = c.Read(true);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->Header("content-length"), "13");  // {"pong":true}
  // The next response on the connection starts right away: no body bytes were sent.
  ASSERT_TRUE(c.Send(GetRequest("/api/v1/agencies/X")));
  auto next = c.Read();
  ASSERT_TRUE(next);
  EXPECT_EQ(Json::parse(next->body)["code"], "X");
}

TEST_F(ServerTest, BadPercentEncodingIs400) {
  Start();
  for (const char* target :
       {"/api/v1/agencies/%ff", "/api/v1/agencies/a%00b", "/api/v1/agencies/x?q=%zz", "/api/v1/agencies/%C0%AF"}) {
    auto r = Fetch(GetRequest(target));
    ASSERT_TRUE(r) << target;
    EXPECT_EQ(r->status, 400) << target;
    EXPECT_EQ(ErrorCode(*r), "bad_request") << target;
  }
}

TEST_F(ServerTest, HandlerExceptionIs500WithoutTheDetail) {
  Start();
  auto r = Fetch(GetRequest("/api/v1/boom", "X-Request-Id: boom-1\r\n"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(ErrorCode(*r), "internal");
  EXPECT_EQ(r->body.find("hunter2"), std::string::npos);
  // The detail goes to the log, with the request id.
  bool logged = false;
  for (int i = 0; i < 50 && !logged; ++i) {
    for (const auto& line : AccessSink()->Lines()) {
      if (line.find("boom-1") != std::string::npos && line.find("hunter2") != std::string::npos) logged = true;
    }
    if (!logged) std::this_thread::sleep_for(20ms);
  }
  EXPECT_TRUE(logged);
}

TEST_F(ServerTest, MiddlewareRunsBeforeTheHandler) {
  Start();
  auto r = Fetch(GetRequest("/api/v1/me"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  EXPECT_EQ(ErrorCode(*r), "unauthorized");
  ExpectSecurityHeaders(*r, "401");

  r = Fetch(GetRequest("/api/v1/me", "Authorization: Bearer ok\r\nX-Request-Id: me-1\r\n"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(Json::parse(r->body)["user_id"], "u-42");
  const auto line = FindLogLine("me-1");
  ASSERT_TRUE(line);
  EXPECT_EQ(Json::parse(*line)["user_id"], "u-42");
}

TEST_F(ServerTest, RequestIdIsEchoedWhenSafeAndGeneratedOtherwise) {
  Start();
  auto r = Fetch(GetRequest("/api/v1/ping", "X-Request-Id: abc-DEF_123\r\n"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->Header("x-request-id"), "abc-DEF_123");

  auto is_generated = [](const std::string& id) {
    return id.size() == 16 && id.find_first_not_of("0123456789abcdef") == std::string::npos;
  };
  for (const std::string& bad : std::vector<std::string>{"has space", "<script>", std::string(65, 'a'), "semi;colon"}) {
    r = Fetch(GetRequest("/api/v1/ping", "X-Request-Id: " + bad + "\r\n"));
    ASSERT_TRUE(r);
    EXPECT_TRUE(is_generated(r->Header("x-request-id"))) << bad << " → " << r->Header("x-request-id");
  }
  auto a = Fetch(GetRequest("/api/v1/ping"));
  auto b = Fetch(GetRequest("/api/v1/ping"));
  ASSERT_TRUE(a && b);
  EXPECT_TRUE(is_generated(a->Header("x-request-id")));
  EXPECT_NE(a->Header("x-request-id"), b->Header("x-request-id"));
}

TEST_F(ServerTest, StaticFilesAreServedWithTypesAndCaching) {
  ServerOptions o = Defaults();
  o.static_dir = MakeStaticDir().string();
  Start(o);

  auto js = Fetch(GetRequest("/assets/index-1a2b3c.js"));
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->body, "console.log('xin chao')");
  EXPECT_EQ(js->Header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js->Header("cache-control"), "public, max-age=31536000, immutable");
  ExpectSecurityHeaders(*js, "static js");

  auto css = Fetch(GetRequest("/assets/index-1a2b3c.css"));
  ASSERT_TRUE(css);
  EXPECT_EQ(css->Header("content-type"), "text/css; charset=utf-8");

  auto manifest = Fetch(GetRequest("/site.webmanifest"));
  ASSERT_TRUE(manifest);
  EXPECT_EQ(manifest->Header("content-type"), "application/manifest+json; charset=utf-8");
  EXPECT_EQ(manifest->Header("cache-control"), "no-cache");

  for (const char* target : {"/", "/index.html"}) {
    auto index = Fetch(GetRequest(target));
    ASSERT_TRUE(index) << target;
    EXPECT_EQ(index->status, 200);
    EXPECT_EQ(index->body, "<!doctype html><title>MotCua</title>");
    EXPECT_EQ(index->Header("content-type"), "text/html; charset=utf-8");
    EXPECT_EQ(index->Header("cache-control"), "no-cache");
  }

  auto big = Fetch(GetRequest("/assets/big-9f9f9f.bin"));
  ASSERT_TRUE(big);
  EXPECT_EQ(big->body.size(), 3u * 1024 * 1024);
  EXPECT_EQ(big->Header("content-type"), "application/octet-stream");
}

TEST_F(ServerTest, SpaFallbackServesIndexForPagesOnly) {
  ServerOptions o = Defaults();
  o.static_dir = MakeStaticDir().string();
  Start(o);
  const std::string html = "Accept: text/html,application/xhtml+xml,*/*;q=0.8\r\n";

  auto page = Fetch(GetRequest("/ho-so/HS-2026-000123", html));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->body, "<!doctype html><title>MotCua</title>");
  EXPECT_EQ(page->Header("cache-control"), "no-cache");
  ExpectSecurityHeaders(*page, "spa fallback");

  auto missing_script = Fetch(GetRequest("/ho-so/app.js", "Accept: */*\r\n"));
  ASSERT_TRUE(missing_script);
  EXPECT_EQ(missing_script->status, 404);
  EXPECT_EQ(ErrorCode(*missing_script), "not_found");

  auto missing_asset = Fetch(GetRequest("/assets/gone-000000.js", html));
  ASSERT_TRUE(missing_asset);
  EXPECT_EQ(missing_asset->status, 404);

  auto post = Fetch(GetRequest("/index.html", "Content-Length: 0\r\n" + html, "POST"));
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 404);
}

TEST_F(ServerTest, StaticFilesCannotEscapeTheDirectory) {
  ServerOptions o = Defaults();
  o.static_dir = MakeStaticDir().string();
  Start(o);
  for (const char* target : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt",
                             "/assets/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt"}) {
    for (const char* accept : {"*/*", "text/html"}) {
      auto r = Fetch(GetRequest(target, std::string("Accept: ") + accept + "\r\n"));
      ASSERT_TRUE(r) << target;
      EXPECT_EQ(r->body.find("TOP SECRET"), std::string::npos) << target;
      EXPECT_TRUE(r->status == 404 || r->status == 400 || r->body.starts_with("<!doctype html>")) << target;
    }
  }
}

TEST_F(ServerTest, StaticHeadAndConditionalRequests) {
  ServerOptions o = Defaults();
  o.static_dir = MakeStaticDir().string();
  Start(o);
  TestClient c(port_);
  ASSERT_TRUE(c.Send(GetRequest("/assets/index-1a2b3c.js", {}, "HEAD")));
  auto head = c.Read(true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->Header("content-length"), "23");
  const std::string etag = head->Header("etag");
  ASSERT_FALSE(etag.empty());

  ASSERT_TRUE(c.Send(GetRequest("/assets/index-1a2b3c.js", "If-None-Match: " + etag + "\r\n")));
  auto not_modified = c.Read();
  ASSERT_TRUE(not_modified);
  EXPECT_EQ(not_modified->status, 304);
  EXPECT_EQ(not_modified->Header("etag"), etag);
  ExpectSecurityHeaders(*not_modified, "304");

  ASSERT_TRUE(c.Send(GetRequest("/assets/index-1a2b3c.js")));
  auto full = c.Read();
  ASSERT_TRUE(full);
  EXPECT_EQ(full->status, 200);
  EXPECT_EQ(full->body, "console.log('xin chao')");
}

TEST_F(ServerTest, SecurityHeadersOnEveryKindOfResponse) {
  ServerOptions o = Defaults();
  o.static_dir = MakeStaticDir().string();
  Start(o);
  const std::vector<std::pair<std::string, std::string>> requests = {
      {"200 handler", GetRequest("/api/v1/ping")},
      {"404 api", GetRequest("/api/nothing")},
      {"404 page", GetRequest("/nothing.png")},
      {"405", GetRequest("/api/v1/ping", "Content-Length: 0\r\n", "PUT")},
      {"400", GetRequest("/api/v1/agencies/%ff")},
      {"500", GetRequest("/api/v1/boom")},
      {"401", GetRequest("/api/v1/me")},
      {"413", "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n" + std::string(2000, 'x')},
      {"static", GetRequest("/assets/index-1a2b3c.js")},
      {"spa", GetRequest("/trang/nao-do", "Accept: text/html\r\n")},
  };
  for (const auto& [what, raw] : requests) {
    auto r = Fetch(raw);
    ASSERT_TRUE(r) << what;
    ExpectSecurityHeaders(*r, what);
    EXPECT_NE(r->Header("content-security-policy").find("default-src 'self'"), std::string::npos) << what;
    if (r->Header("content-type").starts_with("application/json")) {
      EXPECT_EQ(r->Header("content-type"), "application/json; charset=utf-8") << what;
      EXPECT_EQ(r->Header("cache-control"), "no-store") << what;
    }
  }
}

TEST_F(ServerTest, AccessLogIsOneJsonLineWithoutQueryOrBody) {
  Start();
  auto r = Fetch(GetRequest("/api/v1/agencies/H01?q=0912345678", "X-Request-Id: log-line-1\r\n"));
  ASSERT_TRUE(r);
  const auto line = FindLogLine("log-line-1");
  ASSERT_TRUE(line);
  EXPECT_EQ(line->find('\n'), std::string::npos);
  EXPECT_EQ(line->find("0912345678"), std::string::npos);
  EXPECT_EQ(line->find("H01"), std::string::npos);
  const auto j = Json::parse(*line);
  EXPECT_FALSE(j["ts"].get<std::string>().empty());
  EXPECT_EQ(j["level"], "info");
  EXPECT_EQ(j["msg"], "request");
  EXPECT_EQ(j["request_id"], "log-line-1");
  EXPECT_EQ(j["method"], "GET");
  EXPECT_EQ(j["route"], "/api/v1/agencies/{code}");
  EXPECT_EQ(j["status"], 200);
  EXPECT_TRUE(j["duration_ms"].is_number());
  EXPECT_EQ(j["bytes"], r->body.size());
  EXPECT_FALSE(j.contains("user_id"));

  ASSERT_TRUE(Fetch(GetRequest("/api/what", "X-Request-Id: log-line-2\r\n")));
  const auto unmatched = FindLogLine("log-line-2");
  ASSERT_TRUE(unmatched);
  EXPECT_EQ(Json::parse(*unmatched)["route"], "unmatched");
}

TEST_F(ServerTest, MetricsUseRoutePatternsNeverRawPaths) {
  ServerOptions o = Defaults();
  o.static_dir = MakeStaticDir().string();
  Start(o);
  ASSERT_TRUE(Fetch(GetRequest("/api/v1/agencies/H01")));
  ASSERT_TRUE(Fetch(GetRequest("/api/v1/agencies/H02")));
  ASSERT_TRUE(Fetch(GetRequest("/api/secret-path-123")));
  ASSERT_TRUE(Fetch(GetRequest("/assets/index-1a2b3c.js")));
  ASSERT_TRUE(Fetch(GetRequest("/api/v1/ping", "Content-Length: 0\r\n", "BREW")));
  std::string text;
  for (int i = 0; i < 50; ++i) {  // observed right after the response is written
    text = metrics_.Render();
    if (text.find("route=\"static\",status=\"200\"") != std::string::npos &&
        text.find("method=\"OTHER\"") != std::string::npos && text.find("status=\"404\"") != std::string::npos)
      break;
    std::this_thread::sleep_for(20ms);
  }
  EXPECT_NE(text.find("motcua_http_requests_total{method=\"GET\",route=\"/api/v1/agencies/{code}\",status=\"200\"} 2"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("motcua_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("motcua_http_requests_total{method=\"GET\",route=\"static\",status=\"200\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("method=\"OTHER\""), std::string::npos);
  EXPECT_EQ(text.find("secret-path"), std::string::npos);
  EXPECT_EQ(text.find("H01"), std::string::npos);
  EXPECT_EQ(text.find("BREW"), std::string::npos);
}

TEST_F(ServerTest, SlowHandlerDoesNotStallIo) {
  ServerOptions o = Defaults();
  o.io_threads = 1;
  Start(o);
  TestClient slow(port_);
  ASSERT_TRUE(slow.Send(GetRequest("/api/v1/very-slow")));
  while (slow_entered_ == 0) std::this_thread::sleep_for(1ms);
  const auto t0 = std::chrono::steady_clock::now();
  auto r = Fetch(GetRequest("/api/v1/ping"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 1000ms);  // the slow handler takes 1500 ms
  auto s = slow.Read();
  ASSERT_TRUE(s);
  EXPECT_EQ(s->status, 200);
}

TEST_F(ServerTest, GracePeriodBoundsTheShutdown) {
  ServerOptions o = Defaults();
  o.shutdown_grace = 1s;
  Start(o);
  TestClient c(port_, 5000);
  ASSERT_TRUE(c.Send(GetRequest("/api/v1/very-slow")));
  while (slow_entered_ == 0) std::this_thread::sleep_for(1ms);
  const auto t0 = std::chrono::steady_clock::now();
  server_->Stop();
  // Run() waits for the handler that is still running (1.5 s), not for the client.
  EXPECT_TRUE(WaitRunReturned(4s));
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 900ms);
  // The connection is closed, not left hanging; no response was written past the grace period.
  EXPECT_FALSE(c.Read());
  EXPECT_TRUE(c.eof() || c.last_errno() == ECONNRESET);
}

TEST_F(ServerTest, StopWithNoConnectionsReturnsPromptly) {
  Start();
  ASSERT_TRUE(Fetch(GetRequest("/api/v1/ping")));
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_TRUE(StopAndWait(5s));
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);
}

TEST_F(ServerTest, StopBeforeRunMakesRunReturn) {
  Server server(Defaults(), router_, metrics_);
  server.Listen();
  server.Stop();
  auto done = std::async(std::launch::async, [&server] { server.Run(); });
  EXPECT_EQ(done.wait_for(5s), std::future_status::ready);
}

// The requirement: a shutdown during a burst of requests resets no request, every client gets a
// complete response and a clean close, idle keep-alive clients are closed cleanly, and Run()
// returns normally.
void BurstThenStop(std::function<void()> stop, std::function<unsigned short()> port, std::function<int()> entered,
                   std::function<bool()> run_returned) {
  constexpr int kClients = 24;
  std::atomic<int> sent{0}, complete{0}, with_close{0}, clean_close{0};
  std::mutex mu;
  std::vector<std::string> failures;

  TestClient idle(port());
  ASSERT_TRUE(idle.Send(GetRequest("/api/v1/ping")));
  ASSERT_TRUE(idle.Read());

  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i] {
      TestClient c(port(), 15000);
      if (!c.connected() || !c.Send(GetRequest("/api/v1/slow", "X-Request-Id: burst-" + std::to_string(i) + "\r\n"))) {
        std::lock_guard lock(mu);
        failures.push_back("client " + std::to_string(i) + " could not send: errno " + std::to_string(c.last_errno()));
        ++sent;
        return;
      }
      ++sent;
      auto r = c.Read();
      if (!r || r->status != 200 || r->body != "{\"done\":true}") {
        std::lock_guard lock(mu);
        failures.push_back(
            "client " + std::to_string(i) + ": " +
            (r ? "status " + std::to_string(r->status) : "no response, errno " + std::to_string(c.last_errno())));
        return;
      }
      ++complete;
      if (r->Header("connection") == "close") ++with_close;
      if (c.ClosedCleanly(5000)) ++clean_close;
    });
  }
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while ((sent < kClients || entered() < 1) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(1ms);
  }
  stop();
  for (auto& c : clients) c.join();
  for (const auto& f : failures) ADD_FAILURE() << f;
  EXPECT_EQ(complete, kClients);
  // Shutdown began before the first handler (200 ms) returned, so every response is the last on its
  // connection; allow the first round (4 handler threads) for a heavily loaded machine.
  EXPECT_GE(with_close, kClients - 4);
  EXPECT_EQ(clean_close, kClients);
  EXPECT_TRUE(idle.ClosedCleanly(3000));
  EXPECT_TRUE(run_returned());
  TestClient late(port());
  EXPECT_FALSE(late.connected());
}

TEST_F(ServerTest, GracefulStopDuringABurstAnswersEveryRequest) {
  Start();
  const auto port = port_;
  BurstThenStop([this] { server_->Stop(); }, [port] { return port; }, [this] { return slow_entered_.load(); },
                [this] { return WaitRunReturned(15s); });
}

TEST_F(ServerTest, SigtermDuringABurstAnswersEveryRequest) {
  Start();
  ASSERT_TRUE(Fetch(GetRequest("/api/v1/ping")));  // Run() is serving: its signal handler is installed
  const auto port = port_;
  BurstThenStop([] { ::kill(::getpid(), SIGTERM); }, [port] { return port; }, [this] { return slow_entered_.load(); },
                [this] { return WaitRunReturned(15s); });
}

}  // namespace
}  // namespace motcua::http
