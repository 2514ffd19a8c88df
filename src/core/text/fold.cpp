// Vietnamese folding and NFC with ICU; UTF-8 checks and the catalog search ranking.
#include "core/text/fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace motcua::core::text {
namespace {

// Length of the UTF-8 sequence starting at s[i] if it is well-formed, else 0.
size_t SequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  size_t len;
  char32_t cp;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return len;
}

icu::UnicodeString ToUnicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

const icu::Normalizer2& NfcInstance() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || nfc == nullptr) throw std::runtime_error("ICU: no NFC normalizer");
  return *nfc;
}

// Building a transliterator costs ~250 µs; one per thread keeps Fold at a few µs without locks.
icu::Transliterator& FoldTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    auto rules = icu::UnicodeString::fromUTF8(
        ":: NFD; :: [:Nonspacing Mark:] Remove; :: NFC; \\u0111 > d; \\u0110 > D; :: Lower;");
    std::unique_ptr<icu::Transliterator> made(
        icu::Transliterator::createFromRules("motcua-fold", rules, UTRANS_FORWARD, parse_error, status));
    if (U_FAILURE(status) || !made) throw std::runtime_error("ICU: cannot build the folding transliterator");
    return made;
  }();
  return *t;
}

bool IsWordByte(char c) {
  auto b = static_cast<unsigned char>(c);
  return b >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool StartsWith(std::string_view word, std::string_view prefix) {
  return word.size() >= prefix.size() && word.compare(0, prefix.size(), prefix) == 0;
}

bool AnyStartsWith(const std::vector<std::string>& words, std::string_view prefix) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return StartsWith(w, prefix); });
}

// True when the query words appear as consecutive word prefixes somewhere in `words`.
bool IsPhrase(const std::vector<std::string>& query, const std::vector<std::string>& words, bool* at_start) {
  if (query.size() > words.size()) return false;
  for (size_t s = 0; s + query.size() <= words.size(); ++s) {
    bool all = true;
    for (size_t i = 0; i < query.size() && all; ++i) all = StartsWith(words[s + i], query[i]);
    if (all) {
      if (at_start) *at_start = s == 0;
      return true;
    }
  }
  return false;
}

int AdjacentPairs(const std::vector<std::string>& query, const std::vector<std::string>& words) {
  int pairs = 0;
  for (size_t i = 0; i + 1 < query.size(); ++i) {
    for (size_t j = 0; j + 1 < words.size(); ++j) {
      if (StartsWith(words[j], query[i]) && StartsWith(words[j + 1], query[i + 1])) {
        ++pairs;
        break;
      }
    }
  }
  return pairs;
}

}  // namespace

bool IsValidUtf8(std::string_view utf8) {
  for (size_t i = 0; i < utf8.size();) {
    size_t len = SequenceLength(utf8, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

size_t CharCount(std::string_view utf8) {
  size_t count = 0;
  for (size_t i = 0; i < utf8.size();) {
    size_t len = SequenceLength(utf8, i);
    i += len == 0 ? 1 : len;
    ++count;
  }
  return count;
}

std::string Nfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = NfcInstance().normalize(ToUnicode(utf8), status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU: NFC normalisation failed");
  return ToUtf8(out);
}

bool IsNfc(std::string_view utf8) {
  if (!IsValidUtf8(utf8)) return false;
  // ASCII is always NFC; most catalog keys and codes never reach ICU.
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return true;
  UErrorCode status = U_ZERO_ERROR;
  bool normalized = NfcInstance().isNormalized(ToUnicode(utf8), status);
  return U_SUCCESS(status) && normalized;
}

std::string Fold(std::string_view utf8) {
  icu::UnicodeString u = ToUnicode(utf8);
  FoldTransliterator().transliterate(u);
  return ToUtf8(u);
}

std::vector<std::string> Words(std::string_view folded) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && !IsWordByte(folded[i])) ++i;
    size_t start = i;
    while (i < folded.size() && IsWordByte(folded[i])) ++i;
    if (i > start) words.emplace_back(folded.substr(start, i - start));
  }
  return words;
}

int MatchScore(const std::vector<std::string>& query_words, std::string_view name_folded,
               std::string_view field_folded) {
  std::vector<std::string> query;
  for (const auto& q : query_words)
    if (!q.empty()) query.push_back(q);
  if (query.empty()) return 0;
  const std::vector<std::string> name = Words(name_folded);
  const std::vector<std::string> field = Words(field_folded);

  int name_hits = 0;
  for (const auto& q : query) {
    if (AnyStartsWith(name, q)) {
      ++name_hits;
    } else if (!AnyStartsWith(field, q)) {
      return 0;
    }
  }
  // Each word found in the name is worth more than all bonuses together (they stay below 1000).
  int score = 1 + name_hits * 1000;
  if (name_hits == static_cast<int>(query.size())) {
    bool at_start = false;
    if (IsPhrase(query, name, &at_start)) {
      score += 400 + (at_start ? 50 : 0);
    } else {
      score += std::min(300, 40 * AdjacentPairs(query, name));
    }
  } else if (name_hits == 0 && IsPhrase(query, field, nullptr)) {
    score += 200;
  }
  int exact = 0;
  for (const auto& q : query)
    if (std::find(name.begin(), name.end(), q) != name.end()) ++exact;
  score += std::min(100, 10 * exact);
  // Among equal matches, the shorter (more specific) name first.
  score += std::max(0, 40 - static_cast<int>(name.size()));
  return score;
}

}  // namespace motcua::core::text
