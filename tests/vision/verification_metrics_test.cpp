#include "support/test_env.h"
#include "vision/roc_plot.h"
#include "vision/verification_metrics.h"

#include <gtest/gtest.h>

namespace simkyc::vision {
namespace {

TEST(VerificationMetrics, PerfectSeparationHasZeroEer)
{
    const auto m = computeVerificationMetrics({0.1, 0.2, 0.3}, {0.7, 0.8, 0.9, 1.0}, 0.6);
    EXPECT_DOUBLE_EQ(m.eer, 0.0);
    EXPECT_GT(m.eerThreshold, 0.3);
    EXPECT_LE(m.eerThreshold, 0.7);
    EXPECT_DOUBLE_EQ(m.farAtThreshold, 0.0);
    EXPECT_DOUBLE_EQ(m.frrAtThreshold, 0.0);
    EXPECT_DOUBLE_EQ(m.tarAtFar1e3, 1.0);
    EXPECT_EQ(m.genuinePairs, 3u);
    EXPECT_EQ(m.impostorPairs, 4u);
}

TEST(VerificationMetrics, KnownOverlap)
{
    // 10 genuine, 10 impostor; one of each on the wrong side of 0.5: EER = 10 %.
    std::vector<double> genuine{0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.42, 0.45, 0.65};
    std::vector<double> impostor{0.45 + 1e-3, 0.55, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.3 + 1e-3};
    const auto m = computeVerificationMetrics(genuine, impostor, 0.5);
    EXPECT_NEAR(m.eer, 0.1, 1e-9);
    EXPECT_NEAR(m.farAtThreshold, 0.2, 1e-9); // 0.301 and 0.451 accepted
    EXPECT_NEAR(m.frrAtThreshold, 0.1, 1e-9); // 0.65 rejected
    EXPECT_NEAR(m.tarAtFar1e2, 0.5, 1e-9);    // below 0.301 no impostor is accepted: 5 of 10 genuine
}

TEST(VerificationMetrics, EmptySidesGiveEmptyMetrics)
{
    const auto m = computeVerificationMetrics({}, {0.5}, 0.6);
    EXPECT_EQ(m.genuinePairs, 0u);
    EXPECT_TRUE(m.roc.empty());
}

TEST(RocPlot, WritesAPng)
{
    test::TempDir dir;
    const auto m = computeVerificationMetrics({0.1, 0.2}, {0.7, 0.8}, 0.6);
    ASSERT_TRUE(writeRocPlot(m, "test", dir.path() / "roc.png").ok());
    EXPECT_GT(std::filesystem::file_size(dir.path() / "roc.png"), 1000u);
    EXPECT_FALSE(writeRocPlot(m, "test", dir.path() / "missing" / "roc.png").ok());
}

} // namespace
} // namespace simkyc::vision
