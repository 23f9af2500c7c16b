// Factories of the simkyc-cli subcommands, one .cpp file each.
#pragma once

#include "app/cli/cli.h"

namespace simkyc::app::cli {

Command selftestCommand();

} // namespace simkyc::app::cli
