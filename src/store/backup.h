// Online backup to an encrypted file, and restore. A backup is a consistent snapshot taken with the
// SQLite backup API into memory (no clear copy ever touches the disk), marked as a rollback-journal
// image, then AES-256-GCM-sealed under the store key with associated data "simkyc/backup/v1" and
// written atomically (write-fsync-rename, mode 0600):
//   file = "SIMKYC-BACKUP-1\n" (16 bytes) || nonce(12) || ciphertext || tag(16).
// Guarantees: backupStore runs beside a writer (it waits for a busy lock, then copies one snapshot)
// and never leaves a partial output file; restoreStore decrypts and checks the image
// (PRAGMA integrity_check, schema not newer than the program) in memory BEFORE touching dbFile, never
// deletes a database (with force the existing file and its -wal/-shm are moved to quarantine/), and
// checks integrity again on the file it wrote. A backup opens only with the store key it was made
// under: after a store-key rotation keep the old key for old backups.
// Thread-safety: free functions; the Database is used by the calling thread only.
#pragma once

#include "core/result.h"
#include "store/keyring.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

namespace simkyc::store {

class Database;

inline constexpr std::string_view kBackupMagic = "SIMKYC-BACKUP-1\n";
inline constexpr std::string_view kBackupAssociatedData = "simkyc/backup/v1";
inline constexpr std::size_t kMaxBackupBytes = std::size_t{1} << 30; // 1 GiB: far beyond a kiosk's store

// IoError (cannot write out, disk full), DatabaseError (snapshot failed), InvalidArgument (out
// exists and replace is false), CryptoFailure (sealing failed).
[[nodiscard]] Status backupStore(Database &database, const Keyring &keys, const std::filesystem::path &out,
                                 bool replace = false);

struct RestoreReport {
    std::uint64_t bytes = 0;                            // size of the restored database file
    int schemaVersion = 0;                              // PRAGMA user_version of the restored image
    std::optional<std::filesystem::path> quarantinedAt; // where the replaced database went (force)
};

// NotFound/IoError (backup unreadable), InvalidFormat (not a SimKYC backup), CryptoFailure ("backup
// does not decrypt": another store key or an altered file), DatabaseError (image fails its
// integrity check), Unsupported (schema newer than the program), InvalidArgument (a database or a
// stray -wal is already at dbFile and force is false).
[[nodiscard]] Result<RestoreReport> restoreStore(const std::filesystem::path &backup, const Keyring &keys,
                                                 const std::filesystem::path &dbFile, bool force = false);

} // namespace simkyc::store
