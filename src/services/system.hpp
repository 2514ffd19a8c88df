// System use cases: readiness of the storage behind the service.
#pragma once

#include "core/common/result.hpp"
#include "services/context.hpp"

namespace motcua::services {

// Ok when the database answers; `unavailable` otherwise.
core::Status CheckReady(Context& ctx);

}  // namespace motcua::services
