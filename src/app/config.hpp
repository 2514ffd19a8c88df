// Configuration: built-in defaults, then a YAML file (--config), then MOTCUA_* environment variables;
// validated once at start with readable errors.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/clock.hpp"
#include "core/common/result.hpp"

namespace motcua::app {

struct Config {
  std::string database_url = "sqlite://var/motcua.db";  // MOTCUA_DATABASE_URL
  std::string listen = "127.0.0.1:8080";                // MOTCUA_LISTEN
  std::string data_dir = "var/data";                    // MOTCUA_DATA_DIR: uploaded papers
  std::string static_dir = "web/dist";                  // MOTCUA_STATIC_DIR: the built front end
  std::string catalog_dir = "catalog/hanoi";            // MOTCUA_CATALOG_DIR: what `demo` imports
  std::string mode = "development";                     // MOTCUA_MODE: development | production
  bool demo = false;                                    // MOTCUA_DEMO: demo accounts allowed
  bool demo_dossiers = true;                            // MOTCUA_DEMO_DOSSIERS: `demo` adds sample dossiers
  std::string city_name = "Thành phố Hà Nội";           // MOTCUA_CITY_NAME
  std::string city_name_en = "Hanoi City";              // MOTCUA_CITY_NAME_EN
  std::string public_url;                               // MOTCUA_PUBLIC_URL (default http://<listen>)
  int threads = 0;                                      // MOTCUA_THREADS: I/O threads (0 = cores)
  int db_pool_size = 8;                                 // MOTCUA_DB_POOL_SIZE
  int sweep_seconds = 60;                               // MOTCUA_SWEEP_SECONDS: due sweep interval (0: never)
  std::string log_level = "info";                       // MOTCUA_LOG_LEVEL
  // MOTCUA_CLOCK_START: the server's clock starts at this instant and runs on from there
  // (development and tests only; refused in production).
  std::optional<core::Instant> clock_start;
  // MOTCUA_CLOCK_FROZEN: the clock stays at MOTCUA_CLOCK_START (black-box tests of exact deadlines).
  bool clock_frozen = false;
  // Accounts (issue 4).
  std::string password_cost = "interactive";  // MOTCUA_PASSWORD_COST: interactive | moderate | min (tests)
  int session_idle_minutes = 30;              // MOTCUA_SESSION_IDLE_MINUTES: idle expiry of a session
  int session_absolute_hours = 12;            // MOTCUA_SESSION_ABSOLUTE_HOURS: absolute expiry of a session
  bool secure_cookies = false;                // MOTCUA_SECURE_COOKIES: Secure cookies (behind TLS)
  // MOTCUA_TRUSTED_PROXIES: the reverse proxies (addresses or networks, comma-separated) whose
  // X-Forwarded-For names the client; login throttling and lookup limits count that client.
  std::string trusted_proxies;

  // Papers and drafts (issue 5): a draft untouched this long is deleted with its papers; serve
  // purges every purge_minutes (0: never; `motcua purge` runs it once).
  int draft_idle_days = 30;  // MOTCUA_DRAFT_IDLE_DAYS
  int purge_minutes = 60;    // MOTCUA_PURGE_MINUTES

  bool production() const { return mode == "production"; }
  std::string PublicUrl() const;
};

// Every problem found, each a readable sentence naming the setting.
using ConfigProblems = std::vector<std::string>;

struct ConfigSource {
  std::optional<std::string> file_path;    // --config
  std::map<std::string, std::string> env;  // MOTCUA_* variables
};

// Returns the configuration or the list of problems.
std::variant<Config, ConfigProblems> LoadConfig(const ConfigSource& source);

// The MOTCUA_* variables of this process.
std::map<std::string, std::string> ProcessEnvironment();

}  // namespace motcua::app
