// simkyc-cli liveness events (and, with the liveness session, liveness run).
#include "app/cli/command_list.h"
#include "app/face_services.h"
#include "app/liveness_trace.h"
#include "vision/liveness_pipeline.h"

#include <QFile>
#include <QJsonArray>
#include <QTextStream>

#include <cmath>

namespace simkyc::app::cli {
namespace {

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

QJsonObject closureJson(const vision::EyeClosureEvent &e)
{
    return QJsonObject{{"start_frame", static_cast<double>(e.startFrame)},
                       {"end_frame", static_cast<double>(e.endFrame)},
                       {"start_ms", round2(e.startMs)},
                       {"end_ms", round2(e.endMs)},
                       {"min_ratio", round2(e.minRatio)},
                       {"min_ratio_left", round2(e.minRatioLeft)},
                       {"min_ratio_right", round2(e.minRatioRight)},
                       {"asymmetry", round2(e.asymmetry)},
                       {"verdict", QString::fromUtf8(vision::blinkVerdictName(e.verdict).data())}};
}

QJsonObject turnJson(const vision::TurnEvent &t)
{
    return QJsonObject{{"direction", QString::fromUtf8(vision::turnDirectionName(t.direction).data())},
                       {"peak_yaw_deg", round2(t.peakYawDeg)},
                       {"start_frame", static_cast<double>(t.startFrame)},
                       {"peak_frame", static_cast<double>(t.peakFrame)},
                       {"end_frame", static_cast<double>(t.endFrame)},
                       {"start_ms", round2(t.startMs)},
                       {"end_ms", round2(t.endMs)}};
}

QJsonObject planarityJson(const vision::PlanaritySummary &p)
{
    QJsonObject o{{"frames", static_cast<double>(p.frames)},
                  {"median_residual", std::round(p.medianResidual * 1e4) / 1e4},
                  {"high_residual", std::round(p.highResidual * 1e4) / 1e4},
                  {"max_residual", std::round(p.maxResidual * 1e4) / 1e4},
                  {"yaw_spread_deg", round2(p.yawSpreadDeg)}};
    if (p.planar)
        o.insert("planar", *p.planar);
    return o;
}

Status writeTrace(const QString &path, const LivenessTrace &trace)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return {ErrorCode::IoError, path.toStdString() + ": " + file.errorString().toStdString()};
    QTextStream out(&file);
    out << "frame,time_ms,face,ear_left,ear_right,yaw_deg,pitch_deg,planar_residual\n";
    for (size_t i = 0; i < trace.samples.size(); ++i) {
        const auto &s = trace.samples[i];
        out << s.frame << ',' << s.timeMs << ',' << (s.hasFace ? 1 : 0) << ',' << s.earLeft << ',' << s.earRight << ','
            << s.yawDeg << ',' << s.pitchDeg << ',' << trace.planarResiduals[i] << '\n';
    }
    out.flush();
    if (file.error() != QFile::NoError)
        return {ErrorCode::IoError, path.toStdString() + ": " + file.errorString().toStdString()};
    return {};
}

int runEvents(const QCommandLineParser &parser, const CommonOptions &options)
{
    if (!parser.isSet("source"))
        return fail(options, "invalid_argument", "give --source VIDEO (a recording or an image folder)");
    auto trace = traceLiveness(ModelCatalog::builtIn(options.modelsDir), parser.value("source").toStdString());
    if (!trace.ok())
        return fail(options, QString::fromUtf8(errorCodeName(trace.error().code).data()),
                    QString::fromStdString(trace.error().message));
    if (parser.isSet("trace")) {
        auto written = writeTrace(parser.value("trace"), *trace);
        if (!written.ok())
            return fail(options, "io_error", QString::fromStdString(written.error().message));
    }
    QJsonArray blinks, rejected, turns;
    for (const auto &c : trace->closures)
        (c.isBlink() ? blinks : rejected).append(closureJson(c));
    for (const auto &t : trace->turns)
        turns.append(turnJson(t));
    const QJsonObject report{{"source", parser.value("source")},
                             {"frames", static_cast<double>(trace->samples.size())},
                             {"frames_without_face", static_cast<double>(trace->framesWithoutFace)},
                             {"fps", round2(trace->fps)},
                             {"blinks", blinks},
                             {"rejected_closures", rejected},
                             {"turns", turns},
                             {"planarity", planarityJson(trace->planarity)}};
    if (options.json) {
        printJson(report);
    } else {
        printText(QStringLiteral("%1 frames, %2 blinks, %3 turns\n")
                      .arg(trace->samples.size())
                      .arg(blinks.size())
                      .arg(turns.size()));
        for (const auto &b : blinks)
            printText(QStringLiteral("  blink  frames %1-%2\n")
                          .arg(b.toObject()["start_frame"].toInteger())
                          .arg(b.toObject()["end_frame"].toInteger()));
        for (const auto &t : turns)
            printText(QStringLiteral("  turn %1 (peak %2 deg) frames %3-%4\n")
                          .arg(t.toObject()["direction"].toString())
                          .arg(t.toObject()["peak_yaw_deg"].toDouble())
                          .arg(t.toObject()["start_frame"].toInteger())
                          .arg(t.toObject()["end_frame"].toInteger()));
    }
    return kExitOk;
}

QJsonObject challengeJson(const vision::ChallengeResult &c)
{
    return QJsonObject{{"challenge", QString::fromUtf8(vision::challengeName(c.challenge).data())},
                       {"outcome", QString::fromUtf8(vision::challengeOutcomeName(c.outcome).data())},
                       {"prompt_ms", round2(c.promptMs)},
                       {"completed_ms", round2(c.completedMs)},
                       {"reaction_ms", c.completedMs >= 0 ? round2(c.completedMs - c.promptMs) : -1.0},
                       {"start_frame", static_cast<double>(c.startFrame)},
                       {"end_frame", static_cast<double>(c.endFrame)},
                       {"ignored_too_fast", c.ignoredTooFast},
                       {"peak_yaw_deg", round2(c.peakYawDeg)},
                       {"planar_residual", std::round(c.planarResidual * 1e4) / 1e4}};
}

Result<std::vector<vision::ChallengePrompt>> scriptFrom(const QCommandLineParser &parser)
{
    if (parser.isSet("prompts"))
        return vision::parsePromptScript(parser.value("prompts").toStdString());
    if (parser.isSet("challenges"))
        return vision::parsePromptScript(parser.value("challenges").toStdString());
    bool ok = true;
    const int count = parser.isSet("count") ? parser.value("count").toInt(&ok) : 3;
    if (!ok)
        return Error{ErrorCode::InvalidArgument, "--count takes a number 1-5"};
    vision::ChallengePlanner planner;
    auto drawn = planner.draw(count);
    if (!drawn.ok())
        return drawn.error();
    std::vector<vision::ChallengePrompt> script;
    for (auto c : *drawn)
        script.push_back({c, -1.0});
    return script;
}

QJsonObject identityJson(const vision::IdentityEvidence &id)
{
    QJsonArray frames;
    for (std::int64_t f : id.frames)
        frames.append(static_cast<double>(f));
    return QJsonObject{{"samples", id.samples},
                       {"max_distance", std::round(id.maxDistance * 1e4) / 1e4},
                       {"max_centroid_distance", std::round(id.maxCentroidDistance * 1e4) / 1e4},
                       {"sampled_frames", frames},
                       {"unsampled", id.unsampled}};
}

QJsonObject sensorNoiseJson(const vision::SensorNoiseReport &n)
{
    return QJsonObject{{"flat_pairs", static_cast<double>(n.flatPairs)},
                       {"median_flat_unchanged", std::round(n.medianFlatShare * 1e4) / 1e4},
                       {"textured_pairs", static_cast<double>(n.texturedPairs)},
                       {"median_textured_unchanged", std::round(n.medianTexturedShare * 1e4) / 1e4}};
}

QJsonObject injectionJson(const vision::InjectionFindings &i)
{
    QJsonArray findings;
    for (const auto &f : i.stream.findings)
        findings.append(QString::fromStdString(f));
    QJsonObject o{{"enforced", i.enforced},
                  {"identical_frames", static_cast<double>(i.stream.identicalFrames)},
                  {"interval_jitter_ms", std::round(i.stream.intervalJitterMs * 1000.0) / 1000.0},
                  {"max_latency_ms", std::round(i.stream.maxLatencyMs * 1000.0) / 1000.0},
                  {"sensor_noise", sensorNoiseJson(i.stream.sensorNoise)},
                  {"findings", findings}};
    if (i.camera)
        o.insert("camera", QJsonObject{{"device", QString::fromStdString(i.camera->device)},
                                       {"driver", QString::fromStdString(i.camera->driver)},
                                       {"card", QString::fromStdString(i.camera->card)}});
    if (!i.virtualCamera.empty())
        o.insert("virtual_camera", QString::fromStdString(i.virtualCamera));
    if (!i.usbId.empty())
        o.insert("usb_id", QString::fromStdString(i.usbId));
    if (!i.notAllowed.empty())
        o.insert("camera_not_allowed", QString::fromStdString(i.notAllowed));
    return o;
}

// notUsed: why the networks did not run ("models_absent", "turned_off"); nullptr when they did.
QJsonObject passiveJson(const vision::PassiveFindings &p, const char *notUsed)
{
    if (notUsed != nullptr) {
        QJsonObject o{{"measured", false}, {"why", notUsed}};
        if (p.texture)
            o.insert("texture", textureJson(*p.texture));
        return o;
    }
    QJsonArray perFrame;
    for (double v : p.realProbabilities)
        perFrame.append(std::round(v * 1e4) / 1e4);
    QJsonObject o{{"measured", p.measured},
                  {"per_frame", perFrame},
                  {"threshold", p.appliedThreshold},
                  {"flattest_turn_residual", std::round(p.flattestTurnResidual * 1e4) / 1e4}};
    if (p.texture)
        o.insert("texture", textureJson(*p.texture));
    if (p.measured)
        o.insert("median_real_probability", std::round(p.medianRealProbability * 1e4) / 1e4);
    else
        o.insert("why", "no_frontal_frames");
    return o;
}

int runSession(const QCommandLineParser &parser, const CommonOptions &options)
{
    if (!parser.isSet("source"))
        return fail(options, "invalid_argument", "give --source VIDEO|CAMERA");
    auto script = scriptFrom(parser);
    if (!script.ok())
        return fail(options, QString::fromUtf8(errorCodeName(script.error().code).data()),
                    QString::fromStdString(script.error().message));
    vision::SessionConfig config;
    if (parser.isSet("turn-deg")) {
        bool ok = false;
        config.turn.thresholdDeg = parser.value("turn-deg").toDouble(&ok);
        if (!ok || config.turn.thresholdDeg < 10.0 || config.turn.thresholdDeg > 60.0)
            return fail(options, "invalid_argument", "--turn-deg takes 10-60 degrees");
    }
    const auto catalog = ModelCatalog::builtIn(options.modelsDir);
    auto analyzer = loadFrameAnalyzer(catalog);
    if (!analyzer.ok())
        return fail(options, QString::fromUtf8(errorCodeName(analyzer.error().code).data()),
                    QString::fromStdString(analyzer.error().message));
    auto engine = loadFaceEngine(catalog);
    if (!engine.ok())
        return fail(options, QString::fromUtf8(errorCodeName(engine.error().code).data()),
                    QString::fromStdString(engine.error().message));
    // The passive cue is optional: without its models the session runs on the challenges alone and
    // the report says so.
    vision::PassiveCheck passive;
    passive.measureTexture = true; // reported in "passive.texture"
    std::unique_ptr<vision::SpoofModel> spoof;
    if (parser.isSet("passive-threshold")) {
        bool ok = false;
        passive.threshold = parser.value("passive-threshold").toDouble(&ok);
        if (!ok || passive.threshold < 0.0 || passive.threshold >= 1.0)
            return fail(options, "invalid_argument", "--passive-threshold must be a number in [0, 1)");
    }
    if (!parser.isSet("no-passive")) {
        auto loaded = loadOptionalSpoofModel(catalog);
        if (loaded.ok())
            spoof = std::move(loaded).value();
        else
            return fail(options, QString::fromUtf8(errorCodeName(loaded.error().code).data()),
                        QString::fromStdString(loaded.error().message));
    }
    passive.model = spoof.get();
    const bool json = options.json;
    vision::LivenessOptions liveness;
    liveness.script = *script;
    liveness.session = config;
    liveness.identity = engine->get();
    liveness.passive = passive;
    liveness.onPrompt = [json](vision::Challenge c, double ms) {
        if (!json)
            printText(QStringLiteral("prompt at %1 s: %2\n")
                          .arg(ms / 1000.0, 0, 'f', 2)
                          .arg(QString::fromUtf8(vision::challengeName(c).data())));
    };
    auto run = vision::runLiveness(**analyzer, parser.value("source").toStdString(), std::move(liveness));
    if (!run.ok())
        return fail(options, QString::fromUtf8(errorCodeName(run.error().code).data()),
                    QString::fromStdString(run.error().message));
    const auto &r = run->result;
    QJsonArray reasons, challenges, pauses, best, blinks, turns;
    for (const auto &reason : r.reasons)
        reasons.append(QString::fromStdString(reason));
    for (const auto &c : r.challenges)
        challenges.append(challengeJson(c));
    for (const auto &h : r.pauseHints)
        pauses.append(QString::fromStdString(h));
    for (const auto &b : r.bestFrames)
        best.append(static_cast<double>(b.frame));
    for (const auto &c : r.closures)
        if (c.isBlink())
            blinks.append(closureJson(c));
    for (const auto &t : r.turns)
        turns.append(turnJson(t));
    const QJsonObject report{{"source", parser.value("source")},
                             {"source_kind", QString::fromStdString(run->sourceKind)},
                             {"passed", r.passed},
                             {"reasons", reasons},
                             {"challenges", challenges},
                             {"pause_hints", pauses},
                             {"best_frames", best},
                             {"match_frames", best}, // the frames handed to the matcher: the best frames
                             {"identity", identityJson(r.identity)},
                             {"blinks", blinks},
                             {"turns", turns},
                             {"frames", static_cast<double>(run->frames)},
                             {"duration_ms", round2(r.durationMs)},
                             {"injection", injectionJson(run->injection)},
                             {"identity_distance", std::round(run->identityDistance * 1e4) / 1e4},
                             {"passive", passiveJson(run->passive, spoof                        ? nullptr
                                                                   : parser.isSet("no-passive") ? "turned_off"
                                                                                                : "models_absent")}};
    if (json) {
        printJson(report);
    } else {
        QString text = r.passed ? QStringLiteral("PASSED\n") : QStringLiteral("FAILED:");
        for (const auto &reason : r.reasons)
            text += " " + QString::fromStdString(reason);
        if (!r.passed)
            text += "\n";
        for (const auto &c : challenges)
            text += QStringLiteral("  %1: %2\n")
                        .arg(c.toObject()["challenge"].toString(), c.toObject()["outcome"].toString());
        printText(text);
    }
    return r.passed ? kExitOk : kExitNegative;
}

} // namespace

Command livenessCommand()
{
    Command c;
    c.name = "liveness";
    c.summary = "Liveness: 'events' lists blinks and head turns; 'run' runs a challenge session (exit 0 pass, 1 fail).";
    c.declare = [](QCommandLineParser &p) {
        p.addPositionalArgument("what", "events (list blinks and turns) or run (a full challenge session).");
        p.addOption({"source", "A video file, image folder, or a camera (/dev/videoN or N) for run.", "SOURCE"});
        p.addOption(
            {"challenges", "run: these challenges in this order, each prompted when the last is done.", "LIST"});
        p.addOption({"prompts", "run: a fixed script for recordings, e.g. blink@0.5,left@3.0 (seconds).", "SCRIPT"});
        p.addOption({"count", "run: number of random challenges (1-5, default 3).", "N"});
        p.addOption({"turn-deg", "run: yaw a turn must pass (10-60, default 25).", "DEG"});
        p.addOption(
            {"no-passive", "run: leave the MiniFASNet passive cue out (it is used when its models are there)."});
        p.addOption({"passive-threshold",
                     "run: median MiniFASNet real probability at or below which the session fails (default 0.2; "
                     "0.5 after a nearly flat turn).",
                     "P"});
        p.addOption({"trace", "Also write per-frame EAR and yaw to this CSV file.", "FILE.csv"});
    };
    c.run = [](const QCommandLineParser &parser, const CommonOptions &options) {
        const QStringList args = parser.positionalArguments();
        if (args.size() == 1 && args.first() == "events")
            return runEvents(parser, options);
        if (args.size() == 1 && args.first() == "run")
            return runSession(parser, options);
        return fail(options, "invalid_argument",
                    "usage: simkyc-cli liveness events --source VIDEO [--trace F] | liveness run --source VIDEO|CAMERA "
                    "[--challenges blink,left,right] [--prompts blink@0.5,left@3.0] [--count N]");
    };
    return c;
}

} // namespace simkyc::app::cli
