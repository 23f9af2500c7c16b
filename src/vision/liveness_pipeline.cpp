#include "vision/liveness_pipeline.h"

#include "core/statistics.h"
#include "vision/frame_pump.h"

#include <algorithm>
#include <cstdio>

namespace simkyc::vision {

namespace {

Result<LivenessRun> runPumped(FrameAnalyzer &analyzer, FramePump pumpValue, LivenessOptions options);

void textureOfBestFrames(const LivenessResult &r, LivenessRun &run)
{
    std::vector<double> moire, specular, chroma, fine;
    for (const auto &best : r.passiveFrames) {
        auto cues = measureTexture(best.image, best.box);
        if (!cues.ok())
            continue;
        moire.push_back(cues->moirePeak);
        specular.push_back(cues->specularFraction);
        chroma.push_back(cues->chromaSpread);
        fine.push_back(cues->highFrequencyShare);
    }
    if (moire.empty())
        return;
    run.passive.texture =
        TextureCues{*core::median(moire), *core::median(specular), *core::median(chroma), *core::median(fine)};
}

void checkPassive(LivenessSession &session, const PassiveCheck &passive, LivenessRun &run)
{
    const auto &r = session.result();
    if (passive.measureTexture)
        textureOfBestFrames(r, run);
    if (passive.model == nullptr || r.passiveFrames.empty())
        return;
    for (const auto &best : r.passiveFrames) {
        auto score = passive.model->score(best.image, best.box);
        if (score.ok())
            run.passive.realProbabilities.push_back(score->realProbability);
        else
            ++run.passive.unscored;
    }
    if (run.passive.realProbabilities.empty()) {
        if (r.passed)
            session.reject("passive_unmeasured");
        return;
    }
    run.passive.measured = true;
    run.passive.medianRealProbability = *core::median(run.passive.realProbabilities);
    const double limit = passiveThresholdFor(passive, r, &run.passive.flattestTurnResidual);
    run.passive.appliedThreshold = limit;
    if (r.passed && run.passive.medianRealProbability <= limit)
        session.reject("presentation_attack");
}

// A camera's checks before its first frame: a virtual camera (v4l2loopback, OBS...) can feed any
// prepared video, and a camera not on the allow-list is not the kiosk's. The reason the session
// is refused for, or an empty string; errors: the camera cannot be queried.
Result<std::string> refuseCamera(const SourceInfo &info, const CameraOptions &options, InjectionFindings &found)
{
    auto cameraId = queryCamera(info.description);
    if (!cameraId.ok())
        return cameraId.error();
    found.camera = *cameraId;
    std::string why;
    if (isVirtualCamera(*cameraId, &why)) {
        found.virtualCamera = why;
        if (options.allowVirtual)
            found.enforced = false; // camera.allow_virtual: a demonstration, reported only
    }
    if (!found.virtualCamera.empty() && found.enforced)
        return std::string("virtual_camera");
    auto usb = usbCameraId(info.description);
    if (usb.ok())
        found.usbId = usb->text();
    if (options.allowed.empty())
        return std::string();
    if (!usb.ok())
        found.notAllowed = usb.error().message;
    else if (!core::cameraAllowed(*usb, options.allowed))
        found.notAllowed = usb->text() + " is not on camera.allowed";
    return found.notAllowed.empty() ? std::string() : std::string("camera_not_allowed");
}

// Frames on the steady clock in ms: the capture time when the camera gives a plausible one (at most
// 250 ms before the arrival, never after it), else the arrival. A driver stamp on another clock, or
// one a virtual camera forged, cannot move the frames out of the sequence's window.
double frameClockMs(const Frame &frame)
{
    const std::int64_t lag = frame.timestampNs - frame.sensorTimestampNs;
    const bool plausible = frame.sensorTimestampNs >= 0 && lag >= 0 && lag <= 250'000'000;
    return static_cast<double>(plausible ? frame.sensorTimestampNs : frame.timestampNs) / 1e6;
}

// The screen-light challenge through a session: starts the sequence once the face has been in view
// long enough, measures the frames of its window, judges once the window has passed.
class ScreenLightPhase {
public:
    ScreenLightPhase(ScreenLightChallenge challenge, ScreenLightFindings &findings)
        : m_challenge(std::move(challenge)), m_findings(findings)
    {
        m_findings.asked = !m_challenge.schedule.steps.empty();
    }
    // Milliseconds from the first face to the end of the window (the first prompt waits for it).
    [[nodiscard]] double spanMs() const { return m_challenge.startAfterFaceMs + m_challenge.leadInMs + windowMs(); }
    void feed(const Frame &frame, const FrameAnalysis &analysis)
    {
        if (!m_findings.asked || m_judged)
            return;
        const double now = frameClockMs(frame);
        if (!m_findings.started) {
            if (!analysis.hasFace())
                return;
            if (m_faceSinceMs < 0.0)
                m_faceSinceMs = now;
            if (now - m_faceSinceMs < m_challenge.startAfterFaceMs)
                return;
            m_findings.started = true;
            // The sequence starts now: the screen follows this call, later by its own latency (the delay
            // the judgement searches for).
            const std::int64_t startNs = m_challenge.clockNs ? m_challenge.clockNs() : monotonicNowNs();
            m_findings.startMs = static_cast<double>(startNs) / 1e6 + m_challenge.leadInMs;
            if (m_challenge.onStart)
                m_challenge.onStart();
            return;
        }
        const double t = now - m_findings.startMs;
        if (t > windowMs()) {
            judge();
            return;
        }
        // The meter takes its reference from the first frames under the lead-in's grey (skipping the
        // first 150 ms, when the screen may still show the face check).
        if (analysis.landmarks.size() == 68 && t >= -m_challenge.leadInMs + 150.0)
            if (auto sample = m_meter.measure(frame.image, analysis.landmarks, t))
                m_samples.push_back(*sample);
    }
    // The session's verdict: reason to reject it for, or empty.
    std::string verdict()
    {
        if (!m_findings.asked)
            return {};
        if (!m_findings.started) // asked for and never shown: not a pass, whatever else passed
            return "screen_light_unmeasured";
        judge();
        if (m_findings.report.passed)
            return {};
        return m_findings.report.insufficient ? "screen_light_unmeasured" : std::string(kScreenLightMismatch);
    }

private:
    // From the sequence's start to the last frame that can still show it.
    [[nodiscard]] double windowMs() const
    {
        return m_challenge.schedule.totalMs() + m_challenge.config.maxDelayMs + m_challenge.config.exposureMs;
    }
    void judge()
    {
        if (m_judged)
            return;
        m_judged = true;
        m_findings.report = judgeScreenLight(m_samples, m_challenge.schedule, m_challenge.config);
    }

    ScreenLightChallenge m_challenge;
    ScreenLightFindings &m_findings;
    ScreenLightMeter m_meter;
    std::vector<ScreenLightSample> m_samples;
    double m_faceSinceMs = -1.0;
    bool m_judged = false;
};

} // namespace

std::string passiveSummary(const PassiveFindings &passive)
{
    char text[48] = ";passive=off";
    if (passive.measured)
        std::snprintf(text, sizeof text, ";passive=%.3f", passive.medianRealProbability);
    return text;
}

std::string screenLightSummary(const ScreenLightFindings &findings)
{
    if (!findings.asked)
        return ";screen_light=off"; // a record made without it says so
    if (!findings.started)
        return ";screen_light=not_started";
    if (findings.report.passed)
        return ";screen_light=pass";
    return findings.report.insufficient ? ";screen_light=unmeasured" : ";screen_light=mismatch";
}

double passiveThresholdFor(const PassiveCheck &check, const LivenessResult &result, double *flattestTurn)
{
    double flattest = -1.0; // the smallest planar residual of the session's turns
    for (const auto &c : result.challenges)
        if (c.planarResidual >= 0.0 && (flattest < 0.0 || c.planarResidual < flattest))
            flattest = c.planarResidual;
    if (flattestTurn != nullptr)
        *flattestTurn = flattest;
    const bool borderline = flattest >= 0.0 && flattest < check.borderlineResidualIod;
    return borderline ? std::max(check.threshold, check.borderlineThreshold) : check.threshold;
}

Result<LivenessRun> runLiveness(FrameAnalyzer &analyzer, const std::string &sourceSpec, LivenessOptions options)
{
    auto pump = FramePump::open(sourceSpec, options.camera.spec);
    if (!pump.ok())
        return pump.error();
    return runPumped(analyzer, std::move(pump).value(), std::move(options));
}

Result<LivenessRun> runLiveness(FrameAnalyzer &analyzer, std::unique_ptr<FrameSource> source, LivenessOptions options)
{
    return runPumped(analyzer, FramePump(std::move(source)), std::move(options));
}

namespace {

Result<LivenessRun> runPumped(FrameAnalyzer &analyzer, FramePump pumpValue, LivenessOptions options)
{
    analyzer.reset();
    FramePump *pump = &pumpValue;
    LivenessRun run;
    ScreenLightPhase screenLight(std::move(options.screenLight), run.screenLight);
    if (run.screenLight.asked) // the colours on the screen, not a prompt; the open-eye baseline meanwhile
        options.session.firstPromptDelayMs = std::max(options.session.firstPromptDelayMs, screenLight.spanMs());
    const bool camera = pump->camera();
    run.sourceKind = std::string(sourceKindName(pump->info().kind));
    run.injection.enforced = camera;
    LivenessSession session(std::move(options.script), options.session,
                            options.identity != nullptr ? identitySampler(*options.identity) : IdentitySampler{});
    if (camera) {
        auto refused = refuseCamera(pump->info(), options.camera, run.injection);
        if (!refused.ok())
            return refused.error();
        if (!refused->empty()) {
            session.reject(*refused);
            run.result = session.result();
            return run;
        }
    }
    StreamPlausibility plausibility;
    size_t announcedCount = 0;
    while (!session.finished()) {
        FrameRead read = pump->next();
        if (!read.ok()) {
            const auto code = read.error().code;
            if (code == FrameErrorCode::EndOfStream)
                break;
            if (code == FrameErrorCode::Unreadable && !camera)
                continue; // one bad image in a folder
            pump->stop();
            return read.error().toError(); // camera lost, stalled, ...
        }
        plausibility.feed(read->timestampNs, read->image, read->sensorTimestampNs);
        const FrameAnalysis analysis = analyzer.analyze(*read);
        session.feed(analysis, read->image);
        screenLight.feed(*read, analysis);
        ++run.frames;
        const auto prompt = session.currentPrompt();
        const auto prompted = static_cast<size_t>(session.promptedCount());
        if (prompt && prompted != announcedCount && options.onPrompt)
            options.onPrompt(*prompt, session.result().challenges[prompted - 1].promptMs);
        announcedCount = prompted;
        if (options.onFrame && !options.onFrame(*read, analysis, session)) {
            run.cancelled = true;
            session.reject("cancelled");
            break;
        }
    }
    pump->stop();
    run.injection.stream = plausibility.report();
    if (run.cancelled) {
        session.finish();
        run.result = session.result();
        return run;
    }
    if (run.injection.enforced && run.injection.stream.suspicious) // a camera, not a virtual one let through
        session.reject("implausible_stream");
    if (const std::string why = screenLight.verdict(); !why.empty() && session.result().passed)
        session.reject(why);
    checkPassive(session, options.passive, run);
    session.finish();
    run.result = session.result();
    if (run.result.identity.samples > 0)
        run.identityDistance = run.result.identity.maxDistance;
    return run;
}

} // namespace

} // namespace simkyc::vision
