// Factories of the simkyc-cli subcommands, one .cpp file each.
#pragma once

#include "app/cli/cli.h"
#include "vision/texture_cues.h"

#include <QJsonObject>

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
Command simsCommand();
Command modelsCommand();

// {"moire_peak", "specular_fraction", "chroma_spread", "high_frequency_share"} (spoof_command.cpp).
QJsonObject textureJson(const vision::TextureCues &texture);

} // namespace simkyc::app::cli
