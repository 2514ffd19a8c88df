// The front end's built files (web/dist): safe path resolution, content types, caching rules.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace motcua::http {

struct StaticFile {
  std::filesystem::path path;  // absolute, inside the root
  std::string content_type;
  std::string cache_control;
  std::string etag;
  std::uintmax_t size = 0;
};

// `root` must be canonical (std::filesystem::canonical). `request_path` is the decoded path
// ("/assets/app-1a2b.js"; "/" means index.html). Nothing for traversal attempts ("..", "\\",
// hidden files), symlinks that lead outside the root, and anything but regular files.
std::optional<StaticFile> ResolveStaticFile(const std::filesystem::path& root, std::string_view request_path);

// By file extension (".js" → "text/javascript; charset=utf-8"); application/octet-stream if unknown.
std::string ContentTypeFor(const std::filesystem::path& file);

}  // namespace motcua::http
