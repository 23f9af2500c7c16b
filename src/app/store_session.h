// Opening the kiosk's store for a command: passphrase from a file or SIMKYC_PASSPHRASE (never argv),
// the key provider configured in <data-dir>/keys, the unlocked keyring and <data-dir>/simkyc.db.
// Guarantees: passphrases live only in SecureBytes (a trailing newline in the file is dropped);
// nothing is created or written when the key does not unlock.
// Thread-safety: free functions; a StoreSession is used by one thread.
#pragma once

#include "core/result.h"
#include "crypto/password_hash.h"
#include "crypto/secure_bytes.h"
#include "store/database.h"
#include "store/keyring.h"

#include <filesystem>
#include <optional>

namespace simkyc::app {

inline constexpr const char *kPassphraseEnv = "SIMKYC_PASSPHRASE";

// From the file when given, else from the environment variable `envName`, else nullopt.
// IoError/NotFound for an unreadable file, InvalidArgument for an empty secret.
[[nodiscard]] Result<std::optional<crypto::SecureBytes>> readSecret(const std::optional<std::filesystem::path> &file,
                                                                    const char *envName = kPassphraseEnv);

// scrypt parameters: the given cost (N = 2^logN, tests only; range-checked) or calibrated to ~250 ms.
[[nodiscard]] Result<crypto::ScryptParams> scryptParamsFor(std::optional<unsigned> logN);

[[nodiscard]] std::filesystem::path storeFileOf(const std::filesystem::path &dataDir);

struct StoreSession {
    store::Keyring keys;
    store::Database db;
    std::string protection; // "passphrase" or "key-file"
};

// Resolves an interrupted store-key rotation (store/key_rotation.h), unlocks the keyring, then opens
// the store (mustExist: NotFound rather than creating it).
[[nodiscard]] Result<StoreSession> openSession(const std::filesystem::path &dataDir,
                                               const std::optional<std::filesystem::path> &passphraseFile,
                                               bool mustExist = true);

} // namespace simkyc::app
