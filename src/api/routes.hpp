// The route table: the single place where every route of the server is declared.
#pragma once

#include "http/metrics.hpp"
#include "http/router.hpp"
#include "services/context.hpp"

namespace motcua::api {

// Adds every route, each with the permission it needs, to `router`.
void RegisterRoutes(http::Router& router, services::Context& ctx, http::Metrics& metrics);

}  // namespace motcua::api
