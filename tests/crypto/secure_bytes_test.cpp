#include "crypto/secure_bytes.h"
#include "crypto_test_util.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <type_traits>

namespace simkyc::crypto {
namespace {

static_assert(!std::is_copy_constructible_v<SecureBytes>);
static_assert(!std::is_copy_assignable_v<SecureBytes>);
static_assert(std::is_nothrow_move_constructible_v<SecureBytes>);
static_assert(std::is_nothrow_move_assignable_v<SecureBytes>);

TEST(SecureBytes, SizedConstructorZeroFills)
{
    SecureBytes bytes(32);
    ASSERT_EQ(bytes.size(), 32u);
    EXPECT_TRUE(std::all_of(bytes.data(), bytes.data() + bytes.size(), [](std::uint8_t b) { return b == 0; }));
}

TEST(SecureBytes, CopiesFromSpanAndComparesEqual)
{
    const auto data = test::hex("00112233445566778899");
    SecureBytes bytes(data);
    EXPECT_TRUE(bytes.equals(data));
    EXPECT_FALSE(bytes.equals(test::hex("00112233445566778898")));
    EXPECT_FALSE(bytes.equals(test::hex("0011")));
    EXPECT_TRUE(bytes.clone().equals(data));
}

TEST(SecureBytes, MoveLeavesSourceEmpty)
{
    SecureBytes a(test::hex("aabbcc"));
    SecureBytes b(std::move(a));
    EXPECT_TRUE(a.empty()); // NOLINT(bugprone-use-after-move): documented moved-from state
    EXPECT_EQ(a.data(), nullptr);
    EXPECT_TRUE(b.equals(test::hex("aabbcc")));
    SecureBytes c;
    c = std::move(b);
    EXPECT_TRUE(b.empty()); // NOLINT(bugprone-use-after-move)
    EXPECT_TRUE(c.equals(test::hex("aabbcc")));
}

TEST(SecureBytes, ResizeKeepsPrefixAndZeroFillsGrowth)
{
    SecureBytes bytes(test::hex("010203"));
    bytes.resize(5);
    EXPECT_TRUE(bytes.equals(test::hex("0102030000")));
    bytes.resize(2);
    EXPECT_TRUE(bytes.equals(test::hex("0102")));
    bytes.resize(1000); // crosses from page-backed to heap storage
    EXPECT_EQ(bytes.size(), 1000u);
    EXPECT_EQ(bytes.data()[1], 0x02);
    EXPECT_EQ(bytes.data()[999], 0x00);
    bytes.clear();
    EXPECT_TRUE(bytes.empty());
}

TEST(SecureBytes, KeySizedBuffersAreExcludedFromCoreDumps)
{
    SecureBytes key(32);
    EXPECT_TRUE(key.dumpExcluded()); // Linux >= 3.4 supports MADV_DONTDUMP
    SecureBytes large(SecureBytes::kKeySizedMax + 1);
    EXPECT_FALSE(large.dumpExcluded());
}

TEST(SecureBytes, RandomBytesDifferAndHaveRequestedSize)
{
    auto a = SecureBytes::random(32);
    auto b = SecureBytes::random(32);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->size(), 32u);
    EXPECT_FALSE(a->equals(b->span()));
    auto empty = SecureBytes::random(0);
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->empty());
}

TEST(SecureBytes, ViewExposesBytesAsText)
{
    SecureBytes bytes(test::bytesOf("pin"));
    EXPECT_EQ(bytes.view(), "pin");
}

} // namespace
} // namespace simkyc::crypto
