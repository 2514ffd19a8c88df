// Prometheus rendering: counters, histogram buckets, gauges, build info, escaping, concurrency.
#include "http/metrics.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace motcua::http {
namespace {

bool Contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

TEST(Metrics, RendersRequestCountersAndHistogram) {
  Metrics m;
  m.ObserveRequest("GET", "/api/v1/agencies/{code}", 200, 0.00390625);
  m.ObserveRequest("GET", "/api/v1/agencies/{code}", 200, 0.25);
  m.ObserveRequest("GET", "/api/v1/agencies/{code}", 404, 30.0);
  const std::string text = m.Render();
  EXPECT_TRUE(Contains(text, "# HELP motcua_http_requests_total "));
  EXPECT_TRUE(Contains(text, "# TYPE motcua_http_requests_total counter\n"));
  EXPECT_TRUE(Contains(
      text, "motcua_http_requests_total{method=\"GET\",route=\"/api/v1/agencies/{code}\",status=\"200\"} 2\n"));
  EXPECT_TRUE(Contains(
      text, "motcua_http_requests_total{method=\"GET\",route=\"/api/v1/agencies/{code}\",status=\"404\"} 1\n"));
  EXPECT_TRUE(Contains(text, "# TYPE motcua_http_request_duration_seconds histogram\n"));
  const std::string b = "motcua_http_request_duration_seconds_bucket{route=\"/api/v1/agencies/{code}\",le=";
  EXPECT_TRUE(Contains(text, b + "\"0.001\"} 0\n"));
  EXPECT_TRUE(Contains(text, b + "\"0.005\"} 1\n"));
  EXPECT_TRUE(Contains(text, b + "\"0.25\"} 2\n"));
  EXPECT_TRUE(Contains(text, b + "\"10\"} 2\n"));
  EXPECT_TRUE(Contains(text, b + "\"+Inf\"} 3\n"));
  EXPECT_TRUE(Contains(text, "motcua_http_request_duration_seconds_count{route=\"/api/v1/agencies/{code}\"} 3\n"));
  EXPECT_TRUE(
      Contains(text, "motcua_http_request_duration_seconds_sum{route=\"/api/v1/agencies/{code}\"} 30.25390625\n"));
}

TEST(Metrics, BucketBoundaryIsInclusive) {
  Metrics m;
  m.ObserveRequest("GET", "r", 200, 0.1);
  EXPECT_TRUE(Contains(m.Render(), "motcua_http_request_duration_seconds_bucket{route=\"r\",le=\"0.1\"} 1\n"));
}

TEST(Metrics, GaugesAndBuildInfo) {
  Metrics m;
  int in_use = 3;
  m.AddGauge("motcua_db_pool_in_use", "Database connections in use.", [&] { return double(in_use); });
  m.AddGauge("motcua_broken", "Throws.", []() -> double { throw std::runtime_error("x"); });
  m.SetBuildInfo("0.1.0", "sqlite");
  in_use = 5;
  const std::string text = m.Render();
  EXPECT_TRUE(Contains(text, "# HELP motcua_db_pool_in_use Database connections in use.\n"));
  EXPECT_TRUE(Contains(text, "# TYPE motcua_db_pool_in_use gauge\nmotcua_db_pool_in_use 5\n"));
  EXPECT_TRUE(Contains(text, "motcua_broken NaN\n"));
  EXPECT_TRUE(Contains(text, "# TYPE motcua_build_info gauge\n"));
  EXPECT_TRUE(Contains(text, "motcua_build_info{version=\"0.1.0\",database=\"sqlite\"} 1\n"));
}

TEST(Metrics, EscapesLabelValues) {
  Metrics m;
  m.ObserveRequest("GET", "a\"b\\c\nd", 200, 0.01);
  EXPECT_TRUE(Contains(m.Render(), "route=\"a\\\"b\\\\c\\nd\""));
}

TEST(Metrics, EveryLineIsCommentOrSample) {
  Metrics m;
  m.ObserveRequest("POST", "/x", 201, 0.5);
  m.SetBuildInfo("v", "postgresql");
  const std::string text = m.Render();
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    const std::string line = text.substr(start, end - start);
    EXPECT_FALSE(line.empty());
    if (line[0] != '#') {
      EXPECT_NE(line.find(' '), std::string::npos) << line;
    }
    start = end + 1;
  }
}

TEST(Metrics, ConcurrentObservationsAreAllCounted) {
  Metrics m;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&m] {
      for (int i = 0; i < 5000; ++i) m.ObserveRequest("GET", "/r", 200, 0.002);
    });
  }
  for (auto& t : threads) t.join();
  const std::string text = m.Render();
  EXPECT_TRUE(Contains(text, "motcua_http_requests_total{method=\"GET\",route=\"/r\",status=\"200\"} 20000\n"));
  EXPECT_TRUE(Contains(text, "motcua_http_request_duration_seconds_count{route=\"/r\"} 20000\n"));
}

}  // namespace
}  // namespace motcua::http
