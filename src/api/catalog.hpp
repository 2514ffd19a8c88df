// Handlers of the catalog resources: fields, agencies, procedures, rollout waves and progress.
#pragma once

#include "http/message.hpp"
#include "services/context.hpp"

namespace motcua::api {

http::Response ListFields(services::Context& ctx, http::Request& req);
http::Response ListAgencies(services::Context& ctx, http::Request& req);
http::Response GetAgency(services::Context& ctx, http::Request& req);
http::Response ListProcedures(services::Context& ctx, http::Request& req);
http::Response GetProcedure(services::Context& ctx, http::Request& req);
// The procedure's paper form (tờ khai) as a PDF, generated from its form schema.
http::Response ProcedureBlankForm(services::Context& ctx, http::Request& req);
http::Response ListWaves(services::Context& ctx, http::Request& req);
http::Response RolloutProgress(services::Context& ctx, http::Request& req);

}  // namespace motcua::api
