// serve, migrate and demo: wiring the layers together.
#include "app/commands.hpp"

#include <unistd.h>

#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "api/auth.hpp"
#include "api/routes.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "services/accounts.hpp"
#include "services/catalog.hpp"
#include "services/context.hpp"
#include "services/dossiers_demo.hpp"
#include "services/log.hpp"
#include "services/papers.hpp"
#include "services/workflow.hpp"
#include "store/db.hpp"
#include "store/migrations.hpp"

namespace motcua::app {
namespace {

using services::Log;
using services::LogLevel;

// Opens the configured database, creating the folder of a SQLite file, and applies migrations.
std::unique_ptr<store::Database> OpenDatabase(const Config& config, const core::Clock& clock) {
  store::DatabaseOptions options;
  options.pool_size = config.db_pool_size;
  auto db = store::Database::Open(config.database_url, options);
  auto report = store::Migrate(*db, clock);
  for (const auto& m : report.applied)
    Log(LogLevel::kInfo, "migration applied", {{"version", m.version}, {"migration", m.name}});
  return db;
}

std::unique_ptr<core::Clock> MakeClock(const Config& config) {
  if (config.clock_start && config.clock_frozen) return std::make_unique<core::ManualClock>(*config.clock_start);
  if (config.clock_start) return std::make_unique<core::ShiftedClock>(*config.clock_start);
  return std::make_unique<core::SystemClock>();
}

services::SiteInfo MakeSite(const Config& config) {
  return {config.city_name, config.city_name_en, config.PublicUrl(), MOTCUA_VERSION, config.demo};
}

// The accounts service's settings from the configuration (password cost, session lifetimes, cookies).
void ConfigureAccounts(const Config& config) {
  services::accounts::Settings s;
  s.password_cost = services::accounts::PasswordCostFromString(config.password_cost)
                        .value_or(services::accounts::PasswordCost::kInteractive);
  s.session_idle = std::chrono::minutes(config.session_idle_minutes);
  s.session_absolute = std::chrono::hours(config.session_absolute_hours);
  s.secure_cookies = config.secure_cookies;
  s.log_links = !config.production();
  services::accounts::Configure(s);
}

// Runs a command body, turning a failure to reach the database into a readable message.
template <typename F>
int Guarded(const char* what, F&& body) {
  try {
    return body();
  } catch (const store::DbError& e) {
    std::cerr << "motcua " << what << ": database error: " << e.what() << "\n";
    Log(LogLevel::kError, "database error", {{"command", what}, {"detail", e.what()}});
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "motcua " << what << ": " << e.what() << "\n";
    Log(LogLevel::kError, "failed", {{"command", what}, {"detail", e.what()}});
    return 1;
  }
}

// Imports a catalog folder, printing every problem when it is refused.
bool ImportFolder(services::Context& ctx, const std::string& folder, const std::string& actor) {
  auto files = services::catalog::ReadFolder(folder);
  if (!files) {
    std::cerr << "motcua: " << files.error().message_en << "\n";
    return false;
  }
  services::catalog::Actor who;
  who.system = true;
  who.role = actor;
  auto report = services::catalog::Import(ctx, *files, who);
  if (!report) {
    std::cerr << "motcua: " << report.error().message << "\n" << report.error().message_en << "\n";
    for (const auto& [where, problem] : report.error().fields)
      std::cerr << "  " << where << ": " << problem.message << "\n";
    return false;
  }
  std::cout << "import: " << folder << " — " << report->procedures << " procedures (" << report->new_versions
            << " new versions), " << report->agencies << " agencies, " << report->fields << " fields, " << report->waves
            << " waves, " << report->placements << " placements; revision " << report->revision << "\n";
  return true;
}

// This process's name in work leases: host and pid.
std::string Holder() {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  return std::string(host) + ":" + std::to_string(getpid());
}

// Runs the due sweep every `every` until stopped; several processes share the work through the lease.
class Sweeper {
 public:
  Sweeper(services::Context& ctx, std::chrono::seconds every) : ctx_(ctx), every_(every) {
    if (every_.count() > 0) thread_ = std::thread([this] { Loop(); });
  }
  ~Sweeper() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void Loop() {
    const auto holder = Holder();
    std::unique_lock lock(mu_);
    while (!stop_) {
      lock.unlock();
      try {
        services::workflow::SweepDue(ctx_, holder, every_);
      } catch (const std::exception& e) {
        Log(LogLevel::kError, "due sweep failed", {{"detail", e.what()}});
      }
      lock.lock();
      cv_.wait_for(lock, every_, [this] { return stop_; });
    }
  }
  services::Context& ctx_;
  std::chrono::seconds every_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

// Runs the purge of unsubmitted papers and idle drafts, and the accounts' housekeeping, every `every` until stopped.
// Several processes may purge at once: each deletion is idempotent and a file goes only when unreferenced.
class Purger {
 public:
  Purger(services::Context& ctx, std::chrono::minutes every, std::chrono::hours draft_idle)
      : ctx_(ctx), every_(every), draft_idle_(draft_idle) {
    if (every_.count() > 0) thread_ = std::thread([this] { Loop(); });
  }
  ~Purger() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void Loop() {
    std::unique_lock lock(mu_);
    while (!stop_) {
      lock.unlock();
      try {
        auto r = services::papers::Purge(ctx_, draft_idle_);
        if (r && (r->papers || r->drafts || r->files || r->temp_files))
          Log(LogLevel::kInfo, "purged",
              {{"papers", r->papers}, {"drafts", r->drafts}, {"files", r->files}, {"temp_files", r->temp_files}});
        auto h = services::accounts::Housekeep(ctx_);
        if (h && (h->sessions || h->links || h->throttle))
          Log(LogLevel::kInfo, "accounts housekept",
              {{"sessions", h->sessions}, {"links", h->links}, {"throttle_keys", h->throttle}});
      } catch (const std::exception& e) {
        Log(LogLevel::kError, "purge failed", {{"detail", e.what()}});
      }
      lock.lock();
      cv_.wait_for(lock, every_, [this] { return stop_; });
    }
  }
  services::Context& ctx_;
  std::chrono::minutes every_;
  std::chrono::hours draft_idle_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

std::chrono::hours DraftIdle(const Config& config) { return std::chrono::hours(24 * config.draft_idle_days); }

}  // namespace

void SetupLogging(const Config& config) {
  auto out = std::make_shared<spdlog::sinks::stdout_sink_mt>();
  auto app_logger = std::make_shared<spdlog::logger>("motcua", out);
  app_logger->set_pattern("%v");
  app_logger->set_level(spdlog::level::from_str(config.log_level));
  app_logger->flush_on(spdlog::level::info);
  spdlog::set_default_logger(app_logger);
  if (!spdlog::get("access")) {
    auto access = std::make_shared<spdlog::logger>("access", out);
    access->set_pattern("%v");
    access->flush_on(spdlog::level::info);
    spdlog::register_logger(access);
  }
}

int Serve(const Config& config) {
  return Guarded("serve", [&] {
    std::filesystem::create_directories(config.data_dir);
    auto clock = MakeClock(config);
    auto db = OpenDatabase(config, *clock);
    auto ctx = services::MakeContext(*db, *clock, MakeSite(config));
    ctx.data_dir = config.data_dir;
    ConfigureAccounts(config);

    http::Metrics metrics;
    metrics.SetBuildInfo(MOTCUA_VERSION, std::string(store::DialectName(db->dialect())));
    metrics.AddGauge("motcua_db_pool_connections", "Database connections open", [&db] { return db->Stats().size; });
    metrics.AddGauge("motcua_db_pool_in_use", "Database connections held by a transaction",
                     [&db] { return db->Stats().in_use; });
    metrics.AddGauge("motcua_db_pool_waiting", "Callers waiting for a database connection",
                     [&db] { return db->Stats().waiting; });

    http::Router router;
    api::RegisterRoutes(router, ctx, metrics);

    http::ServerOptions options;
    options.listen = config.listen;
    options.io_threads = config.threads;
    options.static_dir = config.static_dir;
    options.trusted_proxies = *http::AddressSet::Parse(config.trusted_proxies);  // validated with the config
    http::Server server(options, router, metrics);
    // Who is calling and whether the route's permission allows it: before every route's handler.
    server.Use([&ctx](http::Request& req, const http::Route& route) { return api::Authenticate(ctx, req, route); });
    server.Listen();

    auto host = config.listen.substr(0, config.listen.rfind(':'));
    auto url = "http://" + host + ":" + std::to_string(server.port());
    Log(LogLevel::kInfo, "listening",
        {{"url", url}, {"database", store::DialectName(db->dialect())}, {"mode", config.mode}});
    std::cerr << "\nMotCua đang chạy tại / is serving at: " << url << "/\n";
    if (config.demo)
      std::cerr << "Chế độ trình diễn (demo mode) — tài khoản / accounts, mật khẩu / password "
                << services::accounts::kDemoPassword << ":\n"
                << "  admin (quản trị hệ thống), congdan (công dân), doanhnghiep (doanh nghiệp), thanhtra (thanh tra)\n"
                << "  badinh.* | hoankiem.* | soct.*: motcua, chuyenvien, truongphong, lanhdao, vanthu, cntt;"
                   " badinh.vhtt\n"
                << "  (README.md lists each account with its role and unit)\n";
    std::cerr << "Dừng / stop: Ctrl+C\n\n";

    {
      Sweeper sweeper(ctx, std::chrono::seconds(config.sweep_seconds));
      Purger purger(ctx, std::chrono::minutes(config.purge_minutes), DraftIdle(config));
      server.Run();
    }
    db->Close();
    Log(LogLevel::kInfo, "stopped");
    return 0;
  });
}

int SweepCommand(const Config& config) {
  return Guarded("sweep", [&] {
    auto clock = MakeClock(config);
    auto db = OpenDatabase(config, *clock);
    auto ctx = services::MakeContext(*db, *clock, MakeSite(config));
    auto r = services::workflow::SweepDue(ctx, Holder() + ":cli", std::chrono::seconds(60));
    if (!r.claimed)
      std::cout << "sweep: another process holds the lease; nothing done\n";
    else
      std::cout << "sweep: " << r.examined << " running dossiers examined; marked " << r.soon << " due soon, "
                << r.overdue << " overdue; " << r.cleared << " marks cleared\n";
    db->Close();
    return 0;
  });
}

int PurgeCommand(const Config& config) {
  return Guarded("purge", [&] {
    auto clock = MakeClock(config);
    auto db = OpenDatabase(config, *clock);
    auto ctx = services::MakeContext(*db, *clock, MakeSite(config));
    ctx.data_dir = config.data_dir;
    auto r = services::papers::Purge(ctx, DraftIdle(config));
    if (!r) throw std::runtime_error(r.error().message_en);
    std::cout << "purge: " << r->papers << " papers of drafts removed, " << r->drafts << " idle drafts (untouched for "
              << config.draft_idle_days << "+ days) removed, " << r->files << " stored files and " << r->temp_files
              << " temporary files deleted\n";
    auto h = services::accounts::Housekeep(ctx);
    if (!h) throw std::runtime_error(h.error().message_en);
    std::cout << "purge: " << h->sessions << " dead sessions, " << h->links << " used or expired links and "
              << h->throttle << " forgotten login-throttle keys removed\n";
    db->Close();
    return 0;
  });
}

int MigrateCommand(const Config& config) {
  return Guarded("migrate", [&] {
    auto clock = MakeClock(config);
    auto db = OpenDatabase(config, *clock);
    std::cout << "migrate: the database schema is up to date (" << store::DialectName(db->dialect()) << ")\n";
    db->Close();
    return 0;
  });
}

int Demo(const Config& config) {
  return Guarded("demo", [&] {
    if (config.production()) {
      std::cerr << "motcua demo: refused in production mode (demo accounts have a published password).\n";
      return 2;
    }
    auto clock = MakeClock(config);
    auto db = OpenDatabase(config, *clock);
    auto ctx = services::MakeContext(*db, *clock, MakeSite(config));
    std::filesystem::create_directories(config.data_dir);
    ctx.data_dir = config.data_dir;  // the demo dossiers' papers
    ConfigureAccounts(config);
    // The demo grows with each capability: the Hanoi catalog (agencies, procedures, waves), then one
    // account per role (found by agency names in the catalog, so a test's small catalog works too).
    if (!ImportFolder(ctx, config.catalog_dir, "demo")) return 1;
    auto users = services::accounts::CreateDemoUsers(ctx);
    std::cout << "demo: " << users.created << " demo accounts created, " << users.existing
              << " already there (password " << services::accounts::kDemoPassword << ")\n";
    for (const auto& m : users.missing) std::cout << "demo: not in the catalog, accounts skipped: " << m << "\n";
    // Then dossiers of the demo applicants in every state, made through the use cases.
    services::dossiers::DemoDossiersReport dossiers;
    if (config.demo_dossiers) dossiers = services::dossiers::CreateDemoDossiers(ctx);
    if (!config.demo_dossiers)
      std::cout << "demo: no demo dossiers (MOTCUA_DEMO_DOSSIERS=false)\n";
    else if (dossiers.existing)
      std::cout << "demo: the demo applicants already have dossiers; none added\n";
    else
      std::cout << "demo: " << dossiers.created << " demo dossiers created\n";
    for (const auto& s : dossiers.skipped) std::cout << "demo: dossier skipped: " << s << "\n";
    std::cout << "demo: database ready at " << config.database_url << "\n";
    db->Close();
    return 0;
  });
}

}  // namespace motcua::app

namespace motcua::app {

int ImportCatalog(const Config& config, const std::string& folder) {
  return Guarded("import", [&] {
    auto clock = MakeClock(config);
    auto db = OpenDatabase(config, *clock);
    auto ctx = services::MakeContext(*db, *clock, MakeSite(config));
    bool ok = ImportFolder(ctx, folder, "cli");
    db->Close();
    return ok ? 0 : 1;
  });
}

int PrintRoutes() {
  // The route table needs no database: an in-memory one stands in for the handlers' context.
  auto db = store::Database::Open("sqlite::memory:");
  core::SystemClock clock;
  auto ctx = services::MakeContext(*db, clock, {});
  http::Metrics metrics;
  http::Router router;
  api::RegisterRoutes(router, ctx, metrics);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : router.routes())
    out.push_back({{"method", r.method}, {"pattern", r.pattern}, {"permission", r.permission}, {"summary", r.summary}});
  std::cout << out.dump(2) << "\n";
  return 0;
}

int ExportCatalog(const Config& config, const std::string& folder) {
  return Guarded("export", [&] {
    auto clock = MakeClock(config);
    auto db = OpenDatabase(config, *clock);
    auto ctx = services::MakeContext(*db, *clock, MakeSite(config));
    auto files = services::catalog::Export(ctx);
    db->Close();
    if (!files) {
      std::cerr << "motcua export: " << files.error().message_en << "\n";
      return 1;
    }
    auto written = services::catalog::WriteFolder(folder, *files);
    if (!written) {
      std::cerr << "motcua export: " << written.error().message_en << "\n";
      return 1;
    }
    std::cout << "export: " << files->size() << " files written to " << folder << "\n";
    return 0;
  });
}

}  // namespace motcua::app
