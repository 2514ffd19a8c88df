// Applying the embedded migrations and reporting their state.
#include "store/migrations.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "core/common/time.hpp"
#include "store/embedded_migrations.hpp"

namespace motcua::store {
namespace {

// One key for every MotCua process migrating the same PostgreSQL database ("motcua" in ASCII).
constexpr std::int64_t kMigrationLockKey = 0x6d6f74637561;

constexpr Query kCreateTable{"migrations.create_table",
                             "CREATE TABLE IF NOT EXISTS schema_migrations ("
                             "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"};
constexpr Query kLock{"migrations.lock", "SELECT pg_advisory_xact_lock($1)"};
constexpr Query kRecorded{"migrations.recorded",
                          "SELECT version, name, applied_at FROM schema_migrations ORDER BY version"};
constexpr Query kIsRecorded{"migrations.is_recorded", "SELECT name FROM schema_migrations WHERE version = $1"};
constexpr Query kRecord{"migrations.record",
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)"};
constexpr Query kTableExistsSqlite{"migrations.table_exists",
                                   "SELECT count(*) FROM sqlite_master "
                                   "WHERE type = 'table' AND name = 'schema_migrations'"};
constexpr Query kTableExistsPostgres{"migrations.table_exists",
                                     "SELECT count(*) FROM (SELECT to_regclass('schema_migrations') AS t) x "
                                     "WHERE t IS NOT NULL"};

// Serialises migrating processes: PostgreSQL needs an explicit lock (released at commit);
// on SQLite the write transaction (BEGIN IMMEDIATE) already holds the database's write lock.
void LockForMigration(Transaction& tx) {
  if (tx.dialect() == Dialect::kPostgres) tx.Query(kLock, {kMigrationLockKey});
}

void CheckSameName(const Migration& m, const std::string& recorded_name) {
  if (recorded_name != m.name) {
    throw std::runtime_error("migration " + std::to_string(m.version) + " is recorded as '" + recorded_name +
                             "' but this binary names it '" + m.name + "'");
  }
}

}  // namespace

std::optional<AppliedMigration> ParseMigrationFilename(std::string_view filename) {
  constexpr std::string_view kSuffix = ".sql";
  if (!filename.ends_with(kSuffix)) return std::nullopt;
  filename.remove_suffix(kSuffix.size());
  auto underscore = filename.find('_');
  if (underscore == 0 || underscore == std::string_view::npos || underscore + 1 == filename.size()) {
    return std::nullopt;
  }
  std::string_view digits = filename.substr(0, underscore);
  if (digits.size() > 9 || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  std::string_view name = filename.substr(underscore + 1);
  bool name_ok = std::all_of(name.begin(), name.end(),
                             [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
  if (!name_ok) return std::nullopt;
  return AppliedMigration{std::stoi(std::string(digits)), std::string(name)};
}

std::vector<Migration> MigrationsFor(Dialect dialect) {
  std::vector<Migration> out;
  for (const auto& e : EmbeddedMigrations()) {
    // migrations/common/ holds SQL both dialects run as written.
    if (e.dialect != DialectName(dialect) && e.dialect != "common") continue;
    auto parsed = ParseMigrationFilename(e.filename);
    if (!parsed) throw std::logic_error("malformed migration file name: " + std::string(e.filename));
    out.push_back(Migration{parsed->version, std::move(parsed->name), e.sql});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
  for (std::size_t i = 1; i < out.size(); ++i) {
    if (out[i].version == out[i - 1].version) {
      throw std::logic_error("two " + std::string(DialectName(dialect)) + " migrations numbered " +
                             std::to_string(out[i].version));
    }
  }
  return out;
}

MigrationReport Migrate(Database& db, const core::Clock& clock) {
  MigrationReport report;
  report.dialect = db.dialect();
  {
    auto tx = db.Begin();
    LockForMigration(*tx);
    tx->Execute(kCreateTable);
    tx->Commit();
  }
  std::map<int, std::string> recorded;
  {
    auto tx = db.Begin(Database::Mode::kReadOnly);
    for (const auto& row : tx->Query(kRecorded)) recorded.emplace(static_cast<int>(row.Int(0)), row.Text(1));
    tx->Commit();
  }
  for (const auto& m : MigrationsFor(db.dialect())) {
    if (auto it = recorded.find(m.version); it != recorded.end()) {
      CheckSameName(m, it->second);
      ++report.already_applied;
      continue;
    }
    auto tx = db.Begin();
    LockForMigration(*tx);
    // Another process may have applied it since the list above was read.
    if (auto row = tx->QueryOne(kIsRecorded, {std::int64_t{m.version}})) {
      CheckSameName(m, row->Text(0));
      ++report.already_applied;
      continue;
    }
    tx->ExecuteScript(m.sql);
    tx->Execute(kRecord, {std::int64_t{m.version}, m.name, core::FormatInstant(clock.Now())});
    tx->Commit();
    report.applied.push_back(AppliedMigration{m.version, m.name});
  }
  return report;
}

MigrationReport Migrate(Database& db) {
  core::SystemClock clock;
  return Migrate(db, clock);
}

std::vector<MigrationStatus> ListMigrations(Database& db) {
  std::map<int, MigrationStatus> all;
  for (const auto& m : MigrationsFor(db.dialect()))
    all[m.version] = MigrationStatus{m.version, m.name, false, "", true};
  auto tx = db.Begin(Database::Mode::kReadOnly);
  bool postgres = db.dialect() == Dialect::kPostgres;
  auto exists = tx->QueryOne(postgres ? kTableExistsPostgres : kTableExistsSqlite);
  if (exists && exists->Int(0) > 0) {
    for (const auto& row : tx->Query(kRecorded)) {
      int version = static_cast<int>(row.Int(0));
      auto [it, inserted] = all.try_emplace(version, MigrationStatus{version, row.Text(1), true, row.Text(2), false});
      if (!inserted) {
        it->second.applied = true;
        it->second.applied_at = row.Text(2);
      }
    }
  }
  tx->Commit();
  std::vector<MigrationStatus> out;
  for (auto& [version, status] : all) out.push_back(std::move(status));
  return out;
}

}  // namespace motcua::store
