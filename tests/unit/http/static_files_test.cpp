// Static file resolution: traversal is impossible, types and caching follow the file.
#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

namespace motcua::http {
namespace {
namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("motcua-static-" + std::to_string(std::random_device{}()));
    fs::create_directories(base_ / "dist" / "assets");
    Write(base_ / "dist" / "index.html", "<!doctype html>");
    Write(base_ / "dist" / "assets" / "index-4f2a9c.js", "console.log(1)");
    Write(base_ / "dist" / "favicon.ico", "ico");
    Write(base_ / "dist" / ".env", "SECRET=1");
    Write(base_ / "secret.txt", "outside");
    fs::create_symlink(base_ / "secret.txt", base_ / "dist" / "link.txt");
    root_ = fs::canonical(base_ / "dist");
  }
  void TearDown() override { fs::remove_all(base_); }
  static void Write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

  fs::path base_;
  fs::path root_;
};

TEST_F(StaticFilesTest, ResolvesFilesWithTypesAndCaching) {
  auto f = ResolveStaticFile(root_, "/assets/index-4f2a9c.js");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(f->cache_control, "public, max-age=31536000, immutable");
  EXPECT_EQ(f->size, 14u);
  EXPECT_FALSE(f->etag.empty());

  f = ResolveStaticFile(root_, "/");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->path.filename(), "index.html");
  EXPECT_EQ(f->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(f->cache_control, "no-cache");

  f = ResolveStaticFile(root_, "/favicon.ico");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->content_type, "image/x-icon");
}

TEST_F(StaticFilesTest, RefusesTraversalHiddenFilesAndEscapingLinks) {
  for (const char* p : {"/../secret.txt", "/assets/../../secret.txt", "/assets/..", "/./index.html", "/.env",
                        "/assets//index-4f2a9c.js", "/link.txt", "/assets", "/missing.js", "/assets\\..\\index.html",
                        "relative.html", ""}) {
    EXPECT_FALSE(ResolveStaticFile(root_, p)) << p;
  }
}

TEST(ContentTypeFor, KnowsTheFrontEndTypes) {
  EXPECT_EQ(ContentTypeFor("a.html"), "text/html; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("a.CSS"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("a.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeFor("a.png"), "image/png");
  EXPECT_EQ(ContentTypeFor("a.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeFor("a.json"), "application/json; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("a.txt"), "text/plain; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("site.webmanifest"), "application/manifest+json; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("a.bin"), "application/octet-stream");
  EXPECT_EQ(ContentTypeFor("noext"), "application/octet-stream");
}

}  // namespace
}  // namespace motcua::http
