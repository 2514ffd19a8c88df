// The small database interface every repository uses, with a SQLite and a PostgreSQL backend.
//
// SQL is written once with PostgreSQL-style placeholders ($1, $2, …); the SQLite backend maps them.
// Every query has a name that appears in logs and metrics. Rows are read fully into memory: queries
// are expected to be paged.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace motcua::store {

enum class Dialect { kSqlite, kPostgres };
std::string_view DialectName(Dialect d);  // "sqlite" / "postgres"

struct Null {};
using Value = std::variant<Null, std::int64_t, double, std::string>;

// A named statement. The name is a short stable identifier ("agency.list"), the SQL uses $1..$N.
struct Query {
  std::string_view name;
  std::string_view sql;
};

class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  std::size_t size() const { return values_.size(); }
  bool IsNull(std::size_t col) const;
  std::int64_t Int(std::size_t col) const;  // NULL → 0
  double Real(std::size_t col) const;
  std::string Text(std::size_t col) const;  // NULL → ""
  bool Bool(std::size_t col) const { return Int(col) != 0; }
  std::optional<std::int64_t> OptInt(std::size_t col) const;
  std::optional<std::string> OptText(std::size_t col) const;
  const Value& At(std::size_t col) const { return values_.at(col); }

 private:
  std::vector<Value> values_;
};
using Rows = std::vector<Row>;
using Params = std::vector<Value>;

// Database failures are exceptional; a few kinds are told apart so services can react.
class DbError : public std::runtime_error {
 public:
  enum class Kind { kOther, kUniqueViolation, kForeignKeyViolation, kSerialization, kBusy, kConnection };
  DbError(Kind kind, std::string query_name, const std::string& what)
      : std::runtime_error(what), kind_(kind), query_name_(std::move(query_name)) {}
  Kind kind() const { return kind_; }
  const std::string& query_name() const { return query_name_; }

 private:
  Kind kind_;
  std::string query_name_;
};

// A transaction holds one pooled connection until it is committed or destroyed (rolled back).
class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual Rows Query(const store::Query& q, const Params& params = {}) = 0;
  // Runs a statement; returns the number of rows changed.
  virtual std::int64_t Execute(const store::Query& q, const Params& params = {}) = 0;
  // Runs several statements with no parameters (migrations).
  virtual void ExecuteScript(std::string_view sql) = 0;
  virtual void Commit() = 0;
  virtual Dialect dialect() const = 0;

  std::optional<Row> QueryOne(const store::Query& q, const Params& params = {}) {
    auto rows = Query(q, params);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  }
};

struct PoolStats {
  int size = 0;     // connections open
  int in_use = 0;   // connections held by a transaction
  int waiting = 0;  // callers waiting for a connection
};

struct DatabaseOptions {
  int pool_size = 8;             // PostgreSQL connections; SQLite readers
  int busy_timeout_ms = 5000;    // SQLite busy timeout / pool wait limit
  int statement_timeout_ms = 0;  // PostgreSQL statement_timeout (0: none); a timeout is DbError kBusy
};

class Database {
 public:
  virtual ~Database() = default;
  // "sqlite:///abs/path.db", "sqlite://relative/path.db", "sqlite::memory:" or "postgresql://…".
  // Throws DbError (kConnection) when it cannot connect.
  static std::unique_ptr<Database> Open(const std::string& url, const DatabaseOptions& options = {});

  enum class Mode { kReadWrite, kReadOnly };
  virtual std::unique_ptr<Transaction> Begin(Mode mode = Mode::kReadWrite) = 0;
  virtual Dialect dialect() const = 0;
  virtual PoolStats Stats() const = 0;
  // True when the database answers a trivial query.
  virtual bool Ping() = 0;
  // Closes every connection (waits for transactions in flight to finish).
  virtual void Close() = 0;
};

}  // namespace motcua::store
