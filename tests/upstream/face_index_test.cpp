// The carrier's 1:N face index on synthetic embeddings (tests/support/synthetic_faces.h): exact
// search below the mark, HNSW above it, the same answers where it matters.
#include "support/synthetic_faces.h"
#include "upstream/face_index.h"

#include <gtest/gtest.h>

namespace simkyc::upstream {
namespace {

constexpr float kWithin = 0.45F;

TEST(FaceIndex, FindsAnotherCaptureOfAPersonAndNoOneElse)
{
    test::SyntheticFaces faces(1);
    const auto people = faces.people(2000);
    FaceIndex index;
    index.add(people);
    EXPECT_EQ(index.size(), 2000U);
    EXPECT_FALSE(index.approximate());
    std::vector<FaceVector> again, strangers;
    for (std::size_t i = 0; i < 50; ++i) {
        again.push_back(faces.capture(people[i * 37]));
        strangers.push_back(faces.person());
    }
    const auto found = index.search(again, 4, kWithin);
    for (std::size_t i = 0; i < again.size(); ++i) {
        ASSERT_EQ(found[i].size(), 1U) << "query " << i;
        EXPECT_EQ(found[i][0].entry, i * 37);
        EXPECT_LT(found[i][0].distance, kWithin);
    }
    for (const auto &hits : index.search(strangers, 4, kWithin))
        EXPECT_TRUE(hits.empty()) << "a new person is nobody in the index";
}

TEST(FaceIndex, NearestFirstAndOnlyWithinTheDistance)
{
    test::SyntheticFaces faces(2);
    const FaceVector p = faces.person();
    FaceIndex index;
    const std::vector<FaceVector> entries{faces.capture(p, 0.35F), faces.person(), faces.capture(p, 0.1F)};
    index.add(entries);
    const auto hits = index.search(std::vector{p}, 3, kWithin).front();
    ASSERT_EQ(hits.size(), 2U);
    EXPECT_EQ(hits[0].entry, 2U);
    EXPECT_EQ(hits[1].entry, 0U);
    EXPECT_LE(hits[0].distance, hits[1].distance);
    EXPECT_TRUE(index.search(std::vector{p}, 3, 0.01F).front().empty());
    EXPECT_TRUE(index.search(std::vector{p}, 0, kWithin).front().empty());
    EXPECT_TRUE(FaceIndex().search(std::vector{p}, 3, kWithin).front().empty()) << "an empty index";
}

TEST(FaceIndex, PastTheMarkItBecomesAGraphThatStillFindsEveryone)
{
    test::SyntheticFaces faces(3);
    FaceIndex::Options options;
    options.exactUpTo = 3000;
    FaceIndex index(options);
    const auto first = faces.people(2000);
    index.add(first);
    EXPECT_FALSE(index.approximate());
    const auto second = faces.people(4000);
    index.add(second);
    EXPECT_TRUE(index.approximate());
    EXPECT_EQ(index.size(), 6000U);
    std::vector<FaceVector> again;
    std::vector<std::size_t> expected;
    for (std::size_t i = 0; i < 6000; i += 30) {
        again.push_back(faces.capture(i < 2000 ? first[i] : second[i - 2000]));
        expected.push_back(i);
    }
    const auto found = index.search(again, 4, kWithin);
    int missed = 0;
    for (std::size_t i = 0; i < again.size(); ++i)
        missed += found[i].empty() || found[i][0].entry != expected[i] ? 1 : 0;
    // HNSW is approximate. On these points (independent in 128 dimensions, every stranger about as far
    // as every other: the hardest case for a graph) it misses about 1 in 200; the exact index misses
    // none. Hence the mark at a million (face_index.h) and the recall measured in the benchmark.
    EXPECT_LE(missed, 2) << "of " << again.size() << " planted captures";
    index.add(std::vector{faces.capture(first[0], 0.05F)});
    EXPECT_EQ(index.search(std::vector{first[0]}, 4, kWithin).front().size(), 2U) << "added after the switch";
}

} // namespace
} // namespace simkyc::upstream
