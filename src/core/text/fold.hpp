// Vietnamese text for search and storage: UTF-8 checks, NFC, diacritic folding, a ranked matcher.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::core::text {

// True when `utf8` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view utf8);
// Number of code points (what people call "characters" for min/max lengths). Invalid bytes count one each.
size_t CharCount(std::string_view utf8);

// Unicode NFC, the form every stored text is kept in. Invalid UTF-8 comes back with U+FFFD.
std::string Nfc(std::string_view utf8);
bool IsNfc(std::string_view utf8);

// Search folding: diacritics removed, đ/Đ → d, lower case. "Cấp giấy phép xây dựng" →
// "cap giay phep xay dung"; NFD and NFC input fold alike. Uses one ICU transliterator per thread.
std::string Fold(std::string_view utf8);

// The words of a folded text: runs of letters and digits (any byte >= 0x80 counts as a letter).
std::vector<std::string> Words(std::string_view folded);

// Ranks a catalog entry against a query. `query_words` are folded words (Words(Fold(query)));
// `name_folded` and `field_folded` are the folded procedure name and field name.
// Returns 0 when some query word is not a word prefix of the name or the field; otherwise a
// positive score where every word matched in the name outweighs any bonus, and a phrase
// (contiguous, in order) outranks the same words scattered.
int MatchScore(const std::vector<std::string>& query_words, std::string_view name_folded,
               std::string_view field_folded);

}  // namespace motcua::core::text
