// Papers over HTTP. The upload is a streaming route: the multipart body is parsed as it arrives
// and the file part goes straight to the papers service's temporary file, never into memory whole.
#include "api/documents.hpp"

#include <charconv>

#include "api/auth.hpp"
#include "http/multipart.hpp"

namespace motcua::api {
namespace {

namespace papers = services::papers;
using nlohmann::json;

// The text parts are short: a component number, or a field the API does not use.
constexpr std::size_t kMaxTextPart = 1024;

std::optional<std::int64_t> IdParam(const http::Request& req, const char* name) {
  auto text = req.Param(name);
  std::int64_t id = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || p != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

core::Error Malformed(const std::string& why) {
  return core::Error::Make(core::errc::kBadRequest, "Nội dung tải lên không đúng định dạng multipart/form-data.",
                           "The upload is not valid multipart/form-data.", why);
}

// Feeds the body to the multipart parser and the parts to the upload.
class DocumentSink final : public http::BodySink, private http::PartHandler {
 public:
  DocumentSink(std::unique_ptr<papers::Upload> upload, std::string boundary)
      : upload_(std::move(upload)), parser_(std::move(boundary)) {}

  std::optional<core::Error> Write(std::string_view bytes) override {
    switch (parser_.Feed(bytes, *this)) {
      case http::MultipartParser::Status::kOk:
        return std::nullopt;
      case http::MultipartParser::Status::kStopped:
        return std::move(stop_);
      case http::MultipartParser::Status::kInvalid:
        break;
    }
    return Malformed(parser_.error());
  }

  http::Response Finish() override {
    if (!parser_.done()) return http::Response::FromError(Malformed("no closing boundary"));
    auto paper = upload_->Finish();
    if (!paper) return http::Response::FromError(paper.error());
    auto r = http::Response::Json(201, DocumentJson(*paper));
    r.SetHeader("Location",
                "/api/v1/dossiers/" + std::to_string(paper->dossier_id) + "/documents/" + std::to_string(paper->id));
    return r;
  }

 private:
  enum class Part { kComponent, kFile, kOther };

  bool Stop(core::Error e) {
    stop_ = std::move(e);
    return false;
  }

  bool OnPartBegin(const http::PartHeaders& h) override {
    text_.clear();
    if (h.name == "file" && h.has_filename) {
      part_ = Part::kFile;
      if (auto e = upload_->StartFile(h.filename)) return Stop(std::move(*e));
    } else if (h.name == "component") {
      part_ = Part::kComponent;
    } else {
      part_ = Part::kOther;  // unknown fields are ignored (their size is bounded)
    }
    return true;
  }

  bool OnPartData(std::string_view bytes) override {
    if (part_ == Part::kFile) {
      if (auto e = upload_->Write(bytes)) return Stop(std::move(*e));
      return true;
    }
    if (text_.size() + bytes.size() > kMaxTextPart) return Stop(Malformed("text part too long"));
    text_.append(bytes);
    return true;
  }

  bool OnPartEnd() override {
    if (part_ == Part::kComponent) {
      if (auto e = upload_->SetComponent(text_)) return Stop(std::move(*e));
    }
    return true;
  }

  std::unique_ptr<papers::Upload> upload_;
  http::MultipartParser parser_;
  Part part_ = Part::kOther;
  std::string text_;
  std::optional<core::Error> stop_;
};

// RFC 5987/8187: UTF-8, percent-encoded but for the attr-chars.
std::string EncodeFilenameStar(const std::string& name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "UTF-8''";
  for (unsigned char c : name) {
    if (std::isalnum(c) || std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

}  // namespace

json DocumentJson(const papers::Paper& p) {
  return {{"id", p.id},
          {"component", std::to_string(p.component)},
          {"name", p.name},
          {"content_type", p.content_type},
          {"size", p.size},
          {"sha256", p.sha256},
          {"uploaded_at", p.uploaded_at}};
}

http::StreamStart UploadDocument(services::Context& ctx, http::Request& req) {
  http::StreamStart out;
  auto id = IdParam(req, "id");
  if (!id) {
    out.response = http::Response::FromError(core::Error::NotFound());
    return out;
  }
  // Who may upload, and to which dossier, before anything about the body.
  auto upload = papers::Upload::Begin(ctx, CallerOf(req), *id);
  if (!upload) {
    out.response = http::Response::FromError(upload.error());
    return out;
  }
  auto boundary = http::MultipartParser::BoundaryOf(req.Header("content-type"));
  if (!boundary) {
    out.response = http::Response::FromError(core::Error::Make(core::errc::kBadRequest,
                                                               "Hãy gửi tệp dưới dạng multipart/form-data.",
                                                               "Send the file as multipart/form-data."));
    return out;
  }
  out.sink = std::make_unique<DocumentSink>(std::move(upload).value(), std::move(*boundary));
  return out;
}

http::Response ListDocuments(services::Context& ctx, http::Request& req) {
  auto id = IdParam(req, "id");
  if (!id) return http::Response::FromError(core::Error::NotFound());
  auto list = papers::List(ctx, CallerOf(req), *id);
  if (!list) return http::Response::FromError(list.error());
  json items = json::array();
  for (const auto& p : *list) items.push_back(DocumentJson(p));
  return http::Response::Json(200, {{"items", items}});
}

http::Response DownloadDocument(services::Context& ctx, http::Request& req) {
  auto id = IdParam(req, "id");
  auto doc = IdParam(req, "doc");
  if (!id || !doc) return http::Response::FromError(core::Error::NotFound());
  auto d = papers::Open(ctx, CallerOf(req), *id, *doc);
  if (!d) return http::Response::FromError(d.error());
  http::Response r;
  r.file_path = d->path;
  r.SetHeader("Content-Type", d->paper.content_type);
  r.SetHeader("Content-Disposition", "inline; filename*=" + EncodeFilenameStar(d->paper.name));
  r.SetHeader("X-Content-Type-Options", "nosniff");
  // A paper is personal: never kept by shared caches. It may run nothing if a browser renders it.
  r.SetHeader("Cache-Control", "private, no-store");
  r.SetHeader("Content-Security-Policy", "default-src 'none'; img-src 'self'; frame-ancestors 'self'");
  r.SetHeader("X-Frame-Options", "SAMEORIGIN");  // the portal may preview a paper in a frame
  return r;
}

http::Response DeleteDocument(services::Context& ctx, http::Request& req) {
  auto id = IdParam(req, "id");
  auto doc = IdParam(req, "doc");
  if (!id || !doc) return http::Response::FromError(core::Error::NotFound());
  if (auto e = papers::Delete(ctx, CallerOf(req), *id, *doc)) return http::Response::FromError(*e);
  http::Response r;
  r.status = 204;
  return r;
}

}  // namespace motcua::api
