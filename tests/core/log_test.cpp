#include "core/log.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace simkyc::log {
namespace {

std::vector<std::string> g_lines;

void captureSink(Level level, std::string_view category, std::string_view message)
{
    g_lines.push_back(std::string(category) + "|" + std::string(levelName(level)) + "|" + std::string(message));
}

class LogTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        g_lines.clear();
        setSink(&captureSink);
        setMinimumLevel(Level::Info);
    }
    void TearDown() override
    {
        setSink(nullptr);
        setMinimumLevel(Level::Info);
    }
};

TEST_F(LogTest, RoutesToInstalledSinkWithCategory)
{
    info(kVision, "model loaded");
    warning(kStore, "quick_check slow");
    ASSERT_EQ(g_lines.size(), 2u);
    EXPECT_EQ(g_lines[0], "simkyc.vision|info|model loaded");
    EXPECT_EQ(g_lines[1], "simkyc.store|warning|quick_check slow");
}

TEST_F(LogTest, DropsBelowMinimumLevel)
{
    debug(kCore, "hidden");
    EXPECT_TRUE(g_lines.empty());
    setMinimumLevel(Level::Debug);
    debug(kCore, "shown");
    ASSERT_EQ(g_lines.size(), 1u);
    setMinimumLevel(Level::Critical);
    warning(kCore, "hidden too");
    EXPECT_EQ(g_lines.size(), 1u);
}

TEST_F(LogTest, ModuleCategoriesFollowNamingScheme)
{
    for (const Category &c : {kCore, kVision, kCrypto, kStore, kSync, kUpstream, kApp})
        EXPECT_EQ(std::string(c.name).rfind("simkyc.", 0), 0u) << c.name;
}

} // namespace
} // namespace simkyc::log
