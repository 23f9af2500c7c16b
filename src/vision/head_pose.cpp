// Head pose from 68-point landmarks with cv::solvePnP and a generic 3D face.
#include "vision/face_geometry.h"

#include <opencv2/calib3d.hpp>
#include <opencv2/core.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace simkyc::vision {
namespace {

struct ModelPoint {
    int landmark;
    float x, y, z; // millimetres; x towards the person's left, y up, z out of the face; origin at the nose tip
};

// A generic adult face (rounded anthropometric averages: outer eye corners 90 mm apart, nose tip
// about 27 mm in front of them). Only points that expressions barely move: with the brows, lips and
// chin as well, yaw/pitch of grimacing faces (liveness d6.mp4) differed by up to 5/10 degrees from
// those of the mirror image; with these eight, by up to 4/7 (the landmark fit is not symmetric).
constexpr std::array<ModelPoint, 8> kModel{{
    {36, -45.f, 34.f, -27.f}, // right eye, outer corner
    {39, -16.f, 33.f, -19.f}, // right eye, inner corner
    {42, 16.f, 33.f, -19.f},  // left eye, inner corner
    {45, 45.f, 34.f, -27.f},  // left eye, outer corner
    {30, 0.f, 0.f, 0.f},      // nose tip
    {31, -13.f, -8.f, -15.f}, // right nostril edge
    {33, 0.f, -9.f, -11.f},   // under the nose
    {35, 13.f, -8.f, -15.f},  // left nostril edge
}};

double degrees(double radians)
{
    return radians * 180.0 / std::numbers::pi;
}

} // namespace

HeadPose estimateHeadPose(const Landmarks &l, int frameWidth, int frameHeight)
{
    HeadPose pose;
    if (l.size() != 68 || frameWidth <= 0 || frameHeight <= 0)
        return pose;
    std::vector<cv::Point3d> object;
    std::vector<cv::Point2d> image;
    object.reserve(kModel.size());
    image.reserve(kModel.size());
    for (const auto &m : kModel) {
        // Camera axes: x right, y down, z away from the camera. The model faces the camera, so its
        // up and out-of-face axes flip sign.
        object.emplace_back(m.x, -m.y, -m.z);
        const PointF &p = l[static_cast<size_t>(m.landmark)];
        image.emplace_back(p.x, p.y);
    }
    const double f = frameWidth;
    const cv::Matx33d camera(f, 0, frameWidth / 2.0, 0, f, frameHeight / 2.0, 0, 0, 1);
    // Start from a frontal face at the distance its eye corners imply: without a guess the DLT
    // initialisation of a shallow face often lands on the mirrored solution behind the camera.
    const double eyeSpanPx = std::hypot(l[45].x - l[36].x, l[45].y - l[36].y);
    const double z = f * (kModel[3].x - kModel[0].x) / std::max(eyeSpanPx, 1.0);
    cv::Vec3d rvec(0, 0, 0);
    cv::Vec3d tvec((l[30].x - frameWidth / 2.0) * z / f, (l[30].y - frameHeight / 2.0) * z / f, z);
    try {
        if (!cv::solvePnP(object, image, camera, cv::noArray(), rvec, tvec, true, cv::SOLVEPNP_ITERATIVE))
            return pose;
    } catch (const cv::Exception &) {
        return pose;
    }
    cv::Matx33d r;
    cv::Rodrigues(rvec, r);
    // Where the face points (out of the face: model (0,0,1) -> camera (0,0,-1)) and the person's left.
    const cv::Vec3d forward = r * cv::Vec3d(0, 0, -1);
    const cv::Vec3d left = r * cv::Vec3d(1, 0, 0);
    if (tvec[2] <= 0.0 || forward[2] >= 0.0)
        return pose; // behind the camera or facing away: not a usable solution
    pose.yawDeg = degrees(std::atan2(forward[0], -forward[2]));
    pose.pitchDeg = degrees(std::atan2(-forward[1], std::hypot(forward[0], forward[2])));
    pose.rollDeg = degrees(std::atan2(left[1], left[0]));
    pose.valid = std::isfinite(pose.yawDeg) && std::isfinite(pose.pitchDeg) && std::isfinite(pose.rollDeg);
    return pose;
}

} // namespace simkyc::vision
