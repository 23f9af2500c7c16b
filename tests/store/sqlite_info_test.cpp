#include "store/sqlite_info.h"

#include <gtest/gtest.h>

namespace simkyc::store {
namespace {

TEST(SqliteInfo, RunTimeLibraryIsSqlite3AndThreadsafe)
{
    const std::string version = sqliteVersion();
    ASSERT_EQ(version.rfind("3.", 0), 0u) << version;
    // WAL with synchronous=FULL and the backup API need a reasonably recent SQLite.
    const int minor = std::stoi(version.substr(2, version.find('.', 2) - 2));
    EXPECT_GE(minor, 35) << version;
    EXPECT_TRUE(sqliteThreadsafe());
    EXPECT_FALSE(sqliteSourceId().empty());
}

} // namespace
} // namespace simkyc::store
