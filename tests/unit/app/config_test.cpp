// Configuration: defaults, file, environment precedence, and readable problems.
#include <cstdio>
#include <fstream>
#include <variant>

#include <gtest/gtest.h>

#include "app/config.hpp"
#include "core/common/time.hpp"

namespace motcua::app {
namespace {

std::string TempFile(const std::string& text) {
  char name[] = "/tmp/motcua-config-XXXXXX";
  int fd = mkstemp(name);
  EXPECT_GE(fd, 0);
  std::ofstream(name) << text;
  close(fd);
  return name;
}

TEST(Config, DefaultsAreTheEmbeddedSqliteOnLocalhost) {
  auto loaded = LoadConfig({});
  ASSERT_TRUE(std::holds_alternative<Config>(loaded));
  const auto& c = std::get<Config>(loaded);
  EXPECT_EQ(c.database_url, "sqlite://var/motcua.db");
  EXPECT_EQ(c.listen, "127.0.0.1:8080");
  EXPECT_EQ(c.PublicUrl(), "http://127.0.0.1:8080");
  EXPECT_FALSE(c.production());
}

TEST(Config, EnvironmentOverridesTheFile) {
  auto path = TempFile("listen: 0.0.0.0:9000\ndatabase_url: postgresql://a@b/c\ncity_name: Thành phố Huế\n");
  auto loaded = LoadConfig({path, {{"MOTCUA_LISTEN", "127.0.0.1:9100"}}});
  ASSERT_TRUE(std::holds_alternative<Config>(loaded));
  const auto& c = std::get<Config>(loaded);
  EXPECT_EQ(c.listen, "127.0.0.1:9100");
  EXPECT_EQ(c.database_url, "postgresql://a@b/c");
  EXPECT_EQ(c.city_name, "Thành phố Huế");
  std::remove(path.c_str());
}

TEST(Config, EveryProblemIsListed) {
  auto path = TempFile("listen: 1.2.3.4\nbogus: 1\n");
  auto loaded = LoadConfig(
      {path, {{"MOTCUA_DATABASE_URL", "mysql://x"}, {"MOTCUA_THREADS", "-1"}, {"MOTCUA_TEST_PG_URL", "ignored"}}});
  ASSERT_TRUE(std::holds_alternative<ConfigProblems>(loaded));
  const auto& p = std::get<ConfigProblems>(loaded);
  ASSERT_EQ(p.size(), 4u);
  std::string all;
  for (const auto& s : p) all += s + "\n";
  EXPECT_NE(all.find("'listen'"), std::string::npos);
  EXPECT_NE(all.find("line 2: unknown setting 'bogus'"), std::string::npos);
  EXPECT_NE(all.find("MOTCUA_DATABASE_URL"), std::string::npos);
  EXPECT_NE(all.find("MOTCUA_THREADS"), std::string::npos);
  std::remove(path.c_str());
}

TEST(Config, ProductionRefusesDemoAndAShiftedClock) {
  auto loaded = LoadConfig(
      {{}, {{"MOTCUA_MODE", "production"}, {"MOTCUA_DEMO", "1"}, {"MOTCUA_CLOCK_START", "2017-01-19T08:30:00+07:00"}}});
  ASSERT_TRUE(std::holds_alternative<ConfigProblems>(loaded));
  EXPECT_EQ(std::get<ConfigProblems>(loaded).size(), 2u);
}

TEST(Config, ClockStartIsAnIsoInstant) {
  auto loaded = LoadConfig({{}, {{"MOTCUA_CLOCK_START", "2017-01-19T08:30:00+07:00"}}});
  ASSERT_TRUE(std::holds_alternative<Config>(loaded));
  EXPECT_EQ(core::FormatInstant(*std::get<Config>(loaded).clock_start), "2017-01-19T08:30:00+07:00");
  auto bad = LoadConfig({{}, {{"MOTCUA_CLOCK_START", "19/01/2017"}}});
  EXPECT_TRUE(std::holds_alternative<ConfigProblems>(bad));
}

TEST(Config, AFrozenClockNeedsAStartAndIsRefusedInProduction) {
  auto frozen =
      LoadConfig({{}, {{"MOTCUA_CLOCK_START", "2017-01-19T08:30:00+07:00"}, {"MOTCUA_CLOCK_FROZEN", "true"}}});
  ASSERT_TRUE(std::holds_alternative<Config>(frozen));
  EXPECT_TRUE(std::get<Config>(frozen).clock_frozen);
  auto alone = LoadConfig({{}, {{"MOTCUA_CLOCK_FROZEN", "true"}}});
  ASSERT_TRUE(std::holds_alternative<ConfigProblems>(alone));
  EXPECT_EQ(std::get<ConfigProblems>(alone).size(), 1u);
  auto production = LoadConfig({{}, {{"MOTCUA_MODE", "production"}, {"MOTCUA_CLOCK_FROZEN", "true"}}});
  ASSERT_TRUE(std::holds_alternative<ConfigProblems>(production));
  EXPECT_EQ(std::get<ConfigProblems>(production).size(), 2u);
}

TEST(Config, SweepSecondsIsBounded) {
  auto ok = LoadConfig({{}, {{"MOTCUA_SWEEP_SECONDS", "0"}}});
  ASSERT_TRUE(std::holds_alternative<Config>(ok));
  EXPECT_EQ(std::get<Config>(ok).sweep_seconds, 0);
  EXPECT_TRUE(std::holds_alternative<ConfigProblems>(LoadConfig({{}, {{"MOTCUA_SWEEP_SECONDS", "-1"}}})));
}

TEST(Config, DraftIdleDaysAndPurgeIntervalAreBounded) {
  auto defaults = LoadConfig({{}, {}});
  ASSERT_TRUE(std::holds_alternative<Config>(defaults));
  EXPECT_EQ(std::get<Config>(defaults).draft_idle_days, 30);
  EXPECT_EQ(std::get<Config>(defaults).purge_minutes, 60);
  auto set = LoadConfig({{}, {{"MOTCUA_DRAFT_IDLE_DAYS", "7"}, {"MOTCUA_PURGE_MINUTES", "0"}}});
  ASSERT_TRUE(std::holds_alternative<Config>(set));
  EXPECT_EQ(std::get<Config>(set).draft_idle_days, 7);
  EXPECT_EQ(std::get<Config>(set).purge_minutes, 0);
  auto bad = LoadConfig({{}, {{"MOTCUA_DRAFT_IDLE_DAYS", "0"}, {"MOTCUA_PURGE_MINUTES", "soon"}}});
  ASSERT_TRUE(std::holds_alternative<ConfigProblems>(bad));
  EXPECT_EQ(std::get<ConfigProblems>(bad).size(), 2u);
}

TEST(Config, TrustedProxiesAreAddressesOrNetworks) {
  auto ok = LoadConfig({std::nullopt, {{"MOTCUA_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8,fd00::/8"}}});
  ASSERT_TRUE(std::holds_alternative<Config>(ok));
  EXPECT_EQ(std::get<Config>(ok).trusted_proxies, "127.0.0.1, 10.0.0.0/8,fd00::/8");
  auto bad = LoadConfig({std::nullopt, {{"MOTCUA_TRUSTED_PROXIES", "10.0.0.0/33"}}});
  ASSERT_TRUE(std::holds_alternative<ConfigProblems>(bad));
  EXPECT_NE(std::get<ConfigProblems>(bad)[0].find("MOTCUA_TRUSTED_PROXIES"), std::string::npos);
  EXPECT_NE(std::get<ConfigProblems>(bad)[0].find("10.0.0.0/33"), std::string::npos);
}

}  // namespace
}  // namespace motcua::app
