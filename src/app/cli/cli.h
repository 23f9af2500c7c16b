// The simkyc-cli command line: global options, subcommands, exit codes.
// Exit codes (documented in --help): 0 success / positive outcome; 1 negative outcome (a check did
// not hold, no match, liveness failed); 2 error (bad usage, unreadable input, missing model, ...).
// Thread-safety: GUI/main thread only (uses QCoreApplication).
#pragma once

#include "core/result.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

namespace simkyc::app::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitNegative = 1;
inline constexpr int kExitError = 2;

// Options every subcommand accepts (before or after the subcommand name).
struct CommonOptions {
    QString dataDir;                                // --data-dir; default: XDG data folder/simkyc
    std::optional<std::filesystem::path> modelsDir; // --models-dir
    bool json = false;                              // --json
};

struct Command {
    QString name;
    QString summary;
    // Adds the command's own options and positional arguments to the parser.
    std::function<void(QCommandLineParser &)> declare;
    // Runs with the parsed command line; returns the exit code.
    std::function<int(const QCommandLineParser &, const CommonOptions &)> run;
};

// All subcommands, in the order --help lists them.
std::vector<Command> commands();

int run(const QStringList &arguments);

// Output helpers shared by the commands: one compact JSON object per line on stdout; human text
// on stdout; errors on stderr (and as {"error": code, "message": ...} on stdout with --json).
void printJson(const QJsonObject &object);
void printText(const QString &text);
int fail(const CommonOptions &options, const QString &code, const QString &message, int exitCode = kExitError);
// The --passphrase-file option's value, if set.
std::optional<std::filesystem::path> passphraseFileOption(const QCommandLineParser &parser);

// An integer option's value, or fallback when it is not given; clears ok when it is not a whole
// number in [low, high] (ok is only ever cleared, so one flag can collect several options).
int intOption(const QCommandLineParser &parser, const char *name, int fallback, int low, int high, bool &ok);

// The same for an Error: its stable code name and message.
int fail(const CommonOptions &options, const Error &error, int exitCode = kExitError);

} // namespace simkyc::app::cli
