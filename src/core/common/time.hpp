// Instants and legal dates at the edges: ISO 8601 with the Vietnamese offset (+07:00).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/clock.hpp"

namespace motcua::core {

inline constexpr std::chrono::minutes kVietnamOffset{7 * 60};

// "2017-01-19T08:30:00+07:00" (seconds precision, Vietnamese civil time).
std::string FormatInstant(Instant t);
// Accepts "YYYY-MM-DDTHH:MM[:SS[.fff]]" followed by "Z" or "+HH:MM"/"-HH:MM".
std::optional<Instant> ParseInstant(std::string_view text);

// "2017-01-19".
std::string FormatDate(std::chrono::year_month_day d);
std::optional<std::chrono::year_month_day> ParseDate(std::string_view text);

// The Vietnamese civil date of an instant.
std::chrono::year_month_day LocalDate(Instant t);
// The instant of a Vietnamese civil date and time of day.
Instant LocalInstant(std::chrono::year_month_day d, std::chrono::minutes time_of_day = {});

}  // namespace motcua::core
