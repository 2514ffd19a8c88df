// The SQLite backend: one serialised writer connection, a small pool of reader connections, WAL.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "store/db.hpp"

namespace motcua::store::sqlite {

// "sqlite:///abs/path.db" → "/abs/path.db", "sqlite://rel/path.db" → "<cwd>/rel/path.db",
// "sqlite::memory:" → ":memory:"; nullopt when the URL is not one of these forms.
std::optional<std::string> PathFromUrl(std::string_view url);

// Opens (creating the file and its parent directories when missing). Throws DbError kConnection.
std::unique_ptr<Database> OpenSqlite(const std::string& url, const DatabaseOptions& options);

}  // namespace motcua::store::sqlite
