// Handlers of the system resources: health, readiness, metrics, site facts.
#pragma once

#include "http/message.hpp"
#include "http/metrics.hpp"
#include "services/context.hpp"

namespace motcua::api {

http::Response Healthz(http::Request& req);
http::Response Readyz(services::Context& ctx, http::Request& req);
http::Response MetricsText(http::Metrics& metrics, http::Request& req);
http::Response Site(services::Context& ctx, http::Request& req);

}  // namespace motcua::api
