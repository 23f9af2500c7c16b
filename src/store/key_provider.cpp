#include "store/key_provider.h"

#include "core/log.h"
#include "crypto/hmac.h"
#include "crypto/key_wrap.h"
#include "store/atomic_file.h"
#include "store/bytes.h"

#include <sys/stat.h>

#include <sstream>
#include <string>

namespace simkyc::store {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kMagic = "simkyc-store-key 1";
constexpr std::size_t kSaltSize = 16;

struct PassphraseFile {
    crypto::ScryptParams params;
    std::vector<std::uint8_t> salt;
    std::vector<std::uint8_t> wrapped;
};

Result<PassphraseFile> parsePassphraseFile(const std::vector<std::uint8_t> &bytes, const fs::path &file)
{
    std::istringstream in(std::string(bytes.begin(), bytes.end()));
    std::string magic;
    std::getline(in, magic);
    std::string kdf, ln, r, p, saltTag, saltHex, wrappedTag, wrappedHex;
    in >> kdf >> ln >> r >> p >> saltTag >> saltHex >> wrappedTag >> wrappedHex;
    const Error bad{ErrorCode::InvalidFormat, "damaged store key file: " + file.string()};
    if (magic != kMagic || kdf != "scrypt" || saltTag != "salt" || wrappedTag != "wrapped" || !ln.starts_with("ln=") ||
        !r.starts_with("r=") || !p.starts_with("p="))
        return bad;
    PassphraseFile out;
    try {
        out.params = {static_cast<std::uint32_t>(std::stoul(ln.substr(3))),
                      static_cast<std::uint32_t>(std::stoul(r.substr(2))),
                      static_cast<std::uint32_t>(std::stoul(p.substr(2)))};
    } catch (const std::exception &) {
        return bad;
    }
    auto salt = hexDecode(saltHex);
    auto wrapped = hexDecode(wrappedHex);
    if (!salt || !wrapped || salt->size() != kSaltSize || wrapped->size() != crypto::kWrappedKeySize ||
        !crypto::validateScryptParams(out.params))
        return bad;
    out.salt = std::move(salt).value();
    out.wrapped = std::move(wrapped).value();
    return out;
}

Result<PassphraseFile> readPassphraseFile(const fs::path &file)
{
    auto bytes = readSmallFile(file);
    if (!bytes)
        return bytes.error();
    return parsePassphraseFile(*bytes, file);
}

} // namespace

PassphraseKeyProvider::PassphraseKeyProvider(fs::path keyFile, crypto::SecureBytes passphrase)
    : m_keyFile(std::move(keyFile)), m_passphrase(std::move(passphrase))
{
}

Status PassphraseKeyProvider::create(const fs::path &keyFile, const crypto::SecureBytes &storeKey,
                                     std::string_view passphrase, const crypto::ScryptParams &params)
{
    if (storeKey.size() != kStoreKeySize)
        return Error{ErrorCode::InvalidArgument, "store key must be 32 bytes"};
    if (passphrase.size() < 8)
        return Error{ErrorCode::InvalidArgument, "passphrase must be at least 8 characters"};
    std::vector<std::uint8_t> salt(kSaltSize);
    if (Status s = crypto::fillRandom(salt); !s)
        return s;
    auto kek = crypto::passphraseKey(passphrase, salt, params);
    if (!kek)
        return kek.error();
    auto wrapped = crypto::wrapKey(*kek, storeKey);
    if (!wrapped)
        return wrapped.error();
    const std::string text = std::string(kMagic) + "\nscrypt ln=" + std::to_string(params.logN) +
                             " r=" + std::to_string(params.r) + " p=" + std::to_string(params.p) + "\nsalt " +
                             hexEncode(salt) + "\nwrapped " + hexEncode(*wrapped) + "\n";
    return writeFileAtomically(keyFile, textBytes(text));
}

Result<crypto::ScryptParams> PassphraseKeyProvider::storedParams(const fs::path &keyFile)
{
    auto parsed = readPassphraseFile(keyFile);
    if (!parsed)
        return parsed.error();
    return parsed->params;
}

Result<crypto::SecureBytes> PassphraseKeyProvider::unlockStoreKey()
{
    auto parsed = readPassphraseFile(m_keyFile);
    if (!parsed)
        return parsed.error();
    auto kek = crypto::passphraseKey(m_passphrase.view(), parsed->salt, parsed->params);
    if (!kek)
        return kek.error();
    auto key = crypto::unwrapKey(*kek, parsed->wrapped);
    if (!key || key->size() != kStoreKeySize)
        return Error{ErrorCode::CryptoFailure, "wrong passphrase"};
    log::info(log::kStore, "store key unlocked (passphrase, scrypt ln=" + std::to_string(parsed->params.logN) + ")");
    return key;
}

Status KeyFileProvider::create(const fs::path &keyFile, const crypto::SecureBytes &storeKey)
{
    if (storeKey.size() != kStoreKeySize)
        return Error{ErrorCode::InvalidArgument, "store key must be 32 bytes"};
    return writeFileAtomically(keyFile, storeKey.span(), kOwnerOnly);
}

Result<crypto::SecureBytes> KeyFileProvider::unlockStoreKey()
{
    struct stat info {};
    if (::stat(m_keyFile.c_str(), &info) != 0)
        return Error{ErrorCode::NotFound, "store key file not found: " + m_keyFile.string()};
    if ((info.st_mode & 077) != 0)
        return Error{ErrorCode::InvalidArgument,
                     "store key file " + m_keyFile.string() + " is readable by others; chmod 600 it"};
    auto bytes = readSmallFile(m_keyFile, 64);
    if (!bytes)
        return bytes.error();
    crypto::SecureBytes key(*bytes);
    std::fill(bytes->begin(), bytes->end(), std::uint8_t{0});
    if (key.size() != kStoreKeySize)
        return Error{ErrorCode::InvalidFormat, "store key file must hold exactly 32 bytes: " + m_keyFile.string()};
    log::info(log::kStore, "store key unlocked (key file)");
    return key;
}

Result<std::unique_ptr<KeyProvider>> detectKeyProvider(const fs::path &keysDir,
                                                       std::optional<crypto::SecureBytes> passphrase)
{
    std::error_code ec;
    const fs::path wrapped = keysDir / kPassphraseKeyFileName;
    if (fs::exists(wrapped, ec)) {
        if (!passphrase)
            return Error{ErrorCode::InvalidArgument,
                         "the store key is passphrase-protected: give --passphrase-file or set SIMKYC_PASSPHRASE"};
        return std::unique_ptr<KeyProvider>(new PassphraseKeyProvider(wrapped, std::move(*passphrase)));
    }
    const fs::path raw = keysDir / kRawKeyFileName;
    if (fs::exists(raw, ec))
        return std::unique_ptr<KeyProvider>(new KeyFileProvider(raw));
    return Error{ErrorCode::NotFound, "no store key in " + keysDir.string() + "; run 'simkyc-cli keys init'"};
}

} // namespace simkyc::store
