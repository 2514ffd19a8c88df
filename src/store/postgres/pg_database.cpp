// PostgreSQL backend on libpq: text-format parameters and results, results converted by type OID,
// statements prepared once per connection, connections that broke are dropped and reopened.
#include "store/postgres/pg_database.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include "store/pool.hpp"

namespace motcua::store::postgres {
namespace {

// Type OIDs from pg_type (stable across PostgreSQL versions).
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

constexpr std::size_t kMaxCachedStatements = 256;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

DbError::Kind KindOf(std::string_view sqlstate) {
  if (sqlstate == "23505") return DbError::Kind::kUniqueViolation;
  if (sqlstate == "23503") return DbError::Kind::kForeignKeyViolation;
  if (sqlstate == "40001" || sqlstate == "40P01") return DbError::Kind::kSerialization;
  // lock_not_available, query_canceled (statement_timeout): the database is too busy to answer now.
  if (sqlstate == "55P03" || sqlstate == "57014") return DbError::Kind::kBusy;
  // 08P01 (protocol violation) is what a wrong parameter count earns: a caller's mistake.
  if ((sqlstate.starts_with("08") && sqlstate != "08P01") || sqlstate == "57P01" || sqlstate == "57P02" ||
      sqlstate == "57P03") {
    return DbError::Kind::kConnection;
  }
  return DbError::Kind::kOther;
}

struct Connection {
  PGconn* pg = nullptr;
  std::unordered_map<std::string, std::string> statements;  // SQL + parameter types → statement name
  int next_statement = 0;
  bool forget_statements = false;  // after DDL: cached plans may no longer fit the tables

  Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() { PQfinish(pg); }

  bool ok() const { return PQstatus(pg) == CONNECTION_OK; }

  // Only the SQLSTATE and the primary message: PostgreSQL's DETAIL repeats the offending values
  // (a citizen's ID number in a duplicate key), and data exceptions quote the input after ": ".
  [[noreturn]] void Fail(const PGresult* res, std::string_view query_name, std::string_view doing) {
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string sqlstate = state ? state : "";
    std::string text = primary ? primary : PQerrorMessage(pg);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    if (sqlstate.starts_with("22")) {
      if (auto colon = text.find(": "); colon != std::string::npos) text.resize(colon);
    }
    if (sqlstate == "0A000" || sqlstate == "26000") forget_statements = true;
    DbError::Kind kind = (!ok() || sqlstate.empty()) ? DbError::Kind::kConnection : KindOf(sqlstate);
    throw DbError(kind, std::string(query_name),
                  "postgres: " + std::string(doing) + " '" + std::string(query_name) +
                      "' failed: " + (sqlstate.empty() ? "" : "SQLSTATE " + sqlstate + ": ") + text);
  }

  // Runs a command with no parameters (BEGIN, COMMIT, scripts); several statements are allowed.
  void Exec(const char* sql, std::string_view name) {
    Result res(PQexec(pg, sql));
    auto status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
      Fail(res.get(), name, "running");
    }
  }

  const std::string& Prepare(const Query& q, const std::vector<Oid>& types) {
    std::string key(q.sql);
    key.push_back('\0');
    for (Oid t : types) key += std::to_string(t) + ",";
    if (auto it = statements.find(key); it != statements.end()) return it->second;
    if (statements.size() >= kMaxCachedStatements) {
      Exec("DEALLOCATE ALL", "deallocate");
      statements.clear();
    }
    std::string name = "motcua_" + std::to_string(next_statement++);
    std::string sql(q.sql);
    Result res(PQprepare(pg, name.c_str(), sql.c_str(), static_cast<int>(types.size()), types.data()));
    if (!res || PQresultStatus(res.get()) != PGRES_COMMAND_OK) Fail(res.get(), q.name, "preparing");
    return statements.emplace(std::move(key), std::move(name)).first->second;
  }
};

std::unique_ptr<Connection> Connect(const std::string& url, const DatabaseOptions& options) {
  auto conn = std::make_unique<Connection>();
  std::string timeout = std::to_string(std::max(2, (options.busy_timeout_ms + 999) / 1000));
  // Settings before "dbname" can be overridden by the URL, which is expanded in its place.
  const char* keys[] = {"application_name", "client_encoding", "connect_timeout", "dbname", nullptr};
  const char* values[] = {"motcua", "UTF8", timeout.c_str(), url.c_str(), nullptr};
  conn->pg = PQconnectdbParams(keys, values, 1);
  if (conn->pg == nullptr) throw DbError(DbError::Kind::kConnection, "connect", "postgres: out of memory");
  if (!conn->ok()) {
    std::string msg = PQerrorMessage(conn->pg);
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    throw DbError(DbError::Kind::kConnection, "connect", "postgres: cannot connect: " + msg);
  }
  // Notices ("relation already exists, skipping") would go to stderr: they are not our log.
  PQsetNoticeProcessor(
      conn->pg, [](void*, const char*) {}, nullptr);
  if (options.statement_timeout_ms > 0) {
    conn->Exec(("SET statement_timeout = " + std::to_string(options.statement_timeout_ms)).c_str(), "connect");
  }
  return conn;
}

std::string FormatDouble(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[32];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, ptr);
}

Value ConvertField(const PGresult* res, int row, int col) {
  if (PQgetisnull(res, row, col)) return Null{};
  const char* text = PQgetvalue(res, row, col);
  std::size_t len = static_cast<std::size_t>(PQgetlength(res, row, col));
  switch (PQftype(res, col)) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid: {
      std::int64_t v = 0;
      std::from_chars(text, text + len, v);
      return v;
    }
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid:
      return std::strtod(text, nullptr);  // also reads NaN and Infinity
    case kBoolOid:
      return std::int64_t{text[0] == 't' ? 1 : 0};
    default:
      return std::string(text, len);
  }
}

class PgTransaction final : public Transaction {
 public:
  PgTransaction(std::shared_ptr<Pool<Connection>> pool, std::unique_ptr<Connection> conn)
      : pool_(std::move(pool)), conn_(std::move(conn)) {}

  ~PgTransaction() override { Finish(); }

  void Start(bool read_only) {
    conn_->Exec(read_only ? "BEGIN READ ONLY" : "BEGIN", "begin");
    active_ = true;
  }

  Rows Query(const store::Query& q, const Params& params) override {
    Result res = Run(q, params);
    int n_rows = PQntuples(res.get());
    int n_cols = PQnfields(res.get());
    Rows rows;
    rows.reserve(static_cast<std::size_t>(n_rows));
    for (int r = 0; r < n_rows; ++r) {
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(n_cols));
      for (int c = 0; c < n_cols; ++c) values.push_back(ConvertField(res.get(), r, c));
      rows.emplace_back(std::move(values));
    }
    return rows;
  }

  std::int64_t Execute(const store::Query& q, const Params& params) override {
    Result res = Run(q, params);
    const char* n = PQcmdTuples(res.get());
    return (n && *n) ? std::strtoll(n, nullptr, 10) : 0;
  }

  void ExecuteScript(std::string_view sql) override {
    CheckUsable("script");
    std::string text(sql);
    Guard([&] { conn_->Exec(text.c_str(), "script"); });
    conn_->forget_statements = true;
  }

  void Commit() override {
    CheckUsable("commit");
    Guard([&] { conn_->Exec("COMMIT", "commit"); });
    active_ = false;
    Finish();  // the connection goes back to the pool now, not when the object dies
  }

  Dialect dialect() const override { return Dialect::kPostgres; }

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

  // A failed transaction can only be rolled back: do it at once and free the connection.
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

  // Rolls back unless committed, and hands the connection back (once); a broken one is dropped.
  void Finish() {
    if (!conn_) return;
    if (active_ && conn_->ok()) {
      Result res(PQexec(conn_->pg, "ROLLBACK"));
    }
    active_ = false;
    bool healthy = conn_->ok() && PQtransactionStatus(conn_->pg) == PQTRANS_IDLE;
    if (healthy && conn_->forget_statements) {
      Result res(PQexec(conn_->pg, "DEALLOCATE ALL"));
      healthy = res && PQresultStatus(res.get()) == PGRES_COMMAND_OK;
      conn_->statements.clear();
      conn_->forget_statements = false;
    }
    pool_->Release(std::move(conn_), healthy);
  }

  Result Run(const store::Query& q, const Params& params) {
    CheckUsable(q.name);
    Result res;
    Guard([&] {
      // Numbers are sent typed, so "$1 + 1" or "SELECT $1" keep their type; text and NULL are left
      // for the server to infer from context (they may be dates, JSON, …).
      std::vector<Oid> types(params.size(), 0);
      std::vector<std::string> texts(params.size());
      std::vector<const char*> values(params.size(), nullptr);
      for (std::size_t i = 0; i < params.size(); ++i) {
        const Value& v = params[i];
        if (const auto* n = std::get_if<std::int64_t>(&v)) {
          types[i] = kInt8Oid;
          texts[i] = std::to_string(*n);
        } else if (const auto* d = std::get_if<double>(&v)) {
          types[i] = kFloat8Oid;
          texts[i] = FormatDouble(*d);
        } else if (const auto* s = std::get_if<std::string>(&v)) {
          values[i] = s->c_str();
          continue;
        } else {
          continue;  // NULL
        }
        values[i] = texts[i].c_str();
      }
      const std::string& name = conn_->Prepare(q, types);
      res.reset(
          PQexecPrepared(conn_->pg, name.c_str(), static_cast<int>(params.size()), values.data(), nullptr, nullptr, 0));
      auto status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
      if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) conn_->Fail(res.get(), q.name, "query");
    });
    return res;
  }

  std::shared_ptr<Pool<Connection>> pool_;
  std::unique_ptr<Connection> conn_;
  bool active_ = false;
  bool failed_ = false;
};

class PgDatabase final : public Database {
 public:
  PgDatabase(const std::string& url, const DatabaseOptions& options) : max_size_(std::max(1, options.pool_size)) {
    pool_ = std::make_shared<Pool<Connection>>("postgres pool", options.pool_size,
                                               std::chrono::milliseconds(options.busy_timeout_ms),
                                               [url, options] { return Connect(url, options); });
    pool_->Release(pool_->Acquire(), true);  // fail now, not on the first request, if the URL is wrong
  }

  ~PgDatabase() override { pool_->CloseNow(); }

  std::unique_ptr<Transaction> Begin(Mode mode) override {
    // An idle connection may have died (server restart, idle timeout) without libpq knowing yet:
    // on a connection failure at BEGIN, try again on a fresh one.
    for (int attempt = 0;; ++attempt) {
      auto tx = std::make_unique<PgTransaction>(pool_, pool_->Acquire());
      try {
        tx->Start(mode == Mode::kReadOnly);
        return tx;
      } catch (const DbError& e) {
        if (e.kind() != DbError::Kind::kConnection || attempt >= max_size_) throw;
      }
    }
  }

  Dialect dialect() const override { return Dialect::kPostgres; }
  PoolStats Stats() const override { return pool_->Stats(); }

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

  void Close() override { pool_->Close(); }

 private:
  int max_size_;
  std::shared_ptr<Pool<Connection>> pool_;
};

}  // namespace

std::unique_ptr<Database> OpenPostgres(const std::string& url, const DatabaseOptions& options) {
  return std::make_unique<PgDatabase>(url, options);
}

}  // namespace motcua::store::postgres
