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

} // namespace

fs::path keysDirOf(const fs::path &dataDir)
{
    return dataDir / "keys";
}

Result<KeyInitSummary> initKeys(const fs::path &dataDir, const KeyInitOptions &options)
{
    const fs::path dir = keysDirOf(dataDir);
    std::error_code ec;
    for (std::string_view name : {kPassphraseKeyFileName, kRawKeyFileName, std::string_view("device.key")})
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
    auto wrappedDevice = crypto::wrapKey(*storeKey, device->privateKey);
    if (!wrappedDevice)
        return wrappedDevice.error();
    for (Status s : {writeHex(dir / "carrier.pub", *carrier), writeHex(dir / "device.pub", device->publicKey),
                     writeHex(dir / "device.key", *wrappedDevice)})
        if (!s)
            return s.error();
    // The store key file last: its presence marks a complete key set.
    const bool passphrase = options.protection == KeyInitOptions::Protection::Passphrase;
    Status s = passphrase ? PassphraseKeyProvider::create(dir / kPassphraseKeyFileName, *storeKey,
                                                          options.passphrase->view(), options.scrypt)
                          : KeyFileProvider::create(dir / kRawKeyFileName, *storeKey);
    if (!s) {
        fs::remove(dir / "device.key", ec); // unusable without its store key; nothing else is secret
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
    auto storeKey = provider.unlockStoreKey();
    if (!storeKey)
        return storeKey.error();
    auto wrappedText = readSmallFile(keysDirOf(dataDir) / "device.key", 4096);
    if (!wrappedText)
        return wrappedText.error();
    std::string text(wrappedText->begin(), wrappedText->end());
    std::erase_if(text, [](unsigned char c) { return std::isspace(c) != 0; });
    auto wrapped = hexDecode(text);
    if (!wrapped)
        return Error{ErrorCode::InvalidFormat, "damaged device key file"};
    auto devicePrivate = crypto::unwrapKey(*storeKey, *wrapped);
    if (!devicePrivate)
        return Error{ErrorCode::CryptoFailure, "the store key does not open this kiosk's device key (wrong key?)"};
    auto pair = crypto::ed25519KeyPairFromPrivate(*devicePrivate);
    if (!pair || pair->publicKey != publicKeys->device)
        return Error{ErrorCode::CryptoFailure, "device.key does not match device.pub"};
    auto blind = crypto::deriveSubKey(*storeKey, kBlindIndexLabel);
    if (!blind)
        return blind.error();
    return Keyring{std::move(storeKey).value(), std::move(blind).value(), std::move(devicePrivate).value(),
                   std::move(publicKeys).value()};
}

} // namespace simkyc::store
