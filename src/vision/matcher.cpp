#include "vision/matcher.h"

#include <cmath>

namespace simkyc::vision {

double embeddingDistance(const Embedding &a, const Embedding &b)
{
    double sum = 0.0;
    for (size_t i = 0; i < a.size(); ++i) {
        const double d = static_cast<double>(a[i]) - b[i];
        sum += d * d;
    }
    return std::sqrt(sum);
}

MatchDecision decideMatch(const Embedding &idSide, const Embedding &liveSide, double threshold)
{
    MatchDecision m;
    m.threshold = threshold;
    m.distance = embeddingDistance(idSide, liveSide);
    m.score = 1.0 / (1.0 + std::exp(12.0 * (m.distance - threshold)));
    m.match = m.distance < threshold;
    return m;
}

Embedding meanEmbedding(const std::vector<Embedding> &embeddings)
{
    Embedding mean{};
    if (embeddings.empty())
        return mean;
    for (const auto &e : embeddings)
        for (size_t i = 0; i < mean.size(); ++i)
            mean[i] += e[i];
    for (float &v : mean)
        v /= static_cast<float>(embeddings.size());
    return mean;
}

std::optional<NearestFace> nearestFaceWithin(const Embedding &live, const std::vector<Embedding> &faces,
                                             double threshold)
{
    std::optional<NearestFace> nearest;
    for (std::size_t i = 0; i < faces.size(); ++i) {
        const double d = embeddingDistance(live, faces[i]);
        if (d < threshold && (!nearest || d < nearest->distance))
            nearest = NearestFace{i, d};
    }
    return nearest;
}

} // namespace simkyc::vision
