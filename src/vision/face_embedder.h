// FaceEmbedder: dlib's face-recognition ResNet (dlib_face_recognition_resnet_model_v1.dat), 128-D
// embeddings of aligned 150x150 face chips. The network template is compiled in exactly one
// translation unit (face_embedder.cpp) to keep build time down.
// Guarantees: load() fails with ModelLoadFailed for any file that is not this network; compute()
// never throws; embeddings have unit-scale geometry as trained (same person: distance < ~0.6).
// Thread-safety: one instance per thread (the network keeps per-call scratch buffers).
#pragma once

#include "core/result.h"
#include "vision/image.h"
#include "vision/types.h"

#include <filesystem>
#include <memory>
#include <vector>

namespace simkyc::vision {

inline constexpr int kChipSize = 150;
inline constexpr double kChipPadding = 0.25;

// Aligns and crops the face described by 5-point (dlib order) or 68-point landmarks into a
// kChipSize x kChipSize BGR chip, as dlib's ResNet was trained (get_face_chip_details + padding).
Result<Image> alignFaceChip(const Image &image, const Landmarks &landmarks, int size = kChipSize,
                            double padding = kChipPadding);

class FaceEmbedder {
public:
    static Result<std::unique_ptr<FaceEmbedder>> load(const std::filesystem::path &modelPath);
    ~FaceEmbedder();
    FaceEmbedder(const FaceEmbedder &) = delete;
    FaceEmbedder &operator=(const FaceEmbedder &) = delete;

    // chips must be kChipSize x kChipSize (grey chips are expanded to 3 channels).
    Result<Embedding> compute(const Image &chip);
    Result<std::vector<Embedding>> compute(const std::vector<Image> &chips);

private:
    struct Impl;
    explicit FaceEmbedder(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace simkyc::vision
