// Growing delays against password guessing: after `threshold` failures in a row a key (a login name,
// a client address) is locked for `first_lock`, each further lock twice as long up to `max_lock`.
// Pure arithmetic; the accounts service stores the state per key.
#pragma once

#include <chrono>
#include <optional>

#include "core/common/clock.hpp"

namespace motcua::core::access {

struct ThrottlePolicy {
  int threshold = 5;
  std::chrono::seconds first_lock{30};
  std::chrono::seconds max_lock{15 * 60};
  // Failures and past locks are forgotten after this long without a failure.
  std::chrono::seconds forget_after{60 * 60};
};

struct ThrottleState {
  int failures = 0;  // since the last lock
  int locks = 0;     // locks so far (the next one lasts first_lock × 2^locks)
  std::optional<Instant> locked_until;
  std::optional<Instant> last_failure;
};

// How long the key stays locked from `now`; none when it is not locked.
std::optional<std::chrono::seconds> LockedFor(const ThrottleState& state, Instant now);

// The state after one more failure at `now` (locked when this failure reaches the threshold).
ThrottleState AfterFailure(ThrottleState state, const ThrottlePolicy& policy, Instant now);

}  // namespace motcua::core::access
