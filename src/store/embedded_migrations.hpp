// The SQL migrations compiled into the binary (generated from src/store/migrations/<dialect>/*.sql).
#pragma once

#include <string_view>
#include <vector>

namespace motcua::store {

struct EmbeddedMigration {
  std::string_view dialect;   // "sqlite" or "postgres"
  std::string_view filename;  // "0001_foundation.sql": the number orders, the rest names
  std::string_view sql;
};

// Every migration of every dialect, sorted by dialect then file name.
const std::vector<EmbeddedMigration>& EmbeddedMigrations();

}  // namespace motcua::store
