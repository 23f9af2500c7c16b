// Factories of the simkyc-cli subcommands, one .cpp file each.
#pragma once

#include "app/cli/cli.h"

namespace simkyc::app::cli {

Command selftestCommand();
Command embedCommand();
Command matchCommand();
Command evalCommand();
Command analyzeCommand();
Command livenessCommand();
Command demoCommand();
Command keysCommand();
Command dbCommand();
Command staffCommand();
Command spoofCommand();
Command idcardCommand();
Command syncCommand();
Command soakCommand();
Command configCommand();
Command diagnoseCommand();
Command reviewCommand();

} // namespace simkyc::app::cli
