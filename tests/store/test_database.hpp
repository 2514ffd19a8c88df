// The database a store test runs on. MOTCUA_TEST_DATABASE_URL is "sqlite" (each test gets a fresh
// temporary file) or a postgresql:// URL (each test gets a fresh schema, dropped afterwards).
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "store/db.hpp"
#include "store/migrations.hpp"

namespace motcua::store::testing {

inline std::string BackendUrl() {
  const char* env = std::getenv("MOTCUA_TEST_DATABASE_URL");
  return (env && *env) ? env : "sqlite";
}

inline bool OnPostgres() { return BackendUrl() != "sqlite"; }

// One isolated database: created by the constructor, removed by the destructor.
class TestDatabase {
 public:
  TestDatabase() {
    static std::atomic<int> counter{0};
    std::string unique = std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
                         std::to_string(std::chrono::steady_clock::now().time_since_epoch().count() % 1000000);
    if (OnPostgres()) {
      base_url_ = BackendUrl();
      schema_ = "test_" + unique;
      admin_ = Database::Open(base_url_, DatabaseOptions{.pool_size = 1});
      auto tx = admin_->Begin();
      tx->ExecuteScript("CREATE SCHEMA " + schema_);
      tx->Commit();
      // libpq URI: options=-c search_path=<schema>, percent-encoded.
      url_ = base_url_ + (base_url_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_;
    } else {
      dir_ = std::filesystem::temp_directory_path() / ("motcua-store-" + unique);
      std::filesystem::create_directories(dir_);
      url_ = "sqlite://" + (dir_ / "test.db").string();
    }
  }

  ~TestDatabase() {
    if (admin_) {
      try {
        auto tx = admin_->Begin();
        tx->ExecuteScript("DROP SCHEMA " + schema_ + " CASCADE");
        tx->Commit();
      } catch (const std::exception& e) {
        ADD_FAILURE() << "dropping the test schema: " << e.what();
      }
    } else {
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
    }
  }

  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // The URL that opens this test's database (several Database objects may open it at once).
  const std::string& url() const { return url_; }
  std::unique_ptr<Database> Open(const DatabaseOptions& options = {}) const { return Database::Open(url_, options); }
  // A connection outside the test's schema (PostgreSQL only), for killing backends and the like.
  Database* admin() const { return admin_.get(); }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::string url_;
  std::string base_url_;
  std::string schema_;
  std::filesystem::path dir_;
  std::unique_ptr<Database> admin_;
};

// A fixture with one fresh database per test, opened with default options.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_ = std::make_unique<TestDatabase>();
    db_ = env_->Open();
  }
  void TearDown() override {
    db_.reset();
    env_.reset();
  }

  Database& db() { return *db_; }
  TestDatabase& env() { return *env_; }
  bool postgres() const { return db_->dialect() == Dialect::kPostgres; }

  // Runs a script in its own committed transaction.
  void Script(std::string_view sql) {
    auto tx = db_->Begin();
    tx->ExecuteScript(sql);
    tx->Commit();
  }

  std::int64_t CountRows(std::string_view table) {
    auto tx = db_->Begin(Database::Mode::kReadOnly);
    std::string sql = "SELECT count(*) FROM " + std::string(table);
    return tx->QueryOne({"test.count", sql})->Int(0);
  }

  std::unique_ptr<TestDatabase> env_;
  std::unique_ptr<Database> db_;
};

// The same, with every migration applied: the starting point of repository tests.
class MigratedStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    Migrate(*db_);
  }
};

}  // namespace motcua::store::testing
