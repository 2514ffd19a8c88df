// Shared by the dossier use cases (dossiers.cpp) and the workflow use cases (workflow.cpp): reading
// a dossier row, who may see it, and the timeline and audit entries every change writes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/calendar/working_calendar.hpp"
#include "services/catalog.hpp"
#include "services/dossiers.hpp"

namespace motcua::services::dossiers::internal {

// The columns FromRow reads, in order.
extern const std::string kColumns;
Dossier FromRow(const store::Row& r, const catalog::Snapshot& snap);
std::optional<Dossier> Load(store::Transaction& tx, const catalog::Snapshot& snap, std::int64_t id);

// A citizen or business signed in with a session (not an officer, not a token).
bool IsApplicant(const core::access::Principal* who);
// Its owner, or an officer handling dossiers at its agency (or its partner agency) once submitted.
bool MaySee(const core::access::Principal* who, const Dossier& d);

// A timeline entry at `at` (default: now).
void AddEvent(store::Transaction& tx, Context& ctx, const Caller& caller, std::int64_t id, const std::string& action,
              const nlohmann::json& detail, std::optional<core::Instant> at = std::nullopt);
void Audit(store::Transaction& tx, Context& ctx, const Caller& caller, const std::string& action, std::int64_t id,
           nlohmann::json detail);

// Working days (8 working hours each) from `now` to the due time on `cal`, one decimal; negative
// when late; frozen while paused; none when no clock runs.
std::optional<double> WorkingDaysLeft(const Dossier& d, const core::calendar::WorkingCalendar& cal, core::Instant now);
// Fills the read-time fields (working_days_left) of `d`.
void Annotate(Context& ctx, Dossier& d);

}  // namespace motcua::services::dossiers::internal
