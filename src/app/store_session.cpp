#include "app/store_session.h"

#include "store/atomic_file.h"
#include "store/key_rotation.h"
#include "store/open_store.h"

#include <cstdlib>
#include <cstring>

namespace simkyc::app {
namespace fs = std::filesystem;

Result<std::optional<crypto::SecureBytes>> readSecret(const std::optional<fs::path> &file, const char *envName)
{
    crypto::SecureBytes secret;
    if (file) {
        auto bytes = store::readSmallFile(*file, 4096);
        if (!bytes)
            return bytes.error();
        std::size_t size = bytes->size();
        while (size > 0 && ((*bytes)[size - 1] == '\n' || (*bytes)[size - 1] == '\r'))
            --size;
        secret = crypto::SecureBytes(std::span<const std::uint8_t>(bytes->data(), size));
        std::fill(bytes->begin(), bytes->end(), std::uint8_t{0});
    } else if (const char *env = std::getenv(envName); env != nullptr) {
        secret = crypto::SecureBytes(
            std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t *>(env), std::strlen(env)));
    } else {
        return std::optional<crypto::SecureBytes>();
    }
    if (secret.empty())
        return Error{ErrorCode::InvalidArgument, "the passphrase or password is empty"};
    return std::optional<crypto::SecureBytes>(std::move(secret));
}

Result<crypto::ScryptParams> scryptParamsFor(std::optional<unsigned> logN)
{
    if (!logN)
        return crypto::calibrateScrypt(250);
    const crypto::ScryptParams params{*logN, 8, 1};
    if (Status valid = crypto::validateScryptParams(params); !valid)
        return valid.error();
    return params;
}

fs::path storeFileOf(const fs::path &dataDir)
{
    return dataDir / "simkyc.db";
}

Result<StoreSession> openSession(const fs::path &dataDir, const std::optional<fs::path> &passphraseFile, bool mustExist)
{
    auto passphrase = readSecret(passphraseFile);
    if (!passphrase)
        return passphrase.error();
    if (auto recovered = store::resolveInterruptedRotation(dataDir, storeFileOf(dataDir), *passphrase); !recovered)
        return recovered.error();
    auto provider = store::detectKeyProvider(store::keysDirOf(dataDir), std::move(passphrase).value());
    if (!provider)
        return provider.error();
    auto keys = store::unlockKeyring(dataDir, **provider);
    if (!keys)
        return keys.error();
    std::error_code ec;
    if (mustExist && !fs::exists(storeFileOf(dataDir), ec))
        return Error{ErrorCode::NotFound,
                     "no store at " + storeFileOf(dataDir).string() + "; run 'simkyc-cli db init' first"};
    auto db = store::openStore(storeFileOf(dataDir));
    if (!db)
        return db.error();
    return StoreSession{std::move(keys).value(), std::move(db).value(), std::string((*provider)->kind())};
}

} // namespace simkyc::app
