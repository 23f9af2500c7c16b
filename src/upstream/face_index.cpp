#include "upstream/face_index.h"

#include <faiss/IndexFlat.h>
#include <faiss/IndexHNSW.h>

#include <algorithm>
#include <cmath>

namespace simkyc::upstream {

using Idx = faiss::Index::idx_t;

static_assert(sizeof(FaceVector) == kFaceDimensions * sizeof(float), "FAISS reads FaceVectors as one float array");

FaceIndex::FaceIndex() : FaceIndex(Options{}) {}

FaceIndex::FaceIndex(Options options)
    : m_options(options), m_exact(std::make_unique<faiss::IndexFlatL2>(static_cast<Idx>(kFaceDimensions)))
{
}

FaceIndex::~FaceIndex() = default;

void FaceIndex::add(std::span<const FaceVector> faces)
{
    if (faces.empty())
        return;
    const auto n = static_cast<Idx>(faces.size());
    const float *data = faces.front().data(); // std::array<float, 128> is 128 contiguous floats
    if (m_hnsw) {
        m_hnsw->add(n, data);
        return;
    }
    m_exact->add(n, data);
    if (static_cast<std::size_t>(m_exact->ntotal) < m_options.exactUpTo)
        return;
    // Past the mark: one HNSW graph over every vector so far; the exact copy goes.
    auto graph = std::make_unique<faiss::IndexHNSWFlat>(static_cast<int>(kFaceDimensions), m_options.hnswNeighbours);
    graph->hnsw.efConstruction = m_options.hnswBuildDepth;
    graph->hnsw.efSearch = m_options.hnswSearchDepth;
    graph->add(m_exact->ntotal, m_exact->get_xb());
    m_hnsw = std::move(graph);
    m_exact.reset();
}

std::vector<std::vector<FaceIndex::Hit>> FaceIndex::search(std::span<const FaceVector> queries, int k,
                                                           float maxDistance) const
{
    std::vector<std::vector<Hit>> out(queries.size());
    const std::size_t total = size();
    if (queries.empty() || total == 0 || k <= 0)
        return out;
    const auto kk = static_cast<std::size_t>(std::min<std::size_t>(static_cast<std::size_t>(k), total));
    std::vector<float> squared(queries.size() * kk);
    std::vector<Idx> labels(queries.size() * kk);
    const auto n = static_cast<Idx>(queries.size());
    const faiss::Index &index = m_hnsw ? static_cast<const faiss::Index &>(*m_hnsw) : *m_exact;
    index.search(n, queries.front().data(), static_cast<Idx>(kk), squared.data(), labels.data());
    const float limit = maxDistance * maxDistance; // FAISS reports squared L2 distances
    for (std::size_t q = 0; q < queries.size(); ++q) {
        for (std::size_t j = 0; j < kk; ++j) {
            const Idx label = labels[q * kk + j];
            const float d2 = squared[q * kk + j];
            if (label < 0 || d2 > limit)
                break; // nearest first: the rest are farther
            out[q].push_back({static_cast<std::size_t>(label), std::sqrt(std::max(d2, 0.0F))});
        }
    }
    return out;
}

std::size_t FaceIndex::size() const
{
    return static_cast<std::size_t>(m_hnsw ? m_hnsw->ntotal : m_exact->ntotal);
}

} // namespace simkyc::upstream
