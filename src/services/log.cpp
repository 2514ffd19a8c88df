// JSON log lines through spdlog's default logger (configured by app/ with the pattern "%v").
#include "services/log.hpp"

#include <chrono>

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "core/common/time.hpp"

namespace motcua::services {
namespace {

spdlog::level::level_enum ToSpd(LogLevel l) {
  switch (l) {
    case LogLevel::kDebug:
      return spdlog::level::debug;
    case LogLevel::kInfo:
      return spdlog::level::info;
    case LogLevel::kWarn:
      return spdlog::level::warn;
    case LogLevel::kError:
      return spdlog::level::err;
  }
  return spdlog::level::info;
}

const char* Name(LogLevel l) {
  switch (l) {
    case LogLevel::kDebug:
      return "debug";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarn:
      return "warn";
    case LogLevel::kError:
      return "error";
  }
  return "info";
}

}  // namespace

void Log(LogLevel level, std::string_view msg, const nlohmann::json& fields) {
  auto lvl = ToSpd(level);
  if (!spdlog::default_logger_raw()->should_log(lvl)) return;
  // Log lines carry the real time of writing, not the (possibly shifted) domain clock.
  nlohmann::json line = {{"ts", core::FormatInstant(core::SystemClock().Now())}, {"level", Name(level)}, {"msg", msg}};
  if (fields.is_object())
    for (auto it = fields.begin(); it != fields.end(); ++it) line[it.key()] = it.value();
  spdlog::default_logger_raw()->log(lvl, "{}", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void Log(LogLevel level, std::string_view msg) { Log(level, msg, nlohmann::json::object()); }

}  // namespace motcua::services
