// Static file resolution for the front end (see static_files.hpp).
#include "http/static_files.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <system_error>

namespace motcua::http {
namespace fs = std::filesystem;

namespace {

// Vite puts content-hashed files under assets/: they never change, so browsers may keep them.
constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
// Everything else (index.html, favicon, manifest) must be revalidated so a deploy shows at once.
constexpr std::string_view kRevalidate = "no-cache";

bool IsInside(const fs::path& root, const fs::path& p) {
  auto r = root.begin();
  auto q = p.begin();
  for (; r != root.end(); ++r, ++q) {
    if (q == p.end() || *r != *q) return false;
  }
  return true;
}

}  // namespace

std::string ContentTypeFor(const fs::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  struct Entry {
    std::string_view ext;
    std::string_view type;
  };
  static constexpr Entry kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json; charset=utf-8"},
      {".pdf", "application/pdf"},
  };
  for (const auto& e : kTypes) {
    if (e.ext == ext) return std::string(e.type);
  }
  return "application/octet-stream";
}

std::optional<StaticFile> ResolveStaticFile(const fs::path& root, std::string_view request_path) {
  if (request_path.empty() || request_path.front() != '/') return std::nullopt;
  std::string_view rel = request_path.substr(1);
  if (rel.empty()) rel = "index.html";
  if (rel.find('\\') != std::string_view::npos || rel.find('\0') != std::string_view::npos) return std::nullopt;
  // Every segment must be a plain name: no "", ".", ".." and no hidden files.
  for (std::string_view rest = rel;;) {
    const auto slash = rest.find('/');
    const auto segment = rest.substr(0, slash);
    if (segment.empty() || segment.front() == '.') return std::nullopt;
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }

  std::error_code ec;
  const fs::path resolved = fs::canonical(root / fs::path(std::string(rel)), ec);
  if (ec || !IsInside(root, resolved)) return std::nullopt;
  const auto status = fs::status(resolved, ec);
  if (ec || !fs::is_regular_file(status)) return std::nullopt;

  StaticFile f;
  f.size = fs::file_size(resolved, ec);
  if (ec) return std::nullopt;
  const auto mtime = fs::last_write_time(resolved, ec);
  if (ec) return std::nullopt;
  const auto ticks = std::chrono::duration_cast<std::chrono::microseconds>(mtime.time_since_epoch()).count();
  char etag[64];
  std::snprintf(etag, sizeof etag, "\"%jx-%llx\"", f.size, static_cast<unsigned long long>(ticks));
  f.etag = etag;
  f.content_type = ContentTypeFor(resolved);
  const bool hashed = rel.starts_with("assets/");
  f.cache_control = std::string(hashed ? kImmutable : kRevalidate);
  f.path = resolved;
  return f;
}

}  // namespace motcua::http
