// motcua: the one binary — serve, migrate, demo, …
#include <cstdio>
#include <iostream>
#include <variant>

#include <CLI/CLI.hpp>

#include "app/commands.hpp"
#include "app/config.hpp"

int main(int argc, char** argv) {
  using namespace motcua::app;
  CLI::App cli{"MotCua — Cổng Dịch vụ công một cửa (online public services)", "motcua"};
  cli.require_subcommand(1);
  std::string config_file;
  cli.add_option("--config", config_file, "YAML configuration file (MOTCUA_* variables override it)")
      ->envname("MOTCUA_CONFIG");
  auto* serve = cli.add_subcommand("serve", "Run the HTTP server (applies pending migrations first)");
  auto* migrate = cli.add_subcommand("migrate", "Apply pending database migrations");
  auto* sweep = cli.add_subcommand("sweep", "Mark dossiers due soon and overdue once (serve does it periodically)");
  auto* purge = cli.add_subcommand(
      "purge", "Delete unsubmitted papers older than a day and idle drafts, once (serve does it periodically)");
  auto* demo = cli.add_subcommand("demo", "Fill the configured database with the Hanoi demo data");
  auto* import = cli.add_subcommand("import", "Validate and load a catalog folder (all or nothing)");
  std::string import_dir;
  import->add_option("folder", import_dir, "Catalog folder, e.g. catalog/hanoi")->required();
  auto* export_cmd = cli.add_subcommand("export", "Write the stored catalog to a folder (canonical YAML)");
  std::string export_dir;
  export_cmd->add_option("folder", export_dir, "Target folder")->required();
  auto* routes = cli.add_subcommand("routes", "Print the route table (method, pattern, permission) as JSON");
  auto* version = cli.add_subcommand("version", "Print the version");
  CLI11_PARSE(cli, argc, argv);

  if (version->parsed()) {
    std::printf("motcua %s\n", MOTCUA_VERSION);
    return 0;
  }
  if (routes->parsed()) return PrintRoutes();
  ConfigSource source;
  if (!config_file.empty()) source.file_path = config_file;
  source.env = ProcessEnvironment();
  auto loaded = LoadConfig(source);
  if (auto* problems = std::get_if<ConfigProblems>(&loaded)) {
    std::cerr << "motcua: the configuration has problems:\n";
    for (const auto& p : *problems) std::cerr << "  - " << p << "\n";
    return 2;
  }
  const auto& config = std::get<Config>(loaded);
  SetupLogging(config);
  if (serve->parsed()) return Serve(config);
  if (migrate->parsed()) return MigrateCommand(config);
  if (sweep->parsed()) return SweepCommand(config);
  if (purge->parsed()) return PurgeCommand(config);
  if (demo->parsed()) return Demo(config);
  if (import->parsed()) return ImportCatalog(config, import_dir);
  if (export_cmd->parsed()) return ExportCatalog(config, export_dir);
  return 1;
}
