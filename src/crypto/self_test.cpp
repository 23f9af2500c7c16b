#include "crypto/self_test.h"
#include "core/log.h"
#include "crypto/detail.h"
#include "crypto/digest.h"
#include "crypto/key_wrap.h"
#include "crypto/signing.h"

#include <algorithm>
#include <string>
#include <vector>

namespace simkyc::crypto {
namespace {

std::vector<std::uint8_t> hex(std::string_view text)
{
    auto bytes = fromHex(text);
    return bytes ? std::move(bytes).value() : std::vector<std::uint8_t>{};
}

class Runner {
public:
    explicit Runner(std::string_view corrupt) : m_corrupt(corrupt) {}

    // Compares actual with the expected answer (corrupted in its first byte when asked to).
    bool matches(std::string_view primitive, std::span<const std::uint8_t> actual, std::string_view expectedHex) const
    {
        auto expected = hex(expectedHex);
        if (primitive == m_corrupt && !expected.empty())
            expected[0] ^= 0x01;
        return std::equal(actual.begin(), actual.end(), expected.begin(), expected.end());
    }

private:
    std::string_view m_corrupt;
};

Status fail(std::string_view primitive)
{
    return {ErrorCode::CryptoFailure, "self-test failed: " + std::string(primitive)};
}

Status runAll(std::string_view corrupt)
{
    const Runner run(corrupt);

    if (!run.matches("SHA-256", sha256(std::string_view("abc")),
                     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
        return fail("SHA-256");

    const auto zeroKey = hex(std::string(64, '0'));
    const auto zeroNonce = hex(std::string(24, '0'));
    auto gcm = detail::gcmEncrypt(zeroKey, zeroNonce, hex(std::string(32, '0')), {});
    if (!gcm || !run.matches("AES-256-GCM", *gcm, "cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919"))
        return fail("AES-256-GCM");

    auto shared = detail::x25519(hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"),
                                 hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"));
    if (!shared ||
        !run.matches("X25519", shared->span(), "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"))
        return fail("X25519");

    const SecureBytes edSecret(hex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
    const auto edMessage = hex("72");
    auto pair = ed25519KeyPairFromPrivate(edSecret);
    auto signature = ed25519Sign(edSecret, edMessage);
    if (!pair || !signature ||
        !run.matches("Ed25519", *signature,
                     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                     "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00") ||
        !ed25519Verify(pair->publicKey, edMessage, *signature))
        return fail("Ed25519");

    auto derived = detail::scrypt({}, {}, 16, 1, 1, 64);
    if (!derived || !run.matches("scrypt", derived->span(),
                                 "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                                 "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"))
        return fail("scrypt");

    auto wrapped = wrapKey(SecureBytes(hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")),
                           SecureBytes(hex("00112233445566778899aabbccddeeff000102030405060708090a0b0c0d0e0f")));
    if (!wrapped || !run.matches("AES-KW", *wrapped,
                                 "28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326"
                                 "cbc7f0e71a99f43bfb988b9b7a02dd21"))
        return fail("AES-KW");

    auto okm = detail::hkdfSha256(hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                                  hex("000102030405060708090a0b0c"), hex("f0f1f2f3f4f5f6f7f8f9"), 42);
    if (!okm || !run.matches("HKDF-SHA256", okm->span(),
                             "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"))
        return fail("HKDF-SHA256");
    return {};
}

} // namespace

Status runSelfTests()
{
    auto status = runAll({});
    if (status)
        log::info(log::kCrypto, "known-answer self-tests passed (" + opensslVersion() + ")");
    else
        log::critical(log::kCrypto, status.error().message + " (" + opensslVersion() + ")");
    return status;
}

namespace detail {
Status runSelfTestsCorrupting(std::string_view primitive)
{
    return runAll(primitive);
}
} // namespace detail

} // namespace simkyc::crypto
