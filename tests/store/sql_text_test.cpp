// Pure helpers of the store layer: placeholder rewriting, SQLite URLs, rows, migration file names.
#include <gtest/gtest.h>

#include <filesystem>
#include <limits>

#include "store/db.hpp"
#include "store/migrations.hpp"
#include "store/sql_text.hpp"
#include "store/sqlite/sqlite_database.hpp"

namespace motcua::store {
namespace {

TEST(PlaceholderRewrite, NumbersMapToSqliteForm) {
  EXPECT_EQ(RewritePlaceholdersForSqlite("SELECT a FROM t WHERE b = $1 AND c = $2"),
            "SELECT a FROM t WHERE b = ?1 AND c = ?2");
  EXPECT_EQ(RewritePlaceholdersForSqlite("VALUES ($10,$2,$1)"), "VALUES (?10,?2,?1)");
  EXPECT_EQ(RewritePlaceholdersForSqlite("$1"), "?1");
}

TEST(PlaceholderRewrite, LiteralsIdentifiersAndCommentsAreUntouched) {
  EXPECT_EQ(RewritePlaceholdersForSqlite("SELECT '$1', $1"), "SELECT '$1', ?1");
  EXPECT_EQ(RewritePlaceholdersForSqlite("SELECT 'it''s $2', $2"), "SELECT 'it''s $2', ?2");
  EXPECT_EQ(RewritePlaceholdersForSqlite(R"(SELECT "col$1", "a""$3" FROM t WHERE x = $3)"),
            R"(SELECT "col$1", "a""$3" FROM t WHERE x = ?3)");
  EXPECT_EQ(RewritePlaceholdersForSqlite("SELECT $1 -- costs $5\n, $2"), "SELECT ?1 -- costs $5\n, ?2");
  EXPECT_EQ(RewritePlaceholdersForSqlite("SELECT /* $1 */ $2"), "SELECT /* $1 */ ?2");
  EXPECT_EQ(RewritePlaceholdersForSqlite("SELECT `a$1`, [b$2] FROM t"), "SELECT `a$1`, [b$2] FROM t");
  EXPECT_EQ(RewritePlaceholdersForSqlite("SELECT price$1 FROM t"), "SELECT price$1 FROM t");
  EXPECT_EQ(RewritePlaceholdersForSqlite("SELECT '$ unterminated $1"), "SELECT '$ unterminated $1");
}

TEST(PlaceholderRewrite, DollarWithoutDigitsStays) {
  EXPECT_EQ(RewritePlaceholdersForSqlite("SELECT $ + $a"), "SELECT $ + $a");
}

TEST(PlaceholderRewrite, Utf8PassesThrough) {
  EXPECT_EQ(RewritePlaceholdersForSqlite("SELECT 'Cấp giấy phép xây dựng', $1"), "SELECT 'Cấp giấy phép xây dựng', ?1");
}

TEST(BlankSql, OnlySeparatorsAndComments) {
  EXPECT_TRUE(IsBlankSql(""));
  EXPECT_TRUE(IsBlankSql("  ;\n -- done\n /* end */ ;"));
  EXPECT_FALSE(IsBlankSql("; SELECT 1"));
  EXPECT_FALSE(IsBlankSql("- 1"));
}

TEST(SqliteUrl, Forms) {
  EXPECT_EQ(sqlite::PathFromUrl("sqlite:///var/lib/motcua/motcua.db"), "/var/lib/motcua/motcua.db");
  EXPECT_EQ(sqlite::PathFromUrl("sqlite::memory:"), ":memory:");
  EXPECT_EQ(sqlite::PathFromUrl("sqlite://data/m.db"), (std::filesystem::current_path() / "data/m.db").string());
  EXPECT_EQ(sqlite::PathFromUrl("sqlite:///x/../y.db"), "/y.db");
  EXPECT_EQ(sqlite::PathFromUrl("sqlite://"), std::nullopt);
  EXPECT_EQ(sqlite::PathFromUrl("sqlite:/x.db"), std::nullopt);
  EXPECT_EQ(sqlite::PathFromUrl("postgresql://h/db"), std::nullopt);
}

TEST(Row, Accessors) {
  Row row({Null{}, std::int64_t{42}, 2.5, std::string("Hà Nội"), std::string("17")});
  EXPECT_EQ(row.size(), 5u);
  EXPECT_TRUE(row.IsNull(0));
  EXPECT_EQ(row.Int(0), 0);
  EXPECT_EQ(row.Text(0), "");
  EXPECT_EQ(row.OptInt(0), std::nullopt);
  EXPECT_EQ(row.OptText(0), std::nullopt);
  EXPECT_EQ(row.Int(1), 42);
  EXPECT_EQ(row.Real(1), 42.0);
  EXPECT_EQ(row.Text(1), "42");
  EXPECT_TRUE(row.Bool(1));
  EXPECT_EQ(row.Real(2), 2.5);
  EXPECT_EQ(row.Text(2), "2.5");
  EXPECT_EQ(row.Text(3), "Hà Nội");
  EXPECT_EQ(row.OptText(3), "Hà Nội");
  EXPECT_EQ(row.Int(4), 17);
  EXPECT_THROW(row.Int(3), DbError);
  EXPECT_THROW(row.At(9), std::out_of_range);
}

TEST(Dialect, Names) {
  EXPECT_EQ(DialectName(Dialect::kSqlite), "sqlite");
  EXPECT_EQ(DialectName(Dialect::kPostgres), "postgres");
}

TEST(MigrationFilename, Parses) {
  auto m = ParseMigrationFilename("0001_foundation.sql");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->version, 1);
  EXPECT_EQ(m->name, "foundation");
  EXPECT_EQ(ParseMigrationFilename("0012_dossier_steps.sql")->version, 12);
  EXPECT_FALSE(ParseMigrationFilename("0001_foundation.txt"));
  EXPECT_FALSE(ParseMigrationFilename("foundation.sql"));
  EXPECT_FALSE(ParseMigrationFilename("_foundation.sql"));
  EXPECT_FALSE(ParseMigrationFilename("0001_.sql"));
  EXPECT_FALSE(ParseMigrationFilename("0001_Foundation.sql"));
  EXPECT_FALSE(ParseMigrationFilename("00a1_x.sql"));
}

TEST(OpenUrl, UnknownSchemeIsAConnectionError) {
  try {
    Database::Open("mysql://user:secret@host/db");
    FAIL() << "expected DbError";
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind(), DbError::Kind::kConnection);
    EXPECT_EQ(std::string(e.what()).find("secret"), std::string::npos) << e.what();
  }
  EXPECT_THROW(Database::Open("sqlite://"), DbError);
}

}  // namespace
}  // namespace motcua::store
