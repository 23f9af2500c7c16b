#include "crypto/self_test.h"

#include <gtest/gtest.h>

#include <string>

namespace simkyc::crypto {
namespace {

TEST(SelfTest, AllKnownAnswersPass)
{
    auto status = runSelfTests();
    EXPECT_TRUE(status.ok()) << status.error().toString();
}

TEST(SelfTest, FailureNamesThePrimitive)
{
    for (const char *primitive : {"SHA-256", "AES-256-GCM", "X25519", "Ed25519", "scrypt", "AES-KW", "HKDF-SHA256"}) {
        auto status = detail::runSelfTestsCorrupting(primitive);
        ASSERT_FALSE(status.ok()) << primitive;
        EXPECT_EQ(status.error().code, ErrorCode::CryptoFailure);
        EXPECT_EQ(status.error().message, std::string("self-test failed: ") + primitive);
    }
}

} // namespace
} // namespace simkyc::crypto
