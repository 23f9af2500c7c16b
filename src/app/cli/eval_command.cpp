// simkyc-cli eval verification
#include "app/blink_eval.h"
#include "app/cli/command_list.h"
#include "app/face_services.h"
#include "app/identity_eval.h"
#include "app/liveness_eval.h"
#include "app/verification_eval.h"
#include "vision/liveness_session.h"
#include "vision/roc_plot.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <map>

namespace simkyc::app::cli {
namespace {

void merge(QJsonObject &into, const QJsonObject &from)
{
    for (auto it = from.begin(); it != from.end(); ++it)
        into.insert(it.key(), it.value());
}

double round6(double v)
{
    return std::round(v * 1e6) / 1e6;
}

QJsonObject metricsJson(const vision::VerificationMetrics &m)
{
    return QJsonObject{{"genuine_pairs", static_cast<double>(m.genuinePairs)},
                       {"impostor_pairs", static_cast<double>(m.impostorPairs)},
                       {"eer", round6(m.eer)},
                       {"eer_threshold", round6(m.eerThreshold)},
                       {"tar_at_far_1e-2", round6(m.tarAtFar1e2)},
                       {"tar_at_far_1e-3", round6(m.tarAtFar1e3)},
                       {"threshold", m.threshold},
                       {"far_at_threshold", round6(m.farAtThreshold)},
                       {"frr_at_threshold", round6(m.frrAtThreshold)}};
}

// A pipeline's metrics with its failures to enrol and the pairs they cost.
QJsonObject pipelineJson(const PipelineEval &eval)
{
    QJsonObject out = metricsJson(eval.metrics);
    QJsonArray failed;
    for (const auto &[file, code] : eval.failedToEnrol)
        failed.append(QJsonObject{{"file", QString::fromStdString(file)}, {"error", QString::fromStdString(code)}});
    out.insert("failures_to_enrol", static_cast<int>(eval.failedToEnrol.size()));
    out.insert("failed", failed);
    out.insert("pairs_skipped", static_cast<int>(eval.pairsSkipped));
    return out;
}

QJsonArray intervalsJson(const std::vector<LabelledInterval> &intervals)
{
    QJsonArray out;
    for (const auto &i : intervals)
        out.append(QJsonArray{static_cast<double>(i.start), static_cast<double>(i.end)});
    return out;
}

int runBlinkEval(const QCommandLineParser &parser, const CommonOptions &options)
{
    if (!parser.isSet("labels"))
        return fail(options, "invalid_argument", "give --labels blinks.csv");
    const std::filesystem::path labels = parser.value("labels").toStdString();
    const std::filesystem::path root = parser.isSet("root") ? std::filesystem::path(parser.value("root").toStdString())
                                                            : labels.parent_path().parent_path();
    const auto errata = parser.isSet("errata")
                            ? std::optional(std::filesystem::path(parser.value("errata").toStdString()))
                            : std::nullopt;
    auto result = evaluateBlinks(ModelCatalog::builtIn(options.modelsDir), labels, root, 3, errata);
    if (!result.ok())
        return fail(options, QString::fromUtf8(errorCodeName(result.error().code).data()),
                    QString::fromStdString(result.error().message));
    QJsonArray videos, lovo;
    for (const auto &v : result->videos)
        videos.append(QJsonObject{{"video", QString::fromStdString(v.video)},
                                  {"frames", static_cast<double>(v.frames)},
                                  {"precision", round6(BlinkEvalResult::precisionOf(v.score))},
                                  {"recall", round6(BlinkEvalResult::recallOf(v.score))},
                                  {"true_positives", v.score.truePositives},
                                  {"false_positives", intervalsJson(v.score.falsePositiveEvents)},
                                  {"missed", intervalsJson(v.score.missedEvents)},
                                  {"ignored_on_notes", v.score.ignored}});
    QJsonObject report{{"labels", parser.value("labels")},
                       {"tolerance_frames", 3},
                       {"true_positives", result->total.truePositives},
                       {"false_positives", result->total.falsePositives},
                       {"false_negatives", result->total.falseNegatives},
                       {"precision", round6(result->precision())},
                       {"recall", round6(result->recall())},
                       {"videos", videos}};
    for (const auto &v : result->lovo)
        lovo.append(QJsonObject{{"video", QString::fromStdString(v.video)},
                                {"config", QString::fromStdString(v.config)},
                                {"precision", round6(BlinkEvalResult::precisionOf(v.score))},
                                {"recall", round6(BlinkEvalResult::recallOf(v.score))},
                                {"true_positives", v.score.truePositives},
                                {"false_positives", v.score.falsePositives},
                                {"false_negatives", v.score.falseNegatives}});
    report["leave_one_video_out"] = QJsonObject{{"videos", lovo},
                                                {"precision", round6(BlinkEvalResult::precisionOf(result->lovoTotal))},
                                                {"recall", round6(BlinkEvalResult::recallOf(result->lovoTotal))}};
    if (const auto &e = result->totalWithErrata)
        report["with_errata"] = QJsonObject{{"errata", parser.value("errata")},
                                            {"true_positives", e->truePositives},
                                            {"false_positives", e->falsePositives},
                                            {"false_negatives", e->falseNegatives},
                                            {"precision", round6(BlinkEvalResult::precisionOf(*e))},
                                            {"recall", round6(BlinkEvalResult::recallOf(*e))}};
    if (options.json)
        printJson(report);
    else
        printText(QStringLiteral("blinks: precision %1, recall %2 (TP %3, FP %4, FN %5)\n")
                      .arg(result->precision(), 0, 'f', 3)
                      .arg(result->recall(), 0, 'f', 3)
                      .arg(result->total.truePositives)
                      .arg(result->total.falsePositives)
                      .arg(result->total.falseNegatives));
    return kExitOk;
}

int runLivenessEval(const QCommandLineParser &parser, const CommonOptions &options)
{
    LivenessEvalOptions eval;
    if (parser.isSet("attacks"))
        eval.attacks = parser.value("attacks").toStdString();
    if (parser.isSet("labels")) {
        eval.genuineLabels = parser.value("labels").toStdString();
        eval.dataRoot = parser.isSet("root") ? std::filesystem::path(parser.value("root").toStdString())
                                             : eval.genuineLabels.parent_path().parent_path();
    }
    if (eval.attacks.empty() && eval.genuineLabels.empty())
        return fail(options, "invalid_argument", "give --attacks attacks.csv and/or --labels blinks.csv");
    eval.limitPerType = parser.value("limit").toInt();
    if (parser.isSet("seed"))
        eval.seed = parser.value("seed").toULongLong();
    eval.passive = !parser.isSet("no-passive");
    if (parser.isSet("passive-threshold")) {
        bool ok = false;
        eval.passiveThreshold = parser.value("passive-threshold").toDouble(&ok);
        if (!ok || eval.passiveThreshold < 0.0 || eval.passiveThreshold >= 1.0)
            return fail(options, "invalid_argument", "--passive-threshold must be a number in [0, 1)");
    }
    auto result = evaluateLiveness(ModelCatalog::builtIn(options.modelsDir), eval);
    if (!result.ok())
        return fail(options, QString::fromUtf8(errorCodeName(result.error().code).data()),
                    QString::fromStdString(result.error().message));
    QJsonObject apcer, counts, stopped;
    for (const auto &[type, n] : result->attacks) {
        apcer.insert(QString::fromStdString(type), round6(result->apcer(type)));
        counts.insert(QString::fromStdString(type), n);
        QJsonObject reasons;
        for (const auto &[reason, k] : result->stoppedBy.at(type))
            reasons.insert(QString::fromStdString(reason), k);
        stopped.insert(QString::fromStdString(type), reasons);
    }
    // The passive cue's score per kind of session (min, median, max), to choose its threshold from.
    std::map<std::string, std::vector<double>> scoresOf;
    QJsonArray sessions;
    for (const auto &s : result->sessions) {
        if (s.passiveScore >= 0.0)
            scoresOf[s.kind].push_back(s.passiveScore);
        QJsonArray reasons;
        for (const auto &r : s.reasons)
            reasons.append(QString::fromStdString(r));
        QJsonObject session{
            {"video", QString::fromStdString(s.video)},
            {"kind", QString::fromStdString(s.kind)},
            {"passed", s.passed},
            {"reasons", reasons},
            {"passive_score", s.passiveScore >= 0.0 ? QJsonValue(round6(s.passiveScore)) : QJsonValue()}};
        if (s.texture)
            session.insert("texture", textureJson(*s.texture));
        sessions.append(session);
    }
    QJsonObject passiveScores;
    for (auto &[kind, scores] : scoresOf) {
        std::sort(scores.begin(), scores.end());
        passiveScores.insert(QString::fromStdString(kind), QJsonObject{{"sessions", static_cast<int>(scores.size())},
                                                                       {"min", round6(scores.front())},
                                                                       {"median", round6(scores[scores.size() / 2])},
                                                                       {"max", round6(scores.back())}});
    }
    QJsonArray wrong;
    for (const auto &s : result->sessions)
        if (s.passed != isBonaFide(s.kind)) {
            QJsonArray reasons;
            for (const auto &r : s.reasons)
                reasons.append(QString::fromStdString(r));
            wrong.append(QJsonObject{{"video", QString::fromStdString(s.video)},
                                     {"kind", QString::fromStdString(s.kind)},
                                     {"script", QString::fromStdString(s.script)},
                                     {"reasons", reasons}});
        }
    const QJsonObject report{{"apcer", apcer},
                             {"attack_sessions", counts},
                             {"stopped_by", stopped},
                             {"bpcer", round6(result->bpcer())},
                             {"genuine_sessions", result->genuine},
                             {"genuine_failed", result->genuineFailed},
                             {"errors", wrong},
                             {"passive", QJsonObject{{"measured", result->passiveMeasured},
                                                     {"threshold", eval.passiveThreshold},
                                                     {"scores", passiveScores}}}};
    QJsonObject full = report;
    QJsonObject bpcerByKind;
    for (const auto &[kind, n] : result->bonaFide) {
        const auto failed = result->bonaFideFailed.find(kind);
        const int k = failed == result->bonaFideFailed.end() ? 0 : failed->second;
        bpcerByKind.insert(QString::fromStdString(kind),
                           QJsonObject{{"sessions", n}, {"failed", k}, {"bpcer", round6(static_cast<double>(k) / n)}});
    }
    full.insert("bpcer_by_kind", bpcerByKind);
    if (parser.isSet("sessions"))
        full.insert("sessions", sessions);
    if (options.json) {
        printJson(full);
    } else {
        for (const auto &[type, n] : result->attacks)
            printText(QStringLiteral("%1: APCER %2 (%3 sessions)\n")
                          .arg(QString::fromStdString(type))
                          .arg(result->apcer(type), 0, 'f', 4)
                          .arg(n));
        printText(QStringLiteral("genuine: BPCER %1 (%2 of %3 failed)\n")
                      .arg(result->bpcer(), 0, 'f', 4)
                      .arg(result->genuineFailed)
                      .arg(result->genuine));
    }
    return kExitOk;
}

QJsonObject distancesJson(const DistanceSummary &d)
{
    return QJsonObject{{"pairs", static_cast<double>(d.pairs)},
                       {"min", round6(d.min)},
                       {"p01", round6(d.p01)},
                       {"p05", round6(d.p05)},
                       {"median", round6(d.median)},
                       {"p95", round6(d.p95)},
                       {"p99", round6(d.p99)},
                       {"max", round6(d.max)}};
}

int runIdentityEval(const QCommandLineParser &parser, const CommonOptions &options)
{
    if (!parser.isSet("videos") || !parser.isSet("identities"))
        return fail(options, "invalid_argument",
                    "give --videos labels/videos.csv and --identities labels/identities.csv");
    IdentityEvalOptions eval;
    eval.videos = parser.value("videos").toStdString();
    eval.identities = parser.value("identities").toStdString();
    eval.root = parser.isSet("root") ? std::filesystem::path(parser.value("root").toStdString())
                                     : eval.videos.parent_path().parent_path();
    for (const QString &e : parser.value("exclude").split(',', Qt::SkipEmptyParts))
        eval.exclude.push_back(e.trimmed().toStdString());
    auto result = evaluateIdentity(ModelCatalog::builtIn(options.modelsDir), eval);
    if (!result.ok())
        return fail(options, QString::fromUtf8(errorCodeName(result.error().code).data()),
                    QString::fromStdString(result.error().message));
    QJsonArray videos;
    for (const auto &v : result->videos)
        videos.append(QJsonObject{
            {"video", QString::fromStdString(v.video)}, {"samples", v.samples}, {"genuine", distancesJson(v.genuine)}});
    const QJsonObject report{{"window_ms", eval.windowMs},
                             {"videos", videos},
                             {"genuine", distancesJson(result->genuine)},
                             {"impostor", distancesJson(result->impostor)},
                             {"genuine_to_centroid", distancesJson(result->centroidGenuine)},
                             {"impostor_to_centroid", distancesJson(result->centroidImpostor)},
                             {"session_genuine", distancesJson(result->sessionGenuine)},
                             {"session_impostor", distancesJson(result->sessionImpostor)},
                             {"impostor_photos", result->photos},
                             {"threshold", vision::IdentityConfig{}.maxDistance}};
    if (options.json)
        printJson(report);
    else
        printText(QStringLiteral("genuine (same video, within %1 s): max %2, p99 %3; impostor (other people's photos): "
                                 "min %4, p01 %5; threshold %6\n")
                      .arg(eval.windowMs / 1000.0)
                      .arg(result->genuine.max, 0, 'f', 3)
                      .arg(result->genuine.p99, 0, 'f', 3)
                      .arg(result->impostor.min, 0, 'f', 3)
                      .arg(result->impostor.p01, 0, 'f', 3)
                      .arg(vision::IdentityConfig{}.maxDistance, 0, 'f', 2));
    return kExitOk;
}

int runEval(const QCommandLineParser &parser, const CommonOptions &options)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() == 1 && args.first() == "liveness")
        return runLivenessEval(parser, options);
    if (args.size() == 1 && args.first() == "blinks")
        return runBlinkEval(parser, options);
    if (args.size() == 1 && args.first() == "identity")
        return runIdentityEval(parser, options);
    if (args.size() != 1 || args.first() != "verification")
        return fail(options, "invalid_argument",
                    "usage: simkyc-cli eval verification --pairs CSV --root DIR | eval blinks --labels CSV --root DIR");
    if (!parser.isSet("pairs"))
        return fail(options, "invalid_argument", "give --pairs CSV (a label table: file,identity or a,b,same)");
    EvalOptions eval;
    eval.table = parser.value("pairs").toStdString();
    eval.root = parser.isSet("root") ? std::filesystem::path(parser.value("root").toStdString())
                                     : eval.table.parent_path().parent_path();
    for (const QString &s : parser.value("sources").split(',', Qt::SkipEmptyParts))
        eval.sources.insert(s.trimmed().toStdString());
    if (parser.isSet("degrade-id")) {
        // WxH:Q, e.g. 102x126:60
        const QString spec = parser.value("degrade-id");
        const QStringList sizeQ = spec.split(':');
        const QStringList wh = sizeQ.value(0).split('x');
        vision::DegradeSpec d;
        bool okW = false, okH = false, okQ = true;
        d.width = wh.value(0).toInt(&okW);
        d.height = wh.value(1).toInt(&okH);
        if (sizeQ.size() > 1)
            d.jpegQuality = sizeQ[1].toInt(&okQ);
        if (!okW || !okH || !okQ || d.width <= 0 || d.height <= 0)
            return fail(options, "invalid_argument", "--degrade-id takes WxH:QUALITY, e.g. 102x126:60");
        eval.degradeIdSide = d;
    }
    eval.mirrorAugment = parser.isSet("mirror");
    eval.compareWithDlibExample = parser.isSet("reference");
    if (parser.isSet("threshold"))
        eval.threshold = parser.value("threshold").toDouble();
    auto engine = loadFaceEngine(ModelCatalog::builtIn(options.modelsDir));
    if (!engine.ok())
        return fail(options, QString::fromStdString(std::string(errorCodeName(engine.error().code))),
                    QString::fromStdString(engine.error().message));
    auto result = evaluateVerification(**engine, eval);
    if (!result.ok())
        return fail(options, QString::fromStdString(std::string(errorCodeName(result.error().code))),
                    QString::fromStdString(result.error().message));
    const auto &m = result->ours.metrics;
    if (parser.isSet("roc")) {
        auto written = vision::writeRocPlot(m, "SimKYC verification: " + eval.table.filename().string(),
                                            parser.value("roc").toStdString());
        if (!written.ok())
            return fail(options, "io_error", QString::fromStdString(written.error().message));
    }
    QJsonObject report{{"table", parser.value("pairs")},
                       {"images", static_cast<int>(result->images)},
                       {"degraded_id_side", parser.value("degrade-id")}};
    merge(report, pipelineJson(result->ours));
    if (result->dlibExample) {
        report.insert("dlib_example", pipelineJson(*result->dlibExample));
        report.insert("common_pairs", QJsonObject{{"ours", metricsJson(*result->oursOnCommonPairs)},
                                                  {"dlib_example", metricsJson(*result->dlibExampleOnCommonPairs)}});
    }
    if (options.json) {
        printJson(report);
    } else {
        printText(QStringLiteral("images %1, failures to enrol %2, genuine %3, impostor %4\n"
                                 "EER %5 % at distance %6; TAR@FAR1e-2 %7, TAR@FAR1e-3 %8\n"
                                 "at threshold %9: FAR %10 %, FRR %11 %\n")
                      .arg(result->images)
                      .arg(result->ours.failedToEnrol.size())
                      .arg(m.genuinePairs)
                      .arg(m.impostorPairs)
                      .arg(m.eer * 100, 0, 'f', 3)
                      .arg(m.eerThreshold, 0, 'f', 4)
                      .arg(m.tarAtFar1e2, 0, 'f', 4)
                      .arg(m.tarAtFar1e3, 0, 'f', 4)
                      .arg(m.threshold)
                      .arg(m.farAtThreshold * 100, 0, 'f', 3)
                      .arg(m.frrAtThreshold * 100, 0, 'f', 3));
        for (const auto &[file, code] : result->ours.failedToEnrol)
            printText(QStringLiteral("  failed to enrol: %1 (%2)\n")
                          .arg(QString::fromStdString(file), QString::fromStdString(code)));
        if (const auto &r = result->dlibExample) {
            printText(QStringLiteral("dlib's example pipeline: failures to enrol %1, EER %2 %, TAR@FAR1e-3 %3\n"
                                     "on the pairs both enrol (%4 genuine, %5 impostor): EER ours %6 %, dlib's "
                                     "example %7 %\n")
                          .arg(r->failedToEnrol.size())
                          .arg(r->metrics.eer * 100, 0, 'f', 3)
                          .arg(r->metrics.tarAtFar1e3, 0, 'f', 4)
                          .arg(result->oursOnCommonPairs->genuinePairs)
                          .arg(result->oursOnCommonPairs->impostorPairs)
                          .arg(result->oursOnCommonPairs->eer * 100, 0, 'f', 3)
                          .arg(result->dlibExampleOnCommonPairs->eer * 100, 0, 'f', 3));
            for (const auto &[file, code] : r->failedToEnrol)
                printText(QStringLiteral("  dlib's example failed to enrol: %1 (%2)\n")
                              .arg(QString::fromStdString(file), QString::fromStdString(code)));
        }
    }
    return kExitOk;
}

} // namespace

Command evalCommand()
{
    Command c;
    c.name = "eval";
    c.summary = "Evaluate on labelled data: verification (EER, TAR@FAR, ROC) or blinks (precision, recall).";
    c.declare = [](QCommandLineParser &p) {
        p.addPositionalArgument("what",
                                "verification (face matching), blinks (blink detection), liveness "
                                "(APCER per attack type, BPCER) or identity (same-person distances in a session).");
        p.addOption({"videos", "identity: the video table (labels/videos.csv).", "CSV"});
        p.addOption({"identities", "identity: the identity photos (labels/identities.csv), other people.", "CSV"});
        p.addOption(
            {"exclude", "identity: leave out videos whose path contains one of these (comma-separated).", "LIST"});
        p.addOption({"attacks", "liveness: the attack index written by simkyc-make-attacks (attacks.csv).", "CSV"});
        p.addOption({"limit", "liveness: at most this many sessions per attack type.", "N"});
        p.addOption({"seed", "liveness: seed of the attack sessions' random prompts.", "N"});
        p.addOption({"no-passive", "liveness: leave the MiniFASNet passive cue out of the decision."});
        p.addOption(
            {"passive-threshold",
             "liveness: median MiniFASNet real probability at or below which a session fails (default 0.2; 0.5 after a "
             "nearly flat turn).",
             "P"});
        p.addOption({"sessions", "liveness: list every session (video, kind, outcome, reasons, passive score)."});
        p.addOption({"labels", "blinks, liveness: the frame-level blink labels (labels/blinks.csv).", "CSV"});
        p.addOption({"errata",
                     "blinks: events the labels miss, with evidence (docs/data/blink-labels-errata.csv); "
                     "scored beside the labels as given.",
                     "CSV"});
        p.addOption({"pairs", "Label table: file,identity,... (all pairs) or a,b,same,... (listed pairs).", "CSV"});
        p.addOption({"root", "Folder the table's paths are relative to (default: the table's grandparent).", "DIR"});
        p.addOption({"roc", "Write the ROC curve to this PNG file.", "PNG"});
        p.addOption({"sources", "Only rows whose source (or set) is in this comma-separated list.", "LIST"});
        p.addOption(
            {"degrade-id", "Degrade the first image of each pair like a chip portrait, e.g. 102x126:60.", "WxH:Q"});
        p.addOption({"threshold", "Decision threshold to report FAR/FRR at (default 0.55, the matcher's).", "DIST"});
        p.addOption({"mirror", "Average each chip's embedding with its mirror image's."});
        p.addOption(
            {"reference",
             "Also score dlib's dnn_face_recognition_ex pipeline (HOG, one upsample when no face is found) on the "
             "same pairs, and both pipelines on the pairs both enrol (JSON: dlib_example, common_pairs)."});
    };
    c.run = runEval;
    return c;
}

} // namespace simkyc::app::cli
