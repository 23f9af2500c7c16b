#include "store/migration_runner.h"

#include "core/log.h"
#include "store/database.h"
#include "store/transaction.h"

#include <sqlite3.h>

#include <string>

namespace simkyc::store {
namespace {

// While a migration's SQL is prepared, statements that would end our transaction or move
// user_version behind our back are refused at prepare time (SQLITE_AUTH), before they can run.
int denyTransactionControl(void * /*context*/, int action, const char *arg1, const char * /*arg2*/,
                           const char * /*database*/, const char * /*trigger*/)
{
    if (action == SQLITE_TRANSACTION)
        return SQLITE_DENY;
    if (action == SQLITE_PRAGMA && arg1 != nullptr &&
        (sqlite3_stricmp(arg1, "user_version") == 0 || sqlite3_stricmp(arg1, "schema_version") == 0))
        return SQLITE_DENY;
    return SQLITE_OK;
}

class AuthorizerGuard {
public:
    explicit AuthorizerGuard(sqlite3 *db) : m_db(db) { sqlite3_set_authorizer(m_db, &denyTransactionControl, nullptr); }
    ~AuthorizerGuard() { sqlite3_set_authorizer(m_db, nullptr, nullptr); }
    AuthorizerGuard(const AuthorizerGuard &) = delete;
    AuthorizerGuard &operator=(const AuthorizerGuard &) = delete;

private:
    sqlite3 *m_db;
};

Error failed(const Migration &migration, const Error &cause)
{
    return Error{cause.code, "migration " + migrationLabel(migration) +
                                 " failed and was rolled back (schema version unchanged): " + cause.message};
}

Result<int> applyOne(Database &database, const std::vector<Migration> &migrations, const Migration &migration)
{
    Result<Transaction> transaction = Transaction::begin(database);
    if (!transaction)
        return failed(migration, transaction.error());
    // Another process may have migrated while we waited for the write lock: look again under it.
    const Result<int> current = checkSchemaVersion(database, migrations);
    if (!current)
        return current.error();
    if (*current >= migration.version)
        return *current; // nothing written; the transaction ends with a harmless rollback
    {
        AuthorizerGuard guard(database.handle());
        if (Status run = database.exec(migration.sql); !run)
            return failed(migration, run.error());
    }
    if (Status set = database.exec("PRAGMA user_version = " + std::to_string(migration.version)); !set)
        return failed(migration, set.error());
    if (Status commit = transaction->commit(); !commit)
        return failed(migration, commit.error());
    log::info(log::kStore, "applied migration " + migrationLabel(migration));
    return migration.version;
}

} // namespace

Result<int> schemaVersion(Database &database)
{
    const Result<std::int64_t> version = database.queryInt64("PRAGMA user_version");
    if (!version)
        return version.error();
    return static_cast<int>(*version); // user_version is a 32-bit signed integer
}

Result<int> checkSchemaVersion(Database &database, const std::vector<Migration> &migrations)
{
    const Result<int> version = schemaVersion(database);
    if (!version)
        return version.error();
    const int newest = migrations.empty() ? 0 : migrations.back().version;
    if (*version < 0)
        return Error{ErrorCode::DatabaseError, "database schema version " + std::to_string(*version) +
                                                   " is invalid; this is not a SimKYC database"};
    if (*version > newest)
        return Error{ErrorCode::Unsupported, "database schema version " + std::to_string(*version) +
                                                 " is newer than this program supports (" + std::to_string(newest) +
                                                 "); upgrade SimKYC"};
    return *version;
}

Result<MigrationSummary> applyMigrations(Database &database, const std::vector<Migration> &migrations)
{
    if (Status valid = validateMigrations(migrations); !valid)
        return valid.error();
    const Result<int> current = checkSchemaVersion(database, migrations);
    if (!current)
        return current.error();
    MigrationSummary summary{*current, *current};
    for (const Migration &migration : migrations) {
        if (migration.version <= summary.toVersion)
            continue;
        const Result<int> reached = applyOne(database, migrations, migration);
        if (!reached)
            return reached.error();
        summary.toVersion = *reached;
    }
    return summary;
}

} // namespace simkyc::store
