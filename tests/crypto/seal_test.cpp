#include "crypto/seal.h"
#include "crypto_test_util.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace simkyc::crypto {
namespace {

using test::hex;
using test::hexOf;
using test::secureHex;

// RFC 7748 section 5.2, first vector.
TEST(X25519, Rfc7748Section52)
{
    auto out = detail::x25519(hex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"),
                              hex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"));
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(hexOf(out->span()), "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552");
}

// RFC 7748 section 5.2, iterated: k = u = 9; after 1 and 1000 iterations.
TEST(X25519, Rfc7748Section52Iterated)
{
    std::vector<std::uint8_t> k(32, 0);
    std::vector<std::uint8_t> u(32, 0);
    k[0] = u[0] = 9;
    for (int i = 1; i <= 1000; ++i) {
        auto out = detail::x25519(k, u);
        ASSERT_TRUE(out.ok());
        u = k;
        k.assign(out->data(), out->data() + out->size());
        if (i == 1) {
            EXPECT_EQ(hexOf(k), "422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079");
        }
    }
    EXPECT_EQ(hexOf(k), "684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51");
}

// RFC 7748 section 6.1: Alice and Bob.
TEST(X25519, Rfc7748Section61DiffieHellman)
{
    auto alice =
        x25519KeyPairFromPrivate(secureHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
    auto bob = x25519KeyPairFromPrivate(secureHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
    ASSERT_TRUE(alice.ok() && bob.ok());
    EXPECT_EQ(hexOf(alice->publicKey), "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    EXPECT_EQ(hexOf(bob->publicKey), "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    const char *shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
    auto ab = detail::x25519(alice->privateKey.span(), bob->publicKey);
    auto ba = detail::x25519(bob->privateKey.span(), alice->publicKey);
    ASSERT_TRUE(ab.ok() && ba.ok());
    EXPECT_EQ(hexOf(ab->span()), shared);
    EXPECT_EQ(hexOf(ba->span()), shared);
}

TEST(X25519, LowOrderPeerPointIsRejected)
{
    auto pair = generateX25519KeyPair();
    ASSERT_TRUE(pair.ok());
    EXPECT_FALSE(detail::x25519(pair->privateKey.span(), std::vector<std::uint8_t>(32, 0)).ok());
}

// RFC 5869 appendix A.1 (test case 1) and A.3 (test case 3, empty salt and info).
TEST(Hkdf, Rfc5869TestCases1And3)
{
    const auto ikm = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    auto okm1 = detail::hkdfSha256(ikm, hex("000102030405060708090a0b0c"), hex("f0f1f2f3f4f5f6f7f8f9"), 42);
    ASSERT_TRUE(okm1.ok());
    EXPECT_EQ(hexOf(okm1->span()),
              "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    auto okm3 = detail::hkdfSha256(ikm, {}, {}, 42);
    ASSERT_TRUE(okm3.ok());
    EXPECT_EQ(hexOf(okm3->span()),
              "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
}

class SealTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto pair = generateX25519KeyPair();
        ASSERT_TRUE(pair.ok());
        carrier = std::move(pair).value();
        auto sealed = sealTo(carrier.publicKey, test::bytesOf(kMessage), aad);
        ASSERT_TRUE(sealed.ok());
        blob = std::move(sealed).value();
    }

    static constexpr std::string_view kMessage = "MSISDN 0712345678, ID 12345678";
    std::vector<std::uint8_t> aad = test::hex("0102");
    X25519KeyPair carrier;
    std::vector<std::uint8_t> blob;
};

TEST_F(SealTest, RoundTripAndLayout)
{
    EXPECT_EQ(blob.size(), kSealOverhead + kMessage.size());
    EXPECT_EQ(blob[0], kSealVersion);
    auto opened = openSealed(carrier.privateKey, blob, aad);
    ASSERT_TRUE(opened.ok()) << opened.error().toString();
    EXPECT_EQ(opened->view(), kMessage);
}

TEST_F(SealTest, ImportedPrivateKeyOpens)
{
    auto imported = x25519KeyPairFromPrivate(SecureBytes(carrier.privateKey.span()));
    ASSERT_TRUE(imported.ok());
    EXPECT_EQ(imported->publicKey, carrier.publicKey);
    EXPECT_TRUE(openSealed(imported->privateKey, blob, aad).ok());
}

TEST_F(SealTest, FreshEphemeralKeyPerBlob)
{
    auto again = sealTo(carrier.publicKey, test::bytesOf(kMessage), aad);
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(std::equal(blob.begin() + 1, blob.begin() + 33, again->begin() + 1));
}

TEST_F(SealTest, WrongPrivateKeyFails)
{
    auto other = generateX25519KeyPair();
    ASSERT_TRUE(other.ok());
    auto opened = openSealed(other->privateKey, blob, aad);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::CryptoFailure);
}

TEST_F(SealTest, WrongAssociatedDataFails)
{
    EXPECT_FALSE(openSealed(carrier.privateKey, blob, test::hex("0103")).ok());
}

TEST_F(SealTest, EveryFlippedBitFails)
{
    for (std::size_t bit = 0; bit < blob.size() * 8; ++bit) {
        auto tampered = blob;
        tampered[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
        EXPECT_FALSE(openSealed(carrier.privateKey, tampered, aad).ok()) << "bit " << bit;
    }
}

TEST_F(SealTest, TruncatedBlobIsInvalidFormat)
{
    for (std::size_t size = 0; size < kSealOverhead; ++size) {
        auto opened = openSealed(carrier.privateKey, std::span(blob).first(size), aad);
        ASSERT_FALSE(opened.ok());
        EXPECT_EQ(opened.error().code, ErrorCode::InvalidFormat) << size;
        EXPECT_EQ(opened.error().message, "sealed blob is truncated");
    }
}

TEST_F(SealTest, UnknownVersionIsInvalidFormat)
{
    blob[0] = 2;
    auto opened = openSealed(carrier.privateKey, blob, aad);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::InvalidFormat);
}

TEST(X25519, WrongPrivateKeySizeIsInvalidArgument)
{
    EXPECT_EQ(x25519KeyPairFromPrivate(SecureBytes(31)).error().code, ErrorCode::InvalidArgument);
}

} // namespace
} // namespace simkyc::crypto
