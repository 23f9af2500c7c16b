#include "store/quarantine.h"

#include "core/log.h"
#include "store/database.h"
#include "store/sqlite_error.h"

#include <sqlite3.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string_view>
#include <system_error>

namespace fs = std::filesystem;

namespace simkyc::store {
namespace {

constexpr std::size_t kMaxDetailChars = 300;
constexpr int kMaxDetailLines = 3;
// Sidecars first: a -wal left beside a new, empty database would be replayed into it.
constexpr std::array<std::string_view, 4> kSuffixes = {"-wal", "-shm", "-journal", ""};

std::string utcTimestamp()
{
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char buffer[40];
    const std::size_t length = std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%S", &utc);
    std::snprintf(buffer + length, sizeof buffer - length, ".%03dZ", static_cast<int>(millis));
    return buffer;
}

fs::path withSuffix(const fs::path &file, std::string_view suffix)
{
    return fs::path(file.string() + std::string(suffix));
}

// A base path in `dir` none of whose sidecar names exist yet.
fs::path freeQuarantineName(const fs::path &dir, const fs::path &fileName)
{
    const std::string stamp = utcTimestamp();
    for (int attempt = 1;; ++attempt) {
        const std::string prefix = attempt == 1 ? stamp : stamp + "-" + std::to_string(attempt);
        const fs::path candidate = dir / (prefix + "-" + fileName.string());
        bool taken = false;
        std::error_code ec;
        for (std::string_view suffix : kSuffixes)
            taken = taken || fs::exists(withSuffix(candidate, suffix), ec);
        if (!taken)
            return candidate;
    }
}

} // namespace

Result<IntegrityReport> quickCheck(Database &database)
{
    sqlite3 *db = database.handle();
    sqlite3_stmt *raw = nullptr;
    int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &raw, nullptr);
    std::string detail;
    int lines = 0;
    while (rc == SQLITE_OK || rc == SQLITE_ROW) {
        rc = sqlite3_step(raw);
        if (rc != SQLITE_ROW)
            break;
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(raw, 0));
        if (lines++ < kMaxDetailLines && detail.size() < kMaxDetailChars)
            detail += std::string(detail.empty() ? "" : "; ") + (text != nullptr ? text : "");
    }
    // Build the error before finalize, while sqlite3_errmsg still describes this failure.
    const int primary = rc & 0xff;
    const bool corrupt = primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
    const Error error = rc == SQLITE_DONE ? Error{} : sqliteError(db, rc, "quick_check");
    sqlite3_finalize(raw);
    if (corrupt)
        return IntegrityReport{false, error.message};
    if (rc != SQLITE_DONE)
        return Error{error.code, error.message + " (the check could not run on '" + database.path().string() + "')"};
    if (detail.size() > kMaxDetailChars)
        detail = detail.substr(0, kMaxDetailChars) + "...";
    const bool ok = lines == 1 && detail == "ok";
    return IntegrityReport{ok, ok ? detail : detail + (lines > kMaxDetailLines ? " (and more)" : "")};
}

Result<fs::path> quarantineDatabase(const fs::path &file)
{
    const fs::path dir = file.parent_path() / "quarantine";
    std::error_code ec;
    if (!fs::exists(file, ec))
        return Error{ErrorCode::NotFound, "cannot quarantine '" + file.string() + "': it does not exist"};
    fs::create_directories(dir, ec);
    if (ec)
        return Error{ErrorCode::IoError, "cannot create quarantine folder '" + dir.string() + "': " + ec.message() +
                                             "; the database was left at '" + file.string() + "'"};
    const fs::path target = freeQuarantineName(dir, file.filename());
    std::string moved;
    for (std::string_view suffix : kSuffixes) {
        const fs::path from = withSuffix(file, suffix);
        if (!fs::exists(from, ec))
            continue;
        const fs::path to = withSuffix(target, suffix);
        fs::rename(from, to, ec);
        if (ec)
            return Error{ErrorCode::IoError,
                         "cannot move '" + from.string() + "' to '" + to.string() + "': " + ec.message() +
                             (moved.empty() ? "" : "; already moved:" + moved) + "; nothing was deleted"};
        moved += " '" + to.string() + "'";
        log::warning(log::kStore, "quarantined '" + from.string() + "' as '" + to.string() + "'");
    }
    return target;
}

} // namespace simkyc::store
