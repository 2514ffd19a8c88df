// SQLite backend. Writes are serialised in-process by a one-connection writer pool (BEGIN IMMEDIATE
// also takes SQLite's write lock, which serialises other processes); WAL lets readers run meanwhile.
#include "store/sqlite/sqlite_database.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <system_error>
#include <unordered_map>

#include "store/pool.hpp"
#include "store/sql_text.hpp"

namespace motcua::store::sqlite {
namespace {

// Dynamically built SQL could grow a cache without end; past this size it is simply emptied.
constexpr std::size_t kMaxCachedStatements = 256;

DbError::Kind KindOf(int extended_rc) {
  switch (extended_rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return DbError::Kind::kUniqueViolation;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return DbError::Kind::kForeignKeyViolation;
    default:
      break;
  }
  switch (extended_rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return DbError::Kind::kBusy;
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
      return DbError::Kind::kConnection;
    default:
      return DbError::Kind::kOther;
  }
}

// SQLite's messages name tables and columns, never the values bound to a statement.
[[noreturn]] void Fail(sqlite3* db, std::string_view query_name, std::string_view doing) {
  int rc = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
  std::string msg = "sqlite: " + std::string(doing) + " '" + std::string(query_name) +
                    "' failed: " + (db ? sqlite3_errmsg(db) : "no connection") + " (" + std::to_string(rc) + ")";
  throw DbError(KindOf(rc), std::string(query_name), msg);
}

struct Connection {
  sqlite3* db = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> statements;  // keyed by the SQL as written ($N)

  Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() {
    for (auto& [sql, stmt] : statements) sqlite3_finalize(stmt);
    sqlite3_close_v2(db);
  }

  void Exec(const char* sql, std::string_view name) {
    char* err = nullptr;
    int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string text = err ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      int ext = sqlite3_extended_errcode(db);
      throw DbError(KindOf(ext), std::string(name),
                    "sqlite: '" + std::string(name) + "' failed: " + text + " (" + std::to_string(ext) + ")");
    }
  }

  sqlite3_stmt* Prepare(const Query& q) {
    std::string key(q.sql);
    if (auto it = statements.find(key); it != statements.end()) return it->second;
    if (statements.size() >= kMaxCachedStatements) {
      for (auto& [sql, stmt] : statements) sqlite3_finalize(stmt);
      statements.clear();
    }
    std::string sql = RewritePlaceholdersForSqlite(q.sql);
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    if (sqlite3_prepare_v3(db, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, &tail) !=
        SQLITE_OK) {
      Fail(db, q.name, "preparing");
    }
    if (stmt == nullptr || !IsBlankSql(std::string_view(tail, sql.c_str() + sql.size() - tail))) {
      sqlite3_finalize(stmt);
      throw DbError(DbError::Kind::kOther, std::string(q.name),
                    "sqlite: query '" + std::string(q.name) + "' must hold exactly one statement");
    }
    statements.emplace(std::move(key), stmt);
    return stmt;
  }
};

std::unique_ptr<Connection> OpenConnection(const std::string& path, bool reader, const DatabaseOptions& options) {
  auto conn = std::make_unique<Connection>();
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &conn->db, flags, nullptr) != SQLITE_OK) {
    std::string msg = conn->db ? sqlite3_errmsg(conn->db) : "out of memory";
    throw DbError(DbError::Kind::kConnection, "open", "sqlite: cannot open " + path + ": " + msg);
  }
  sqlite3_extended_result_codes(conn->db, 1);
  sqlite3_busy_timeout(conn->db, options.busy_timeout_ms);
  try {
    // synchronous=FULL: a commit has reached the disk before COMMIT returns, even in WAL mode.
    conn->Exec("PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;", "open");
    // Reads through a memory map (no copy per page read, the OS page cache shared by every
    // connection) and a larger page cache of its own: inbox counts over a million dossiers touch
    // thousands of pages.
    conn->Exec("PRAGMA mmap_size=1073741824; PRAGMA cache_size=-16384; PRAGMA temp_store=MEMORY;", "open");
    if (reader) {
      conn->Exec("PRAGMA query_only=ON;", "open");
    } else if (path != ":memory:") {
      conn->Exec("PRAGMA journal_mode=WAL;", "open");
    }
  } catch (const DbError& e) {
    throw DbError(DbError::Kind::kConnection, "open", e.what());
  }
  return conn;
}

class SqliteTransaction final : public Transaction {
 public:
  SqliteTransaction(std::shared_ptr<Pool<Connection>> pool, std::unique_ptr<Connection> conn, bool keep_always)
      : pool_(std::move(pool)), conn_(std::move(conn)), keep_always_(keep_always) {}

  ~SqliteTransaction() override { Finish(); }

  void Start(bool write) {
    conn_->Exec(write ? "BEGIN IMMEDIATE" : "BEGIN", "begin");
    active_ = true;
  }

  Rows Query(const store::Query& q, const Params& params) override {
    Rows rows;
    Run(q, params, [&](sqlite3_stmt* stmt) {
      int n = sqlite3_column_count(stmt);
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(n));
      for (int c = 0; c < n; ++c) values.push_back(ColumnValue(stmt, c));
      rows.emplace_back(std::move(values));
    });
    return rows;
  }

  std::int64_t Execute(const store::Query& q, const Params& params) override {
    // sqlite3_changes64 keeps the count of the last INSERT/UPDATE/DELETE: after DDL it is stale,
    // which the total (that DDL leaves alone) tells apart.
    sqlite3_int64 total_before = sqlite3_total_changes64(conn_->db);
    Run(q, params, [](sqlite3_stmt*) {});
    if (sqlite3_total_changes64(conn_->db) == total_before) return 0;
    return sqlite3_changes64(conn_->db);
  }

  void ExecuteScript(std::string_view sql) override {
    CheckUsable("script");
    std::string text(sql);
    Guard([&] { conn_->Exec(text.c_str(), "script"); });
  }

  void Commit() override {
    CheckUsable("commit");
    Guard([&] { conn_->Exec("COMMIT", "commit"); });
    active_ = false;
    Finish();  // the connection goes back to the pool now, not when the object dies
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

 private:
  void CheckUsable(std::string_view name) const {
    if (failed_) {
      throw DbError(DbError::Kind::kOther, std::string(name),
                    "'" + std::string(name) + "': the transaction failed earlier and was rolled back");
    }
    if (!active_) {
      throw DbError(DbError::Kind::kOther, std::string(name),
                    "'" + std::string(name) + "': the transaction is already finished");
    }
  }

  // Any failure spoils the transaction, as PostgreSQL does, so both backends behave alike; it is
  // rolled back at once and its connection freed.
  template <typename F>
  void Guard(F&& f) {
    try {
      f();
    } catch (const DbError&) {
      failed_ = true;
      Finish();
      throw;
    }
  }

  // Rolls back unless committed, and hands the connection back (once).
  void Finish() {
    if (!conn_) return;
    bool healthy = true;
    if (active_) {
      char* err = nullptr;
      sqlite3_exec(conn_->db, "ROLLBACK", nullptr, nullptr, &err);
      sqlite3_free(err);
      active_ = false;
      // A connection stuck inside a transaction must not be handed out again.
      healthy = sqlite3_get_autocommit(conn_->db) != 0;
    }
    pool_->Release(std::move(conn_), healthy || keep_always_);
  }

  template <typename OnRow>
  void Run(const store::Query& q, const Params& params, OnRow&& on_row) {
    CheckUsable(q.name);
    Guard([&] {
      sqlite3_stmt* stmt = conn_->Prepare(q);
      struct Reset {
        sqlite3_stmt* s;
        ~Reset() {
          sqlite3_reset(s);
          sqlite3_clear_bindings(s);
        }
      } reset{stmt};
      int expected = sqlite3_bind_parameter_count(stmt);
      if (expected != static_cast<int>(params.size())) {
        throw DbError(DbError::Kind::kOther, std::string(q.name),
                      "sqlite: query '" + std::string(q.name) + "' takes " + std::to_string(expected) +
                          " parameters, got " + std::to_string(params.size()));
      }
      for (std::size_t i = 0; i < params.size(); ++i) Bind(stmt, static_cast<int>(i + 1), params[i], q.name);
      while (true) {
        int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
          on_row(stmt);
        } else if (rc == SQLITE_DONE) {
          break;
        } else {
          Fail(conn_->db, q.name, "query");
        }
      }
    });
  }

  void Bind(sqlite3_stmt* stmt, int index, const Value& v, std::string_view name) {
    int rc = SQLITE_OK;
    if (std::holds_alternative<Null>(v)) {
      rc = sqlite3_bind_null(stmt, index);
    } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
      rc = sqlite3_bind_int64(stmt, index, *i);
    } else if (const auto* d = std::get_if<double>(&v)) {
      rc = sqlite3_bind_double(stmt, index, *d);
    } else {
      const auto& s = std::get<std::string>(v);
      // SQLITE_STATIC: the parameters outlive every step of the statement.
      rc = sqlite3_bind_text64(stmt, index, s.data(), s.size(), SQLITE_STATIC, SQLITE_UTF8);
    }
    if (rc != SQLITE_OK) Fail(conn_->db, name, "binding");
  }

  static Value ColumnValue(sqlite3_stmt* stmt, int c) {
    switch (sqlite3_column_type(stmt, c)) {
      case SQLITE_INTEGER:
        return std::int64_t{sqlite3_column_int64(stmt, c)};
      case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, c);
      case SQLITE_NULL:
        return Null{};
      case SQLITE_BLOB: {
        const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, c));
        return std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, c)));
      }
      default: {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
        return std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, c)));
      }
    }
  }

  std::shared_ptr<Pool<Connection>> pool_;
  std::unique_ptr<Connection> conn_;
  bool keep_always_;  // the one connection of an in-memory database holds the data itself
  bool active_ = false;
  bool failed_ = false;
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, const DatabaseOptions& options) : path_(std::move(path)) {
    auto wait = std::chrono::milliseconds(options.busy_timeout_ms);
    writer_ = std::make_shared<Pool<Connection>>(
        "sqlite writer", 1, wait, [path = path_, options] { return OpenConnection(path, false, options); });
    // An in-memory database lives in its one connection: readers share the writer.
    if (memory()) {
      readers_ = writer_;
    } else {
      readers_ = std::make_shared<Pool<Connection>>("sqlite readers", options.pool_size, wait, [path = path_, options] {
        return OpenConnection(path, true, options);
      });
    }
    // Open the writer now: it creates the file and turns WAL on before any reader opens.
    writer_->Release(writer_->Acquire(), true);
  }

  ~SqliteDatabase() override {
    writer_->CloseNow();
    readers_->CloseNow();
  }

  std::unique_ptr<Transaction> Begin(Mode mode) override {
    bool write = mode == Mode::kReadWrite;
    auto& pool = write ? writer_ : readers_;  // the same pool for an in-memory database
    auto tx = std::make_unique<SqliteTransaction>(pool, pool->Acquire(), memory());
    tx->Start(write);
    return tx;
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  PoolStats Stats() const override {
    PoolStats s = writer_->Stats();
    if (!memory()) {
      PoolStats r = readers_->Stats();
      s.size += r.size;
      s.in_use += r.in_use;
      s.waiting += r.waiting;
    }
    return s;
  }

  bool Ping() override {
    try {
      auto tx = Begin(Mode::kReadOnly);
      auto row = tx->QueryOne({"ping", "SELECT 1"});
      tx->Commit();
      return row && row->Int(0) == 1;
    } catch (const DbError&) {
      return false;
    }
  }

  void Close() override {
    writer_->Close();
    readers_->Close();
  }

 private:
  bool memory() const { return path_ == ":memory:"; }

  std::string path_;
  std::shared_ptr<Pool<Connection>> writer_;
  std::shared_ptr<Pool<Connection>> readers_;
};

}  // namespace

std::optional<std::string> PathFromUrl(std::string_view url) {
  if (url == "sqlite::memory:") return std::string(":memory:");
  constexpr std::string_view kPrefix = "sqlite://";
  if (!url.starts_with(kPrefix)) return std::nullopt;
  std::string_view rest = url.substr(kPrefix.size());
  rest = rest.substr(0, rest.find('?'));
  if (rest.empty() || rest == "/") return std::nullopt;
  std::filesystem::path p{std::string(rest)};
  if (p.is_relative()) p = std::filesystem::absolute(p);
  return p.lexically_normal().string();
}

std::unique_ptr<Database> OpenSqlite(const std::string& url, const DatabaseOptions& options) {
  auto path = PathFromUrl(url);
  if (!path) {
    throw DbError(DbError::Kind::kConnection, "open",
                  "sqlite: malformed URL (expected sqlite:///abs/path.db, sqlite://rel/path.db or sqlite::memory:)");
  }
  if (*path != ":memory:") {
    std::error_code ec;
    auto parent = std::filesystem::path(*path).parent_path();
    std::filesystem::create_directories(parent, ec);
    if (ec) {
      throw DbError(DbError::Kind::kConnection, "open",
                    "sqlite: cannot create directory " + parent.string() + ": " + ec.message());
    }
  }
  return std::make_unique<SqliteDatabase>(*path, options);
}

}  // namespace motcua::store::sqlite
