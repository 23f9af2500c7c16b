// Applies migrations to a Database, tracking the schema version in PRAGMA user_version.
// Guarantees: each pending migration runs in its own transaction together with the user_version
// update, so a failure leaves the database exactly as it was before that migration (earlier ones stay
// applied); a database newer than the newest migration is refused (Unsupported) and not written to;
// a migration cannot end the transaction (BEGIN/COMMIT/ROLLBACK and PRAGMA user_version are denied).
// Thread-safety: that of the Database; safe against another process migrating the same file at once.
#pragma once

#include "core/result.h"
#include "store/migrations.h"

#include <vector>

namespace simkyc::store {

class Database;

struct MigrationSummary {
    int fromVersion = 0; // user_version before
    int toVersion = 0;   // user_version after (the newest migration's version)
};

// PRAGMA user_version.
Result<int> schemaVersion(Database &database);

// The database's schema version, or Unsupported ("database schema version N is newer than this
// program supports (M); upgrade SimKYC") when it is newer than the newest migration. Reads only.
Result<int> checkSchemaVersion(Database &database, const std::vector<Migration> &migrations);

// Validates the list, then applies every migration newer than user_version, in order.
Result<MigrationSummary> applyMigrations(Database &database, const std::vector<Migration> &migrations);

} // namespace simkyc::store
