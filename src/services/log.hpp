// Structured logging: one JSON object per line. Never log a citizen's ID number, phone or form data.
#pragma once

#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace motcua::services {

enum class LogLevel { kDebug, kInfo, kWarn, kError };

// Writes {"ts":…,"level":…,"msg":msg, …fields} to the application log.
void Log(LogLevel level, std::string_view msg, const nlohmann::json& fields);
void Log(LogLevel level, std::string_view msg);

}  // namespace motcua::services
