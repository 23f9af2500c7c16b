#include "crypto/digest.h"
#include "support/test_env.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

namespace simkyc::crypto {
namespace {

std::string hexOf(std::string_view data)
{
    return toHex(sha256(data));
}

// FIPS 180-2 / NIST CSRC example vectors for SHA-256.
TEST(Sha256, NistVectors)
{
    EXPECT_EQ(hexOf(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(hexOf("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(hexOf("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(hexOf(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, FileMatchesMemoryAcrossBlockBoundaries)
{
    test::TempDir dir;
    for (size_t size : {size_t{0}, size_t{1}, size_t{(1 << 20) - 1}, size_t{1 << 20}, size_t{(1 << 20) + 7}}) {
        std::string content(size, '\0');
        for (size_t i = 0; i < size; ++i)
            content[i] = static_cast<char>((i * 131u + 7u) & 0xff);
        const auto file = dir.path() / ("f" + std::to_string(size));
        std::ofstream(file, std::ios::binary).write(content.data(), static_cast<std::streamsize>(content.size()));
        auto digest = sha256File(file);
        ASSERT_TRUE(digest.ok()) << digest.error().toString();
        EXPECT_EQ(toHex(*digest), hexOf(content)) << "size " << size;
    }
}

TEST(Sha256, MissingFileIsNotFound)
{
    test::TempDir dir;
    auto digest = sha256File(dir.path() / "absent.dat");
    ASSERT_FALSE(digest.ok());
    EXPECT_EQ(digest.error().code, ErrorCode::NotFound);
}

TEST(Sha256, DirectoryIsAnError)
{
    test::TempDir dir;
    auto digest = sha256File(dir.path());
    EXPECT_FALSE(digest.ok());
}

TEST(Hex, LowercaseTwoDigitsPerByte)
{
    const std::uint8_t bytes[] = {0x00, 0x0f, 0xa5, 0xff};
    EXPECT_EQ(toHex(bytes), "000fa5ff");
}

TEST(OpenSsl, ReportsVersion3)
{
    EXPECT_EQ(opensslVersion().rfind("OpenSSL 3.", 0), 0u) << opensslVersion();
}

} // namespace
} // namespace simkyc::crypto
