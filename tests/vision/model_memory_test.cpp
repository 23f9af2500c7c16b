#include "vision/model_memory.h"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

namespace simkyc::vision {
namespace {

TEST(ModelMemory, AdvisesOnlyWhatTheHeapGrewBy)
{
    EXPECT_EQ(adviseHugePagesSince(HeapMark{0}).advisedBytes, 0u);
    // Like a model: many small blocks, 16 MB in all, allocated after the mark.
    const HeapMark mark = heapMark();
    std::vector<std::unique_ptr<float[]>> blocks;
    for (int i = 0; i < 16 * 1024 * 1024 / 544; ++i)
        blocks.push_back(std::make_unique<float[]>(136));
    const HugePageAdvice advice = adviseHugePagesSince(mark);
    // Whole 2 MB pages of the grown part at most (0 where the kernel has no THP).
    EXPECT_LE(advice.advisedBytes, static_cast<std::size_t>(heapMark().top - mark.top));
    EXPECT_EQ(advice.advisedBytes % (2u << 20), 0u);
    for (const auto &b : blocks) // the memory stays usable
        b[0] = 1.f;
}

} // namespace
} // namespace simkyc::vision
