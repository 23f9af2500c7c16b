#include "store/keyring.h"

#include "crypto/digest.h"
#include "crypto/hmac.h"
#include "crypto/key_wrap.h"
#include "store/atomic_file.h"
#include "store/bytes.h"

#include <algorithm>
#include <cctype>

namespace simkyc::store {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kBlindIndexLabel = "simkyc/blind-index/v1";

Result<std::vector<std::uint8_t>> readPublicKeyFile(const fs::path &file)
{
    auto bytes = readSmallFile(file, 4096);
    if (!bytes)
        return bytes.error();
    if (bytes->size() == 32)
        return bytes;
    std::string text(bytes->begin(), bytes->end());
    std::erase_if(text, [](unsigned char c) { return std::isspace(c) != 0; });
    auto decoded = hexDecode(text);
    if (!decoded || decoded->size() != 32)
        return Error{ErrorCode::InvalidFormat, "not a 32-byte public key (64 hex characters): " + file.string()};
    return decoded;
}

Status writeHex(const fs::path &file, std::span<const std::uint8_t> bytes)
{
    return writeFileAtomically(file, textBytes(hexEncode(bytes) + "\n"));
}

bool isInside(const fs::path &child, const fs::path &parent)
{
    std::error_code ec;
    const fs::path c = fs::weakly_canonical(fs::absolute(child), ec);
    const fs::path p = fs::weakly_canonical(fs::absolute(parent), ec);
    const auto mismatch = std::mismatch(p.begin(), p.end(), c.begin(), c.end());
    return mismatch.first == p.end();
}

Result<crypto::X25519PublicKey> carrierKeyFor(const fs::path &dataDir, const KeyInitOptions &options,
                                              KeyInitSummary &summary)
{
    crypto::X25519PublicKey out{};
    if (options.carrierPublicFile.has_value() == options.demoCarrierDir.has_value())
        return Error{ErrorCode::InvalidArgument, "give exactly one of --carrier-public FILE or --demo-carrier DIR"};
    if (options.carrierPublicFile) {
        auto bytes = readPublicKeyFile(*options.carrierPublicFile);
        if (!bytes)
            return bytes.error();
        std::copy(bytes->begin(), bytes->end(), out.begin());
        return out;
    }
    if (isInside(*options.demoCarrierDir, dataDir))
        return Error{ErrorCode::InvalidArgument, "the demo carrier folder must be outside the data folder"};
    if (Status s = ensurePrivateDirectory(*options.demoCarrierDir); !s)
        return s.error();
    auto pair = crypto::generateX25519KeyPair();
    if (!pair)
        return pair.error();
    const fs::path privateFile = fs::absolute(*options.demoCarrierDir) / "carrier-x25519.key";
    if (Status s = writeHex(privateFile, pair->privateKey.span()); !s)
        return s.error();
    if (Status s = writeHex(*options.demoCarrierDir / "carrier-x25519.pub", pair->publicKey); !s)
        return s.error();
    summary.demoCarrierKey = privateFile;
    return pair->publicKey;
}

PublicKeys describe(const crypto::Ed25519PublicKey &device, const crypto::X25519PublicKey &carrier)
{
    PublicKeys keys{device, carrier, hexEncode(device), hexEncode(carrier), crypto::toHex(crypto::sha256(carrier))};
    return keys;
}

// blind-index.key when present; else (stores made before it existed) the key derived from the
// store key, which the first rotation writes to blind-index.key so the HMACs stay valid.
Result<crypto::SecureBytes> blindIndexKeyOf(const fs::path &dir, const crypto::SecureBytes &storeKey)
{
    std::error_code ec;
    if (!fs::exists(dir / kBlindIndexKeyFileName, ec))
        return crypto::deriveSubKey(storeKey, kBlindIndexLabel);
    auto wrapped = readWrappedKeyFile(dir / kBlindIndexKeyFileName);
    if (!wrapped)
        return wrapped.error();
    auto key = crypto::unwrapKey(storeKey, *wrapped);
    if (!key)
        return Error{ErrorCode::CryptoFailure, "the store key does not open blind-index.key"};
    return key;
}

} // namespace

Result<std::vector<std::uint8_t>> readWrappedKeyFile(const fs::path &file)
{
    auto bytes = readSmallFile(file, 4096);
    if (!bytes)
        return bytes.error();
    std::string text(bytes->begin(), bytes->end());
    std::erase_if(text, [](unsigned char c) { return std::isspace(c) != 0; });
    auto wrapped = hexDecode(text);
    if (!wrapped)
        return Error{ErrorCode::InvalidFormat, "damaged key file: " + file.string()};
    return wrapped;
}

fs::path keysDirOf(const fs::path &dataDir)
{
    return dataDir / "keys";
}

Result<KeyInitSummary> initKeys(const fs::path &dataDir, const KeyInitOptions &options)
{
    const fs::path dir = keysDirOf(dataDir);
    std::error_code ec;
    for (std::string_view name : {kPassphraseKeyFileName, kRawKeyFileName, kDeviceKeyFileName})
        if (fs::exists(dir / name, ec))
            return Error{ErrorCode::InvalidArgument, "keys already initialised in " + dir.string()};
    if (options.protection == KeyInitOptions::Protection::Passphrase && !options.passphrase)
        return Error{ErrorCode::InvalidArgument, "a passphrase is required"};
    if (Status s = ensurePrivateDirectory(dir); !s)
        return s.error();
    KeyInitSummary summary;
    auto carrier = carrierKeyFor(dataDir, options, summary);
    if (!carrier)
        return carrier.error();
    auto storeKey = crypto::generateDataKey();
    auto device = crypto::generateEd25519KeyPair();
    if (!storeKey || !device)
        return Error{ErrorCode::CryptoFailure, "key generation failed"};
    auto blindIndexKey = crypto::generateDataKey();
    if (!blindIndexKey)
        return blindIndexKey.error();
    auto wrappedDevice = crypto::wrapKey(*storeKey, device->privateKey);
    auto wrappedBlind = crypto::wrapKey(*storeKey, *blindIndexKey);
    if (!wrappedDevice || !wrappedBlind)
        return Error{ErrorCode::CryptoFailure, "key wrap failed"};
    for (Status s :
         {writeHex(dir / "carrier.pub", *carrier), writeHex(dir / "device.pub", device->publicKey),
          writeHex(dir / kDeviceKeyFileName, *wrappedDevice), writeHex(dir / kBlindIndexKeyFileName, *wrappedBlind)})
        if (!s)
            return s.error();
    // The store key file last: its presence marks a complete key set.
    const bool passphrase = options.protection == KeyInitOptions::Protection::Passphrase;
    Status s = passphrase ? PassphraseKeyProvider::create(dir / kPassphraseKeyFileName, *storeKey,
                                                          options.passphrase->view(), options.scrypt)
                          : KeyFileProvider::create(dir / kRawKeyFileName, *storeKey);
    if (!s) { // unusable without their store key; nothing else is secret
        fs::remove(dir / kDeviceKeyFileName, ec);
        fs::remove(dir / kBlindIndexKeyFileName, ec);
        return s.error();
    }
    summary.keys = describe(device->publicKey, *carrier);
    summary.protection = passphrase ? "passphrase" : "key-file";
    return summary;
}

Result<PublicKeys> readPublicKeys(const fs::path &dataDir)
{
    const fs::path dir = keysDirOf(dataDir);
    auto device = readPublicKeyFile(dir / "device.pub");
    if (!device)
        return device.error();
    auto carrier = readPublicKeyFile(dir / "carrier.pub");
    if (!carrier)
        return carrier.error();
    crypto::Ed25519PublicKey d{};
    crypto::X25519PublicKey c{};
    std::copy(device->begin(), device->end(), d.begin());
    std::copy(carrier->begin(), carrier->end(), c.begin());
    return describe(d, c);
}

Result<Keyring> unlockKeyring(const fs::path &dataDir, KeyProvider &provider)
{
    auto publicKeys = readPublicKeys(dataDir);
    if (!publicKeys)
        return publicKeys.error();
    const fs::path dir = keysDirOf(dataDir);
    std::error_code ec;
    for (std::string_view name : {kPassphraseKeyFileName, kRawKeyFileName})
        if (fs::exists(dir / (std::string(name) + ".new"), ec))
            return Error{ErrorCode::InvalidArgument, "a store-key rotation was interrupted in " + dir.string() +
                                                         "; any 'simkyc-cli db' command resolves it first"};
    auto storeKey = provider.unlockStoreKey();
    if (!storeKey)
        return storeKey.error();
    auto wrapped = readWrappedKeyFile(dir / kDeviceKeyFileName);
    if (!wrapped)
        return wrapped.error();
    auto devicePrivate = crypto::unwrapKey(*storeKey, *wrapped);
    if (!devicePrivate)
        return Error{ErrorCode::CryptoFailure, "the store key does not open this kiosk's device key (wrong key?)"};
    auto pair = crypto::ed25519KeyPairFromPrivate(*devicePrivate);
    if (!pair || pair->publicKey != publicKeys->device)
        return Error{ErrorCode::CryptoFailure, "device.key does not match device.pub"};
    auto blind = blindIndexKeyOf(dir, *storeKey);
    if (!blind)
        return blind.error();
    return Keyring{std::move(storeKey).value(), std::move(blind).value(), std::move(devicePrivate).value(),
                   std::move(publicKeys).value()};
}

} // namespace simkyc::store
