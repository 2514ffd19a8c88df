// Dossiers over HTTP: drafts, submit (Idempotency-Key), withdraw, lists, and the public lookup.
#pragma once

#include <nlohmann/json.hpp>

#include "http/message.hpp"
#include "services/context.hpp"
#include "services/dossiers.hpp"

namespace motcua::api {

// A dossier as list items show it (status with labels, processing fields of issue 6).
nlohmann::json DossierSummaryJson(const services::dossiers::Dossier& d);
// One dossier in full; `officer` adds the applicant's name and kind (never shown to other applicants).
nlohmann::json DossierJson(const services::dossiers::Dossier& d, bool officer);
// Whether the request's caller is an officer or a token (not an applicant).
bool CallerIsOfficer(const http::Request& req);

http::Response CreateDossier(services::Context& ctx, http::Request& req);
http::Response ListDossiers(services::Context& ctx, http::Request& req);
http::Response GetDossier(services::Context& ctx, http::Request& req);
http::Response SaveDossierDraft(services::Context& ctx, http::Request& req);
http::Response SubmitDossier(services::Context& ctx, http::Request& req);
http::Response WithdrawDossier(services::Context& ctx, http::Request& req);
// Public, rate limited per client address.
http::Response LookupDossier(services::Context& ctx, http::Request& req);

}  // namespace motcua::api
