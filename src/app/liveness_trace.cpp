#include "app/liveness_trace.h"

#include "app/face_services.h"

#include "vision/frame_analyzer.h"
#include "vision/frame_source.h"

namespace simkyc::app {

Result<LivenessTrace> traceLiveness(const ModelCatalog &catalog, const std::string &sourceSpec,
                                    const TraceOptions &options)
{
    auto analyzer = loadFrameAnalyzer(catalog);
    if (!analyzer.ok())
        return analyzer.error();
    auto source = vision::openSourceSpec(sourceSpec);
    if (!source.ok())
        return source.error();
    if ((*source)->info().kind == vision::SourceKind::Camera)
        return {ErrorCode::InvalidArgument, "event traces need a recording (video file or image folder), not a camera"};
    LivenessTrace trace;
    trace.fps = (*source)->info().fps;
    vision::BlinkDetector blinks(options.blink);
    vision::TurnDetector turns(options.turn);
    vision::PlanarityMonitor planarity;
    while (static_cast<std::int64_t>(trace.samples.size()) < options.maxFrames) {
        vision::FrameRead read = (*source)->read();
        if (!read.ok()) {
            if (read.error().code == vision::FrameErrorCode::EndOfStream)
                break;
            if (read.error().code == vision::FrameErrorCode::Unreadable)
                continue; // one bad image in a folder
            return read.error().toError();
        }
        const vision::FrameAnalysis analysis = (*analyzer)->analyze(*read);
        const vision::LivenessSample sample = vision::livenessSample(analysis);
        const auto residual = planarity.feed(analysis.landmarks, analysis.pose.yawDeg, analysis.pose.valid);
        trace.planarResiduals.push_back(residual.value_or(-1.0));
        if (!sample.hasFace)
            ++trace.framesWithoutFace;
        trace.samples.push_back(sample);
        if (auto closure = blinks.feed(sample))
            trace.closures.push_back(*closure);
        if (auto turn = turns.feed(sample))
            trace.turns.push_back(*turn);
    }
    trace.planarity = planarity.summary();
    return trace;
}

} // namespace simkyc::app
