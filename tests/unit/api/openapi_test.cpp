// docs/openapi.yaml and the route table describe the same API: every route is documented, every
// documented operation exists, and every route names a permission.
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "api/routes.hpp"
#include "core/common/clock.hpp"
#include "store/db.hpp"

namespace motcua {
namespace {

std::set<std::string> RouteOperations(std::set<std::string>* missing_permission = nullptr) {
  auto db = store::Database::Open("sqlite::memory:");
  core::SystemClock clock;
  auto ctx = services::MakeContext(*db, clock, {});
  http::Metrics metrics;
  http::Router router;
  api::RegisterRoutes(router, ctx, metrics);
  std::set<std::string> ops;
  for (const auto& r : router.routes()) {
    ops.insert(r.method + " " + r.pattern);
    if (missing_permission && r.permission.empty()) missing_permission->insert(r.method + " " + r.pattern);
  }
  return ops;
}

std::set<std::string> DocumentedOperations() {
  auto doc = YAML::LoadFile(std::string(MOTCUA_SOURCE_DIR) + "/docs/openapi.yaml");
  std::set<std::string> ops;
  for (const auto& path : doc["paths"]) {
    for (const auto& op : path.second) {
      auto method = op.first.as<std::string>();
      if (method == "parameters") continue;
      for (auto& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      ops.insert(method + " " + path.first.as<std::string>());
    }
  }
  return ops;
}

TEST(OpenApi, EveryRouteIsDocumentedAndEveryDocumentedOperationExists) {
  auto routes = RouteOperations();
  auto documented = DocumentedOperations();
  for (const auto& r : routes) EXPECT_TRUE(documented.count(r)) << "route not in docs/openapi.yaml: " << r;
  for (const auto& d : documented) EXPECT_TRUE(routes.count(d)) << "documented but no route: " << d;
  EXPECT_FALSE(routes.empty());
}

TEST(RouteTable, EveryRouteNamesAPermission) {
  std::set<std::string> missing;
  RouteOperations(&missing);
  EXPECT_TRUE(missing.empty()) << *missing.begin();
}

}  // namespace
}  // namespace motcua
