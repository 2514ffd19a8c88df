// System resources: /healthz (process up), /readyz (database answers), /metrics, /api/v1/site.
#include "api/system.hpp"

#include <nlohmann/json.hpp>

#include "services/system.hpp"

namespace motcua::api {

http::Response Healthz(http::Request&) { return http::Response::Json(200, {{"status", "ok"}}); }

http::Response Readyz(services::Context& ctx, http::Request&) {
  auto ready = services::CheckReady(ctx);
  if (!ready) return http::Response::FromError(ready.error());
  return http::Response::Json(200, {{"status", "ready"}, {"database", store::DialectName(ctx.db.dialect())}});
}

http::Response MetricsText(http::Metrics& metrics, http::Request&) {
  return http::Response::Text(200, metrics.Render(), "text/plain; version=0.0.4; charset=utf-8");
}

http::Response Site(services::Context& ctx, http::Request&) {
  return http::Response::Json(200, {{"city_name", ctx.site.city_name},
                                    {"city_name_en", ctx.site.city_name_en},
                                    {"version", ctx.site.version},
                                    {"demo", ctx.site.demo}});
}

}  // namespace motcua::api
