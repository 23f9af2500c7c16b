// simkyc-cli analyze: per-frame face analysis of a video, camera, image or image folder.
#include "app/cli/command_list.h"
#include "app/face_services.h"
#include "app/model_catalog.h"
#include "vision/frame_analyzer.h"
#include "vision/frame_pump.h"
#include "vision/frame_source.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace simkyc::app::cli {
namespace {

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}
double round3(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QJsonObject analysisJson(const vision::FrameAnalysis &a)
{
    QJsonObject o{{"frame", static_cast<qint64>(a.sourceIndex >= 0 ? a.sourceIndex : a.sequence)},
                  {"sequence", static_cast<qint64>(a.sequence)},
                  {"timestamp_ns", static_cast<qint64>(a.timestampNs)},
                  {"face", qs(vision::faceOriginName(a.origin))},
                  {"faces", a.facesInLastDetection}};
    if (a.sourceTimeMs >= 0.0)
        o.insert("time_ms", round2(a.sourceTimeMs));
    if (a.detectReason != vision::DetectReason::None)
        o.insert("detect_reason", qs(vision::detectReasonName(a.detectReason)));
    if (a.hasFace()) {
        o.insert("box", QJsonArray{a.box.x, a.box.y, a.box.width, a.box.height});
        if (a.pose.valid) {
            o.insert("yaw", round2(a.pose.yawDeg));
            o.insert("pitch", round2(a.pose.pitchDeg));
            o.insert("roll", round2(a.pose.rollDeg));
        }
        o.insert("ear_left", round3(a.earLeft));
        o.insert("ear_right", round3(a.earRight));
        o.insert("mar", round3(a.mar));
        o.insert("interocular_px", round2(a.interocularPx));
        o.insert("sharpness", round2(a.quality.measures.sharpness));
        o.insert("face_luma", round2(a.quality.measures.faceLuma));
        o.insert("background_luma", round2(a.quality.measures.backgroundLuma));
    }
    QJsonArray hints;
    for (auto h : a.quality.hints)
        hints.append(qs(vision::qualityHintName(h)));
    o.insert("hints", hints);
    o.insert("ms", round2(a.analysisMs));
    return o;
}

QString analysisText(const vision::FrameAnalysis &a)
{
    QString line = QStringLiteral("frame %1").arg(a.sourceIndex >= 0 ? a.sourceIndex : a.sequence);
    if (a.sourceTimeMs >= 0.0)
        line += QStringLiteral(" t=%1ms").arg(a.sourceTimeMs, 0, 'f', 1);
    line += " " + qs(vision::faceOriginName(a.origin));
    if (a.hasFace()) {
        line += QStringLiteral(" box=%1,%2 %3x%4").arg(a.box.x).arg(a.box.y).arg(a.box.width).arg(a.box.height);
        if (a.pose.valid)
            line += QStringLiteral(" yaw=%1 pitch=%2 roll=%3")
                        .arg(a.pose.yawDeg, 0, 'f', 1)
                        .arg(a.pose.pitchDeg, 0, 'f', 1)
                        .arg(a.pose.rollDeg, 0, 'f', 1);
        line += QStringLiteral(" ear=%1/%2 mar=%3")
                    .arg(a.earLeft, 0, 'f', 3)
                    .arg(a.earRight, 0, 'f', 3)
                    .arg(a.mar, 0, 'f', 3);
    }
    QStringList hints;
    for (auto h : a.quality.hints)
        hints << qs(vision::qualityHintName(h));
    line += " hints=" + (hints.isEmpty() ? QStringLiteral("-") : hints.join(','));
    line += QStringLiteral(" (%1 ms)\n").arg(a.analysisMs, 0, 'f', 1);
    return line;
}

bool positiveOption(const QCommandLineParser &parser, const QString &name, long long &value)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    value = parser.value(name).toLongLong(&ok);
    return ok && value > 0;
}

int runAnalyze(const QCommandLineParser &parser, const CommonOptions &options)
{
    if (!parser.isSet("source"))
        return fail(options, "invalid_argument", "give --source VIDEO|CAMERA|IMAGE|FOLDER");
    long long every = vision::TrackerOptions{}.redetectEveryFrames;
    long long maxFrames = std::numeric_limits<long long>::max();
    if (!positiveOption(parser, "every", every) || every > 1000)
        return fail(options, "invalid_argument", "--every must be an integer in [1, 1000]");
    if (!positiveOption(parser, "max-frames", maxFrames))
        return fail(options, "invalid_argument", "--max-frames must be a positive integer");

    vision::FrameAnalyzerOptions analyzerOptions;
    analyzerOptions.tracker.redetectEveryFrames = static_cast<int>(every);
    if (parser.isSet("quality-config")) {
        auto config = vision::loadCaptureQualityConfig(parser.value("quality-config").toStdString());
        if (!config.ok())
            return fail(options, qs(errorCodeName(config.error().code)),
                        QString::fromStdString(config.error().message));
        analyzerOptions.quality = *config;
    }
    auto analyzer = loadFrameAnalyzer(ModelCatalog::builtIn(options.modelsDir), analyzerOptions);
    if (!analyzer.ok())
        return fail(options, qs(errorCodeName(analyzer.error().code)),
                    QString::fromStdString(analyzer.error().message));

    // Cameras run on a capture thread (latest frame wins); files are analysed frame by frame.
    auto pump = vision::FramePump::open(parser.value("source").toStdString(), {}, std::chrono::milliseconds(5000));
    if (!pump.ok())
        return fail(options, qs(errorCodeName(pump.error().code)), QString::fromStdString(pump.error().message));
    const bool camera = pump->camera();
    long long analysed = 0;
    while (analysed < maxFrames) {
        vision::FrameRead read = pump->next();
        if (!read.ok()) {
            const auto &e = read.error();
            if (e.code == vision::FrameErrorCode::EndOfStream || e.code == vision::FrameErrorCode::Stopped)
                break;
            if (e.code == vision::FrameErrorCode::Unreadable && !camera) {
                fail(options, qs(vision::frameErrorName(e.code)), QString::fromStdString(e.message), kExitError);
                continue; // one bad image in a folder: report it and go on
            }
            return fail(options, qs(vision::frameErrorName(e.code)), QString::fromStdString(e.message));
        }
        const vision::FrameAnalysis analysis = (*analyzer)->analyze(*read);
        ++analysed;
        if (options.json)
            printJson(analysisJson(analysis));
        else
            printText(analysisText(analysis));
    }
    pump->stop();
    const auto &stats = (*analyzer)->trackerStats();
    if (options.json)
        printJson(QJsonObject{{"summary", true},
                              {"frames", analysed},
                              {"detections", static_cast<qint64>(stats.detections)},
                              {"tracked", static_cast<qint64>(stats.trackedFrames)},
                              {"drift_resets", static_cast<qint64>(stats.driftResets)}});
    else
        printText(QStringLiteral("%1 frames, %2 detections, %3 tracked, %4 drift resets\n")
                      .arg(analysed)
                      .arg(stats.detections)
                      .arg(stats.trackedFrames)
                      .arg(stats.driftResets));
    if (analysed == 0)
        return fail(options, "no_frames", "the source delivered no frames");
    return kExitOk;
}

} // namespace

Command analyzeCommand()
{
    Command c;
    c.name = "analyze";
    c.summary =
        "Per-frame face analysis (box, head pose, eye/mouth ratios, capture hints) of a video, camera or image.";
    c.declare = [](QCommandLineParser &p) {
        p.addOption({"source", "A video file, an image, a folder of images, or a camera: /dev/videoN or an index N.",
                     "SOURCE"});
        p.addOption({"every", "Run the face detector at least every N frames while tracking (default 12).", "N"});
        p.addOption({"max-frames", "Stop after N frames.", "N"});
        p.addOption({"quality-config", "Capture-quality thresholds overriding the built-in version 1 file.", "FILE"});
    };
    c.run = runAnalyze;
    return c;
}

} // namespace simkyc::app::cli
