// Handlers of the catalog admin resources (city_admin): agencies, procedure versions, waves,
// settings, and the change history.
#pragma once

#include "http/message.hpp"
#include "services/context.hpp"

namespace motcua::api {

http::Response AdminSaveAgency(services::Context& ctx, http::Request& req);
http::Response AdminSaveProcedure(services::Context& ctx, http::Request& req);
http::Response AdminSaveWave(services::Context& ctx, http::Request& req);
http::Response AdminSetSetting(services::Context& ctx, http::Request& req);
http::Response AdminCatalogHistory(services::Context& ctx, http::Request& req);

}  // namespace motcua::api
