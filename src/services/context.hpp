// What every use case needs: the database, the clock, and the site's public facts.
#pragma once

#include <memory>
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

namespace catalog {
class Cache;
}

struct Context {
  store::Database& db;
  const core::Clock& clock;
  SiteInfo site;
  // Per-process caches of slowly changing data (each checks a revision in the database).
  std::shared_ptr<catalog::Cache> catalog_cache;
  // The data folder (MOTCUA_DATA_DIR): uploaded papers and their temporary files. Empty: no uploads.
  std::string data_dir;
};

// A context with fresh caches.
Context MakeContext(store::Database& db, const core::Clock& clock, SiteInfo site);

}  // namespace motcua::services
