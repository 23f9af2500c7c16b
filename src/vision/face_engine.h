// FaceEngine: a still image in, one face's embedding out: robust HOG search (FaceDetector),
// 5-point landmarks (CC0 model), aligned 150 px chip, dlib ResNet embedding.
// Used for the ID-card portrait, single live frames and the CLI/evaluation tools.
// Guarantees: never throws; NoFace when no face is found, SeveralFaces when more than one is and
// `largest` is not set; the embedding comes from the 5-point alignment dlib's ResNet was trained on.
// Thread-safety: one instance per thread (owns its detector, predictor and network).
#pragma once

#include "core/result.h"
#include "vision/face_detector.h"
#include "vision/image.h"
#include "vision/types.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace simkyc::vision {

struct FaceEngineModels {
    std::filesystem::path landmarks5; // shape_predictor_5_face_landmarks.dat
    std::filesystem::path faceResnet; // dlib_face_recognition_resnet_model_v1.dat
};

// How enrol() looks for the face.
enum class FaceSearchMode {
    Robust,      // FaceDetector::findFaces: bounded size, upsampling, padding for faces that fill the frame
    DlibExample, // dlib's dnn_face_recognition_ex, for comparison: HOG on the image as given and, when nothing
                 // is found, once more on the image upsampled 2x (pyramid_up), where landmarks and chip are
                 // then taken too. Boxes and landmarks are reported in the input image's coordinates.
};

struct EnrolOptions {
    bool largest = false; // with several faces, use the largest instead of failing
    FaceSearchMode search = FaceSearchMode::Robust;
    // Faces whose box is narrower than this (chip portraits, small grey crops, a live face at arm's
    // length) are embedded twice, from the chip aligned at 1x and from one aligned on the face
    // upsampled 2x, and the two embeddings averaged: 23 ms more per face (BM_EnrolLiveFrame) against
    // landmark rounding on small faces. On the labelled data (docs/accuracy.md) the ORL EER goes from
    // 1.01 % to 0.89 %, Yale 2.24 % to 2.21 %, the degraded ID side 0.63 % to 0.58 %. 0 turns it off.
    int fineAlignBelowPx = 200;
    // Embed the chip and its mirror image and average the two (dlib's ResNet was trained with
    // flips). Costs a second embedding; on the labelled data it helps the Yale faces and hurts the
    // ORL ones, overall EER 0.65 % against 0.60 % without (docs/accuracy.md), so it is off.
    bool mirrorAugment = false;
    FindOptions find;
};

struct FaceEnrolment {
    int faceCount = 0;
    Detection detection;
    std::string method; // how the face was found (see FaceSearch::method)
    Landmarks landmarks5;
    Embedding embedding{};
    double interocularPx = 0.0; // distance between the eye centres, in the input image's pixels
};

class FaceEngine {
public:
    static Result<std::unique_ptr<FaceEngine>> load(const FaceEngineModels &models);
    ~FaceEngine();
    FaceEngine(const FaceEngine &) = delete;
    FaceEngine &operator=(const FaceEngine &) = delete;

    Result<FaceEnrolment> enrol(const Image &image, const EnrolOptions &options = {});
    // Embedding of a face whose box is already known (e.g. from the tracked frame pipeline).
    Result<FaceEnrolment> enrolBox(const Image &image, const FaceBox &box, const EnrolOptions &options = {});

private:
    FaceEngine();
    Result<FaceEnrolment> enrolLikeDlibExample(const Image &image, const EnrolOptions &options);
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// An embedding of the face in `box` of `image`, or nullopt when none can be made: how a liveness
// session samples the identity of the face it tracks (liveness_session.h).
using IdentitySampler = std::function<std::optional<Embedding>(const Image &image, const FaceBox &box)>;

// The identity sampler over an engine (which must outlive it): the matcher's 5-point chip and
// network on the tracked box, one chip (no 2x second chip: samples are compared with each other,
// not with an ID portrait). BM_LivenessStep measures its cost per frame.
IdentitySampler identitySampler(FaceEngine &engine);

} // namespace simkyc::vision
