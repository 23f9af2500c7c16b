// The carrier's 1:N face search (src/upstream/face_index.h) on synthetic embeddings
// (tests/support/synthetic_faces.h): search time at 10k, 100k and 1M enrolled faces, exact and HNSW,
// one query at a time and in batches (the back-office run searches a batch of new records), and
// HNSW's recall against the planted truth (the exact index finds every planted capture).
//   build/bin/face_index_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
// Indexes are built once per size, outside the timed loops; the HNSW build time is a counter
// (build_s); HNSW is measured up to 100k (its 1M build would take about an hour here).
// OPENBLAS_NUM_THREADS and OMP_NUM_THREADS set the threads FAISS uses (default: all cores).
#include "support/synthetic_faces.h"
#include "upstream/face_index.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <map>
#include <memory>

namespace simkyc::upstream {
namespace {

constexpr float kWithin = 0.45F;
constexpr std::size_t kQueries = 1000; // planted captures per size

struct Gallery {
    std::vector<FaceVector> people;
    std::vector<FaceVector> queries; // a capture of every (size / kQueries)-th person
    std::vector<std::size_t> expected;
    std::unique_ptr<FaceIndex> exact;
    std::unique_ptr<FaceIndex> hnsw;
    double hnswBuildSeconds = 0.0;
};

Gallery &gallery(std::size_t size)
{
    static std::map<std::size_t, std::unique_ptr<Gallery>> built;
    auto &slot = built[size];
    if (slot)
        return *slot;
    slot = std::make_unique<Gallery>();
    test::SyntheticFaces faces(size);
    slot->people = faces.people(size);
    for (std::size_t i = 0; i < kQueries; ++i) {
        const std::size_t who = i * (size / kQueries);
        slot->queries.push_back(faces.capture(slot->people[who]));
        slot->expected.push_back(who);
    }
    FaceIndex::Options exactOnly;
    exactOnly.exactUpTo = size + 1;
    slot->exact = std::make_unique<FaceIndex>(exactOnly);
    slot->exact->add(slot->people);
    return *slot;
}

// The HNSW index of a gallery, built on first use (minutes at 100k: not built for 1M here).
const FaceIndex &graphOf(Gallery &g)
{
    if (!g.hnsw) {
        FaceIndex::Options graph;
        graph.exactUpTo = 1;
        g.hnsw = std::make_unique<FaceIndex>(graph);
        const auto start = std::chrono::steady_clock::now();
        g.hnsw->add(g.people);
        g.hnswBuildSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    return *g.hnsw;
}

double recall(const Gallery &g, const FaceIndex &index)
{
    const auto found = index.search(g.queries, 4, kWithin);
    std::size_t hits = 0;
    for (std::size_t i = 0; i < found.size(); ++i)
        hits += !found[i].empty() && found[i][0].entry == g.expected[i] ? 1 : 0;
    return static_cast<double>(hits) / static_cast<double>(found.size());
}

// One query at a time: what a search per registration at intake would cost.
void BM_SearchOne(benchmark::State &state)
{
    Gallery &g = gallery(static_cast<std::size_t>(state.range(0)));
    const FaceIndex &index = state.range(1) != 0 ? graphOf(g) : *g.exact;
    std::size_t q = 0;
    for (auto _ : state) {
        auto hits = index.search(std::span(&g.queries[q % g.queries.size()], 1), 4, kWithin);
        benchmark::DoNotOptimize(hits);
        ++q;
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["recall"] = recall(g, index);
    if (state.range(1) != 0)
        state.counters["build_s"] = g.hnswBuildSeconds;
}

// A batch of 1,000 queries (the back-office run's new records): BLAS for the exact index.
void BM_SearchBatch(benchmark::State &state)
{
    Gallery &g = gallery(static_cast<std::size_t>(state.range(0)));
    const FaceIndex &index = state.range(1) != 0 ? graphOf(g) : *g.exact;
    for (auto _ : state) {
        auto hits = index.search(g.queries, 4, kWithin);
        benchmark::DoNotOptimize(hits);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(g.queries.size()));
}

void sizes(benchmark::internal::Benchmark *b)
{
    b->ArgNames({"faces", "hnsw"});
    // HNSW up to 100k only: its build there takes minutes on two cores (build_s), and far longer at 1M.
    for (const std::int64_t n : {10'000, 100'000, 1'000'000})
        for (const std::int64_t hnsw : {0, 1})
            if (hnsw == 0 || n <= 100'000)
                b->Args({n, hnsw});
    b->Unit(benchmark::kMillisecond);
}

BENCHMARK(BM_SearchOne)->Apply(sizes);
BENCHMARK(BM_SearchBatch)->Apply(sizes);

} // namespace
} // namespace simkyc::upstream

BENCHMARK_MAIN();
