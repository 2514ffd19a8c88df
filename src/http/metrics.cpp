// Prometheus metrics kept in memory behind one mutex; rendered in text format 0.0.4.
#include "http/metrics.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <mutex>
#include <tuple>
#include <vector>

namespace motcua::http {
namespace {

constexpr std::array<double, 14> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                             0.25,  0.5,    1.0,   2.5,  5.0,   10.0, INFINITY};

std::string FormatNumber(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

// Label values escape backslash, double quote and newline; HELP text escapes backslash and newline.
std::string EscapeLabel(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  for (char c : v) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out.push_back(c);
  }
  return out;
}

std::string EscapeHelp(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else
      out.push_back(c);
  }
  return out;
}

struct Histogram {
  std::array<std::uint64_t, kBuckets.size()> counts{};  // not cumulative; summed when rendered
  double sum = 0;
  std::uint64_t count = 0;
};

struct Gauge {
  std::string name;
  std::string help;
  std::function<double()> read;
};

}  // namespace

struct Metrics::Impl {
  mutable std::mutex mu;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests;  // method, route, status
  std::map<std::string, Histogram, std::less<>> durations;                      // by route
  std::vector<Gauge> gauges;
  std::string version;
  std::string database;
  bool has_build_info = false;
};

Metrics::Metrics() : impl_(new Impl) {}
Metrics::~Metrics() { delete impl_; }

void Metrics::ObserveRequest(std::string_view method, std::string_view route, int status, double seconds) {
  std::size_t bucket = 0;
  while (bucket + 1 < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  std::lock_guard lock(impl_->mu);
  ++impl_->requests[{std::string(method), std::string(route), status}];
  auto it = impl_->durations.find(route);
  if (it == impl_->durations.end()) it = impl_->durations.emplace(std::string(route), Histogram{}).first;
  ++it->second.counts[bucket];
  it->second.sum += seconds;
  ++it->second.count;
}

void Metrics::AddGauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(impl_->mu);
  for (auto& g : impl_->gauges) {
    if (g.name == name) {
      g.help = std::move(help);
      g.read = std::move(read);
      return;
    }
  }
  impl_->gauges.push_back({std::move(name), std::move(help), std::move(read)});
}

void Metrics::SetBuildInfo(std::string version, std::string database) {
  std::lock_guard lock(impl_->mu);
  impl_->version = std::move(version);
  impl_->database = std::move(database);
  impl_->has_build_info = true;
}

std::string Metrics::Render() const {
  std::string out;
  std::vector<Gauge> gauges;
  {
    std::lock_guard lock(impl_->mu);
    out += "# HELP motcua_http_requests_total HTTP requests served, by method, route pattern and status.\n";
    out += "# TYPE motcua_http_requests_total counter\n";
    for (const auto& [key, n] : impl_->requests) {
      const auto& [method, route, status] = key;
      out += "motcua_http_requests_total{method=\"" + EscapeLabel(method) + "\",route=\"" + EscapeLabel(route) +
             "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(n) + "\n";
    }
    out +=
        "# HELP motcua_http_request_duration_seconds Time from the first byte of a request to the end of its "
        "response.\n";
    out += "# TYPE motcua_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : impl_->durations) {
      const std::string label = "route=\"" + EscapeLabel(route) + "\"";
      std::uint64_t cumulative = 0;
      for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += h.counts[i];
        out += "motcua_http_request_duration_seconds_bucket{" + label + ",le=\"" + FormatNumber(kBuckets[i]) + "\"} " +
               std::to_string(cumulative) + "\n";
      }
      out += "motcua_http_request_duration_seconds_sum{" + label + "} " + FormatNumber(h.sum) + "\n";
      out += "motcua_http_request_duration_seconds_count{" + label + "} " + std::to_string(h.count) + "\n";
    }
    if (impl_->has_build_info) {
      out += "# HELP motcua_build_info Version and database backend of this process.\n";
      out += "# TYPE motcua_build_info gauge\n";
      out += "motcua_build_info{version=\"" + EscapeLabel(impl_->version) + "\",database=\"" +
             EscapeLabel(impl_->database) + "\"} 1\n";
    }
    gauges = impl_->gauges;
  }
  // Gauges are read without the lock: a reader may take its own locks (the database pool).
  for (const auto& g : gauges) {
    double v = NAN;
    try {
      v = g.read ? g.read() : NAN;
    } catch (...) {
      // A failing gauge must not break the scrape; NaN tells the reader it is unknown.
    }
    out += "# HELP " + g.name + " " + EscapeHelp(g.help) + "\n";
    out += "# TYPE " + g.name + " gauge\n";
    out += g.name + " " + FormatNumber(v) + "\n";
  }
  return out;
}

}  // namespace motcua::http
