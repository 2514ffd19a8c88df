// Processing over HTTP: the inbox, the actions allowed now, taking an action, the control sheet.
#pragma once

#include "http/message.hpp"
#include "services/context.hpp"

namespace motcua::api {

http::Response Inbox(services::Context& ctx, http::Request& req);
http::Response DossierActions(services::Context& ctx, http::Request& req);
http::Response TakeDossierAction(services::Context& ctx, http::Request& req);
http::Response DossierControlSheet(services::Context& ctx, http::Request& req);
http::Response DossierSlips(services::Context& ctx, http::Request& req);
http::Response DossierSlipPdf(services::Context& ctx, http::Request& req);
http::Response DossierControlSheetPdf(services::Context& ctx, http::Request& req);

}  // namespace motcua::api
