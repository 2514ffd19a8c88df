// Dossiers over HTTP: drafts, submit (Idempotency-Key), withdraw, lists, and the public lookup.
#pragma once

#include "http/message.hpp"
#include "services/context.hpp"

namespace motcua::api {

http::Response CreateDossier(services::Context& ctx, http::Request& req);
http::Response ListDossiers(services::Context& ctx, http::Request& req);
http::Response GetDossier(services::Context& ctx, http::Request& req);
http::Response SaveDossierDraft(services::Context& ctx, http::Request& req);
http::Response SubmitDossier(services::Context& ctx, http::Request& req);
http::Response WithdrawDossier(services::Context& ctx, http::Request& req);
// Public, rate limited per client address.
http::Response LookupDossier(services::Context& ctx, http::Request& req);

}  // namespace motcua::api
