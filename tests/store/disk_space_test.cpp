#include "store/disk_space.h"

#include "support/test_env.h"

#include <gtest/gtest.h>

namespace simkyc::store {
namespace {

TEST(DiskSpace, ReadsTheFreeSpaceOfAFolder)
{
    simkyc::test::TempDir dir;
    auto available = availableBytes(dir.path());
    ASSERT_TRUE(available) << available.error().toString();
    EXPECT_GT(*available, 0u);
    EXPECT_TRUE(requireFreeSpace(dir.path(), 0));
}

TEST(DiskSpace, BelowTheMinimumRefusesWithAClearIoError)
{
    const Status refused = checkFreeSpace("/data", 10u * 1024 * 1024, 64u * 1024 * 1024);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::IoError);
    EXPECT_EQ(refused.error().message, "not enough free disk space: 10 MiB free in /data, at least 64 MiB needed; "
                                       "new registrations are refused until space is freed");
    EXPECT_TRUE(checkFreeSpace("/data", 64u * 1024 * 1024, 64u * 1024 * 1024)); // space is back
}

TEST(DiskSpace, RequireFreeSpaceAgainstTheRealFileSystem)
{
    simkyc::test::TempDir dir;
    auto available = availableBytes(dir.path());
    ASSERT_TRUE(available);
    const Status refused = requireFreeSpace(dir.path(), *available + (std::uint64_t{1} << 40));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::IoError);
    EXPECT_NE(refused.error().message.find("not enough free disk space"), std::string::npos);
    EXPECT_FALSE(availableBytes(dir.path() / "missing"));
}

} // namespace
} // namespace simkyc::store
