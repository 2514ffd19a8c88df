// The subcommands of the motcua binary.
#pragma once

#include "app/config.hpp"

namespace motcua::app {

int Serve(const Config& config);
int MigrateCommand(const Config& config);
int Demo(const Config& config);

// Logging to stdout, one JSON object per line.
void SetupLogging(const Config& config);

}  // namespace motcua::app
