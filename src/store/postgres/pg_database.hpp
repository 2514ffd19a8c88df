// The PostgreSQL backend: libpq, a bounded connection pool, prepared statements per connection.
#pragma once

#include <memory>
#include <string>

#include "store/db.hpp"

namespace motcua::store::postgres {

// Connects once to check the URL (any libpq URI: postgresql://user@host:port/db?options=…).
// Throws DbError kConnection.
std::unique_ptr<Database> OpenPostgres(const std::string& url, const DatabaseOptions& options);

}  // namespace motcua::store::postgres
