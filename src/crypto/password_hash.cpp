#include "crypto/password_hash.h"
#include "crypto/detail.h"
#include "crypto/secure_bytes.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <charconv>
#include <chrono>
#include <optional>
#include <vector>

namespace simkyc::crypto {
namespace {

constexpr std::size_t kSaltSize = 16;
constexpr std::size_t kHashSize = 32;
constexpr std::string_view kPrefix = "$scrypt$";
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(std::span<const std::uint8_t> data)
{
    std::string out;
    std::uint32_t acc = 0;
    int bits = 0;
    for (std::uint8_t byte : data) {
        acc = (acc << 8) | byte;
        for (bits += 8; bits >= 6; bits -= 6)
            out.push_back(kAlphabet[(acc >> (bits - 6)) & 0x3f]);
    }
    if (bits > 0)
        out.push_back(kAlphabet[(acc << (6 - bits)) & 0x3f]);
    return out;
}

// Strict unpadded base64: rejects padding, foreign characters and non-zero trailing bits.
std::optional<std::vector<std::uint8_t>> unbase64(std::string_view text)
{
    std::vector<std::uint8_t> out;
    std::uint32_t acc = 0;
    int bits = 0;
    for (char c : text) {
        const char *pos = std::char_traits<char>::find(kAlphabet, 64, c);
        if (pos == nullptr)
            return std::nullopt;
        acc = (acc << 6) | static_cast<std::uint32_t>(pos - kAlphabet);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<std::uint8_t>(acc >> bits));
        }
    }
    if (bits >= 6 || (acc & ((1u << bits) - 1)) != 0)
        return std::nullopt;
    return out;
}

struct Parsed {
    ScryptParams params;
    std::vector<std::uint8_t> salt;
    std::vector<std::uint8_t> hash;
};

bool parseField(std::string_view &text, std::string_view key, std::uint32_t &value)
{
    if (text.substr(0, key.size()) != key)
        return false;
    text.remove_prefix(key.size());
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end == text.data() || (text[0] == '0' && end - text.data() > 1))
        return false;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    return true;
}

Result<Parsed> parse(std::string_view encoded)
{
    const Error malformed{ErrorCode::InvalidFormat, "not a $scrypt$ln=..,r=..,p=..$salt$hash password hash"};
    if (encoded.substr(0, kPrefix.size()) != kPrefix)
        return malformed;
    std::string_view rest = encoded.substr(kPrefix.size());
    Parsed out;
    if (!parseField(rest, "ln=", out.params.logN) || !parseField(rest, ",r=", out.params.r) ||
        !parseField(rest, ",p=", out.params.p) || rest.substr(0, 1) != "$")
        return malformed;
    rest.remove_prefix(1);
    const auto dollar = rest.find('$');
    if (dollar == std::string_view::npos)
        return malformed;
    auto salt = unbase64(rest.substr(0, dollar));
    auto hash = unbase64(rest.substr(dollar + 1));
    if (!salt || !hash || salt->size() < 8 || salt->size() > 64 || hash->size() < 16 || hash->size() > 64)
        return malformed;
    if (auto status = validateScryptParams(out.params); !status)
        return Error{ErrorCode::InvalidFormat, "stored password hash: " + status.error().message};
    out.salt = std::move(*salt);
    out.hash = std::move(*hash);
    return out;
}

Result<SecureBytes> derive(std::string_view password, std::span<const std::uint8_t> salt, const ScryptParams &params,
                           std::size_t length)
{
    return detail::scrypt(detail::asBytes(password), salt, std::uint64_t{1} << params.logN, params.r, params.p, length);
}

} // namespace

namespace detail {

Result<SecureBytes> scrypt(Bytes password, Bytes salt, std::uint64_t n, std::uint32_t r, std::uint32_t p,
                           std::size_t length)
{
    SecureBytes out(length);
    // maxmem: the scrypt working set plus slack; the policy limit is enforced by validateScryptParams.
    const std::uint64_t maxmem = 128u * std::uint64_t{r} * (n + p + 2) + (1u << 20);
    if (EVP_PBE_scrypt(reinterpret_cast<const char *>(password.data()), password.size(), salt.data(), salt.size(), n, r,
                       p, maxmem, out.data(), out.size()) != 1)
        return Error{ErrorCode::CryptoFailure, "scrypt failed (parameters or memory)"};
    return out;
}

} // namespace detail

Status validateScryptParams(const ScryptParams &params)
{
    if (params.logN < kScryptMinLogN || params.logN > kScryptMaxLogN)
        return {ErrorCode::InvalidArgument, "scrypt ln must be 10..22"};
    if (params.r < 1 || params.r > kScryptMaxR)
        return {ErrorCode::InvalidArgument, "scrypt r must be 1..32"};
    if (params.p < 1 || params.p > kScryptMaxP)
        return {ErrorCode::InvalidArgument, "scrypt p must be 1..16"};
    if (128u * std::uint64_t{params.r} * (std::uint64_t{1} << params.logN) > kScryptMaxMemoryBytes)
        return {ErrorCode::InvalidArgument, "scrypt memory 128*r*N exceeds 1 GiB"};
    return {};
}

Result<std::string> hashPassword(std::string_view password, const ScryptParams &params)
{
    if (auto status = validateScryptParams(params); !status)
        return status.error();
    std::uint8_t salt[kSaltSize];
    if (auto status = fillRandom(salt); !status)
        return status.error();
    auto hash = derive(password, salt, params, kHashSize);
    if (!hash)
        return hash.error();
    return std::string(kPrefix) + "ln=" + std::to_string(params.logN) + ",r=" + std::to_string(params.r) +
           ",p=" + std::to_string(params.p) + "$" + base64(salt) + "$" + base64(hash->span());
}

Result<bool> verifyPassword(std::string_view password, std::string_view encoded)
{
    auto parsed = parse(encoded);
    if (!parsed)
        return parsed.error();
    auto hash = derive(password, parsed->salt, parsed->params, parsed->hash.size());
    if (!hash)
        return hash.error();
    return CRYPTO_memcmp(hash->data(), parsed->hash.data(), hash->size()) == 0;
}

Result<ScryptParams> parseScryptParams(std::string_view encoded)
{
    auto parsed = parse(encoded);
    if (!parsed)
        return parsed.error();
    return parsed->params;
}

Result<ScryptParams> calibrateScrypt(unsigned targetMs, std::uint32_t r, std::uint32_t p, std::uint32_t minLogN)
{
    ScryptParams params{minLogN, r, p};
    if (auto status = validateScryptParams(params); !status)
        return status.error();
    const std::uint8_t salt[kSaltSize] = {};
    while (true) {
        const auto start = std::chrono::steady_clock::now();
        auto hash = derive("calibration", salt, params, kHashSize);
        if (!hash)
            return hash.error();
        const auto elapsedMs =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
        ScryptParams next = params;
        ++next.logN;
        // Doubling N doubles the time; stop before the next step would overshoot the target.
        if (2 * elapsedMs > static_cast<long long>(targetMs) || !validateScryptParams(next))
            return params;
        params = next;
    }
}

} // namespace simkyc::crypto
