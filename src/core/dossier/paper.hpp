// Papers (giấy tờ) attached to a dossier: which component a paper belongs to, the file types the
// catalog names as libmagic reports them, and the file name a paper is kept and shown under.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog/model.hpp"

namespace motcua::core::dossier {

// The default limit of one paper when a component names none, and the limit of a whole dossier.
inline constexpr long long kDefaultPaperMaxBytes = 20LL * 1024 * 1024;
inline constexpr long long kDossierMaxBytes = 50LL * 1024 * 1024;
// The longest file name kept, in characters.
inline constexpr std::size_t kMaxFileNameChars = 200;

// A component's number as the API gives it: "1", "2", … (1-based position in the procedure's
// `components`). None when it is not a plain positive number within `count`.
std::optional<std::size_t> ComponentIndex(std::string_view text, std::size_t count);

// The largest paper `component` takes, in bytes.
long long MaxPaperBytes(const catalog::Component& component);

// The catalog file type a sniffed MIME type is (libmagic's MAGIC_MIME_TYPE answer); none for
// anything else (executables, scripts, HTML, …).
std::optional<catalog::FileType> FileTypeOfMime(std::string_view mime);
// Whether a paper sniffed as `mime` may be attached to `component`.
bool AcceptsMime(const catalog::Component& component, std::string_view mime);

// The name a paper is kept and shown under: valid UTF-8 in NFC, the last path segment only
// (browsers of old sent C:\…\x.pdf), no control characters, none of \ / : * ? " < > |, no leading
// dots or trailing dots/spaces, at most kMaxFileNameChars characters (the extension kept). An
// empty result becomes "tai-lieu" (+ the extension when there was one).
std::string SanitizeFileName(std::string_view name);

}  // namespace motcua::core::dossier
