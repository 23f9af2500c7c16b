// Integrity check and quarantine of a damaged database. Guarantees: quarantining only ever renames
// (never deletes or rewrites) the database and its -wal, -shm and -journal files, into a quarantine/
// folder beside it under a timestamped name that keeps the SQLite file triplet together.
// Thread-safety: free functions; nothing else may have the file open while it is quarantined.
#pragma once

#include "core/result.h"

#include <filesystem>
#include <string>

namespace simkyc::store {

class Database;

struct IntegrityReport {
    bool ok = false;
    std::string detail; // "ok", or the first problems found (names tables and pages, never values)
};

// PRAGMA quick_check. Corruption (problems reported, SQLITE_CORRUPT, SQLITE_NOTADB) is a report with
// ok == false; an error means the check could not run for another reason (busy, I/O, out of memory)
// and says nothing about the file. Call Database::setCheckpointOnClose(false) first if the files
// may be quarantined: otherwise closing checkpoints the -wal into the file and deletes it.
Result<IntegrityReport> quickCheck(Database &database);

// Moves `file` (and its sidecar files) to <dir>/quarantine/<UTC time>-<name>, e.g.
// quarantine/20250131T142501.042Z-simkyc.db with -wal and -shm beside it. Returns the new path of
// the main file. IoError when a rename fails (the message says which files are where).
Result<std::filesystem::path> quarantineDatabase(const std::filesystem::path &file);

} // namespace simkyc::store
