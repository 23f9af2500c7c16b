#include "crypto/digest.h"
#include "crypto/detail.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace simkyc::crypto {
namespace {

struct MdCtxDeleter {
    void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
};
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

struct FileCloser {
    void operator()(std::FILE *f) const { std::fclose(f); }
};

} // namespace

Sha256Digest sha256(std::span<const std::uint8_t> data)
{
    Sha256Digest out{};
    unsigned int len = 0;
    // EVP_Digest with SHA-256 cannot fail for in-memory input short of allocation failure.
    if (EVP_Digest(data.data(), data.size(), out.data(), &len, EVP_sha256(), nullptr) != 1 || len != out.size())
        std::abort();
    return out;
}

Sha256Digest sha256(std::string_view data)
{
    return sha256(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t *>(data.data()), data.size()));
}

Result<Sha256Digest> sha256File(const std::filesystem::path &path)
{
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        const int err = errno;
        return {err == ENOENT ? ErrorCode::NotFound : ErrorCode::Unreadable, path.string() + ": " + std::strerror(err)};
    }
    MdCtx ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
        return {ErrorCode::CryptoFailure, "cannot initialise SHA-256"};
    std::vector<std::uint8_t> buffer(1 << 20);
    while (true) {
        const size_t n = std::fread(buffer.data(), 1, buffer.size(), file.get());
        if (n > 0 && EVP_DigestUpdate(ctx.get(), buffer.data(), n) != 1)
            return {ErrorCode::CryptoFailure, "SHA-256 update failed"};
        if (n < buffer.size()) {
            if (std::ferror(file.get()) != 0)
                return {ErrorCode::IoError, path.string() + ": read error"};
            break;
        }
    }
    Sha256Digest out{};
    unsigned int len = 0;
    if (EVP_DigestFinal_ex(ctx.get(), out.data(), &len) != 1 || len != out.size())
        return {ErrorCode::CryptoFailure, "SHA-256 final failed"};
    return out;
}

std::string toHex(std::span<const std::uint8_t> bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (std::uint8_t b : bytes) {
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 0x0f]);
    }
    return out;
}

std::string opensslVersion()
{
    return OpenSSL_version(OPENSSL_VERSION);
}

} // namespace simkyc::crypto

namespace simkyc::crypto {

Result<std::vector<std::uint8_t>> fromHex(std::string_view hex)
{
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    if (hex.size() % 2 != 0)
        return Error{ErrorCode::InvalidFormat, "hex string has odd length"};
    std::vector<std::uint8_t> out(hex.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const int high = nibble(hex[2 * i]);
        const int low = nibble(hex[2 * i + 1]);
        if (high < 0 || low < 0)
            return Error{ErrorCode::InvalidFormat, "hex string has a non-hex character"};
        out[i] = static_cast<std::uint8_t>((high << 4) | low);
    }
    return out;
}

} // namespace simkyc::crypto
