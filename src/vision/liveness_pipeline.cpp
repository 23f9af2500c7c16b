#include "vision/liveness_pipeline.h"

#include "core/statistics.h"
#include "vision/frame_pump.h"

#include <algorithm>
#include <cstdio>

namespace simkyc::vision {

namespace {

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

} // namespace

std::string passiveSummary(const PassiveFindings &passive)
{
    char text[48] = ";passive=off";
    if (passive.measured)
        std::snprintf(text, sizeof text, ";passive=%.3f", passive.medianRealProbability);
    return text;
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
    analyzer.reset();
    auto pump = FramePump::open(sourceSpec, options.camera.spec);
    if (!pump.ok())
        return pump.error();
    LivenessRun run;
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
    checkPassive(session, options.passive, run);
    session.finish();
    run.result = session.result();
    if (run.result.identity.samples > 0)
        run.identityDistance = run.result.identity.maxDistance;
    return run;
}

} // namespace simkyc::vision
