// Prometheus metrics: requests by route and status, a latency histogram, gauges the app registers
// (database pool in use / waiting), and build info.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace motcua::http {

class Metrics {
 public:
  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Thread-safe; called by the server once per request. `route` is the pattern or "unmatched".
  void ObserveRequest(std::string_view method, std::string_view route, int status, double seconds);
  // A gauge read when /metrics is scraped.
  void AddGauge(std::string name, std::string help, std::function<double()> read);
  void SetBuildInfo(std::string version, std::string database);
  // Prometheus text exposition format 0.0.4.
  std::string Render() const;

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace motcua::http
