// The audit trail: append-only, hash-chained events written inside the use case's transaction.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/common/clock.hpp"
#include "store/db.hpp"

namespace motcua::services::audit {

struct Event {
  std::optional<long long> actor_id;  // none: the system, the CLI or an anonymous caller
  std::string actor_role;             // "city_admin", "cli", …
  std::string action;                 // "catalog.import", "dossier.receive", …
  std::string object_type;
  std::string object_id;
  std::string request_id;
  nlohmann::json detail = nlohmann::json::object();  // old/new values; never secrets or personal data
};

// Appends `event` in `tx`, chained to the previous event's hash (SHA-256 over the previous hash and
// this event's fields). Concurrent writers are serialised so the chain never forks.
void Record(store::Transaction& tx, const core::Clock& clock, const Event& event);

// Recomputes the chain; returns the id of the first event whose hash does not match, or none.
std::optional<long long> VerifyChain(store::Transaction& tx);

}  // namespace motcua::services::audit
