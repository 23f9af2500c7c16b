// Schema migrations: a Migration is one numbered SQL script. Sources: a folder of files named
// NNNN_name.sql (NNNN = 4 digits from 0001, name = [a-z0-9_]+), builtInMigrations() (the project's
// migrations/ folder embedded at build time, see builtin_migrations.h) or any in-memory list.
// Guarantees: a list returned by loadMigrations() passed validateMigrations(). Applying is in
// migration_runner.h. Thread-safety: pure functions and value types.
#pragma once

#include "core/result.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace simkyc::store {

struct Migration {
    int version = 0;  // NNNN: 1, 2, 3, ...
    std::string name; // the part after "NNNN_", without ".sql"
    std::string sql;  // one or more statements; no BEGIN/COMMIT/ROLLBACK and no PRAGMA user_version
};

inline constexpr int kMaxMigrationVersion = 9999;

// "0001_initial.sql" -> {1, "initial", ""}; anything else is InvalidFormat with the reason.
Result<Migration> parseMigrationFileName(std::string_view fileName);

// "0001_initial" (the file name without ".sql"), for messages and logs.
std::string migrationLabel(const Migration &migration);

// Versions exactly 1, 2, ..., N in order (no gap, duplicate or zero) and valid names; else InvalidFormat.
Status validateMigrations(const std::vector<Migration> &migrations);

// Every *.sql file in the folder, sorted by version and validated. Other files (README.md) and
// folders are ignored, except a name that starts with 4 digits but is not NNNN_name.sql, which is
// rejected as a likely typo (e.g. "0002_add.sql.orig"). NotFound for a missing folder, IoError for
// a file that cannot be read, InvalidFormat for a bad name or sequence.
Result<std::vector<Migration>> loadMigrations(const std::filesystem::path &directory);

} // namespace simkyc::store
