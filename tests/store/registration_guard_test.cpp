// The gate before a registration: the free-space threshold setting and its range, and on a real small
// file system (a tmpfs, when this process may mount one) "disk_low" until space is back.
#include "store/open_store.h"
#include "store/registration_guard.h"
#include "store/settings.h"
#include "support/test_env.h"

#include <gtest/gtest.h>

#include <sys/mount.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

namespace simkyc::store {
namespace {

class RegistrationGuardTest : public ::testing::Test {
protected:
    simkyc::test::TempDir m_dir;
};

TEST_F(RegistrationGuardTest, ThresholdSettingAndItsRange)
{
    auto db = openStore(m_dir.path() / "simkyc.db");
    ASSERT_TRUE(db) << db.error().toString();
    EXPECT_EQ(*minimumFreeBytes(*db), 64ull * 1024 * 1024);
    ASSERT_TRUE(writeSetting(*db, kMinFreeMibSetting, "16"));
    EXPECT_EQ(*minimumFreeBytes(*db), 16ull * 1024 * 1024);
    for (const char *bad : {"0", "15", "65537", "64MiB", ""}) {
        ASSERT_TRUE(writeSetting(*db, kMinFreeMibSetting, bad));
        auto refused = checkCanRegister(*db);
        ASSERT_FALSE(refused) << bad;
        EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);
    }
}

// A 40 MiB tmpfs: below the 64 MiB default the kiosk refuses; with a 16 MiB threshold it registers
// until a file eats the space, and again once the file is gone.
TEST_F(RegistrationGuardTest, SmallFileSystemIsDiskLowUntilSpaceIsBack)
{
    const std::filesystem::path mount = m_dir.path() / "mnt";
    std::filesystem::create_directory(mount);
    if (::mount("tmpfs", mount.c_str(), "tmpfs", 0, "size=40m,mode=0700") != 0)
        GTEST_SKIP() << "cannot mount a tmpfs here (needs root): " << std::strerror(errno);
    struct Unmount {
        std::filesystem::path path;
        ~Unmount() { ::umount2(path.c_str(), MNT_DETACH); }
    } unmount{mount};
    {
        auto db = openStore(mount / "simkyc.db");
        ASSERT_TRUE(db) << db.error().toString();
        auto low = checkCanRegister(*db);
        ASSERT_FALSE(low) << "40 MiB free is below the 64 MiB default";
        EXPECT_EQ(low.error().code, ErrorCode::IoError);
        EXPECT_EQ(low.error().message.rfind("disk_low: ", 0), 0u) << low.error().message;
        std::printf("[ guard ] %s\n", low.error().message.c_str());

        ASSERT_TRUE(writeSetting(*db, kMinFreeMibSetting, "16"));
        EXPECT_TRUE(checkCanRegister(*db));
        {
            std::ofstream filler(mount / "filler", std::ios::binary);
            const std::string chunk(1024 * 1024, 'x');
            for (int i = 0; i < 30; ++i)
                filler << chunk;
        }
        EXPECT_FALSE(checkCanRegister(*db)) << "space eaten by another file";
        std::filesystem::remove(mount / "filler");
        EXPECT_TRUE(checkCanRegister(*db)) << "space is back";
    }
}

} // namespace
} // namespace simkyc::store
