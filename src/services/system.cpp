// Readiness: the database answers a trivial query.
#include "services/system.hpp"

namespace motcua::services {

core::Status CheckReady(Context& ctx) {
  bool ok = false;
  try {
    ok = ctx.db.Ping();
  } catch (const std::exception& e) {
    return core::Error::Make(core::errc::kUnavailable, "Cơ sở dữ liệu chưa sẵn sàng.", "The database is not ready.",
                             e.what());
  }
  if (!ok)
    return core::Error::Make(core::errc::kUnavailable, "Cơ sở dữ liệu chưa sẵn sàng.", "The database is not ready.");
  return core::Ok{};
}

}  // namespace motcua::services
