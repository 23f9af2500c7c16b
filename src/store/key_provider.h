// Key providers: where the 32-byte store key comes from at start of day. Callers hold a
// KeyProvider& and call unlockStoreKey(); a TPM 2.0 provider is one more subclass.
//  - PassphraseKeyProvider: keys/store.key holds the store key AES-KW-wrapped under
//    scrypt(manager's passphrase, salt); scrypt parameters and salt are stored in the file.
//  - KeyFileProvider: keys/store-raw.key holds the raw key; refused unless its mode is 0600 or
//    stricter (tests and the unattended demo only).
// Guarantees: a wrong passphrase is CryptoFailure "wrong passphrase" and changes nothing; the key
// only ever lives in SecureBytes; key files are written atomically and never overwritten;
// errors name files, never key material. Thread-safety: one instance per thread.
#pragma once

#include "core/result.h"
#include "crypto/password_hash.h"
#include "crypto/secure_bytes.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>

namespace simkyc::store {

inline constexpr std::size_t kStoreKeySize = 32;

class KeyProvider {
public:
    virtual ~KeyProvider() = default;
    // The store key, or an error (NotFound: no key file; CryptoFailure: wrong secret;
    // InvalidFormat: damaged file; IoError/Unsupported as applicable).
    [[nodiscard]] virtual Result<crypto::SecureBytes> unlockStoreKey() = 0;
    // "passphrase", "key-file" (for logs and JSON).
    [[nodiscard]] virtual std::string_view kind() const = 0;
};

class PassphraseKeyProvider final : public KeyProvider {
public:
    PassphraseKeyProvider(std::filesystem::path keyFile, crypto::SecureBytes passphrase);

    // Writes keyFile for storeKey under the passphrase with the given scrypt parameters (production:
    // crypto::calibrateScrypt(250); tests may pass logN 10). Refuses to overwrite an existing file.
    [[nodiscard]] static Status create(const std::filesystem::path &keyFile, const crypto::SecureBytes &storeKey,
                                       std::string_view passphrase, const crypto::ScryptParams &params);

    // The scrypt parameters stored in keyFile (key rotation keeps them); InvalidFormat if damaged.
    [[nodiscard]] static Result<crypto::ScryptParams> storedParams(const std::filesystem::path &keyFile);

    [[nodiscard]] Result<crypto::SecureBytes> unlockStoreKey() override;
    [[nodiscard]] std::string_view kind() const override { return "passphrase"; }

private:
    std::filesystem::path m_keyFile;
    crypto::SecureBytes m_passphrase;
};

class KeyFileProvider final : public KeyProvider {
public:
    explicit KeyFileProvider(std::filesystem::path keyFile) : m_keyFile(std::move(keyFile)) {}

    // Writes the raw key with mode 0600. Refuses to overwrite an existing file.
    [[nodiscard]] static Status create(const std::filesystem::path &keyFile, const crypto::SecureBytes &storeKey);

    [[nodiscard]] Result<crypto::SecureBytes> unlockStoreKey() override;
    [[nodiscard]] std::string_view kind() const override { return "key-file"; }

private:
    std::filesystem::path m_keyFile;
};

// The file names inside <data-dir>/keys.
inline constexpr std::string_view kPassphraseKeyFileName = "store.key";
inline constexpr std::string_view kRawKeyFileName = "store-raw.key";

// The provider configured in keysDir: the passphrase provider when store.key exists (passphrase
// required, else InvalidArgument), the key-file provider when store-raw.key exists, else NotFound
// ("no store key; run 'simkyc-cli keys init'").
[[nodiscard]] Result<std::unique_ptr<KeyProvider>> detectKeyProvider(const std::filesystem::path &keysDir,
                                                                     std::optional<crypto::SecureBytes> passphrase);

} // namespace simkyc::store
