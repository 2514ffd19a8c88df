// A tiny blocking HTTP/1.1 client over raw sockets for the server tests: it sees exactly what the
// server sends, including resets and early closes, which a full client library would hide.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace motcua::http::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;

  std::string Header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
  bool Has(const std::string& lower_name) const { return headers.count(lower_name) > 0; }
};

class TestClient {
 public:
  explicit TestClient(unsigned short port, int timeout_ms = 10000) : timeout_ms_(timeout_ms) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    if (!connected_) last_errno_ = errno;
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  }
  ~TestClient() {
    if (fd_ >= 0) ::close(fd_);
  }
  TestClient(const TestClient&) = delete;
  TestClient& operator=(const TestClient&) = delete;

  bool connected() const { return connected_; }
  int last_errno() const { return last_errno_; }

  bool Send(std::string_view data) {
    while (!data.empty()) {
      const auto n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n < 0) {
        if (errno == EINTR) continue;
        last_errno_ = errno;
        return false;
      }
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  // Reads one response; nothing on timeout, reset (last_errno() == ECONNRESET) or early close.
  std::optional<HttpResponse> Read(bool head = false) {
    std::size_t end;
    while ((end = buf_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) return std::nullopt;
    }
    HttpResponse r;
    const std::string head_text = buf_.substr(0, end);
    buf_.erase(0, end + 4);
    std::size_t line_end = head_text.find("\r\n");
    const std::string status_line = head_text.substr(0, line_end);
    if (status_line.size() < 12) return std::nullopt;
    r.status = std::stoi(status_line.substr(9, 3));
    while (line_end != std::string::npos) {
      const auto start = line_end + 2;
      line_end = head_text.find("\r\n", start);
      const std::string line =
          head_text.substr(start, line_end == std::string::npos ? std::string::npos : line_end - start);
      const auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      r.headers[name] = value;
    }
    if (head || r.status == 304 || r.status == 204) return r;
    if (!r.Has("content-length")) return std::nullopt;  // the server always sends one
    const auto length = std::stoull(r.Header("content-length"));
    while (buf_.size() < length) {
      if (!Fill()) return std::nullopt;
    }
    r.body = buf_.substr(0, length);
    buf_.erase(0, length);
    return r;
  }

  // True when the server closed the connection cleanly (FIN, no reset) within timeout_ms.
  bool ClosedCleanly(int timeout_ms) {
    const auto saved = timeout_ms_;
    timeout_ms_ = timeout_ms;
    bool clean = false;
    for (;;) {
      const auto before = buf_.size();
      if (!Fill()) {
        clean = eof_;
        break;
      }
      if (buf_.size() == before) break;
    }
    timeout_ms_ = saved;
    return clean;
  }

  bool eof() const { return eof_; }

 private:
  bool Fill() {
    pollfd p{fd_, POLLIN, 0};
    const int ready = ::poll(&p, 1, timeout_ms_);
    if (ready <= 0) {
      last_errno_ = ready == 0 ? ETIMEDOUT : errno;
      return false;
    }
    char chunk[16384];
    const auto n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n < 0) {
      last_errno_ = errno;
      return false;
    }
    if (n == 0) {
      eof_ = true;
      return false;
    }
    buf_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  bool eof_ = false;
  int last_errno_ = 0;
  int timeout_ms_;
  std::string buf_;
};

inline std::string GetRequest(std::string_view target, std::string_view extra_headers = {},
                              std::string_view method = "GET") {
  std::string r;
  r.append(method).append(" ").append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
  r.append(extra_headers);
  r.append("\r\n");
  return r;
}

}  // namespace motcua::http::testing
