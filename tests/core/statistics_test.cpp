#include "core/statistics.h"

#include <gtest/gtest.h>

namespace simkyc::core {
namespace {

TEST(Median, MiddleValueOrTheMeanOfTheTwoMiddleOnes)
{
    EXPECT_EQ(median({}), std::nullopt);
    EXPECT_DOUBLE_EQ(*median({0.4}), 0.4);
    EXPECT_DOUBLE_EQ(*median({0.9, 0.1, 0.5}), 0.5); // unsorted input
    EXPECT_DOUBLE_EQ(*median({0.9, 0.1, 0.5, 0.3}), 0.4);
}

} // namespace
} // namespace simkyc::core
