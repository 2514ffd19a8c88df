// Route matching: parameters, literal precedence, 405 versus 404, HEAD on GET routes.
#include "http/router.hpp"

#include <gtest/gtest.h>

namespace motcua::http {
namespace {

Route MakeRoute(std::string method, std::string pattern) {
  Route r;
  r.method = std::move(method);
  r.pattern = std::move(pattern);
  r.handler = [](Request&) { return Response::Text(200, "ok"); };
  r.permission = "public";
  return r;
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add(MakeRoute("GET", "/api/v1/agencies"));
    router_.Add(MakeRoute("GET", "/api/v1/agencies/{code}"));
    router_.Add(MakeRoute("GET", "/api/v1/agencies/search"));
    router_.Add(MakeRoute("PATCH", "/api/v1/agencies/{code}"));
    router_.Add(MakeRoute("GET", "/api/v1/agencies/{code}/units/{unit}"));
    router_.Add(MakeRoute("GET", "/a/{x}/c"));
    router_.Add(MakeRoute("GET", "/a/b/{y}"));
    router_.Add(MakeRoute("POST", "/api/v1/dossiers"));
    router_.Add(MakeRoute("GET", "/"));
  }
  Router router_;
};

TEST_F(RouterTest, MatchesLiteralRoute) {
  const auto m = router_.Find("GET", "/api/v1/agencies");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/agencies");
  EXPECT_TRUE(m.params.empty());
}

TEST_F(RouterTest, FillsParameters) {
  const auto m = router_.Find("GET", "/api/v1/agencies/H01.01/units/phong-mot-cua");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/agencies/{code}/units/{unit}");
  ASSERT_EQ(m.params.size(), 2u);
  EXPECT_EQ(m.params[0], (std::pair<std::string, std::string>{"code", "H01.01"}));
  EXPECT_EQ(m.params[1], (std::pair<std::string, std::string>{"unit", "phong-mot-cua"}));
}

TEST_F(RouterTest, ParameterValueMayBeDecodedUnicode) {
  const auto m = router_.Find("GET", "/api/v1/agencies/Hà Nội");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at(0).second, "Hà Nội");
}

TEST_F(RouterTest, LiteralSegmentWinsOverParameter) {
  auto m = router_.Find("GET", "/api/v1/agencies/search");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/agencies/search");
  EXPECT_TRUE(m.params.empty());
  // The first segment where two patterns differ decides.
  m = router_.Find("GET", "/a/b/c");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/a/b/{y}");
  m = router_.Find("GET", "/a/z/c");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/a/{x}/c");
}

TEST_F(RouterTest, LiteralWinsRegardlessOfInsertionOrder) {
  Router r;
  r.Add(MakeRoute("GET", "/x/literal"));
  r.Add(MakeRoute("GET", "/x/{p}"));
  EXPECT_EQ(r.Find("GET", "/x/literal").route->pattern, "/x/literal");
  EXPECT_EQ(r.Find("GET", "/x/other").route->pattern, "/x/{p}");
}

TEST_F(RouterTest, OtherMethodGives405WithAllowedMethods) {
  const auto m = router_.Find("DELETE", "/api/v1/agencies/H01");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.path_matched_other_method);
  EXPECT_EQ(m.allowed_methods, (std::vector<std::string>{"GET", "HEAD", "PATCH"}));
  const auto post = router_.Find("GET", "/api/v1/dossiers");
  EXPECT_TRUE(post.path_matched_other_method);
  EXPECT_EQ(post.allowed_methods, (std::vector<std::string>{"POST"}));
}

TEST_F(RouterTest, UnknownPathIsNotFound) {
  for (const char* path : {"/api/v1/nothing", "/api/v1/agencies/H01/units", "/api/v1/agencies/",
                           "/api/v1/agencies/H01/", "", "api/v1/agencies", "/api//agencies"}) {
    const auto m = router_.Find("GET", path);
    EXPECT_EQ(m.route, nullptr) << path;
    EXPECT_FALSE(m.path_matched_other_method) << path;
  }
}

TEST_F(RouterTest, EmptySegmentNeverFillsAParameter) {
  const auto m = router_.Find("GET", "/api/v1/agencies//units/x");
  EXPECT_EQ(m.route, nullptr);
}

TEST_F(RouterTest, HeadUsesTheGetRoute) {
  const auto m = router_.Find("HEAD", "/api/v1/agencies/H01");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->method, "GET");
  EXPECT_EQ(router_.Find("HEAD", "/api/v1/dossiers").route, nullptr);
}

TEST_F(RouterTest, RootPath) {
  const auto m = router_.Find("GET", "/");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/");
}

TEST(RouterAdd, RejectsBadPatternsAndDuplicates) {
  Router r;
  EXPECT_THROW(r.Add(MakeRoute("GET", "no-slash")), std::invalid_argument);
  EXPECT_THROW(r.Add(MakeRoute("GET", "/x/{}")), std::invalid_argument);
  r.Add(MakeRoute("GET", "/x"));
  EXPECT_THROW(r.Add(MakeRoute("GET", "/x")), std::invalid_argument);
  r.Add(MakeRoute("POST", "/x"));
  EXPECT_EQ(r.routes().size(), 2u);
}

}  // namespace
}  // namespace motcua::http
