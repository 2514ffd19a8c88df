// Pure helpers on SQL text: placeholder rewriting for SQLite, blank-tail detection.
#pragma once

#include <string>
#include <string_view>

namespace motcua::store {

// Rewrites PostgreSQL-style placeholders ($1, $2, …) into SQLite's numbered form (?1, ?2, …).
// Text inside string literals, quoted identifiers and comments is left alone, so '$1' stays '$1'.
std::string RewritePlaceholdersForSqlite(std::string_view sql);

// True when the text holds no statement: only whitespace, semicolons and comments.
bool IsBlankSql(std::string_view sql);

}  // namespace motcua::store
