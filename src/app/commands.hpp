// The subcommands of the motcua binary.
#pragma once

#include <string>

#include "app/config.hpp"

namespace motcua::app {

int Serve(const Config& config);
int MigrateCommand(const Config& config);
// Marks dossiers due soon and overdue once (the same sweep serve runs every MOTCUA_SWEEP_SECONDS).
int SweepCommand(const Config& config);
// Deletes drafts' papers older than a day and drafts idle longer than MOTCUA_DRAFT_IDLE_DAYS, with
// their files, once (serve does it every MOTCUA_PURGE_MINUTES).
int PurgeCommand(const Config& config);
int Demo(const Config& config);
int ImportCatalog(const Config& config, const std::string& folder);
int ExportCatalog(const Config& config, const std::string& folder);
// The route table as JSON: [{"method","pattern","permission","summary"}].
int PrintRoutes();

// Logging to stdout, one JSON object per line.
void SetupLogging(const Config& config);

}  // namespace motcua::app
