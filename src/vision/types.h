// Small value types the rest of SimKYC sees instead of dlib/OpenCV types.
#pragma once

#include <array>
#include <vector>

namespace simkyc::vision {

struct FaceBox {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
    [[nodiscard]] long long area() const { return static_cast<long long>(width) * height; }
};

struct PointF {
    float x = 0.f;
    float y = 0.f;
};

// 68 points (iBUG 300-W order) or 5 points (dlib's 5-point order), in image coordinates.
using Landmarks = std::vector<PointF>;

inline constexpr int kEmbeddingSize = 128;
using Embedding = std::array<float, kEmbeddingSize>;

} // namespace simkyc::vision
