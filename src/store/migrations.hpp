// Versioned SQL migrations: numbered files per dialect, embedded in the binary, applied in order,
// each in its own transaction together with its row in schema_migrations.
//
// Writing one: add src/store/migrations/sqlite/NNNN_name.sql AND postgres/NNNN_name.sql (a test
// fails when one dialect lacks a file the other has), same SQL where the dialects agree. A file
// runs inside a transaction: no BEGIN/COMMIT, nothing that refuses a transaction (VACUUM,
// CREATE INDEX CONCURRENTLY). Never edit an applied migration; add the next number.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/clock.hpp"
#include "store/db.hpp"

namespace motcua::store {

struct Migration {
  int version = 0;   // the number of "0001_foundation.sql"
  std::string name;  // "foundation"
  std::string_view sql;
};

struct AppliedMigration {
  int version = 0;
  std::string name;
};

struct MigrationReport {
  Dialect dialect = Dialect::kSqlite;
  std::vector<AppliedMigration> applied;  // applied by this call, in order
  int already_applied = 0;                // found recorded before this call
};

struct MigrationStatus {
  int version = 0;
  std::string name;
  bool applied = false;
  std::string applied_at;  // ISO 8601; empty while pending
  bool known = true;       // false: recorded by a newer binary, no file here
};

// "0001_foundation.sql" → {1, "foundation"}; nullopt unless digits, '_', a name and ".sql".
std::optional<AppliedMigration> ParseMigrationFilename(std::string_view filename);

// The embedded migrations of one dialect, ordered by version. Throws std::logic_error when a file
// name is malformed or a version repeats (a build mistake).
std::vector<Migration> MigrationsFor(Dialect dialect);

// Applies the pending migrations of the database's dialect, in order. Safe when several processes
// migrate at once: each migration is applied once. Throws DbError when a migration fails (the
// migrations before it stay applied) and std::runtime_error when the database records a migration
// under another name than this binary's file.
MigrationReport Migrate(Database& db, const core::Clock& clock);
MigrationReport Migrate(Database& db);  // stamps applied_at with the system clock

// Every known migration (applied or pending) plus any recorded one this binary does not know.
std::vector<MigrationStatus> ListMigrations(Database& db);

}  // namespace motcua::store
