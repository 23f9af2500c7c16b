// Photo staging for simkyc-make-attacks: finds the face in a photo, scales the photo like a print held
// in front of the kiosk camera, and builds the background it is held against.
// Guarantees: stage() never throws; without a detectable face it centres the photo and guesses the
// eyes from a centred face box (StagedPhoto::faceMethod says which). Coordinates are photo pixels.
// Thread-safety: one FaceLocator per thread (it owns dlib detectors); StagedPhoto is a value type.
#pragma once

#include <opencv2/core.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace simkyc::vision {
class LandmarkDetector;
} // namespace simkyc::vision

namespace simkyc::tools {

struct FaceGeometry {
    cv::Rect2f box;       // face box
    cv::Point2f leftEye;  // centre of the eye on the image's left
    cv::Point2f rightEye; // centre of the eye on the image's right
    std::string method;   // "landmarks68", "face_box" (eyes guessed in the box) or "centred_guess"
    // landmarks68 only: the nose tip's offset from the eye midpoint along the eye line, in eye
    // distances (about 0 for a frontal face, 0.2 or more for a head turned 20 degrees).
    std::optional<float> noseOffset;
    // landmarks68 only: the eye aspect ratio averaged over both eyes (about 0.2-0.45 open).
    std::optional<float> eyeAspect;
};

class FaceLocator {
public:
    // modelsDir may lack shape_predictor_68_face_landmarks.dat: eyes are then guessed in the face box.
    explicit FaceLocator(const std::filesystem::path &modelsDir);
    ~FaceLocator();
    FaceLocator(const FaceLocator &) = delete;
    FaceLocator &operator=(const FaceLocator &) = delete;

    [[nodiscard]] bool hasLandmarks() const;
    // The largest face of a BGR photo, or a centred guess when none is found.
    [[nodiscard]] FaceGeometry locate(const cv::Mat &bgr);
    // Eye centres of a tight face crop (the CEW closed-eye faces): landmarks with the whole crop as the
    // box, or fixed proportions of the crop without the landmark model.
    [[nodiscard]] FaceGeometry locateInCrop(const cv::Mat &bgr);
    // The faces the kiosk's tracker would detect in a BGR frame: one HOG scan (dlib's threshold, no
    // upsampling) of the frame scaled to vision::TrackerOptions::detectWidthPx; frame coordinates.
    [[nodiscard]] std::vector<cv::Rect2f> kioskDetections(const cv::Mat &bgr);

private:
    friend class KioskProbe;
    // The 68-point model (nullptr without it), for the tracker of KioskProbe.
    [[nodiscard]] const vision::LandmarkDetector *landmarkModel() const;

    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

struct StagedPhoto {
    cv::Mat photo;           // BGR, scaled, with a thin white print border
    cv::Mat background;      // BGR, frame size
    FaceGeometry face;       // in `photo` coordinates
    cv::Point2f anchor;      // face centre in `photo` coordinates
    cv::Point2f frameAnchor; // where the face centre sits in the frame when the photo is at rest
    std::string notes;       // e.g. "face=landmarks68 bg=blurred"
};

// Loads `path` (any format imread reads; grey becomes BGR). Empty on an unreadable file.
std::optional<cv::Mat> loadPhoto(const std::filesystem::path &path);

// Scales the photo so the face box is about 40 % of the frame width (or, without a face, so the
// shorter side is 300-380 px) and picks a background (blurred dark copy or grey wall) with `rng`.
StagedPhoto stagePhoto(const cv::Mat &bgr, const FaceGeometry &face, cv::Size frameSize, cv::RNG &rng);

// The similarity transform (scale, rotation, shift) taking the eye centres (srcL, srcR) onto (dstL, dstR).
cv::Matx23d eyeSimilarity(cv::Point2f srcL, cv::Point2f srcR, cv::Point2f dstL, cv::Point2f dstR);

// Warps `photo` onto a copy of `background` with the 3x3 homography `photoToFrame`.
cv::Mat composeFrame(const cv::Mat &background, const cv::Mat &photo, const cv::Matx33d &photoToFrame);

// Gaussian sensor noise (sigma in grey levels). One field a little larger than the frame is drawn once;
// each frame adds a window of it at a random offset, so frames differ without drawing 1M normals each.
class SensorNoise {
public:
    SensorNoise(cv::Size frameSize, double sigma, cv::RNG &rng);
    void apply(cv::Mat &frame, cv::RNG &rng) const;

private:
    static constexpr int kMarginPx = 97;
    cv::Mat m_field; // CV_16SC3
};

} // namespace simkyc::tools
