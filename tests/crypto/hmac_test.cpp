// HMAC-SHA256 against RFC 4231 test cases 1 and 2; sub-key and passphrase key derivation.
#include "crypto/hmac.h"
#include "crypto_test_util.h"

#include <gtest/gtest.h>

#include <string>

namespace simkyc::crypto {
namespace {

using test::bytesOf;
using test::hex;
using test::hexOf;

TEST(Hmac, Rfc4231TestCase1)
{
    const auto key = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    auto mac = hmacSha256(key, bytesOf("Hi There"));
    ASSERT_TRUE(mac);
    EXPECT_EQ(hexOf(*mac), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

TEST(Hmac, Rfc4231TestCase2)
{
    auto mac = hmacSha256(bytesOf("Jefe"), bytesOf("what do ya want for nothing?"));
    ASSERT_TRUE(mac);
    EXPECT_EQ(hexOf(*mac), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Hmac, EmptyKeyIsRefused)
{
    auto mac = hmacSha256({}, bytesOf("x"));
    ASSERT_FALSE(mac);
    EXPECT_EQ(mac.error().code, ErrorCode::InvalidArgument);
}

TEST(Hmac, SubKeysDifferByLabelAndAreStable)
{
    const SecureBytes master(hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
    auto a = deriveSubKey(master, "simkyc/a");
    auto a2 = deriveSubKey(master, "simkyc/a");
    auto b = deriveSubKey(master, "simkyc/b");
    ASSERT_TRUE(a && a2 && b);
    EXPECT_EQ(a->size(), 32u);
    EXPECT_TRUE(a->equals(a2->span()));
    EXPECT_FALSE(a->equals(b->span()));
    EXPECT_FALSE(a->equals(master.span()));
}

TEST(Hmac, PassphraseKeyDependsOnPassphraseAndSaltAndChecksParams)
{
    const auto salt = hex("00112233445566778899aabbccddeeff");
    const ScryptParams cheap{10, 8, 1};
    auto k1 = passphraseKey("correct horse", salt, cheap);
    auto k2 = passphraseKey("correct horse", salt, cheap);
    auto k3 = passphraseKey("correct horsf", salt, cheap);
    ASSERT_TRUE(k1 && k2 && k3);
    EXPECT_TRUE(k1->equals(k2->span()));
    EXPECT_FALSE(k1->equals(k3->span()));
    EXPECT_FALSE(passphraseKey("x", salt, ScryptParams{4, 8, 1}));
    EXPECT_FALSE(passphraseKey("x", hex("0011"), cheap));
}

} // namespace
} // namespace simkyc::crypto
