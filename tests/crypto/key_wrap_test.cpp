#include "crypto/aead.h"
#include "crypto/key_wrap.h"
#include "crypto_test_util.h"

#include <gtest/gtest.h>

namespace simkyc::crypto {
namespace {

using test::hex;
using test::hexOf;
using test::secureHex;

// RFC 3394 section 4.6: wrap 256 bits of key data with a 256-bit KEK.
TEST(KeyWrap, Rfc3394Vector46)
{
    const auto kek = secureHex("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F");
    const auto keyData = secureHex("00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F");
    auto wrapped = wrapKey(kek, keyData);
    ASSERT_TRUE(wrapped.ok()) << wrapped.error().toString();
    EXPECT_EQ(hexOf(*wrapped), "28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21");
    auto unwrapped = unwrapKey(kek, *wrapped);
    ASSERT_TRUE(unwrapped.ok());
    EXPECT_TRUE(unwrapped->equals(keyData.span()));
}

TEST(KeyWrap, DataKeyRoundTripsAndWrongKekFails)
{
    auto kek = SecureBytes::random(32);
    auto other = SecureBytes::random(32);
    auto dataKey = generateDataKey();
    ASSERT_TRUE(kek.ok() && other.ok() && dataKey.ok());
    auto wrapped = wrapKey(*kek, *dataKey);
    ASSERT_TRUE(wrapped.ok());
    EXPECT_EQ(wrapped->size(), kWrappedKeySize);
    auto unwrapped = unwrapKey(*kek, *wrapped);
    ASSERT_TRUE(unwrapped.ok());
    EXPECT_TRUE(unwrapped->equals(dataKey->span()));
    auto wrong = unwrapKey(*other, *wrapped);
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().code, ErrorCode::CryptoFailure);
}

TEST(KeyWrap, EveryFlippedBitFails)
{
    auto kek = SecureBytes::random(32);
    auto dataKey = generateDataKey();
    ASSERT_TRUE(kek.ok() && dataKey.ok());
    auto wrapped = wrapKey(*kek, *dataKey);
    ASSERT_TRUE(wrapped.ok());
    for (std::size_t bit = 0; bit < wrapped->size() * 8; ++bit) {
        auto tampered = *wrapped;
        tampered[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
        EXPECT_FALSE(unwrapKey(*kek, tampered).ok()) << "bit " << bit;
    }
}

TEST(KeyWrap, RotationRewrapsWithoutTouchingDataCiphertext)
{
    auto oldKek = SecureBytes::random(32);
    auto newKek = SecureBytes::random(32);
    auto dataKey = generateDataKey();
    ASSERT_TRUE(oldKek.ok() && newKek.ok() && dataKey.ok());
    const auto aad = fieldAssociatedData("rec-1", "photo");
    auto ciphertext = aeadSeal(*dataKey, test::bytesOf("portrait bytes"), aad);
    auto wrapped = wrapKey(*oldKek, *dataKey);
    ASSERT_TRUE(ciphertext.ok() && wrapped.ok());
    const auto ciphertextBefore = *ciphertext;

    auto rewrapped = rewrapKey(*oldKek, *newKek, *wrapped);
    ASSERT_TRUE(rewrapped.ok());
    EXPECT_NE(*rewrapped, *wrapped);
    EXPECT_FALSE(unwrapKey(*oldKek, *rewrapped).ok());
    auto recovered = unwrapKey(*newKek, *rewrapped);
    ASSERT_TRUE(recovered.ok());
    auto opened = aeadOpen(*recovered, *ciphertext, aad);
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(opened->view(), "portrait bytes");
    EXPECT_EQ(*ciphertext, ciphertextBefore);
    EXPECT_FALSE(rewrapKey(*newKek, *newKek, *wrapped).ok()); // wrong old KEK
}

TEST(KeyWrap, InvalidSizesAreRejected)
{
    auto kek = SecureBytes::random(32);
    ASSERT_TRUE(kek.ok());
    EXPECT_EQ(wrapKey(SecureBytes(16), SecureBytes(32)).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(wrapKey(*kek, SecureBytes(8)).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(wrapKey(*kek, SecureBytes(33)).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(unwrapKey(*kek, hex("00112233")).error().code, ErrorCode::InvalidFormat);
    EXPECT_EQ(unwrapKey(*kek, std::vector<std::uint8_t>(41)).error().code, ErrorCode::InvalidFormat);
}

} // namespace
} // namespace simkyc::crypto
