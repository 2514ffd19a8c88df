// Rollout selection, online dates and progress counts.
#include "core/catalog/rollout.hpp"

#include <algorithm>
#include <set>

#include "core/common/time.hpp"

namespace motcua::core::catalog {
namespace {

using std::chrono::year_month_day;

// Agency lookups a selection needs, built once per call over the whole catalog.
class AgencyIndex {
 public:
  explicit AgencyIndex(const Catalog& catalog) {
    for (const auto& a : catalog.agencies) by_code_.emplace(a.code, &a);
  }
  const Agency* Find(const AgencyCode& code) const {
    auto it = by_code_.find(code);
    return it == by_code_.end() ? nullptr : it->second;
  }
  bool IsInner(const Agency& a) const {
    if (a.tier == Tier::kDistrict) return a.inner;
    if (a.tier == Tier::kWard && a.parent) {
      const Agency* district = Find(*a.parent);
      return district && district->inner;
    }
    return false;
  }

 private:
  std::map<AgencyCode, const Agency*> by_code_;
};

std::vector<const Agency*> Select(const Catalog& catalog, const AgencyIndex& index, const Procedure& p,
                                  const AgencySelector& selector) {
  std::vector<const Agency*> out;
  if (const auto* by_tier = std::get_if<TierSelector>(&selector)) {
    for (const auto& a : catalog.agencies) {
      if (!Handles(p, a)) continue;
      if (std::find(by_tier->tiers.begin(), by_tier->tiers.end(), a.tier) == by_tier->tiers.end()) continue;
      if (by_tier->inner_only && (a.tier == Tier::kDistrict || a.tier == Tier::kWard) && !index.IsInner(a)) continue;
      out.push_back(&a);
    }
  } else if (std::holds_alternative<HandlingSelector>(selector)) {
    for (const auto& a : catalog.agencies)
      if (Handles(p, a)) out.push_back(&a);
  } else {
    const auto& codes = std::get<CodeSelector>(selector).codes;
    for (const auto& a : catalog.agencies)
      if (Handles(p, a) && std::find(codes.begin(), codes.end(), a.code) != codes.end()) out.push_back(&a);
  }
  return out;
}

bool Contains(const std::vector<ProcedureCode>& codes, const ProcedureCode& code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

bool Earlier(const std::optional<year_month_day>& a, const std::optional<year_month_day>& b) {
  if (!a) return false;  // "no date yet" is the latest of all
  return !b || *a < *b;
}

void Count(Progress& progress, Level level, bool live) {
  for (Counts* c : {&progress.total, &progress.by_level[level]}) {
    ++c->planned;
    if (live) ++c->live;
  }
}

}  // namespace

bool Handles(const Procedure& p, const Agency& a) {
  if (!p.HandledAt(a.tier)) return false;
  if (a.tier == Tier::kDepartment) return p.department && *p.department == a.code;
  return a.tier == Tier::kDistrict || a.tier == Tier::kWard;
}

std::vector<const Agency*> SelectAgencies(const Catalog& catalog, const Procedure& procedure,
                                          const AgencySelector& selector) {
  return Select(catalog, AgencyIndex(catalog), procedure, selector);
}

std::optional<year_month_day> WaveDate(const Catalog& catalog, const Wave& wave) {
  if (wave.date) return wave.date;
  auto it = catalog.settings.find(wave.date_setting);
  if (it == catalog.settings.end()) return std::nullopt;
  return ParseDate(it->second);
}

std::optional<year_month_day> OnlineSince(const Catalog& catalog, const ProcedureCode& procedure,
                                          const AgencyCode& agency) {
  const Procedure* p = catalog.FindProcedure(procedure);
  const Agency* a = catalog.FindAgency(agency);
  if (!p || !a || !Handles(*p, *a)) return std::nullopt;
  std::optional<AgencyIndex> index;  // built only when a selector needs it
  std::optional<year_month_day> since;
  for (const auto& wave : catalog.waves) {
    for (const auto& rollout : wave.rollouts) {
      if (!Contains(rollout.procedures, procedure)) continue;
      bool selected;
      if (const auto* by_tier = std::get_if<TierSelector>(&rollout.agencies)) {
        if (!index) index.emplace(catalog);
        selected =
            std::find(by_tier->tiers.begin(), by_tier->tiers.end(), a->tier) != by_tier->tiers.end() &&
            !(by_tier->inner_only && (a->tier == Tier::kDistrict || a->tier == Tier::kWard) && !index->IsInner(*a));
      } else if (std::holds_alternative<HandlingSelector>(rollout.agencies)) {
        selected = true;
      } else {
        const auto& codes = std::get<CodeSelector>(rollout.agencies).codes;
        selected = std::find(codes.begin(), codes.end(), agency) != codes.end();
      }
      if (!selected) continue;
      auto date = WaveDate(catalog, wave);
      if (date && Earlier(date, since)) since = date;
    }
  }
  return since;
}

bool IsOnline(const Catalog& catalog, const ProcedureCode& procedure, const AgencyCode& agency, year_month_day on) {
  auto since = OnlineSince(catalog, procedure, agency);
  return since && *since <= on;
}

std::vector<Placement> Placements(const Catalog& catalog) {
  AgencyIndex index(catalog);
  std::map<std::pair<const Procedure*, const Agency*>, Placement> found;
  for (const auto& wave : catalog.waves) {
    auto date = WaveDate(catalog, wave);
    for (const auto& rollout : wave.rollouts) {
      for (const auto& code : rollout.procedures) {
        const Procedure* p = catalog.FindProcedure(code);
        if (!p) continue;
        for (const Agency* a : Select(catalog, index, *p, rollout.agencies)) {
          auto [it, inserted] = found.try_emplace({p, a}, Placement{p, a, wave.number, date});
          if (!inserted && Earlier(date, it->second.since)) it->second = Placement{p, a, wave.number, date};
        }
      }
    }
  }
  std::vector<Placement> out;
  out.reserve(found.size());
  for (auto& [key, placement] : found) out.push_back(placement);
  // Pointers into the catalog's vectors order by position, which is catalog order.
  std::sort(out.begin(), out.end(), [](const Placement& x, const Placement& y) {
    return std::pair(x.procedure, x.agency) < std::pair(y.procedure, y.agency);
  });
  return out;
}

Progress AgencyProgress(const Catalog& catalog, const AgencyCode& agency, year_month_day on) {
  Progress progress;
  for (const auto& p : Placements(catalog)) {
    if (p.agency->code != agency) continue;
    Count(progress, p.procedure->level, p.since && *p.since <= on);
  }
  return progress;
}

std::map<Tier, TierProgress> ProgressByTier(const Catalog& catalog, year_month_day on) {
  std::map<Tier, TierProgress> out;
  // per tier: procedure -> live at one agency at least
  std::map<Tier, std::map<const Procedure*, bool>> procedures;
  for (const auto& p : Placements(catalog)) {
    bool live = p.since && *p.since <= on;
    Count(out[p.agency->tier].placements, p.procedure->level, live);
    bool& any_live = procedures[p.agency->tier][p.procedure];
    any_live = any_live || live;
  }
  for (const auto& [tier, by_procedure] : procedures)
    for (const auto& [procedure, live] : by_procedure) Count(out[tier].procedures, procedure->level, live);
  return out;
}

}  // namespace motcua::core::catalog
