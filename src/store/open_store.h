// Opening the store: the checked open sequence and the program's entry point. Guarantees, in order:
//   1. open read-write, creating the file if missing (see Database for the threading rule);
//   2. PRAGMA quick_check: a damaged file is closed and quarantined together with its untouched -wal
//      (never deleted), and the error says where it went and how to recover;
//   3. a schema newer than the newest migration is refused before anything is written (-wal included);
//   4. busy_timeout=5000, journal_mode=WAL, synchronous=FULL, foreign_keys=ON, secure_delete=ON, each
//      read back and verified;
//   5. pending migrations, each in its own transaction.
// The effective settings are logged once under simkyc.store.
// Thread-safety: free functions; each returned Database is used by one thread at a time.
#pragma once

#include "core/result.h"
#include "store/database.h"
#include "store/migrations.h"

#include <filesystem>
#include <vector>

namespace simkyc::store {

inline constexpr int kBusyTimeoutMs = 5000;

// The open sequence with the given migrations (tests, tools).
// Errors: IoError (cannot open/create, disk full), DatabaseError (quarantined, pragma not in effect,
// a migration failed), Unsupported (schema newer than the program), InvalidFormat (bad migration list).
Result<Database> openDatabase(const std::filesystem::path &file, const std::vector<Migration> &migrations);

// The open sequence with builtInMigrations(): what the program calls.
Result<Database> openStore(const std::filesystem::path &file);

} // namespace simkyc::store
