#include "crypto/signing.h"
#include "crypto_test_util.h"

#include <gtest/gtest.h>

namespace simkyc::crypto {
namespace {

using test::hex;
using test::hexOf;
using test::secureHex;

struct Ed25519Vector {
    const char *name;
    const char *secret;
    const char *publicKey;
    const char *message;
    const char *signature;
};

// RFC 8032 section 7.1, TEST 1, 2 and 3.
const Ed25519Vector kVectors[] = {
    {"TEST 1", "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
     "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
     "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
    {"TEST 2", "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
     "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
     "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
    {"TEST 3", "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
     "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
     "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
     "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"},
};

TEST(Ed25519, Rfc8032Vectors)
{
    for (const auto &v : kVectors) {
        auto pair = ed25519KeyPairFromPrivate(secureHex(v.secret));
        ASSERT_TRUE(pair.ok()) << v.name;
        EXPECT_EQ(hexOf(pair->publicKey), v.publicKey) << v.name;
        const auto message = hex(v.message);
        auto signature = ed25519Sign(pair->privateKey, message);
        ASSERT_TRUE(signature.ok()) << v.name;
        EXPECT_EQ(hexOf(*signature), v.signature) << v.name;
        EXPECT_TRUE(ed25519Verify(pair->publicKey, message, hex(v.signature)).ok()) << v.name;
    }
}

TEST(Ed25519, FlippedBitInMessageOrSignatureFails)
{
    for (const auto &v : kVectors) {
        auto pair = ed25519KeyPairFromPrivate(secureHex(v.secret));
        ASSERT_TRUE(pair.ok());
        const auto message = hex(v.message);
        const auto signature = hex(v.signature);
        for (std::size_t bit = 0; bit < message.size() * 8; ++bit) {
            auto tampered = message;
            tampered[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
            EXPECT_FALSE(ed25519Verify(pair->publicKey, tampered, signature).ok()) << v.name << " bit " << bit;
        }
        for (std::size_t bit = 0; bit < signature.size() * 8; ++bit) {
            auto tampered = signature;
            tampered[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
            auto status = ed25519Verify(pair->publicKey, message, tampered);
            ASSERT_FALSE(status.ok()) << v.name << " bit " << bit;
            EXPECT_EQ(status.error().code, ErrorCode::CryptoFailure);
        }
    }
}

TEST(Ed25519, GeneratedKeySignsAndOtherKeyDoesNotVerify)
{
    auto a = generateEd25519KeyPair();
    auto b = generateEd25519KeyPair();
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_NE(a->publicKey, b->publicKey);
    const auto message = test::bytesOf("device enrolment 2026-11-28");
    auto signature = ed25519Sign(a->privateKey, message);
    ASSERT_TRUE(signature.ok());
    EXPECT_TRUE(ed25519Verify(a->publicKey, message, *signature).ok());
    EXPECT_FALSE(ed25519Verify(b->publicKey, message, *signature).ok());
}

TEST(Ed25519, InvalidSizesAreRejected)
{
    auto pair = generateEd25519KeyPair();
    ASSERT_TRUE(pair.ok());
    EXPECT_EQ(ed25519KeyPairFromPrivate(SecureBytes(31)).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(ed25519Sign(SecureBytes(64), {}).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(ed25519Verify(pair->publicKey, {}, std::vector<std::uint8_t>(63)).error().code,
              ErrorCode::InvalidArgument);
}

// RFC 8410 section 10.3: the PKCS#8 example; its seed is the one that section prints.
TEST(Ed25519, PemPrivateKeyImports)
{
    const std::string pem = "-----BEGIN PRIVATE KEY-----\n"
                            "MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n"
                            "-----END PRIVATE KEY-----\n";
    auto pair = ed25519KeyPairFromPem(std::span(reinterpret_cast<const std::uint8_t *>(pem.data()), pem.size()));
    ASSERT_TRUE(pair.ok()) << pair.error().toString();
    EXPECT_EQ(hexOf(pair->privateKey.span()), "d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842");
    auto fromSeed = ed25519KeyPairFromPrivate(pair->privateKey);
    ASSERT_TRUE(fromSeed.ok());
    EXPECT_EQ(fromSeed->publicKey, pair->publicKey);
}

TEST(Ed25519, NonEd25519PemIsRejected)
{
    // A P-256 key (valid PKCS#8, the wrong algorithm) and garbage.
    const std::string ec = "-----BEGIN PRIVATE KEY-----\n"
                           "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg9UYxHWYt5grsjZuK\n"
                           "++FrVPnj8TQkLbE2Lvjay7GBvsOhRANCAATV+0UCxW045FAqpICxaTpfFdQhgAc1\n"
                           "F7gvQQ8++umaiK6whY56MXp+IsuIhX3QsHBiRcDYnBJA+o13eiKPPH62\n"
                           "-----END PRIVATE KEY-----\n";
    for (const std::string &text : {ec, std::string("not a key"), std::string()}) {
        auto pair = ed25519KeyPairFromPem(std::span(reinterpret_cast<const std::uint8_t *>(text.data()), text.size()));
        ASSERT_FALSE(pair.ok());
        EXPECT_EQ(pair.error().code, ErrorCode::InvalidFormat);
    }
}

} // namespace
} // namespace simkyc::crypto
