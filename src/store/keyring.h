// The kiosk's keys in <data-dir>/keys: the store key (through a KeyProvider), the device Ed25519
// identity (private key AES-KW-wrapped under the store key in device.key, public key in device.pub),
// the blind-index key (a random key AES-KW-wrapped under the store key in blind-index.key, so that a
// store-key rotation keeps every blind-index HMAC valid; stores made before that file existed use
// HKDF(store key, "simkyc/blind-index/v1") until their first rotation writes it) and the carrier's
// X25519 public key (carrier.pub). The carrier's private key is never in the data folder: the kiosk
// cannot open what it sealed to the carrier.
// Guarantees: initKeys writes every file atomically with mode 0600 and refuses to overwrite an
// existing key set; unlockKeyring proves the store key by unwrapping device.key (a wrong key is
// CryptoFailure and nothing is written) and refuses to run while a store-key rotation is unresolved
// (key_rotation.h); derived keys are separated by HKDF labels.
// Thread-safety: free functions; a Keyring is a move-only value, one instance per thread.
#pragma once

#include "core/result.h"
#include "crypto/password_hash.h"
#include "crypto/seal.h"
#include "crypto/secure_bytes.h"
#include "crypto/signing.h"
#include "store/key_provider.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace simkyc::store {

struct KeyInitOptions {
    enum class Protection { Passphrase, KeyFile };
    Protection protection = Protection::Passphrase;
    std::optional<crypto::SecureBytes> passphrase; // required for Passphrase
    crypto::ScryptParams scrypt;                   // production: crypto::calibrateScrypt(250)
    // Exactly one of: a file with the carrier's X25519 public key (64 hex characters or 32 raw bytes),
    // or a folder OUTSIDE the data folder where a demo carrier key pair is generated.
    std::optional<std::filesystem::path> carrierPublicFile;
    std::optional<std::filesystem::path> demoCarrierDir;
};

struct PublicKeys {
    crypto::Ed25519PublicKey device{};
    crypto::X25519PublicKey carrier{};
    std::string deviceHex;
    std::string carrierHex;
    std::string carrierFingerprint; // SHA-256 of the carrier public key, hex
};

struct KeyInitSummary {
    PublicKeys keys;
    std::string protection;                              // "passphrase" or "key-file"
    std::optional<std::filesystem::path> demoCarrierKey; // where the demo carrier private key went
};

struct Keyring {
    crypto::SecureBytes storeKey;      // KEK for record data keys
    crypto::SecureBytes blindIndexKey; // from blind-index.key (legacy: HKDF(storeKey, "simkyc/blind-index/v1"))
    crypto::SecureBytes devicePrivate; // Ed25519 seed
    PublicKeys publicKeys;
};

inline constexpr std::string_view kDeviceKeyFileName = "device.key";
inline constexpr std::string_view kBlindIndexKeyFileName = "blind-index.key";

[[nodiscard]] std::filesystem::path keysDirOf(const std::filesystem::path &dataDir);

// A key file holding a wrapped key as hex (device.key, blind-index.key). InvalidFormat if damaged.
[[nodiscard]] Result<std::vector<std::uint8_t>> readWrappedKeyFile(const std::filesystem::path &file);

[[nodiscard]] Result<KeyInitSummary> initKeys(const std::filesystem::path &dataDir, const KeyInitOptions &options);

// Reads device.pub and carrier.pub (no secret needed).
[[nodiscard]] Result<PublicKeys> readPublicKeys(const std::filesystem::path &dataDir);

[[nodiscard]] Result<Keyring> unlockKeyring(const std::filesystem::path &dataDir, KeyProvider &provider);

} // namespace simkyc::store
