#include "crypto/aead.h"
#include "crypto_test_util.h"

#include <gtest/gtest.h>

#include <string>

namespace simkyc::crypto {
namespace {

using test::hex;
using test::hexOf;

struct GcmVector {
    const char *name;
    const char *key;
    const char *iv;
    const char *plaintext;
    const char *aad;
    const char *ciphertext;
    const char *tag;
};

// McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", test cases 13-16 (AES-256, 96-bit IV),
// as used in NIST's GCM validation.
constexpr const char *kK15 = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";
constexpr const char *kP15 = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                             "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
constexpr const char *kC15 = "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                             "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad";
const GcmVector kVectors[] = {
    {"TC13", "0000000000000000000000000000000000000000000000000000000000000000", "000000000000000000000000", "", "", "",
     "530f8afbc74536b9a963b4f1c4cb738b"},
    {"TC14", "0000000000000000000000000000000000000000000000000000000000000000", "000000000000000000000000",
     "00000000000000000000000000000000", "", "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919"},
    {"TC15", kK15, "cafebabefacedbaddecaf888", kP15, "", kC15, "b094dac5d93471bdec1a502270e3cc6c"},
};

TEST(AesGcm, SpecVectors13To15)
{
    for (const auto &v : kVectors) {
        auto sealed = detail::gcmEncrypt(hex(v.key), hex(v.iv), hex(v.plaintext), hex(v.aad));
        ASSERT_TRUE(sealed.ok()) << v.name;
        EXPECT_EQ(hexOf(*sealed), std::string(v.ciphertext) + v.tag) << v.name;
        auto opened = detail::gcmDecrypt(hex(v.key), hex(v.iv), *sealed, hex(v.aad));
        ASSERT_TRUE(opened.ok()) << v.name;
        EXPECT_EQ(hexOf(opened->span()), v.plaintext) << v.name;
    }
}

TEST(AesGcm, SpecVector16WithAssociatedData)
{
    const std::string plaintext = std::string(kP15).substr(0, 120);
    const std::string ciphertext = std::string(kC15).substr(0, 120);
    const auto aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    auto sealed = detail::gcmEncrypt(hex(kK15), hex("cafebabefacedbaddecaf888"), hex(plaintext), aad);
    ASSERT_TRUE(sealed.ok());
    EXPECT_EQ(hexOf(*sealed), ciphertext + "76fc6ece0f4e1768cddf8853bb2d551b");
}

class AeadTest : public ::testing::Test {
protected:
    SecureBytes key = std::move(SecureBytes::random(kAeadKeySize)).value();
    std::vector<std::uint8_t> aad = fieldAssociatedData("rec-42", "id_number");
    std::vector<std::uint8_t> plaintext = hex("4a6f686e20446f65203132333435");
};

TEST_F(AeadTest, RoundTripAndLayout)
{
    auto sealed = aeadSeal(key, plaintext, aad);
    ASSERT_TRUE(sealed.ok());
    EXPECT_EQ(sealed->size(), plaintext.size() + kAeadOverhead);
    auto opened = aeadOpen(key, *sealed, aad);
    ASSERT_TRUE(opened.ok()) << opened.error().toString();
    EXPECT_TRUE(opened->equals(plaintext));
}

TEST_F(AeadTest, FreshNonceEachSeal)
{
    auto a = aeadSeal(key, plaintext, aad);
    auto b = aeadSeal(key, plaintext, aad);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_NE(*a, *b);
    EXPECT_FALSE(std::equal(a->begin(), a->begin() + kAeadNonceSize, b->begin()));
}

TEST_F(AeadTest, EmptyPlaintextRoundTrips)
{
    auto sealed = aeadSeal(key, {}, aad);
    ASSERT_TRUE(sealed.ok());
    auto opened = aeadOpen(key, *sealed, aad);
    ASSERT_TRUE(opened.ok());
    EXPECT_TRUE(opened->empty());
}

TEST_F(AeadTest, EveryFlippedBitOfNonceCiphertextTagFails)
{
    auto sealed = aeadSeal(key, plaintext, aad);
    ASSERT_TRUE(sealed.ok());
    for (std::size_t bit = 0; bit < sealed->size() * 8; ++bit) {
        auto tampered = *sealed;
        tampered[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
        auto opened = aeadOpen(key, tampered, aad);
        ASSERT_FALSE(opened.ok()) << "bit " << bit;
        EXPECT_EQ(opened.error().code, ErrorCode::CryptoFailure);
        EXPECT_EQ(opened.error().message, "authentication failed");
    }
}

TEST_F(AeadTest, EveryFlippedBitOfAssociatedDataFails)
{
    auto sealed = aeadSeal(key, plaintext, aad);
    ASSERT_TRUE(sealed.ok());
    for (std::size_t bit = 0; bit < aad.size() * 8; ++bit) {
        auto tampered = aad;
        tampered[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
        EXPECT_FALSE(aeadOpen(key, *sealed, tampered).ok()) << "bit " << bit;
    }
}

TEST_F(AeadTest, CiphertextMovedToAnotherRecordOrFieldFails)
{
    auto sealed = aeadSeal(key, plaintext, aad);
    ASSERT_TRUE(sealed.ok());
    EXPECT_FALSE(aeadOpen(key, *sealed, fieldAssociatedData("rec-43", "id_number")).ok());
    EXPECT_FALSE(aeadOpen(key, *sealed, fieldAssociatedData("rec-42", "full_name")).ok());
    EXPECT_FALSE(aeadOpen(key, *sealed, fieldAssociatedData("rec-42", "id_number", 2)).ok());
    EXPECT_FALSE(aeadOpen(key, *sealed, {}).ok());
}

TEST_F(AeadTest, WrongKeyFails)
{
    auto sealed = aeadSeal(key, plaintext, aad);
    ASSERT_TRUE(sealed.ok());
    auto other = SecureBytes::random(kAeadKeySize);
    ASSERT_TRUE(other.ok());
    EXPECT_FALSE(aeadOpen(*other, *sealed, aad).ok());
}

TEST_F(AeadTest, TruncatedInputIsInvalidFormat)
{
    auto sealed = aeadSeal(key, plaintext, aad);
    ASSERT_TRUE(sealed.ok());
    for (std::size_t size = 0; size < kAeadOverhead; ++size) {
        auto opened = aeadOpen(key, std::span(*sealed).first(size), aad);
        ASSERT_FALSE(opened.ok());
        EXPECT_EQ(opened.error().code, ErrorCode::InvalidFormat) << size;
    }
    auto shortened = aeadOpen(key, std::span(*sealed).first(sealed->size() - 1), aad);
    EXPECT_EQ(shortened.error().code, ErrorCode::CryptoFailure);
}

TEST_F(AeadTest, WrongKeySizeIsInvalidArgument)
{
    auto sealed = aeadSeal(SecureBytes(16), plaintext, aad);
    ASSERT_FALSE(sealed.ok());
    EXPECT_EQ(sealed.error().code, ErrorCode::InvalidArgument);
}

TEST(FieldAssociatedData, LengthPrefixedAndUnambiguous)
{
    EXPECT_EQ(hexOf(fieldAssociatedData("r", "f")),
              "0000000f" + hexOf(test::bytesOf("simkyc/field/v1")) + "0000000172" + "0000000166");
    EXPECT_NE(fieldAssociatedData("a|b", "c"), fieldAssociatedData("a", "b|c"));
    EXPECT_NE(fieldAssociatedData("ab", "c"), fieldAssociatedData("a", "bc"));
}

} // namespace
} // namespace simkyc::crypto
