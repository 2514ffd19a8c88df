// Rollout arithmetic over a Catalog: which agencies a wave switches a procedure on at, since when
// a procedure is online at an agency, and progress counts for dashboards. Pure functions.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <vector>

#include "core/catalog/model.hpp"

namespace motcua::core::catalog {

// True when `agency` is one that handles `procedure`: the procedure's department, or any agency of
// a district or ward tier the procedure has.
bool Handles(const Procedure& procedure, const Agency& agency);

// The agencies that `selector` picks for `procedure`, in catalog order. Only agencies that handle
// the procedure are ever picked: its own department for the department tier, every agency of the
// tier for the district and ward tiers. `inner_only` keeps the inner districts and the wards of
// inner districts (it does not restrict the department tier). Unknown codes are skipped.
std::vector<const Agency*> SelectAgencies(const Catalog& catalog, const Procedure& procedure,
                                          const AgencySelector& selector);

// The date a wave goes live: its own date, or the value of its setting; none while the setting is
// unset or not a date.
std::optional<std::chrono::year_month_day> WaveDate(const Catalog& catalog, const Wave& wave);

// The date `procedure` is online at `agency`: the earliest date of a wave that has a rollout
// selecting that agency for it; none when no wave does or the wave has no date yet. (A procedure's
// `valid_from` concerns its version, not its rollout, and is not mixed in.)
std::optional<std::chrono::year_month_day> OnlineSince(const Catalog& catalog, const ProcedureCode& procedure,
                                                       const AgencyCode& agency);
bool IsOnline(const Catalog& catalog, const ProcedureCode& procedure, const AgencyCode& agency,
              std::chrono::year_month_day on);

// One procedure planned at one agency: what a rollout table in the database holds.
struct Placement {
  const Procedure* procedure = nullptr;
  const Agency* agency = nullptr;
  int wave = 0;                                      // the wave's number
  std::optional<std::chrono::year_month_day> since;  // none: the wave has no date yet
};
// Every (procedure, agency) pair some wave plans, once each (the earliest wave wins), ordered by
// procedure then agency in catalog order.
std::vector<Placement> Placements(const Catalog& catalog);

struct Counts {
  int planned = 0;  // in some wave
  int live = 0;     // online on the day asked about
  bool operator==(const Counts&) const = default;
};
struct Progress {
  Counts total;
  std::map<Level, Counts> by_level;
  bool operator==(const Progress&) const = default;
};

// Procedures planned at / online at one agency on `on`.
Progress AgencyProgress(const Catalog& catalog, const AgencyCode& agency, std::chrono::year_month_day on);

struct TierProgress {
  Progress procedures;  // distinct procedures: planned at some agency of the tier, live at one at least
  Progress placements;  // procedure × agency pairs
  bool operator==(const TierProgress&) const = default;
};
// For each tier that has placements.
std::map<Tier, TierProgress> ProgressByTier(const Catalog& catalog, std::chrono::year_month_day on);

}  // namespace motcua::core::catalog
