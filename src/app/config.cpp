// Loads and validates the configuration (defaults < file < environment).
#include "app/config.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <functional>
#include <sstream>
#include <variant>

#include <yaml-cpp/yaml.h>

#include "core/common/time.hpp"
#include "http/client_address.hpp"

extern char** environ;

namespace motcua::app {
namespace {

struct Setting {
  const char* key;  // file key; the variable is MOTCUA_ + upper-case key
  std::function<std::optional<std::string>(Config&, const std::string&)> apply;  // error or nullopt
};

std::optional<std::string> ParseInt(const std::string& v, int lo, int hi, int& out) {
  int x = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (ec != std::errc() || p != v.data() + v.size() || x < lo || x > hi)
    return "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
  out = x;
  return std::nullopt;
}

std::optional<std::string> ParseBool(const std::string& v, bool& out) {
  if (v == "1" || v == "true" || v == "yes" || v == "on") {
    out = true;
    return std::nullopt;
  }
  if (v == "0" || v == "false" || v == "no" || v == "off" || v.empty()) {
    out = false;
    return std::nullopt;
  }
  return "must be true or false";
}

std::optional<std::string> CheckListen(const std::string& v) {
  auto colon = v.rfind(':');
  if (colon == std::string::npos || colon == 0) return "must be host:port, e.g. 127.0.0.1:8080";
  int port = 0;
  if (ParseInt(v.substr(colon + 1), 0, 65535, port)) return "has a port that is not 0–65535";
  return std::nullopt;
}

std::optional<std::string> CheckDatabaseUrl(const std::string& v) {
  if (v.rfind("sqlite://", 0) == 0 && v.size() > 9) return std::nullopt;
  if (v == "sqlite::memory:") return std::nullopt;
  if (v.rfind("postgresql://", 0) == 0 || v.rfind("postgres://", 0) == 0) return std::nullopt;
  return "must start with sqlite:// (e.g. sqlite://var/motcua.db) or postgresql://";
}

const std::vector<Setting>& Settings() {
  static const std::vector<Setting> kSettings = {
      {"database_url",
       [](Config& c, const std::string& v) {
         c.database_url = v;
         return CheckDatabaseUrl(v);
       }},
      {"listen",
       [](Config& c, const std::string& v) {
         c.listen = v;
         return CheckListen(v);
       }},
      {"data_dir",
       [](Config& c, const std::string& v) -> std::optional<std::string> {
         if (v.empty()) return "must not be empty";
         c.data_dir = v;
         return std::nullopt;
       }},
      {"static_dir",
       [](Config& c, const std::string& v) {
         c.static_dir = v;
         return std::optional<std::string>{};
       }},
      {"catalog_dir",
       [](Config& c, const std::string& v) {
         c.catalog_dir = v;
         return std::optional<std::string>{};
       }},
      {"mode",
       [](Config& c, const std::string& v) -> std::optional<std::string> {
         if (v != "development" && v != "production") return "must be development or production";
         c.mode = v;
         return std::nullopt;
       }},
      {"demo", [](Config& c, const std::string& v) { return ParseBool(v, c.demo); }},
      {"demo_dossiers", [](Config& c, const std::string& v) { return ParseBool(v, c.demo_dossiers); }},
      {"city_name",
       [](Config& c, const std::string& v) {
         c.city_name = v;
         return std::optional<std::string>{};
       }},
      {"city_name_en",
       [](Config& c, const std::string& v) {
         c.city_name_en = v;
         return std::optional<std::string>{};
       }},
      {"public_url",
       [](Config& c, const std::string& v) {
         c.public_url = v;
         return std::optional<std::string>{};
       }},
      {"threads", [](Config& c, const std::string& v) { return ParseInt(v, 0, 256, c.threads); }},
      {"db_pool_size", [](Config& c, const std::string& v) { return ParseInt(v, 1, 512, c.db_pool_size); }},
      {"sweep_seconds", [](Config& c, const std::string& v) { return ParseInt(v, 0, 86400, c.sweep_seconds); }},
      {"draft_idle_days", [](Config& c, const std::string& v) { return ParseInt(v, 1, 3650, c.draft_idle_days); }},
      {"purge_minutes", [](Config& c, const std::string& v) { return ParseInt(v, 0, 10080, c.purge_minutes); }},
      {"log_level",
       [](Config& c, const std::string& v) -> std::optional<std::string> {
         if (v != "debug" && v != "info" && v != "warn" && v != "error") return "must be debug, info, warn or error";
         c.log_level = v;
         return std::nullopt;
       }},
      {"clock_start",
       [](Config& c, const std::string& v) -> std::optional<std::string> {
         if (v.empty()) {
           c.clock_start.reset();
           return std::nullopt;
         }
         auto t = core::ParseInstant(v);
         if (!t) return "must be an ISO 8601 instant with offset, e.g. 2017-01-19T08:30:00+07:00";
         c.clock_start = *t;
         return std::nullopt;
       }},
      {"clock_frozen", [](Config& c, const std::string& v) { return ParseBool(v, c.clock_frozen); }},
      {"password_cost",
       [](Config& c, const std::string& v) -> std::optional<std::string> {
         if (v != "interactive" && v != "moderate" && v != "min") return "must be interactive, moderate or min";
         c.password_cost = v;
         return std::nullopt;
       }},
      {"session_idle_minutes",
       [](Config& c, const std::string& v) { return ParseInt(v, 1, 24 * 60, c.session_idle_minutes); }},
      {"session_absolute_hours",
       [](Config& c, const std::string& v) { return ParseInt(v, 1, 24 * 30, c.session_absolute_hours); }},
      {"secure_cookies", [](Config& c, const std::string& v) { return ParseBool(v, c.secure_cookies); }},
      {"trusted_proxies",
       [](Config& c, const std::string& v) -> std::
                                               optional<std::string> {
                                                 std::string problem;
                                                 if (!http::AddressSet::Parse(v, &problem)) return problem;
                                                 c.trusted_proxies = v;
                                                 return std::nullopt;
                                               }},
  };
  return kSettings;
}

std::string Upper(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

}  // namespace

std::string Config::PublicUrl() const {
  if (!public_url.empty()) return public_url;
  return "http://" + listen;
}

std::map<std::string, std::string> ProcessEnvironment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string_view kv(*e);
    if (kv.rfind("MOTCUA_", 0) != 0) continue;
    auto eq = kv.find('=');
    if (eq == std::string_view::npos) continue;
    env.emplace(std::string(kv.substr(0, eq)), std::string(kv.substr(eq + 1)));
  }
  return env;
}

std::variant<Config, ConfigProblems> LoadConfig(const ConfigSource& source) {
  Config config;
  ConfigProblems problems;

  if (source.file_path) {
    YAML::Node root;
    try {
      std::ifstream in(*source.file_path);
      if (!in) {
        problems.push_back("Config file " + *source.file_path + " cannot be read.");
      } else {
        std::stringstream ss;
        ss << in.rdbuf();
        root = YAML::Load(ss.str());
      }
    } catch (const YAML::Exception& e) {
      problems.push_back("Config file " + *source.file_path + ": " + e.what());
    }
    if (root && !root.IsNull()) {
      if (!root.IsMap()) {
        problems.push_back("Config file " + *source.file_path + " must be a mapping of settings.");
      } else {
        for (const auto& kv : root) {
          auto key = kv.first.as<std::string>();
          auto it = std::find_if(Settings().begin(), Settings().end(), [&](const Setting& s) { return key == s.key; });
          if (it == Settings().end()) {
            problems.push_back("Config file " + *source.file_path + " line " +
                               std::to_string(kv.first.Mark().line + 1) + ": unknown setting '" + key + "'.");
            continue;
          }
          if (!kv.second.IsScalar()) {
            problems.push_back("Config file: setting '" + key + "' must be a single value.");
            continue;
          }
          if (auto err = it->apply(config, kv.second.as<std::string>()))
            problems.push_back("Config file: setting '" + key + "' " + *err + ".");
        }
      }
    }
  }

  for (const auto& [name, value] : source.env) {
    // Variables of the test harness share the prefix but are not server settings.
    if (name == "MOTCUA_CONFIG" || name == "MOTCUA_BIN" || name.rfind("MOTCUA_TEST_", 0) == 0 ||
        name.rfind("MOTCUA_E2E_", 0) == 0 || name == "MOTCUA_SCREENSHOT_DIR")
      continue;
    auto it = std::find_if(Settings().begin(), Settings().end(),
                           [&](const Setting& s) { return name == "MOTCUA_" + Upper(s.key); });
    if (it == Settings().end()) {
      problems.push_back("Environment variable " + name + " is not a MotCua setting.");
      continue;
    }
    if (auto err = it->apply(config, value)) problems.push_back("Environment variable " + name + " " + *err + ".");
  }

  if (config.production() && config.clock_start)
    problems.push_back("MOTCUA_CLOCK_START is for development and tests; it is refused in production mode.");
  if (config.clock_frozen && !config.clock_start)
    problems.push_back("MOTCUA_CLOCK_FROZEN needs MOTCUA_CLOCK_START (the instant the clock stays at).");
  if (config.production() && config.clock_frozen)
    problems.push_back("MOTCUA_CLOCK_FROZEN is for tests; it is refused in production mode.");
  if (config.production() && config.demo)
    problems.push_back("MOTCUA_DEMO is refused in production mode: demo accounts have a published password.");

  if (config.production() && config.password_cost == "min")
    problems.push_back("MOTCUA_PASSWORD_COST=min is for tests; it is refused in production mode.");

  if (!problems.empty()) return problems;
  return config;
}

}  // namespace motcua::app
