// Measurements on 68-point landmarks (iBUG 300-W order): eye and mouth aspect ratios, eye centres,
// head pose.
// Conventions: "left"/"right" are the PERSON's own sides. In an unmirrored camera image the
// person's left eye (points 42-47) appears on the image's right.
// Head pose signs (degrees, 0 = looking straight into the camera):
//   yawDeg   > 0: the person turns to THEIR LEFT (nose towards the image's right edge in an
//                 unmirrored image); a horizontally flipped image gives the opposite sign.
//   pitchDeg > 0: the person looks up.
//   rollDeg  > 0: the head tilts towards the person's left shoulder (clockwise on an unmirrored image).
// Guarantees: functions never throw; ratio functions return 0 for landmark sets that are not 68
// points or degenerate; estimateHeadPose() reports valid = false when it cannot solve.
// Thread-safety: reentrant (no shared state).
#pragma once

#include "vision/types.h"

namespace simkyc::vision {

enum class Eye { Left, Right }; // the person's own left / right

// Soukupova & Cech (2016) eye aspect ratio: (|p2-p6| + |p3-p5|) / (2 |p1-p4|) over the eye's six
// points. About 0.25-0.35 for open eyes, below ~0.15 when closed.
double eyeAspectRatio(const Landmarks &landmarks68, Eye eye);
// Inner-lip mouth aspect ratio: mean of |61-67|, |62-66|, |63-65| over |60-64|. ~0 closed, > 0.5 wide open.
double mouthAspectRatio(const Landmarks &landmarks68);
PointF eyeCentre(const Landmarks &landmarks68, Eye eye);
double interocularDistance(const Landmarks &landmarks68); // between the eye centres, in pixels
FaceBox landmarkBounds(const Landmarks &landmarks);       // the smallest box holding every point
double boxIou(const FaceBox &a, const FaceBox &b);

struct HeadPose {
    bool valid = false;
    double yawDeg = 0.0;
    double pitchDeg = 0.0;
    double rollDeg = 0.0;
};

// cv::solvePnP with a generic 8-point 3D face model (eye corners, nose) and a pinhole camera estimated from the frame
// size (focal length = frame width, principal point at the centre, no distortion). Accuracy is
// roughly +-5 degrees near frontal; the signs are reliable.
HeadPose estimateHeadPose(const Landmarks &landmarks68, int frameWidth, int frameHeight);

} // namespace simkyc::vision
