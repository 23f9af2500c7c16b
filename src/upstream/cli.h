// The simkyc-upstream command line: parsing and the commands (serve, count, list, verify, import,
// open, devices, face-search, face-matches). Exit codes: 0 ok, 1 failure or refusal, 2 usage.
// Guarantees: output for machines (--json) goes to stdout, one JSON document; diagnostics go to
// stderr; no command prints keys, tokens or customer data except `open`, whose purpose it is
// (and which writes an audit row first).
// Thread-safety: runs on the main thread with its QCoreApplication.
#pragma once

#include "core/result.h"
#include "crypto/secure_bytes.h"
#include "upstream/database.h"

#include <QJsonObject>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace simkyc::upstream {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

struct Args {
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::string> values; // --name VALUE (or --name=VALUE)
    std::set<std::string> flags;               // --json, --quiet

    [[nodiscard]] bool flag(const std::string &name) const { return flags.contains(name); }
    [[nodiscard]] std::optional<std::string> value(const std::string &name) const;
};

// Usage errors as InvalidArgument.
[[nodiscard]] Result<Args> parseArgs(int argc, char **argv);
[[nodiscard]] Result<double> rateValue(const Args &args, const std::string &name);
[[nodiscard]] Result<long long> intValue(const Args &args, const std::string &name, long long fallback, long long min,
                                         long long max);
[[nodiscard]] Result<std::unique_ptr<Database>> openDatabase(const Args &args);

// Prints an error (JSON {"error", "message"} with --json, else text on stderr) and returns the exit code.
int fail(const Args &args, const Error &error, int exitCode = kExitFailure);
void printJson(const QJsonObject &json);
// The carrier's X25519 private key from a file (32 raw bytes or 64 hex characters); the file's
// bytes are wiped after reading.
[[nodiscard]] Result<crypto::SecureBytes> readCarrierKey(const std::string &path);
// Who runs the command, for the audit rows: $SUDO_USER, else the login name, else "uid N".
[[nodiscard]] std::string operatorName();

int runServe(const Args &args);
int runCount(const Args &args);
int runList(const Args &args);
int runVerify(const Args &args);
int runImport(const Args &args);
int runOpen(const Args &args);
int runDevices(const Args &args);
int runFaceSearch(const Args &args);
int runFaceMatches(const Args &args);

int runCli(int argc, char **argv);

} // namespace simkyc::upstream
