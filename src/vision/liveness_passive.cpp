#include "vision/liveness_passive.h"

#include "vision/face_geometry.h"

#include <opencv2/calib3d.hpp>

#include <algorithm>
#include <cmath>

namespace simkyc::vision {
namespace {

// Rigid points of the iBUG 68 layout: jaw 0-16, brows 17-26, nose 27-35, eye corners 36/39/42/45.
std::vector<cv::Point2f> rigidPoints(const Landmarks &l)
{
    std::vector<cv::Point2f> out;
    out.reserve(40);
    for (int i = 0; i <= 35; ++i)
        out.emplace_back(l[static_cast<size_t>(i)].x, l[static_cast<size_t>(i)].y);
    for (int i : {36, 39, 42, 45})
        out.emplace_back(l[static_cast<size_t>(i)].x, l[static_cast<size_t>(i)].y);
    return out;
}

double quantile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0.0;
    const auto k = static_cast<size_t>(q * static_cast<double>(v.size() - 1));
    std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
    return v[k];
}

} // namespace

std::optional<double> homographyResidual(const Landmarks &reference, const Landmarks &current)
{
    if (reference.size() != 68 || current.size() != 68)
        return std::nullopt;
    const double iod = interocularDistance(current);
    if (iod < 1.0)
        return std::nullopt;
    const auto src = rigidPoints(reference);
    const auto dst = rigidPoints(current);
    try {
        const cv::Mat h = cv::findHomography(src, dst, 0);
        if (h.empty())
            return std::nullopt;
        std::vector<cv::Point2f> mapped;
        cv::perspectiveTransform(src, mapped, h);
        double sum = 0.0;
        for (size_t i = 0; i < dst.size(); ++i) {
            const double dx = mapped[i].x - dst[i].x, dy = mapped[i].y - dst[i].y;
            sum += dx * dx + dy * dy;
        }
        return std::sqrt(sum / static_cast<double>(dst.size())) / iod;
    } catch (const cv::Exception &) {
        return std::nullopt;
    }
}

std::optional<double> PlanarityMonitor::feed(const Landmarks &landmarks68, double yawDeg, bool poseValid)
{
    if (landmarks68.size() != 68 || !poseValid)
        return std::nullopt;
    if (m_reference.empty()) {
        if (std::abs(yawDeg) <= m_config.referenceMaxYawDeg) {
            m_reference = landmarks68;
            m_referenceYaw = yawDeg;
        }
        return std::nullopt;
    }
    if (!m_haveYaw) {
        m_minYaw = m_maxYaw = yawDeg;
        m_haveYaw = true;
    }
    m_minYaw = std::min(m_minYaw, yawDeg);
    m_maxYaw = std::max(m_maxYaw, yawDeg);
    auto r = homographyResidual(m_reference, landmarks68);
    if (r)
        m_residuals.push_back(*r);
    return r;
}

PlanaritySummary PlanarityMonitor::summary() const
{
    PlanaritySummary s;
    s.frames = m_residuals.size();
    s.yawSpreadDeg = m_haveYaw ? m_maxYaw - m_minYaw : 0.0;
    if (m_residuals.empty())
        return s;
    s.medianResidual = quantile(m_residuals, 0.5);
    s.highResidual = quantile(m_residuals, m_config.percentile);
    s.maxResidual = *std::max_element(m_residuals.begin(), m_residuals.end());
    if (s.frames >= m_config.minFrames)
        s.planar = s.highResidual < m_config.minResidualIod;
    return s;
}

void PlanarityMonitor::reset()
{
    m_reference.clear();
    m_residuals.clear();
    m_haveYaw = false;
}

} // namespace simkyc::vision
