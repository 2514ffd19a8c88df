// The Database interface, run on the backend MOTCUA_TEST_DATABASE_URL selects (see test_database.hpp).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <thread>
#include <vector>

#include "test_database.hpp"

namespace motcua::store {
namespace {

using testing::StoreTest;
using namespace std::chrono_literals;
using Mode = Database::Mode;

constexpr std::string_view kThingsTable =
    "CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT, amount BIGINT, ratio DOUBLE PRECISION, note TEXT)";
constexpr Query kInsertThing{"things.insert",
                             "INSERT INTO things (id, name, amount, ratio, note) VALUES ($1, $2, $3, $4, $5)"};
constexpr Query kThingById{"things.by_id", "SELECT id, name, amount, ratio, note FROM things WHERE id = $1"};

// Expects `f` to throw a DbError of `kind`; returns it for further checks.
template <typename F>
DbError ExpectDbError(DbError::Kind kind, F&& f) {
  try {
    f();
  } catch (const DbError& e) {
    EXPECT_EQ(static_cast<int>(e.kind()), static_cast<int>(kind)) << e.what();
    return e;
  }
  ADD_FAILURE() << "expected a DbError";
  return DbError(DbError::Kind::kOther, "", "none");
}

class DatabaseTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    Script(kThingsTable);
  }
};

TEST_F(DatabaseTest, DialectMatchesUrl) {
  EXPECT_EQ(db().dialect(), testing::OnPostgres() ? Dialect::kPostgres : Dialect::kSqlite);
  EXPECT_TRUE(db().Ping());
}

TEST_F(DatabaseTest, ValuesRoundTrip) {
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
  {
    auto tx = db().Begin();
    EXPECT_EQ(tx->Execute(kInsertThing, {std::int64_t{1}, "Cấp giấy phép xây dựng", kMax, 0.1, Null{}}), 1);
    EXPECT_EQ(tx->Execute(kInsertThing, {std::int64_t{2}, "", kMin, -1.5e300, "Đăng ký khai sinh — 出生"}), 1);
    // Placeholders in another order than the columns, one of them used twice.
    tx->Execute(
        {"things.insert_shuffled", "INSERT INTO things (note, amount, id, name, ratio) VALUES ($2, $3, $1, $2, $4)"},
        {std::int64_t{3}, "Hồ sơ", std::int64_t{0}, Null{}});
    tx->Commit();
  }
  auto tx = db().Begin(Mode::kReadOnly);
  auto one = tx->QueryOne(kThingById, {std::int64_t{1}});
  ASSERT_TRUE(one);
  ASSERT_EQ(one->size(), 5u);
  EXPECT_EQ(one->Int(0), 1);
  EXPECT_EQ(one->Text(1), "Cấp giấy phép xây dựng");
  EXPECT_EQ(one->Int(2), kMax);
  EXPECT_DOUBLE_EQ(one->Real(3), 0.1);
  EXPECT_TRUE(one->IsNull(4));
  EXPECT_EQ(one->OptText(4), std::nullopt);

  auto two = tx->QueryOne(kThingById, {std::int64_t{2}});
  ASSERT_TRUE(two);
  EXPECT_FALSE(two->IsNull(1));
  EXPECT_EQ(two->Text(1), "");
  EXPECT_EQ(two->Int(2), kMin);
  EXPECT_EQ(two->Real(3), -1.5e300);
  EXPECT_EQ(two->Text(4), "Đăng ký khai sinh — 出生");

  auto three = tx->QueryOne(kThingById, {std::int64_t{3}});
  ASSERT_TRUE(three);
  EXPECT_EQ(three->Text(1), "Hồ sơ");
  EXPECT_EQ(three->Text(4), "Hồ sơ");
  EXPECT_EQ(three->Int(2), 0);
  EXPECT_FALSE(three->IsNull(2));
  EXPECT_TRUE(three->IsNull(3));

  EXPECT_FALSE(tx->QueryOne(kThingById, {std::int64_t{99}}));
  auto rows = tx->Query({"things.all", "SELECT id FROM things ORDER BY id"});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[2].Int(0), 3);
}

TEST_F(DatabaseTest, ParametersKeepTheirTypeWithoutAColumn) {
  auto tx = db().Begin(Mode::kReadOnly);
  auto row = tx->QueryOne({"echo", "SELECT $1, $2, $3, $4, $1 + 1"},
                          {std::int64_t{9'000'000'000'000'000'000}, 2.25, "chữ", Null{}});
  ASSERT_TRUE(row);
  EXPECT_EQ(std::get<std::int64_t>(row->At(0)), 9'000'000'000'000'000'000);
  EXPECT_EQ(std::get<double>(row->At(1)), 2.25);
  EXPECT_EQ(std::get<std::string>(row->At(2)), "chữ");
  EXPECT_TRUE(row->IsNull(3));
  EXPECT_EQ(row->Int(4), 9'000'000'000'000'000'001);
}

TEST_F(DatabaseTest, DollarInsideLiteralsIsNotAPlaceholder) {
  auto tx = db().Begin(Mode::kReadOnly);
  auto row = tx->QueryOne({"literal", "SELECT '$1 và $2', $1 /* $2 */"}, {"x"});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Text(0), "$1 và $2");
  EXPECT_EQ(row->Text(1), "x");
}

TEST_F(DatabaseTest, WrongParameterCountFails) {
  auto tx = db().Begin(Mode::kReadOnly);
  auto e = ExpectDbError(DbError::Kind::kOther, [&] { tx->Query(kThingById, {}); });
  EXPECT_EQ(e.query_name(), "things.by_id");
}

TEST_F(DatabaseTest, ExecuteCountsChangedRows) {
  auto tx = db().Begin();
  for (std::int64_t i = 1; i <= 5; ++i) tx->Execute(kInsertThing, {i, "n", i * 10, 0.0, Null{}});
  EXPECT_EQ(tx->Execute({"things.note", "UPDATE things SET note = $1 WHERE amount > $2"}, {"big", std::int64_t{20}}),
            3);
  EXPECT_EQ(tx->Execute({"things.none", "UPDATE things SET note = 'x' WHERE id < 0"}), 0);
  EXPECT_EQ(tx->Execute({"things.index", "CREATE INDEX things_amount ON things (amount)"}), 0);
  EXPECT_EQ(tx->Execute({"things.delete", "DELETE FROM things WHERE id <= $1"}, {std::int64_t{2}}), 2);
  tx->Commit();
  EXPECT_EQ(CountRows("things"), 3);
}

TEST_F(DatabaseTest, CommitIsVisibleDestructionRollsBack) {
  {
    auto tx = db().Begin();
    tx->Execute(kInsertThing, {std::int64_t{1}, "kept", std::int64_t{1}, 1.0, Null{}});
    tx->Commit();
  }
  {
    auto tx = db().Begin();
    tx->Execute(kInsertThing, {std::int64_t{2}, "dropped", std::int64_t{1}, 1.0, Null{}});
  }  // no Commit: rolled back
  EXPECT_THROW(
      {
        auto tx = db().Begin();
        tx->Execute(kInsertThing, {std::int64_t{3}, "dropped", std::int64_t{1}, 1.0, Null{}});
        throw std::runtime_error("a service fails half-way");
      },
      std::runtime_error);
  EXPECT_EQ(CountRows("things"), 1);
  // The connections went back to the pool in a clean state.
  EXPECT_EQ(db().Stats().in_use, 0);
  auto tx = db().Begin();
  EXPECT_EQ(tx->QueryOne(kThingById, {std::int64_t{1}})->Text(1), "kept");
}

TEST_F(DatabaseTest, FinishedOrFailedTransactionRefusesWork) {
  auto tx = db().Begin();
  tx->Commit();
  EXPECT_THROW(tx->Query(kThingById, {std::int64_t{1}}), DbError);
  EXPECT_THROW(tx->Commit(), DbError);

  auto failing = db().Begin();
  EXPECT_THROW(failing->Query({"bad", "SELECT no_such_column FROM things"}), DbError);
  // Both backends: after an error the transaction can only be rolled back.
  EXPECT_THROW(failing->Query(kThingById, {std::int64_t{1}}), DbError);
  EXPECT_THROW(failing->Commit(), DbError);
}

TEST_F(DatabaseTest, OneStatementPerQuery) {
  auto tx = db().Begin();
  EXPECT_THROW(tx->Execute({"two", "DELETE FROM things; DELETE FROM things"}), DbError);
}

TEST_F(DatabaseTest, ScriptRunsSeveralStatements) {
  Script(R"(
    CREATE TABLE a (x INTEGER);  -- a comment with $1
    INSERT INTO a VALUES (1);
    INSERT INTO a VALUES (2);
  )");
  EXPECT_EQ(CountRows("a"), 2);
}

TEST_F(DatabaseTest, UniqueViolationIsMappedAndNamesNoValue) {
  Script("CREATE TABLE citizens (id INTEGER PRIMARY KEY, national_id TEXT NOT NULL UNIQUE)");
  constexpr Query kInsert{"citizens.insert", "INSERT INTO citizens (id, national_id) VALUES ($1, $2)"};
  {
    auto tx = db().Begin();
    tx->Execute(kInsert, {std::int64_t{1}, "001234567890"});
    tx->Commit();
  }
  auto tx = db().Begin();
  auto e = ExpectDbError(DbError::Kind::kUniqueViolation, [&] {
    tx->Execute(kInsert, {std::int64_t{2}, "001234567890"});
  });
  EXPECT_EQ(e.query_name(), "citizens.insert");
  EXPECT_NE(std::string(e.what()).find("citizens.insert"), std::string::npos) << e.what();
  EXPECT_EQ(std::string(e.what()).find("001234567890"), std::string::npos) << e.what();

  auto tx2 = db().Begin();
  ExpectDbError(DbError::Kind::kUniqueViolation, [&] { tx2->Execute(kInsert, {std::int64_t{1}, "other"}); });
}

TEST_F(DatabaseTest, ForeignKeyViolationIsMapped) {
  Script(R"(
    CREATE TABLE agencies (id INTEGER PRIMARY KEY);
    CREATE TABLE units (id INTEGER PRIMARY KEY, agency_id INTEGER NOT NULL REFERENCES agencies (id));
  )");
  auto tx = db().Begin();
  auto e = ExpectDbError(DbError::Kind::kForeignKeyViolation, [&] {
    tx->Execute({"units.insert", "INSERT INTO units (id, agency_id) VALUES ($1, $2)"},
                {std::int64_t{1}, std::int64_t{7}});
  });
  EXPECT_EQ(e.query_name(), "units.insert");
}

TEST_F(DatabaseTest, ReadOnlyTransactionCannotWrite) {
  auto tx = db().Begin(Mode::kReadOnly);
  EXPECT_THROW(tx->Execute(kInsertThing, {std::int64_t{1}, "x", std::int64_t{1}, 1.0, Null{}}), DbError);
  tx.reset();
  EXPECT_EQ(CountRows("things"), 0);
}

TEST_F(DatabaseTest, ReadersDoNotWaitForAWriter) {
  auto writer = db().Begin();
  writer->Execute(kInsertThing, {std::int64_t{1}, "uncommitted", std::int64_t{1}, 1.0, Null{}});
  {
    auto reader = db().Begin(Mode::kReadOnly);
    EXPECT_FALSE(reader->QueryOne(kThingById, {std::int64_t{1}}));
  }
  writer->Commit();
  auto reader = db().Begin(Mode::kReadOnly);
  EXPECT_TRUE(reader->QueryOne(kThingById, {std::int64_t{1}}));
}

TEST_F(DatabaseTest, ConcurrentWritersLoseNothing) {
  Script(R"(
    CREATE TABLE counters (id INTEGER PRIMARY KEY, n BIGINT NOT NULL);
    INSERT INTO counters (id, n) VALUES (1, 0), (2, 0);
    CREATE TABLE events (thread INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (thread, seq));
  )");
  // Read-modify-write needs a row lock on PostgreSQL; SQLite's single writer already serialises.
  const Query read_for_update{"counters.read_for_update", postgres() ? "SELECT n FROM counters WHERE id = 2 FOR UPDATE"
                                                                     : "SELECT n FROM counters WHERE id = 2"};
  constexpr int kThreads = 8;
  constexpr int kEach = 40;
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        try {
          auto tx = db().Begin();
          tx->Execute({"counters.increment", "UPDATE counters SET n = n + 1 WHERE id = 1"});
          std::int64_t n = tx->QueryOne(read_for_update)->Int(0);
          tx->Execute({"counters.set", "UPDATE counters SET n = $1 WHERE id = 2"}, {n + 1});
          tx->Execute({"events.insert", "INSERT INTO events (thread, seq) VALUES ($1, $2)"},
                      {std::int64_t{t}, std::int64_t{i}});
          tx->Commit();
        } catch (const std::exception& e) {
          ++errors;
          ADD_FAILURE() << e.what();
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(errors.load(), 0);
  auto tx = db().Begin(Mode::kReadOnly);
  auto rows = tx->Query({"counters.all", "SELECT n FROM counters ORDER BY id"});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].Int(0), kThreads * kEach);
  EXPECT_EQ(rows[1].Int(0), kThreads * kEach);
  EXPECT_EQ(tx->QueryOne({"events.count", "SELECT count(*) FROM events"})->Int(0), kThreads * kEach);
  EXPECT_EQ(db().Stats().in_use, 1);
}

TEST_F(DatabaseTest, ConcurrentReadersAndWriters) {
  constexpr int kWrites = 60;
  std::atomic<bool> done{false};
  std::atomic<int> errors{0};
  std::thread writer([&] {
    for (int i = 1; i <= kWrites; ++i) {
      try {
        auto tx = db().Begin();
        tx->Execute(kInsertThing, {std::int64_t{i}, "w", std::int64_t{i}, 0.0, Null{}});
        tx->Commit();
      } catch (const std::exception& e) {
        ++errors;
        ADD_FAILURE() << e.what();
      }
    }
    done = true;
  });
  std::vector<std::thread> readers;
  for (int r = 0; r < 3; ++r) {
    readers.emplace_back([&] {
      std::int64_t last = 0;
      while (!done) {
        try {
          auto tx = db().Begin(Mode::kReadOnly);
          std::int64_t n = tx->QueryOne({"things.count", "SELECT count(*) FROM things"})->Int(0);
          EXPECT_GE(n, last);  // committed rows never disappear
          last = n;
        } catch (const std::exception& e) {
          ++errors;
          ADD_FAILURE() << e.what();
        }
      }
    });
  }
  writer.join();
  for (auto& th : readers) th.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(CountRows("things"), kWrites);
}

TEST_F(DatabaseTest, PoolStatsAndExhaustion) {
  auto db = env().Open(DatabaseOptions{.pool_size = 2, .busy_timeout_ms = 300});
  // SQLite keeps its writer connection open besides the readers.
  const int base = postgres() ? 0 : 1;
  PoolStats s = db->Stats();
  EXPECT_EQ(s.size, 1);
  EXPECT_EQ(s.in_use, 0);
  EXPECT_EQ(s.waiting, 0);
  auto r1 = db->Begin(Mode::kReadOnly);
  auto r2 = db->Begin(Mode::kReadOnly);
  s = db->Stats();
  EXPECT_EQ(s.size, base + 2);
  EXPECT_EQ(s.in_use, 2);

  std::atomic<bool> timed_out{false};
  std::thread waiter([&] {
    try {
      db->Begin(Mode::kReadOnly);
    } catch (const DbError& e) {
      timed_out = e.kind() == DbError::Kind::kBusy;
    }
  });
  bool saw_waiting = false;
  for (int i = 0; i < 100 && !saw_waiting; ++i) {
    saw_waiting = db->Stats().waiting == 1;
    if (!saw_waiting) std::this_thread::sleep_for(2ms);
  }
  waiter.join();
  EXPECT_TRUE(saw_waiting);
  EXPECT_TRUE(timed_out);
  EXPECT_EQ(db->Stats().waiting, 0);

  // A waiter is served as soon as a transaction ends.
  std::atomic<bool> served{false};
  std::thread second([&] {
    auto tx = db->Begin(Mode::kReadOnly);
    served = true;
  });
  std::this_thread::sleep_for(50ms);
  r1.reset();
  second.join();
  EXPECT_TRUE(served);
  r2.reset();
  s = db->Stats();
  EXPECT_EQ(s.in_use, 0);
  EXPECT_EQ(s.size, base + 2);
}

TEST_F(DatabaseTest, WritersQueueOnSqliteButNotOnPostgres) {
  auto db = env().Open(DatabaseOptions{.pool_size = 2, .busy_timeout_ms = 200});
  auto w1 = db->Begin();
  if (postgres()) {
    auto w2 = db->Begin();
    EXPECT_EQ(db->Stats().in_use, 2);
  } else {
    ExpectDbError(DbError::Kind::kBusy, [&] { db->Begin(); });
  }
}

TEST_F(DatabaseTest, CloseWaitsForTransactionsInFlight) {
  auto db = env().Open();
  std::atomic<bool> started{false};
  std::thread worker([&] {
    auto tx = db->Begin();
    started = true;
    std::this_thread::sleep_for(150ms);
    tx->Execute(kInsertThing, {std::int64_t{1}, "late", std::int64_t{1}, 1.0, Null{}});
    tx->Commit();
  });
  while (!started) std::this_thread::sleep_for(1ms);
  auto t0 = std::chrono::steady_clock::now();
  db->Close();
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 100ms);
  EXPECT_EQ(CountRows("things"), 1);  // the transaction in flight finished and committed
  worker.join();
  EXPECT_EQ(db->Stats().size, 0);
  EXPECT_FALSE(db->Ping());
  ExpectDbError(DbError::Kind::kConnection, [&] { db->Begin(); });
}

TEST_F(DatabaseTest, PreparedStatementsSurviveRollback) {
  auto db = env().Open(DatabaseOptions{.pool_size = 1});
  {
    auto tx = db->Begin();
    tx->Execute(kInsertThing, {std::int64_t{1}, "a", std::int64_t{1}, 1.0, Null{}});
  }  // rolled back after the statement was prepared
  auto tx = db->Begin();
  tx->Execute(kInsertThing, {std::int64_t{1}, "a", std::int64_t{1}, 1.0, Null{}});
  tx->Commit();
  EXPECT_EQ(CountRows("things"), 1);
}

TEST_F(DatabaseTest, SchemaChangesAfterPreparingAreSeen) {
  constexpr Query kAll{"things.star", "SELECT * FROM things"};
  {
    auto tx = db().Begin(Mode::kReadOnly);
    tx->Query(kAll);
  }
  Script("ALTER TABLE things ADD COLUMN extra TEXT");
  auto tx = db().Begin(Mode::kReadOnly);
  // On PostgreSQL another pooled connection may still hold the old plan: the first try may fail,
  // and the connection then forgets its statements.
  Rows rows;
  try {
    rows = tx->Query(kAll);
  } catch (const DbError&) {
    tx = db().Begin(Mode::kReadOnly);
    rows = tx->Query(kAll);
  }
  EXPECT_TRUE(rows.empty());
}

// --- SQLite only ---------------------------------------------------------------------------

TEST_F(DatabaseTest, SqliteSettings) {
  if (postgres()) GTEST_SKIP() << "SQLite only";
  auto tx = db().Begin();
  EXPECT_EQ(tx->QueryOne({"pragma.journal_mode", "PRAGMA journal_mode"})->Text(0), "wal");
  EXPECT_EQ(tx->QueryOne({"pragma.synchronous", "PRAGMA synchronous"})->Int(0), 2);  // FULL
  EXPECT_EQ(tx->QueryOne({"pragma.foreign_keys", "PRAGMA foreign_keys"})->Int(0), 1);
  auto reader = db().Begin(Mode::kReadOnly);
  EXPECT_EQ(reader->QueryOne({"pragma.foreign_keys", "PRAGMA foreign_keys"})->Int(0), 1);
  EXPECT_EQ(reader->QueryOne({"pragma.query_only", "PRAGMA query_only"})->Int(0), 1);
}

TEST_F(DatabaseTest, SqliteCreatesParentDirectoriesOfRelativePaths) {
  if (postgres()) GTEST_SKIP() << "SQLite only";
  auto old_cwd = std::filesystem::current_path();
  std::filesystem::current_path(env().dir());
  std::unique_ptr<Database> rel;
  EXPECT_NO_THROW(rel = Database::Open("sqlite://nested/deeper/rel.db"));
  std::filesystem::current_path(old_cwd);
  EXPECT_TRUE(std::filesystem::exists(env().dir() / "nested/deeper/rel.db"));
  ASSERT_TRUE(rel);
  EXPECT_TRUE(rel->Ping());
  auto abs = Database::Open("sqlite://" + (env().dir() / "a/b/abs.db").string());
  EXPECT_TRUE(std::filesystem::exists(env().dir() / "a/b/abs.db"));
}

TEST_F(DatabaseTest, SqliteInMemory) {
  if (postgres()) GTEST_SKIP() << "SQLite only";
  auto mem = Database::Open("sqlite::memory:");
  {
    auto tx = mem->Begin();
    tx->ExecuteScript("CREATE TABLE m (x TEXT); INSERT INTO m VALUES ('một');");
    tx->Commit();
  }
  auto tx = mem->Begin(Mode::kReadOnly);
  EXPECT_EQ(tx->QueryOne({"m.one", "SELECT x FROM m"})->Text(0), "một");
  EXPECT_EQ(mem->Stats().size, 1);
}

TEST_F(DatabaseTest, SqliteCommittedDataSurvivesReopening) {
  if (postgres()) GTEST_SKIP() << "SQLite only";
  {
    auto tx = db().Begin();
    tx->Execute(kInsertThing, {std::int64_t{1}, "durable", std::int64_t{1}, 1.0, Null{}});
    tx->Commit();
  }
  db_.reset();
  auto again = env().Open();
  auto tx = again->Begin(Mode::kReadOnly);
  EXPECT_EQ(tx->QueryOne(kThingById, {std::int64_t{1}})->Text(1), "durable");
}

// --- PostgreSQL only -----------------------------------------------------------------------

TEST_F(DatabaseTest, PostgresSessionSettings) {
  if (!postgres()) GTEST_SKIP() << "PostgreSQL only";
  auto db = env().Open(DatabaseOptions{.statement_timeout_ms = 100});
  auto tx = db->Begin(Mode::kReadOnly);
  EXPECT_EQ(tx->QueryOne({"app_name", "SELECT current_setting('application_name')"})->Text(0), "motcua");
  EXPECT_EQ(tx->QueryOne({"encoding", "SELECT current_setting('client_encoding')"})->Text(0), "UTF8");
  EXPECT_EQ(tx->QueryOne({"read_only", "SELECT current_setting('transaction_read_only')"})->Text(0), "on");
  auto e = ExpectDbError(DbError::Kind::kBusy, [&] { tx->Query({"sleep", "SELECT pg_sleep(2)"}); });
  EXPECT_EQ(e.query_name(), "sleep");
}

TEST_F(DatabaseTest, PostgresTypesByOid) {
  if (!postgres()) GTEST_SKIP() << "PostgreSQL only";
  auto tx = db().Begin(Mode::kReadOnly);
  auto row = tx->QueryOne({"types",
                           "SELECT 1::int2, 2::int4, 3::int8, 1.5::float4, 2.5::float8, 3.25::numeric, "
                           "true, false, 'x'::varchar, '2025-01-19'::date"});
  ASSERT_TRUE(row);
  for (int c = 0; c < 3; ++c) EXPECT_TRUE(std::holds_alternative<std::int64_t>(row->At(c))) << c;
  for (int c = 3; c < 6; ++c) EXPECT_TRUE(std::holds_alternative<double>(row->At(c))) << c;
  EXPECT_EQ(row->Real(5), 3.25);
  EXPECT_EQ(std::get<std::int64_t>(row->At(6)), 1);
  EXPECT_EQ(std::get<std::int64_t>(row->At(7)), 0);
  EXPECT_EQ(std::get<std::string>(row->At(8)), "x");
  EXPECT_EQ(std::get<std::string>(row->At(9)), "2025-01-19");
}

TEST_F(DatabaseTest, PostgresBrokenConnectionIsReplaced) {
  if (!postgres()) GTEST_SKIP() << "PostgreSQL only";
  auto db = env().Open(DatabaseOptions{.pool_size = 1});
  {
    auto tx = db->Begin();
    ExpectDbError(DbError::Kind::kConnection, [&] {
      tx->Query({"suicide", "SELECT pg_terminate_backend(pg_backend_pid())"});
    });
  }
  EXPECT_TRUE(db->Ping());

  // An idle pooled connection killed behind the pool's back is replaced at the next Begin.
  std::int64_t pid = 0;
  {
    auto tx = db->Begin();
    pid = tx->QueryOne({"pid", "SELECT pg_backend_pid()"})->Int(0);
    tx->Commit();
  }
  {
    auto admin = env().admin()->Begin();
    admin->Query({"kill", "SELECT pg_terminate_backend($1::int)"}, {pid});
    admin->Commit();
  }
  std::this_thread::sleep_for(50ms);
  auto tx = db->Begin();
  EXPECT_NE(tx->QueryOne({"pid", "SELECT pg_backend_pid()"})->Int(0), pid);
  EXPECT_EQ(db->Stats().size, 1);
}

TEST_F(DatabaseTest, PostgresSerializationFailureIsMapped) {
  if (!postgres()) GTEST_SKIP() << "PostgreSQL only";
  Script("INSERT INTO things (id, name) VALUES (1, 'a')");
  auto t1 = db().Begin();
  auto t2 = db().Begin();
  t1->ExecuteScript("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  t2->ExecuteScript("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  t1->Query(kThingById, {std::int64_t{1}});
  t2->Query(kThingById, {std::int64_t{1}});
  t1->Execute({"things.rename", "UPDATE things SET name = $1 WHERE id = 1"}, {"b"});
  t1->Commit();
  ExpectDbError(DbError::Kind::kSerialization, [&] {
    t2->Execute({"things.rename", "UPDATE things SET name = $1 WHERE id = 1"}, {"c"});
  });
}

TEST_F(DatabaseTest, PostgresUnreachableServerIsAConnectionError) {
  if (!postgres()) GTEST_SKIP() << "PostgreSQL only";
  ExpectDbError(DbError::Kind::kConnection, [] { Database::Open("postgresql://postgres@127.0.0.1:1/none"); });
}

}  // namespace
}  // namespace motcua::store
