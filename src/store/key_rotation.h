// Store-key rotation: a new random store key; every record's data key, the device private key, the
// blind-index key and every setting named "*_wrapped" are re-wrapped under it. No customer field is
// re-encrypted (envelope encryption) and the blind-index key itself stays the same, so every
// blind-index HMAC stays valid without decrypting an ID number (docs/architecture.md, "Key rotation").
// The protection stays what it was: a passphrase-protected store takes a new passphrase or keeps the
// current one; a key-file store gets a new key file.
//
// Crash-safe order (a power cut at any point leaves a store that opens with one consistent key):
//   1. unlock with the current key (a wrong passphrase fails here: nothing changed) and take the
//      database's exclusive lock for the whole rotation (refused while another program has the store
//      open: it would keep wrapping new records under the old key);
//   2. stage: keys/device.key.new, keys/blind-index.key.new, then keys/<store key file>.new LAST
//      (each written atomically and fsynced; the store key .new marks a complete staged set);
//   3. ONE database transaction: re-wrap every wrapped_data_key and "*_wrapped" setting, write
//      setting "store.key_check" (HKDF of the new key) and the audit entry "key.rotate"; commit;
//   4. activate: rename device.key.new, blind-index.key.new, then the store key .new over the old
//      files (the store key last), fsync the folder.
// resolveInterruptedRotation (called at start, before anything unlocks) finishes or undoes a
// rotation that stopped between the steps: no store key .new -> staging never completed, the .new
// files are deleted; a store key .new -> the database's key check (confirmed by unwrapping a sample
// record) says whether step 3 committed: yes -> the remaining renames are done, no -> the .new files
// are deleted. It never guesses: when neither key it can unlock matches, it changes nothing.
// Backups stay sealed under the key they were made with: make a new backup after a rotation.
// Thread-safety: free functions; one rotation per data folder at a time, with no other process
// using the store.
#pragma once

#include "core/result.h"
#include "crypto/secure_bytes.h"
#include "store/record_id.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace simkyc::store {

inline constexpr std::string_view kKeyCheckSetting = "store.key_check";

struct RotationOptions {
    std::optional<crypto::SecureBytes> passphrase;    // the current one (passphrase-protected stores)
    std::optional<crypto::SecureBytes> newPassphrase; // default: keep the current passphrase
    std::string actor = "cli";                        // for the audit entry
    // Tests only: return after this step, as a crash there would (files as they are).
    enum class StopAfter { Never, Staged, Committed, FirstRename };
    StopAfter stopAfterForTests = StopAfter::Never;
};

struct RotationReport {
    std::int64_t recordsRewrapped = 0;
    std::int64_t recordsPurged = 0; // shredded by retention: no data key left to re-wrap
    std::int64_t settingsRewrapped = 0;
    std::string protection;              // "passphrase" or "key-file"
    bool blindIndexKeyPersisted = false; // a pre-0004 store's derived blind-index key now in blind-index.key
};

// Errors: CryptoFailure (wrong passphrase, or a record's data key does not unwrap under the current
// key: nothing changed), DatabaseError "another program has the store open" (nothing changed), InvalidArgument (a new
// passphrase for a key-file store, or one shorter than 8 characters), NotFound (no keys or no database),
// IoError/DatabaseError (the staged files are removed and the database rolled back, so the old key still opens
// everything).
[[nodiscard]] Result<RotationReport> rotateStoreKey(const std::filesystem::path &dataDir,
                                                    const std::filesystem::path &dbFile, RotationOptions options,
                                                    Clock::time_point now = Clock::now());

enum class RecoveryOutcome { NothingToDo, RolledBack, RolledForward };
[[nodiscard]] std::string_view recoveryOutcomeName(RecoveryOutcome outcome);

// See the order above. passphrase: the one the caller has (either the old or the new one may be
// needed to decide; CryptoFailure "interrupted key rotation ..." when it opens neither side).
[[nodiscard]] Result<RecoveryOutcome> resolveInterruptedRotation(const std::filesystem::path &dataDir,
                                                                 const std::filesystem::path &dbFile,
                                                                 const std::optional<crypto::SecureBytes> &passphrase);

// hex(HKDF(storeKey, "simkyc/key-check/v1", 16)): names the key without revealing it.
[[nodiscard]] Result<std::string> storeKeyCheck(const crypto::SecureBytes &storeKey);

} // namespace simkyc::store
