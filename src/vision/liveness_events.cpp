#include "vision/liveness_events.h"
#include "vision/frame_analyzer.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace simkyc::vision {

LivenessSample livenessSample(const FrameAnalysis &a)
{
    LivenessSample s;
    s.frame = a.sourceIndex >= 0 ? a.sourceIndex : a.sequence;
    s.timeMs = a.sourceTimeMs >= 0.0 ? a.sourceTimeMs : static_cast<double>(a.timestampNs) / 1e6;
    s.hasFace = a.hasFace();
    s.earLeft = a.earLeft;
    s.earRight = a.earRight;
    s.yawDeg = a.pose.yawDeg;
    s.pitchDeg = a.pose.pitchDeg;
    s.poseValid = a.pose.valid;
    return s;
}

std::string_view blinkVerdictName(BlinkVerdict verdict)
{
    switch (verdict) {
    case BlinkVerdict::Blink: return "blink";
    case BlinkVerdict::Shallow: return "shallow";
    case BlinkVerdict::Wink: return "wink";
    case BlinkVerdict::TooShort: return "too_short";
    case BlinkVerdict::TooLong: return "too_long";
    }
    return "blink";
}

std::string_view turnDirectionName(TurnDirection direction)
{
    return direction == TurnDirection::Left ? "left" : "right";
}

double BlinkDetector::percentile(double Open::*field) const
{
    std::vector<double> values;
    values.reserve(m_history.size());
    for (const Open &o : m_history)
        values.push_back(o.*field);
    const auto k = static_cast<size_t>(m_config.baselinePercentile * static_cast<double>(values.size() - 1));
    std::nth_element(values.begin(), values.begin() + static_cast<long>(k), values.end());
    return values[k];
}

double BlinkDetector::baseline() const
{
    if (static_cast<int>(m_history.size()) < m_config.minBaselineSamples)
        return 0.0;
    return percentile(&Open::mean);
}

void BlinkDetector::addAsymmetry(const LivenessSample &s)
{
    if (m_baseLeft <= 0.0 || m_baseRight <= 0.0)
        return;
    m_asymmetrySum += std::abs(s.earLeft / m_baseLeft - s.earRight / m_baseRight);
    ++m_closedFrames;
}

void BlinkDetector::reset()
{
    m_history.clear();
    m_current.reset();
    m_lastFrame = -1;
}

std::optional<EyeClosureEvent> BlinkDetector::feed(const LivenessSample &s)
{
    if (!s.hasFace) {
        m_current.reset(); // a gap is not a blink
        return std::nullopt;
    }
    const double mean = (s.earLeft + s.earRight) / 2.0;
    const double base = baseline();
    std::optional<EyeClosureEvent> finished;
    if (!m_current) {
        if (base > 0.0 && mean < base * m_config.closeRatio) {
            EyeClosureEvent e;
            e.startFrame = s.frame;
            e.startMs = s.timeMs;
            e.baseline = base;
            m_baseLeft = percentile(&Open::left);
            m_baseRight = percentile(&Open::right);
            m_current = e;
        } else {
            m_history.push_back(Open{s.timeMs, s.earLeft, s.earRight, mean});
            while (!m_history.empty() && s.timeMs - m_history.front().timeMs > m_config.baselineWindowMs)
                m_history.pop_front();
        }
    } else {
        EyeClosureEvent &e = *m_current;
        const double dipFloor = e.minRatio * e.baseline;
        const double regained = dipFloor + m_config.reopenFraction * (e.baseline - dipFloor);
        const bool reopened = mean >= e.baseline * m_config.reopenRatio || mean >= regained;
        if (reopened) {
            e.endFrame = m_lastFrame;
            e.endMs = m_lastMs;
            // Duration from the first closed frame to the first open one: frame-rate independent.
            const double durationMs = s.timeMs - e.startMs;
            e.asymmetry = m_closedFrames > 0 ? m_asymmetrySum / m_closedFrames : 0.0;
            if (e.minRatio > m_config.deepRatio)
                e.verdict = BlinkVerdict::Shallow;
            else if (std::max(e.minRatioLeft, e.minRatioRight) > m_config.eachEyeRatio ||
                     e.asymmetry > m_config.winkAsymmetry)
                e.verdict = BlinkVerdict::Wink;
            else if (durationMs < m_config.minDurationMs)
                e.verdict = BlinkVerdict::TooShort;
            else if (durationMs > m_config.maxDurationMs)
                e.verdict = BlinkVerdict::TooLong;
            finished = e;
            m_current.reset();
        } else {
            e.minRatio = std::min(e.minRatio, mean / e.baseline);
            if (m_baseLeft > 0.0)
                e.minRatioLeft = std::min(e.minRatioLeft, s.earLeft / m_baseLeft);
            if (m_baseRight > 0.0)
                e.minRatioRight = std::min(e.minRatioRight, s.earRight / m_baseRight);
            addAsymmetry(s);
        }
    }
    if (m_current && m_current->startFrame == s.frame) {
        m_current->minRatio = mean / m_current->baseline;
        m_current->minRatioLeft = m_baseLeft > 0.0 ? s.earLeft / m_baseLeft : 1.0;
        m_current->minRatioRight = m_baseRight > 0.0 ? s.earRight / m_baseRight : 1.0;
        m_asymmetrySum = 0.0;
        m_closedFrames = 0;
        addAsymmetry(s);
    }
    m_lastFrame = s.frame;
    m_lastMs = s.timeMs;
    return finished;
}

void TurnDetector::reset()
{
    m_current.reset();
    m_past = false;
    m_lastFrontalFrame = -1;
}

std::optional<TurnEvent> TurnDetector::feed(const LivenessSample &s)
{
    if (!s.hasFace || !s.poseValid) {
        m_current.reset();
        m_past = false;
        return std::nullopt;
    }
    const double yaw = s.yawDeg;
    if (std::abs(yaw) <= m_config.frontalDeg) {
        std::optional<TurnEvent> finished;
        if (m_current && m_past && s.timeMs - m_current->startMs <= m_config.maxDurationMs) {
            m_current->endFrame = s.frame;
            m_current->endMs = s.timeMs;
            finished = m_current;
        }
        m_current.reset();
        m_past = false;
        m_lastFrontalFrame = s.frame;
        m_lastFrontalMs = s.timeMs;
        return finished;
    }
    if (m_lastFrontalFrame < 0)
        return std::nullopt; // never seen frontal: not a turn "and back"
    const TurnDirection direction = yaw > 0 ? TurnDirection::Left : TurnDirection::Right;
    if (!m_current || m_current->direction != direction) {
        TurnEvent e;
        e.direction = direction;
        e.startFrame = m_lastFrontalFrame;
        e.startMs = m_lastFrontalMs;
        m_current = e;
        m_past = false;
    }
    if (std::abs(yaw) > std::abs(m_current->peakYawDeg)) {
        m_current->peakYawDeg = yaw;
        m_current->peakFrame = s.frame;
        m_current->peakMs = s.timeMs;
    }
    if (std::abs(yaw) >= m_config.thresholdDeg)
        m_past = true;
    return std::nullopt;
}

} // namespace simkyc::vision
