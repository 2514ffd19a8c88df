// Papers attached to a dossier: component numbers, file types by content, file names.
#include "core/dossier/paper.hpp"

#include <algorithm>
#include <charconv>

#include "core/text/fold.hpp"

namespace motcua::core::dossier {
namespace {

// Decodes one code point at `i` (valid UTF-8 is assumed); returns its length in bytes.
std::size_t CodePointAt(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  if (i + len > s.size()) len = s.size() - i;
  cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return len;
}

// Control characters and bidirectional overrides (which disguise an extension) are dropped.
bool Dropped(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}
// Characters no file system or shell should see in a name become '_'.
bool Reserved(char32_t cp) {
  return cp == '\\' || cp == '/' || cp == ':' || cp == '*' || cp == '?' || cp == '"' || cp == '<' || cp == '>' ||
         cp == '|';
}

// The first `max_chars` code points of valid UTF-8 text.
std::string TakeChars(std::string_view s, std::size_t max_chars) {
  std::size_t i = 0, n = 0;
  char32_t cp = 0;
  while (i < s.size() && n < max_chars) {
    i += CodePointAt(s, i, cp);
    ++n;
  }
  return std::string(s.substr(0, i));
}

}  // namespace

std::optional<std::size_t> ComponentIndex(std::string_view text, std::size_t count) {
  if (text.empty() || text.size() > 4 || text.front() == '0') return std::nullopt;
  std::size_t n = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || p != text.data() + text.size() || n < 1 || n > count) return std::nullopt;
  return n - 1;
}

long long MaxPaperBytes(const catalog::Component& component) {
  return component.max_size_mb > 0 ? static_cast<long long>(component.max_size_mb) * 1024 * 1024
                                   : kDefaultPaperMaxBytes;
}

std::optional<catalog::FileType> FileTypeOfMime(std::string_view mime) {
  using catalog::FileType;
  struct Entry {
    std::string_view mime;
    FileType type;
  };
  static constexpr Entry kTypes[] = {
      {"application/pdf", FileType::kPdf},
      {"image/jpeg", FileType::kJpeg},
      {"image/png", FileType::kPng},
      {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileType::kDocx},
      {"application/msword", FileType::kDoc},
      {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileType::kXlsx},
      {"application/vnd.ms-excel", FileType::kXls},
      {"application/zip", FileType::kZip},
      {"image/vnd.dwg", FileType::kDwg},
  };
  for (const auto& e : kTypes)
    if (e.mime == mime) return e.type;
  return std::nullopt;
}

bool AcceptsMime(const catalog::Component& component, std::string_view mime) {
  auto type = FileTypeOfMime(mime);
  return type &&
         std::find(component.file_types.begin(), component.file_types.end(), *type) != component.file_types.end();
}

std::string SanitizeFileName(std::string_view name) {
  std::string text = core::text::Nfc(name);  // invalid bytes become U+FFFD
  // The last path segment only.
  if (auto slash = text.find_last_of("/\\"); slash != std::string::npos) text.erase(0, slash + 1);
  std::string clean;
  clean.reserve(text.size());
  char32_t cp = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto len = CodePointAt(text, i, cp);
    if (Reserved(cp)) {
      clean += '_';
    } else if (!Dropped(cp)) {
      clean.append(text, i, len);
    }
    i += len;
  }
  // A bare extension (".pdf") is a name without its stem.
  std::string ext;
  if (!clean.empty() && clean.front() == '.' && clean.rfind('.') == 0 && clean.size() <= 10) {
    ext = clean;
    clean.clear();
  }
  // No leading dots (hidden files, "..") or spaces; no trailing dots or spaces (Windows drops them).
  auto first = clean.find_first_not_of(". ");
  clean = first == std::string::npos ? std::string() : clean.substr(first);
  while (!clean.empty() && (clean.back() == '.' || clean.back() == ' ')) clean.pop_back();

  if (auto dot = clean.rfind('.'); ext.empty() && dot != std::string::npos && clean.size() - dot <= 10) {
    ext = clean.substr(dot);
    clean.erase(dot);
  }
  if (core::text::CharCount(clean) + core::text::CharCount(ext) > kMaxFileNameChars)
    clean = TakeChars(clean, kMaxFileNameChars - core::text::CharCount(ext));
  while (!clean.empty() && (clean.back() == '.' || clean.back() == ' ')) clean.pop_back();
  if (clean.empty()) clean = "tai-lieu";
  return clean + ext;
}

}  // namespace motcua::core::dossier
