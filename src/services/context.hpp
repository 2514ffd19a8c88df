// What every use case needs: the database, the clock, and the site's public facts.
#pragma once

#include <string>

#include "core/common/clock.hpp"
#include "store/db.hpp"

namespace motcua::services {

struct SiteInfo {
  std::string city_name;
  std::string city_name_en;
  std::string public_url;
  std::string version;
  bool demo = false;
};

struct Context {
  store::Database& db;
  const core::Clock& clock;
  SiteInfo site;
};

}  // namespace motcua::services
