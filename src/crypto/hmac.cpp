#include "crypto/hmac.h"

#include "crypto/detail.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace simkyc::crypto {

Result<HmacSha256> hmacSha256(std::span<const std::uint8_t> key, std::span<const std::uint8_t> data)
{
    if (key.empty())
        return Error{ErrorCode::InvalidArgument, "HMAC key must not be empty"};
    HmacSha256 out{};
    unsigned int length = 0;
    if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), data.data(), data.size(), out.data(), &length) ==
            nullptr ||
        length != out.size())
        return Error{ErrorCode::CryptoFailure, "HMAC-SHA256 failed"};
    return out;
}

Result<SecureBytes> deriveSubKey(const SecureBytes &masterKey, std::string_view label, std::size_t length)
{
    if (masterKey.empty() || label.empty())
        return Error{ErrorCode::InvalidArgument, "sub-key derivation needs a key and a label"};
    return detail::hkdfSha256(masterKey.span(), {}, detail::asBytes(label), length);
}

Result<SecureBytes> passphraseKey(std::string_view passphrase, std::span<const std::uint8_t> salt,
                                  const ScryptParams &params, std::size_t length)
{
    if (Status valid = validateScryptParams(params); !valid)
        return valid.error();
    if (salt.size() < 16)
        return Error{ErrorCode::InvalidArgument, "scrypt salt must be at least 16 bytes"};
    if (length == 0 || length > 1024)
        return Error{ErrorCode::InvalidArgument, "derived key length must be 1..1024 bytes"};
    return detail::scrypt(detail::asBytes(passphrase), salt, std::uint64_t{1} << params.logN, params.r, params.p,
                          length);
}

} // namespace simkyc::crypto
