// Migrations: embedded per dialect, applied once and recorded, the two dialects kept in step.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <thread>

#include "core/common/time.hpp"
#include "store/embedded_migrations.hpp"
#include "store/migrations.hpp"
#include "test_database.hpp"

namespace motcua::store {
namespace {

using testing::StoreTest;

// Every migration exists in both dialects under the same number and name: a schema change made for
// one backend only would otherwise surface in production on the other.
TEST(MigrationFiles, BothDialectsHaveTheSameMigrations) {
  std::map<std::string, std::set<std::string>> by_dialect;
  for (const auto& m : EmbeddedMigrations()) by_dialect[std::string(m.dialect)].insert(std::string(m.filename));
  // migrations/common/ counts for both dialects.
  for (const auto& f : by_dialect["common"]) {
    by_dialect["sqlite"].insert(f);
    by_dialect["postgres"].insert(f);
  }
  const auto& sqlite = by_dialect["sqlite"];
  const auto& postgres = by_dialect["postgres"];
  EXPECT_EQ(by_dialect.size(), 3u) << "only the sqlite, postgres and common folders are expected";
  for (const auto& f : sqlite) EXPECT_TRUE(postgres.contains(f)) << "migrations/postgres lacks " << f;
  for (const auto& f : postgres) EXPECT_TRUE(sqlite.contains(f)) << "migrations/sqlite lacks " << f;
  EXPECT_TRUE(sqlite.contains("0001_foundation.sql"));
}

TEST(MigrationFiles, NamesParseAndNumbersAreUnique) {
  for (Dialect d : {Dialect::kSqlite, Dialect::kPostgres}) {
    std::vector<Migration> list;
    ASSERT_NO_THROW(list = MigrationsFor(d)) << DialectName(d);
    ASSERT_FALSE(list.empty());
    EXPECT_EQ(list.front().version, 1);
    for (std::size_t i = 1; i < list.size(); ++i) EXPECT_LT(list[i - 1].version, list[i].version);
    for (const auto& m : list) EXPECT_FALSE(m.sql.empty()) << m.name;
  }
}

class MigrationsTest : public StoreTest {
 protected:
  std::size_t Count() { return MigrationsFor(db().dialect()).size(); }
};

TEST_F(MigrationsTest, ListsPendingBeforeMigrating) {
  auto list = ListMigrations(db());
  ASSERT_EQ(list.size(), Count());
  for (const auto& s : list) {
    EXPECT_FALSE(s.applied);
    EXPECT_TRUE(s.known);
    EXPECT_TRUE(s.applied_at.empty());
  }
  EXPECT_EQ(list.front().name, "foundation");
}

TEST_F(MigrationsTest, AppliesOnceAndRecords) {
  core::ManualClock clock(core::ParseInstant("2025-01-19T08:30:00+07:00").value());
  auto report = Migrate(db(), clock);
  EXPECT_EQ(report.dialect, db().dialect());
  EXPECT_EQ(report.already_applied, 0);
  ASSERT_EQ(report.applied.size(), Count());
  EXPECT_EQ(report.applied.front().version, 1);
  EXPECT_EQ(report.applied.front().name, "foundation");

  auto list = ListMigrations(db());
  ASSERT_EQ(list.size(), Count());
  for (const auto& s : list) {
    EXPECT_TRUE(s.applied) << s.name;
    EXPECT_EQ(s.applied_at, "2025-01-19T08:30:00+07:00");
  }
  auto tx = db().Begin(Database::Mode::kReadOnly);
  auto row = tx->QueryOne({"test.migration_row", "SELECT version, name FROM schema_migrations WHERE version = 1"});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Text(1), "foundation");
  tx.reset();

  auto again = Migrate(db(), clock);
  EXPECT_TRUE(again.applied.empty());
  EXPECT_EQ(again.already_applied, static_cast<int>(Count()));
  EXPECT_EQ(CountRows("schema_migrations"), static_cast<std::int64_t>(Count()));
}

TEST_F(MigrationsTest, FoundationTablesWork) {
  Migrate(db());
  auto tx = db().Begin();
  tx->Execute({"settings.put", "INSERT INTO settings (key, value) VALUES ($1, $2)"},
              {"portal.title", "Cổng dịch vụ công"});
  constexpr Query kAudit{"audit.append",
                         "INSERT INTO audit_events (occurred_at, actor_id, actor_role, action, object_type, object_id, "
                         "request_id, detail, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                         "RETURNING id"};
  auto first = tx->QueryOne(kAudit, {"2025-01-19T08:30:00+07:00", std::int64_t{7}, "officer", "dossier.receive",
                                     "dossier", "H01.01-250119-0001", "req-1", R"({"state":"received"})", "", "ab"});
  auto second = tx->QueryOne(kAudit, {"2025-01-19T08:31:00+07:00", Null{}, Null{}, "system.start", "system", Null{},
                                      Null{}, "{}", "ab", "cd"});
  ASSERT_TRUE(first && second);
  EXPECT_LT(first->Int(0), second->Int(0));
  EXPECT_THROW(
      tx->Execute({"settings.put", "INSERT INTO settings (key, value) VALUES ($1, $2)"}, {"portal.title", "x"}),
      DbError);
  tx.reset();

  auto reader = db().Begin(Database::Mode::kReadOnly);
  EXPECT_EQ(reader->Query({"audit.all", "SELECT id FROM audit_events"}).size(), 0u);  // rolled back above
}

TEST_F(MigrationsTest, AuditEventsAreAppendOnly) {
  Migrate(db());
  {
    auto tx = db().Begin();
    tx->Execute({"audit.append", "INSERT INTO audit_events (occurred_at, action, object_type) VALUES ($1, $2, $3)"},
                {"2025-01-19T08:30:00+07:00", "user.login", "user"});
    tx->Commit();
  }
  {
    auto tx = db().Begin();
    EXPECT_THROW(tx->Execute({"audit.rewrite", "UPDATE audit_events SET action = 'x'"}), DbError);
  }
  {
    auto tx = db().Begin();
    EXPECT_THROW(tx->Execute({"audit.erase", "DELETE FROM audit_events"}), DbError);
  }
  EXPECT_EQ(CountRows("audit_events"), 1);
}

TEST_F(MigrationsTest, ConcurrentMigratorsApplyEachOnce) {
  auto other = env().Open();
  MigrationReport a, b;
  std::thread t1([&] { a = Migrate(db()); });
  std::thread t2([&] { b = Migrate(*other); });
  t1.join();
  t2.join();
  EXPECT_EQ(a.applied.size() + b.applied.size(), Count());
  EXPECT_EQ(a.applied.size() + static_cast<std::size_t>(a.already_applied), Count());
  EXPECT_EQ(b.applied.size() + static_cast<std::size_t>(b.already_applied), Count());
  EXPECT_EQ(CountRows("schema_migrations"), static_cast<std::int64_t>(Count()));
}

TEST_F(MigrationsTest, UnknownRecordedMigrationIsListed) {
  Migrate(db());
  {
    auto tx = db().Begin();
    tx->Execute({"test.record", "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)"},
                {std::int64_t{9999}, "from_the_future", "2030-01-01T00:00:00+07:00"});
    tx->Commit();
  }
  auto list = ListMigrations(db());
  ASSERT_EQ(list.size(), Count() + 1);
  EXPECT_EQ(list.back().version, 9999);
  EXPECT_FALSE(list.back().known);
  EXPECT_TRUE(list.back().applied);
  EXPECT_TRUE(Migrate(db()).applied.empty());
}

class MigratedTest : public testing::MigratedStoreTest {};

TEST_F(MigratedTest, FixtureStartsMigrated) {
  for (const auto& s : ListMigrations(db())) EXPECT_TRUE(s.applied) << s.name;
  EXPECT_EQ(CountRows("settings"), 0);
}

TEST_F(MigrationsTest, RenamedMigrationIsRefused) {
  Script(R"(
    CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
    INSERT INTO schema_migrations VALUES (1, 'something_else', '2025-01-01T00:00:00+07:00');
  )");
  EXPECT_THROW(Migrate(db()), std::runtime_error);
}

}  // namespace
}  // namespace motcua::store
