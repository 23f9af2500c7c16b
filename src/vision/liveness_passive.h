// Passive presentation-attack cues computed over a liveness session.
// PlanarityMonitor: a printed photo or a screen is a plane; however it is held, moved or tilted,
// the image of its landmarks is a homography of any earlier image of them. A real head is not a
// plane: as it turns (even slightly), the nose and the face outline move differently. Each frame's
// rigid landmarks (jaw, brows, nose, eye corners: no lids, no lips, which an attacker can animate)
// are fitted with a homography to a frontal reference frame; the residual, in inter-ocular
// distances, is near zero for a plane and grows with head rotation for a real face.
// Guarantees: never throws; frames without 68 landmarks are skipped.
// Thread-safety: one instance per session.
#pragma once

#include "vision/types.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace simkyc::vision {

struct PlanarityConfig {
    double referenceMaxYawDeg = 8.0; // the reference frame must be this frontal
    double minResidualIod = 0.025;   // a session whose high-percentile residual stays below is planar
    double percentile = 0.9;
    std::size_t minFrames = 15; // fewer measured frames: no verdict
};

struct PlanaritySummary {
    std::size_t frames = 0;
    double medianResidual = 0.0; // inter-ocular distances
    double highResidual = 0.0;   // at config.percentile
    double maxResidual = 0.0;
    double yawSpreadDeg = 0.0;  // max - min yaw seen
    std::optional<bool> planar; // nullopt: not enough frames to decide
};

// RMS distance between the homography-mapped reference points and the current ones, divided by
// the current inter-ocular distance. Exposed for tests. Returns nullopt when no fit is possible.
std::optional<double> homographyResidual(const Landmarks &reference, const Landmarks &current);

class PlanarityMonitor {
public:
    explicit PlanarityMonitor(PlanarityConfig config = {}) : m_config(config) {}
    // Returns this frame's residual (nullopt: no reference yet, or no fit).
    std::optional<double> feed(const Landmarks &landmarks68, double yawDeg, bool poseValid);
    [[nodiscard]] bool hasReference() const { return !m_reference.empty(); }
    [[nodiscard]] double referenceYawDeg() const { return m_referenceYaw; }
    [[nodiscard]] PlanaritySummary summary() const;
    void reset();

private:
    PlanarityConfig m_config;
    Landmarks m_reference;
    double m_referenceYaw = 0.0;
    std::vector<double> m_residuals;
    double m_minYaw = 0.0, m_maxYaw = 0.0;
    bool m_haveYaw = false;
};

} // namespace simkyc::vision
