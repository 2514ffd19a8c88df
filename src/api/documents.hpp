// Papers of a dossier over HTTP: the streamed multipart upload, the list, the download, the removal.
#pragma once

#include <nlohmann/json.hpp>

#include "http/message.hpp"
#include "http/router.hpp"
#include "services/context.hpp"
#include "services/papers.hpp"

namespace motcua::api {

// POST /api/v1/dossiers/{id}/documents (multipart/form-data: `component`, `file`), streamed.
http::StreamStart UploadDocument(services::Context& ctx, http::Request& req);
http::Response ListDocuments(services::Context& ctx, http::Request& req);
http::Response DownloadDocument(services::Context& ctx, http::Request& req);
http::Response DeleteDocument(services::Context& ctx, http::Request& req);

nlohmann::json DocumentJson(const services::papers::Paper& paper);

}  // namespace motcua::api
