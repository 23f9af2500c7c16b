// simkyc-cli embed and match.
#include "app/cli/command_list.h"
#include "app/face_services.h"
#include "vision/image.h"
#include "vision/matcher.h"

#include <QJsonArray>

#include <cmath>

namespace simkyc::app::cli {
namespace {

QString codeOf(const Error &e)
{
    return QString::fromStdString(std::string(errorCodeName(e.code)));
}

Result<vision::FaceEnrolment> enrolFile(vision::FaceEngine &engine, const QString &file, bool largest)
{
    auto image = vision::loadImage(file.toStdString());
    if (!image.ok())
        return image.error();
    vision::EnrolOptions options;
    options.largest = largest;
    return engine.enrol(*image, options);
}

int runEmbed(const QCommandLineParser &parser, const CommonOptions &options)
{
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return fail(options, "invalid_argument", "give at least one IMAGE");
    auto engine = loadFaceEngine(ModelCatalog::builtIn(options.modelsDir));
    if (!engine.ok())
        return fail(options, codeOf(engine.error()), QString::fromStdString(engine.error().message));
    int failures = 0;
    for (const QString &file : files) {
        auto enrolment = enrolFile(**engine, file, parser.isSet("largest"));
        QJsonObject line{{"file", file}};
        if (enrolment.ok()) {
            const QJsonObject body = enrolmentJson(*enrolment, true);
            for (auto it = body.begin(); it != body.end(); ++it)
                line.insert(it.key(), it.value());
        } else {
            ++failures;
            line.insert("error", codeOf(enrolment.error()));
            line.insert("message", QString::fromStdString(enrolment.error().message));
        }
        if (options.json) {
            printJson(line);
        } else if (enrolment.ok()) {
            const auto &b = enrolment->detection.box;
            printText(QStringLiteral("%1: face at %2,%3 %4x%5, embedding of %6 values\n")
                          .arg(file)
                          .arg(b.x)
                          .arg(b.y)
                          .arg(b.width)
                          .arg(b.height)
                          .arg(vision::kEmbeddingSize));
        } else {
            printText(QStringLiteral("%1: %2: %3\n")
                          .arg(file, codeOf(enrolment.error()), QString::fromStdString(enrolment.error().message)));
        }
    }
    return failures == 0 ? kExitOk : kExitError;
}

int runMatch(const QCommandLineParser &parser, const CommonOptions &options)
{
    if (!parser.isSet("id") || !parser.isSet("live"))
        return fail(options, "invalid_argument", "give --id ID_IMAGE and --live LIVE_IMAGE");
    bool ok = true;
    const double threshold =
        parser.isSet("threshold") ? parser.value("threshold").toDouble(&ok) : vision::kDefaultMatchThreshold;
    if (!ok || threshold <= 0.0 || threshold > 2.0)
        return fail(options, "invalid_argument", "--threshold must be a number in (0, 2]");
    auto engine = loadFaceEngine(ModelCatalog::builtIn(options.modelsDir));
    if (!engine.ok())
        return fail(options, codeOf(engine.error()), QString::fromStdString(engine.error().message));
    auto id = enrolFile(**engine, parser.value("id"), parser.isSet("largest"));
    if (!id.ok())
        return fail(options, codeOf(id.error()),
                    "ID image " + parser.value("id") + ": " + QString::fromStdString(id.error().message));
    auto live = enrolFile(**engine, parser.value("live"), parser.isSet("largest"));
    if (!live.ok())
        return fail(options, codeOf(live.error()),
                    "live image " + parser.value("live") + ": " + QString::fromStdString(live.error().message));
    const auto decision = vision::decideMatch(id->embedding, live->embedding, threshold);
    auto round4 = [](double v) { return std::round(v * 10000.0) / 10000.0; };
    if (options.json) {
        printJson(QJsonObject{{"id", parser.value("id")},
                              {"live", parser.value("live")},
                              {"distance", round4(decision.distance)},
                              {"score", round4(decision.score)},
                              {"threshold", decision.threshold},
                              {"decision", decision.match ? "match" : "no_match"},
                              {"match", decision.match}});
    } else {
        printText(QStringLiteral("%1 (distance %2, threshold %3, score %4)\n")
                      .arg(decision.match ? "MATCH" : "NO MATCH")
                      .arg(decision.distance, 0, 'f', 4)
                      .arg(decision.threshold)
                      .arg(decision.score, 0, 'f', 3));
    }
    return decision.match ? kExitOk : kExitNegative;
}

} // namespace

Command embedCommand()
{
    Command c;
    c.name = "embed";
    c.summary = "Print the 128-D face embedding of each image (one JSON line per image with --json).";
    c.declare = [](QCommandLineParser &p) {
        p.addOption({"largest", "With several faces, use the largest instead of reporting several_faces."});
        p.addPositionalArgument("IMAGE", "Image files (JPEG, PNG, BMP, TIFF, WebP, PGM, PPM).", "IMAGE...");
    };
    c.run = runEmbed;
    return c;
}

Command matchCommand()
{
    Command c;
    c.name = "match";
    c.summary = "Compare the face on an ID image with a live image: exit 0 match, 1 no match, 2 error.";
    c.declare = [](QCommandLineParser &p) {
        p.addOption({"id", "The ID-card portrait or photo of the card.", "ID_IMAGE"});
        p.addOption({"live", "The live capture.", "LIVE_IMAGE"});
        p.addOption({"threshold", "Decision threshold on the embedding distance (default 0.55).", "DIST"});
        p.addOption({"largest", "With several faces, use the largest."});
    };
    c.run = runMatch;
    return c;
}

} // namespace simkyc::app::cli
