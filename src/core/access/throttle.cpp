// Throttle arithmetic.
#include "core/access/throttle.hpp"

#include <algorithm>

namespace motcua::core::access {

std::optional<std::chrono::seconds> LockedFor(const ThrottleState& state, Instant now) {
  if (!state.locked_until || *state.locked_until <= now) return std::nullopt;
  // Rounded up: a client told "1 second" must not come back too early.
  auto left = std::chrono::ceil<std::chrono::seconds>(*state.locked_until - now);
  return std::max(left, std::chrono::seconds(1));
}

ThrottleState AfterFailure(ThrottleState state, const ThrottlePolicy& policy, Instant now) {
  if (state.last_failure && now - *state.last_failure > policy.forget_after && !LockedFor(state, now))
    state = ThrottleState{};
  state.last_failure = now;
  if (++state.failures < policy.threshold) return state;
  auto lock = policy.first_lock;
  for (int i = 0; i < state.locks && lock < policy.max_lock; ++i) lock *= 2;
  lock = std::min(lock, policy.max_lock);
  state.locked_until = now + std::chrono::duration_cast<std::chrono::microseconds>(lock);
  state.failures = 0;
  ++state.locks;
  return state;
}

}  // namespace motcua::core::access
