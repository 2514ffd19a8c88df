// Officers of an agency and the agency's API tokens: /api/v1/agencies/{code}/officers,
// /api/v1/officers/{id}, /api/v1/agencies/{code}/tokens, /api/v1/tokens/{id}.
#pragma once

#include "http/message.hpp"
#include "services/context.hpp"

namespace motcua::api {

http::Response ListOfficers(services::Context& ctx, http::Request& req);
http::Response CreateOfficer(services::Context& ctx, http::Request& req);
http::Response UpdateOfficer(services::Context& ctx, http::Request& req);
http::Response ListTokens(services::Context& ctx, http::Request& req);
http::Response CreateToken(services::Context& ctx, http::Request& req);
http::Response RevokeToken(services::Context& ctx, http::Request& req);

}  // namespace motcua::api
