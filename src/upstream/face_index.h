// The carrier's 1:N face index: live-face embeddings (dlib ResNet, 128 floats) searched for the
// nearest faces by Euclidean distance, the matcher's measure. FAISS (Debian's libfaiss-dev) holds
// them in memory: an exact index (IndexFlatL2) up to Options::exactUpTo entries, then an HNSW graph
// (IndexHNSWFlat), built once from the exact index's vectors when the size crosses that mark. The
// persistent copy is the database (src/upstream/face_search.h fills an index from it).
// Guarantees: entries are numbered 0, 1, ... in the order added and never removed; search()
// returns, per query, at most k entries within maxDistance, nearest first. Exact below the mark;
// above it, approximate (recall against exact search: tests/bench/face_index_bench.cpp).
// Thread-safety: search() may run on several threads at once; add() must not run concurrently with
// anything else on the same index.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <span>
#include <vector>

namespace faiss {
struct IndexFlatL2;
struct IndexHNSWFlat;
} // namespace faiss

namespace simkyc::upstream {

inline constexpr std::size_t kFaceDimensions = 128;
using FaceVector = std::array<float, kFaceDimensions>;

class FaceIndex {
public:
    struct Options {
        std::size_t exactUpTo = 1'000'000; // exact search below; HNSW from here on (see the benchmark)
        int hnswNeighbours = 32;           // M: links per node
        int hnswBuildDepth = 200;          // efConstruction
        int hnswSearchDepth = 256;         // efSearch
    };
    struct Hit {
        std::size_t entry = 0; // the position in the order added
        float distance = 0.0F; // Euclidean
    };

    FaceIndex();
    explicit FaceIndex(Options options);
    ~FaceIndex();
    FaceIndex(const FaceIndex &) = delete;
    FaceIndex &operator=(const FaceIndex &) = delete;

    void add(std::span<const FaceVector> faces);
    // For each query, up to k entries within maxDistance, nearest first.
    [[nodiscard]] std::vector<std::vector<Hit>> search(std::span<const FaceVector> queries, int k,
                                                       float maxDistance) const;
    [[nodiscard]] std::size_t size() const;
    [[nodiscard]] bool approximate() const { return m_hnsw != nullptr; }

private:
    Options m_options;
    std::unique_ptr<faiss::IndexFlatL2> m_exact;
    std::unique_ptr<faiss::IndexHNSWFlat> m_hnsw;
};

} // namespace simkyc::upstream
