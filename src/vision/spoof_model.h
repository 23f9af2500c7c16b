// SpoofModel: single-frame passive presentation-attack score from minivision's MiniFASNet networks
// (Silent-Face-Anti-Spoofing, ONNX conversions): MiniFASNetV2 sees the face with 2.7x context,
// MiniFASNetV1SE with 4.0x; both output 3 logits (index 1 = real, 0 and 2 = two kinds of attack).
// Run with OpenCV dnn (DNN_BACKEND_OPENCV, DNN_TARGET_CPU).
//
// This is ONE cue, never trusted alone: users of these networks report bypasses with good printed
// photos and OLED-screen replays; the networks were trained on minivision's cameras and face boxes
// (not dlib HOG boxes), and the score is not calibrated for the kiosk camera. Combine it with the
// active liveness challenge and the planarity cue; decide with a threshold from configuration.
//
// Guarantees: load() never throws: NotFound for an absent file, ModelLoadFailed for anything that is
// not a 3-logit 80x80 network (checked by one forward pass at load); InvalidArgument when no file is
// given. score() never throws: InvalidArgument for an empty image or a face box of non-positive size
// or outside the image. Files are expected to be SHA-256 verified by the caller (app ModelCatalog).
// Thread-safety: one instance per thread (a cv::dnn::Net keeps per-forward state).
#pragma once

#include "core/result.h"
#include "vision/image.h"
#include "vision/types.h"

#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

namespace simkyc::vision {

enum class SpoofNet { MiniFASNetV2, MiniFASNetV1SE };

std::string_view spoofNetName(SpoofNet net); // "MiniFASNetV2", "MiniFASNetV1SE"
double spoofContextScale(SpoofNet net);      // 2.7, 4.0

inline constexpr int kSpoofInputSide = 80;
// The cue's operating point (docs/accuracy.md): a session whose median real probability over its best
// frames is at or below this fails (vision::PassiveCheck; liveness.passive_threshold overrides it).
inline constexpr double kDefaultPassiveThreshold = 0.2;

// Files of the networks to load; an empty path leaves that network out. At least one is required.
struct SpoofModelFiles {
    std::filesystem::path miniFasNetV2;
    std::filesystem::path miniFasNetV1SE;
};

struct SpoofScore {
    double realProbability = 0.0; // mean over the loaded nets of softmax[1]
    std::vector<double> perModel; // softmax[1] of each net, in SpoofModel::nets() order
    int spoofClass = 0;           // argmax of the averaged softmax: 1 = real, 0 or 2 = attack
};

// The region a net sees, as upstream crops it: the face box scaled about its centre by
// min(maxScale, (imageHeight-1)/h, (imageWidth-1)/w), shifted (not shrunk) back inside the image
// when it crosses a border, corners truncated to pixels. Exposed for tests.
// The box must have positive size (the caller checks).
FaceBox spoofContextBox(int imageWidth, int imageHeight, const FaceBox &face, double maxScale);

class SpoofModel {
public:
    static Result<std::unique_ptr<SpoofModel>> load(const SpoofModelFiles &files);
    ~SpoofModel();
    SpoofModel(const SpoofModel &) = delete;
    SpoofModel &operator=(const SpoofModel &) = delete;

    // frame: the full camera frame or photo (grey is expanded to BGR); face: a detector box in it.
    Result<SpoofScore> score(const Image &frame, const FaceBox &face);
    [[nodiscard]] std::vector<SpoofNet> nets() const;

private:
    struct Impl;
    explicit SpoofModel(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace simkyc::vision
