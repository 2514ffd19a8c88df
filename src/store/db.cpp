// Row accessors, dialect names and the URL dispatch of Database::Open.
#include "store/db.hpp"

#include <charconv>
#include <cstdio>

#include "store/postgres/pg_database.hpp"
#include "store/sqlite/sqlite_database.hpp"

namespace motcua::store {

std::string_view DialectName(Dialect d) {
  switch (d) {
    case Dialect::kSqlite:
      return "sqlite";
    case Dialect::kPostgres:
      return "postgres";
  }
  return "unknown";
}

bool Row::IsNull(std::size_t col) const { return std::holds_alternative<Null>(values_.at(col)); }

std::int64_t Row::Int(std::size_t col) const {
  const Value& v = values_.at(col);
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  if (const auto* s = std::get_if<std::string>(&v)) {
    std::int64_t out = 0;
    auto [ptr, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
    if (ec != std::errc() || ptr != s->data() + s->size()) {
      throw DbError(DbError::Kind::kOther, "", "column " + std::to_string(col) + " is not an integer");
    }
    return out;
  }
  return 0;
}

double Row::Real(std::size_t col) const {
  const Value& v = values_.at(col);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (const auto* s = std::get_if<std::string>(&v)) {
    double out = 0;
    auto [ptr, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
    if (ec != std::errc() || ptr != s->data() + s->size()) {
      throw DbError(DbError::Kind::kOther, "", "column " + std::to_string(col) + " is not a number");
    }
    return out;
  }
  return 0;
}

std::string Row::Text(std::size_t col) const {
  const Value& v = values_.at(col);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) {
    char buf[32];
    auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, *d);
    return ec == std::errc() ? std::string(buf, ptr) : std::string();
  }
  return {};
}

std::optional<std::int64_t> Row::OptInt(std::size_t col) const {
  if (IsNull(col)) return std::nullopt;
  return Int(col);
}

std::optional<std::string> Row::OptText(std::size_t col) const {
  if (IsNull(col)) return std::nullopt;
  return Text(col);
}

std::unique_ptr<Database> Database::Open(const std::string& url, const DatabaseOptions& options) {
  std::string_view u = url;
  if (u.starts_with("sqlite:")) return sqlite::OpenSqlite(url, options);
  if (u.starts_with("postgresql://") || u.starts_with("postgres://")) return postgres::OpenPostgres(url, options);
  // Only the scheme is echoed: the rest of a URL may hold a password.
  auto scheme = u.substr(0, u.find(':'));
  throw DbError(DbError::Kind::kConnection, "open",
                "unsupported database URL scheme '" + std::string(scheme) + "' (expected sqlite:… or postgresql://…)");
}

}  // namespace motcua::store
