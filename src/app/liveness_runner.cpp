#include "app/liveness_runner.h"

#include "app/face_services.h"
#include "vision/matcher.h"

#include "vision/capture_thread.h"
#include "vision/frame_analyzer.h"
#include "vision/frame_source.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace simkyc::app {

Result<LivenessRun> runLiveness(const ModelCatalog &catalog, const std::string &sourceSpec,
                                std::vector<vision::ChallengePrompt> script, const vision::SessionConfig &config,
                                const PromptCallback &onPrompt)
{
    auto analyzer = loadFrameAnalyzer(catalog);
    if (!analyzer.ok())
        return analyzer.error();
    return runLiveness(**analyzer, sourceSpec, std::move(script), config, onPrompt);
}

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

void textureOfBestFrames(const vision::LivenessResult &r, LivenessRun &run)
{
    std::vector<double> moire, specular, chroma, fine;
    for (const auto &best : r.passiveFrames) {
        auto cues = vision::measureTexture(best.image, best.box);
        if (!cues.ok())
            continue;
        moire.push_back(cues->moirePeak);
        specular.push_back(cues->specularFraction);
        chroma.push_back(cues->chromaSpread);
        fine.push_back(cues->highFrequencyShare);
    }
    if (moire.empty())
        return;
    run.passive.texture = vision::TextureCues{median(moire), median(specular), median(chroma), median(fine)};
}

} // namespace

std::string passiveSummary(const PassiveFindings &passive)
{
    char text[48] = ";passive=off";
    if (passive.measured)
        std::snprintf(text, sizeof text, ";passive=%.3f", passive.medianRealProbability);
    return text;
}

double passiveThresholdFor(const PassiveCheck &check, const vision::LivenessResult &result, double *flattestTurn)
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

namespace {

void checkPassive(vision::LivenessSession &session, const PassiveCheck &passive, LivenessRun &run)
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
    run.passive.medianRealProbability = median(run.passive.realProbabilities);
    const double limit = passiveThresholdFor(passive, r, &run.passive.flattestTurnResidual);
    run.passive.appliedThreshold = limit;
    if (r.passed && run.passive.medianRealProbability <= limit)
        session.reject("presentation_attack");
}

} // namespace

Result<LivenessRun> runLiveness(vision::FrameAnalyzer &analyzer, const std::string &sourceSpec,
                                std::vector<vision::ChallengePrompt> script, const vision::SessionConfig &config,
                                const PromptCallback &onPrompt, const IdentityCheck &identity,
                                const FrameObserver &onFrame, const CameraOptions &cameraOptions,
                                const PassiveCheck &passive)
{
    analyzer.reset();
    auto source = vision::openSourceSpec(sourceSpec, cameraOptions.spec);
    if (!source.ok())
        return source.error();
    LivenessRun run;
    const bool camera = (*source)->info().kind == vision::SourceKind::Camera;
    run.sourceKind = std::string(vision::sourceKindName((*source)->info().kind));
    run.injection.enforced = camera;
    vision::LivenessSession session(std::move(script), config,
                                    identity.engine != nullptr ? vision::identitySampler(*identity.engine)
                                                               : vision::IdentitySampler{});
    if (camera) {
        // A virtual camera (v4l2loopback, OBS...) can feed any prepared video: refuse it outright.
        auto cameraId = vision::queryCamera((*source)->info().description);
        if (!cameraId.ok())
            return cameraId.error();
        run.injection.camera = *cameraId;
        std::string why;
        if (vision::isVirtualCamera(*cameraId, &why)) {
            run.injection.virtualCamera = why;
            if (cameraOptions.allowVirtual)
                run.injection.enforced = false; // camera.allow_virtual: a demonstration, reported only
        }
        if (!run.injection.virtualCamera.empty() && run.injection.enforced) {
            session.reject("virtual_camera");
            run.result = session.result();
            return run;
        }
        auto usb = vision::usbCameraId((*source)->info().description);
        if (usb.ok())
            run.injection.usbId = usb->text();
        if (!cameraOptions.allowed.empty()) {
            if (!usb.ok())
                run.injection.notAllowed = usb.error().message;
            else if (!core::cameraAllowed(*usb, cameraOptions.allowed))
                run.injection.notAllowed = usb->text() + " is not on camera.allowed";
            if (!run.injection.notAllowed.empty()) {
                session.reject("camera_not_allowed");
                run.result = session.result();
                return run;
            }
        }
    }
    vision::StreamPlausibility plausibility;
    std::unique_ptr<vision::CaptureThread> capture;
    if (camera) {
        vision::CaptureOptions captureOptions;
        captureOptions.reopenOnError = false;
        capture = std::make_unique<vision::CaptureThread>(std::move(source).value(), captureOptions);
        capture->start();
    }
    size_t announcedCount = 0;
    while (!session.finished()) {
        vision::FrameRead read = camera ? capture->next(std::chrono::milliseconds(3000)) : (*source)->read();
        if (!read.ok()) {
            const auto code = read.error().code;
            if (code == vision::FrameErrorCode::EndOfStream)
                break;
            if (code == vision::FrameErrorCode::Unreadable && !camera)
                continue;
            if (capture)
                capture->stop();
            return read.error().toError(); // camera lost, stalled, ...
        }
        plausibility.feed(read->timestampNs, read->image, read->sensorTimestampNs);
        const vision::FrameAnalysis analysis = analyzer.analyze(*read);
        session.feed(analysis, read->image);
        ++run.frames;
        const auto prompt = session.currentPrompt();
        const auto prompted = static_cast<size_t>(session.promptedCount());
        if (prompt && prompted != announcedCount && onPrompt) {
            onPrompt(*prompt, session.result().challenges[prompted - 1].promptMs);
        }
        announcedCount = prompted;
        if (onFrame && !onFrame(*read, analysis, session)) {
            run.cancelled = true;
            session.reject("cancelled");
            break;
        }
    }
    if (capture)
        capture->stop();
    run.injection.stream = plausibility.report();
    if (run.cancelled) {
        session.finish();
        run.result = session.result();
        return run;
    }
    if (camera && run.injection.stream.suspicious)
        session.reject("implausible_stream");
    checkPassive(session, passive, run);
    session.finish();
    run.result = session.result();
    if (run.result.identity.samples > 0)
        run.identityDistance = run.result.identity.maxDistance;
    return run;
}

} // namespace simkyc::app
