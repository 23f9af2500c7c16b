#include "store/open_store.h"

#include "core/log.h"
#include "store/builtin_migrations.h"
#include "store/migration_runner.h"
#include "store/quarantine.h"
#include "store/sqlite_info.h"

#include <string>
#include <string_view>

namespace simkyc::store {
namespace {

// Sets a pragma and reads it back: SQLite ignores unknown or impossible settings silently.
Result<std::string> setPragma(Database &database, std::string_view name, std::string_view value,
                              std::string_view expected)
{
    const std::string pragma = "PRAGMA " + std::string(name);
    if (Status set = database.exec(pragma + " = " + std::string(value)); !set)
        return set.error();
    Result<std::string> effective = database.queryText(pragma);
    if (!effective)
        return effective.error();
    if (*effective != expected)
        return Error{ErrorCode::DatabaseError, "'" + database.path().string() + "': PRAGMA " + std::string(name) +
                                                   " = " + std::string(value) + " did not take effect (it is '" +
                                                   *effective + "')" +
                                                   (name == "journal_mode" ? "; WAL needs a local file system" : "")};
    return effective;
}

Error quarantined(const std::filesystem::path &file, const IntegrityReport &report)
{
    const Result<std::filesystem::path> moved = quarantineDatabase(file);
    std::string message = "database '" + file.string() + "' failed its integrity check (" + report.detail + ")";
    if (!moved)
        return Error{ErrorCode::DatabaseError, message + " and could not be quarantined: " + moved.error().message};
    message += " and was moved to '" + moved->string() +
               "' (with its -wal/-shm files, if any). It was not deleted: it may hold the only copy of records. "
               "To recover, stop SimKYC, copy the quarantine folder somewhere safe and run "
               "`sqlite3 <copy> .recover` into a new database, or contact support. "
               "Opening the store again starts a new, empty database at the original path.";
    log::critical(log::kStore, message);
    return Error{ErrorCode::DatabaseError, message};
}

} // namespace

Result<Database> openDatabase(const std::filesystem::path &file, const std::vector<Migration> &migrations)
{
    Result<Database> opened = Database::open(file);
    if (!opened)
        return opened.error();
    Database database = std::move(opened).value();

    // Until the file is known sound and not newer than us, closing must neither checkpoint the -wal
    // into it nor delete the -wal and -shm files: a quarantined or refused file stays as it was.
    database.setCheckpointOnClose(false);
    const Result<IntegrityReport> check = quickCheck(database);
    if (!check)
        return check.error();
    if (!check->ok) {
        database.close();
        return quarantined(file, *check);
    }
    // Refuse a newer schema before the pragmas below write to the file (WAL changes its header).
    if (Result<int> version = checkSchemaVersion(database, migrations); !version)
        return version.error();
    database.setCheckpointOnClose(true);

    struct Setting {
        std::string_view name, value, expected;
    };
    const std::string busyMs = std::to_string(kBusyTimeoutMs);
    const Setting settings[] = {{"busy_timeout", busyMs, busyMs},
                                {"journal_mode", "WAL", "wal"},
                                {"synchronous", "FULL", "2"}, // 2 = FULL
                                {"foreign_keys", "ON", "1"},
                                {"secure_delete", "ON", "1"}};
    std::string effective;
    for (const Setting &setting : settings) {
        const Result<std::string> value = setPragma(database, setting.name, setting.value, setting.expected);
        if (!value)
            return value.error();
        effective += std::string(setting.name) + "=" + *value + ", ";
    }

    const Result<MigrationSummary> migrated = applyMigrations(database, migrations);
    if (!migrated)
        return migrated.error();

    std::string schema = "schema version " + std::to_string(migrated->toVersion);
    if (migrated->fromVersion != migrated->toVersion)
        schema += " (migrated from " + std::to_string(migrated->fromVersion) + ")";
    log::info(log::kStore, "opened '" + file.string() + "' with SQLite " + sqliteVersion() + ": " + effective + schema);
    return database;
}

Result<Database> openStore(const std::filesystem::path &file)
{
    return openDatabase(file, builtInMigrations());
}

} // namespace simkyc::store
