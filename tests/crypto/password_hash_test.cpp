#include "crypto/password_hash.h"
#include "crypto_test_util.h"

#include <gtest/gtest.h>

#include <chrono>

namespace simkyc::crypto {
namespace {

using test::hexOf;

// RFC 7914 section 12, the two cheap vectors.
TEST(Scrypt, Rfc7914Vectors)
{
    auto empty = detail::scrypt({}, {}, 16, 1, 1, 64);
    ASSERT_TRUE(empty.ok());
    EXPECT_EQ(hexOf(empty->span()), "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                                    "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
    auto password = detail::scrypt(test::bytesOf("password"), test::bytesOf("NaCl"), 1024, 8, 16, 64);
    ASSERT_TRUE(password.ok());
    EXPECT_EQ(hexOf(password->span()), "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                                       "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
}

constexpr ScryptParams kCheap{10, 8, 1};

TEST(PasswordHash, RoundTripAndEncoding)
{
    auto encoded = hashPassword("correct horse", kCheap);
    ASSERT_TRUE(encoded.ok()) << encoded.error().toString();
    EXPECT_EQ(encoded->rfind("$scrypt$ln=10,r=8,p=1$", 0), 0u) << *encoded;
    EXPECT_EQ(encoded->find('='), encoded->find("ln=") + 2) << "params only; base64 is unpadded";
    auto ok = verifyPassword("correct horse", *encoded);
    ASSERT_TRUE(ok.ok());
    EXPECT_TRUE(*ok);
    auto params = parseScryptParams(*encoded);
    ASSERT_TRUE(params.ok());
    EXPECT_EQ(params->logN, 10u);
    EXPECT_EQ(params->r, 8u);
    EXPECT_EQ(params->p, 1u);
}

TEST(PasswordHash, WrongPasswordFails)
{
    auto encoded = hashPassword("correct horse", kCheap);
    ASSERT_TRUE(encoded.ok());
    for (const char *wrong : {"correct hors", "correct horse ", "Correct horse", ""}) {
        auto result = verifyPassword(wrong, *encoded);
        ASSERT_TRUE(result.ok());
        EXPECT_FALSE(*result) << wrong;
    }
}

TEST(PasswordHash, SaltDiffersPerHash)
{
    auto a = hashPassword("pin", kCheap);
    auto b = hashPassword("pin", kCheap);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_NE(*a, *b);
}

TEST(PasswordHash, AbsurdParametersAreRejected)
{
    for (ScryptParams params :
         {ScryptParams{9, 8, 1}, ScryptParams{23, 8, 1}, ScryptParams{64, 8, 1}, ScryptParams{15, 0, 1},
          ScryptParams{15, 33, 1}, ScryptParams{15, 8, 0}, ScryptParams{15, 8, 17}, ScryptParams{22, 32, 1}}) {
        auto encoded = hashPassword("x", params);
        ASSERT_FALSE(encoded.ok()) << params.logN << "," << params.r << "," << params.p;
        EXPECT_EQ(encoded.error().code, ErrorCode::InvalidArgument);
    }
    EXPECT_TRUE(validateScryptParams({20, 8, 1}).ok()); // 128 * 8 * 2^20 = exactly 1 GiB
    EXPECT_FALSE(validateScryptParams({21, 8, 1}).ok());
    EXPECT_TRUE(validateScryptParams({22, 2, 1}).ok());
}

TEST(PasswordHash, MalformedEncodingIsInvalidFormat)
{
    auto good = hashPassword("pw", kCheap);
    ASSERT_TRUE(good.ok());
    const std::string salt = good->substr(22, good->find('$', 22) - 22);
    for (const std::string &bad : {
             std::string(),
             std::string("plaintext"),
             std::string("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"),
             std::string("$scrypt$ln=10,r=8$") + salt + "$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
             std::string("$scrypt$ln=10,r=8,p=1$") + salt,
             std::string("$scrypt$ln=010,r=8,p=1$") + salt + "$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
             std::string("$scrypt$ln=-1,r=8,p=1$") + salt + "$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
             std::string("$scrypt$ln=10,r=8,p=1$") + salt + "$AAAA=",
             std::string("$scrypt$ln=10,r=8,p=1$") + salt + "$AAA!AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
             std::string("$scrypt$ln=10,r=8,p=1$$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
             std::string("$scrypt$ln=40,r=8,p=1$") + salt + "$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
             std::string("$scrypt$ln=99999999999,r=8,p=1$") + salt + "$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
         }) {
        auto result = verifyPassword("pw", bad);
        ASSERT_FALSE(result.ok()) << bad;
        EXPECT_EQ(result.error().code, ErrorCode::InvalidFormat) << bad;
        EXPECT_EQ(result.error().message.find("pw"), std::string::npos);
    }
}

TEST(PasswordHash, CalibrationPicksValidParamsNearTarget)
{
    const auto start = std::chrono::steady_clock::now();
    auto params = calibrateScrypt(40, 8, 1, 10);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_TRUE(params.ok()) << params.error().toString();
    EXPECT_TRUE(validateScryptParams(*params).ok());
    EXPECT_GE(params->logN, 10u);
    EXPECT_LT(params->logN, 18u) << "40 ms cannot afford 256 MiB";
    EXPECT_LT(elapsed, std::chrono::seconds(5));
    EXPECT_EQ(calibrateScrypt(40, 0, 1).error().code, ErrorCode::InvalidArgument);
}

} // namespace
} // namespace simkyc::crypto
