// Synthetic face embeddings for the 1:N search's tests and benchmark: each "person" a random point
// in 128 dimensions, each capture that point plus noise. Scaled to the matcher's distances on real
// data (docs/accuracy.md): two people about 0.9 apart (impostor median 0.80-0.84), two captures of one
// person about 0.3 apart (genuine median 0.25-0.35). Not real faces: real embeddings cluster by age,
// sex and ethnicity, which crowds the index and is not modelled here.
// Thread-safety: each generator is used by one thread.
#pragma once

#include "upstream/face_index.h"

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace simkyc::test {

class SyntheticFaces {
public:
    explicit SyntheticFaces(std::uint64_t seed) : m_random(seed) {}

    // A new person: 128 values N(0, 0.9^2 / 256), so two people are about 0.9 apart.
    upstream::FaceVector person()
    {
        std::normal_distribution<float> value(0.0F, 0.9F / 16.0F);
        upstream::FaceVector v{};
        for (float &x : v)
            x = value(m_random);
        return v;
    }
    // Another capture of `person`: about `distance` away from it.
    upstream::FaceVector capture(const upstream::FaceVector &person, float distance = 0.3F)
    {
        std::normal_distribution<float> noise(0.0F,
                                              distance / std::sqrt(static_cast<float>(upstream::kFaceDimensions)));
        upstream::FaceVector v = person;
        for (float &x : v)
            x += noise(m_random);
        return v;
    }
    std::vector<upstream::FaceVector> people(std::size_t n)
    {
        std::vector<upstream::FaceVector> out(n);
        for (auto &p : out)
            p = person();
        return out;
    }

private:
    std::mt19937_64 m_random;
};

} // namespace simkyc::test
