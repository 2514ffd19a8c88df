// Scanning SQL text without parsing it: literals, quoted identifiers and comments are skipped whole.
#include "store/sql_text.hpp"

namespace motcua::store {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Identifiers may contain '$' (PostgreSQL and SQLite both allow "a$1"): no placeholder there.
bool IsIdentifierChar(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// If a literal, quoted identifier or comment starts at `i`, returns the index just past it;
// otherwise returns `i`. An unterminated one runs to the end of the text.
std::size_t SkipQuoted(std::string_view sql, std::size_t i) {
  const char c = sql[i];
  auto close_at = [&](char close) {
    // A doubled closing character ('' or "") is an escaped one inside the literal.
    std::size_t j = i + 1;
    while (j < sql.size()) {
      if (sql[j] == close) {
        if (close != ']' && j + 1 < sql.size() && sql[j + 1] == close) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      ++j;
    }
    return sql.size();
  };
  switch (c) {
    case '\'':
      return close_at('\'');
    case '"':
      return close_at('"');
    case '`':
      return close_at('`');
    case '[':
      return close_at(']');
    case '-':
      if (i + 1 < sql.size() && sql[i + 1] == '-') {
        auto end = sql.find('\n', i + 2);
        return end == std::string_view::npos ? sql.size() : end + 1;
      }
      return i;
    case '/':
      if (i + 1 < sql.size() && sql[i + 1] == '*') {
        auto end = sql.find("*/", i + 2);
        return end == std::string_view::npos ? sql.size() : end + 2;
      }
      return i;
    default:
      return i;
  }
}

}  // namespace

std::string RewritePlaceholdersForSqlite(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  std::size_t i = 0;
  while (i < sql.size()) {
    if (std::size_t past = SkipQuoted(sql, i); past != i) {
      out.append(sql.substr(i, past - i));
      i = past;
      continue;
    }
    if (sql[i] == '$' && i + 1 < sql.size() && IsDigit(sql[i + 1]) && (i == 0 || !IsIdentifierChar(sql[i - 1]))) {
      out.push_back('?');
      ++i;
      while (i < sql.size() && IsDigit(sql[i])) out.push_back(sql[i++]);
      continue;
    }
    out.push_back(sql[i++]);
  }
  return out;
}

bool IsBlankSql(std::string_view sql) {
  std::size_t i = 0;
  while (i < sql.size()) {
    char c = sql[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == ';') {
      ++i;
      continue;
    }
    if ((c == '-' || c == '/') && SkipQuoted(sql, i) != i) {
      i = SkipQuoted(sql, i);
      continue;
    }
    return false;
  }
  return true;
}

}  // namespace motcua::store
