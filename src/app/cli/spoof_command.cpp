// simkyc-cli spoof: the MiniFASNet passive anti-spoofing score of the largest face of each image.
// One cue only (see vision/spoof_model.h): this command is for measurement and diagnosis, not a
// liveness decision on its own.
#include "app/cli/command_list.h"
#include "app/face_services.h"
#include "app/model_catalog.h"
#include "vision/face_detector.h"
#include "vision/image.h"
#include "vision/spoof_model.h"
#include "vision/texture_cues.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace simkyc::app::cli {
namespace {

QString codeOf(const Error &e)
{
    return QString::fromStdString(std::string(errorCodeName(e.code)));
}

double round4(double v)
{
    return std::round(v * 10000.0) / 10000.0;
}

struct FileScore {
    vision::SpoofScore score;
    vision::TextureCues texture;
};

Result<FileScore> scoreFile(vision::SpoofModel &model, vision::FaceDetector &detector, const QString &file)
{
    auto image = vision::loadImage(file.toStdString());
    if (!image.ok())
        return image.error();
    const auto search = detector.findFaces(*image);
    if (search.faces.empty())
        return Error{ErrorCode::NoFace, "no face found"};
    const auto largest = std::max_element(
        search.faces.begin(), search.faces.end(),
        [](const vision::Detection &a, const vision::Detection &b) { return a.box.area() < b.box.area(); });
    auto score = model.score(*image, largest->box);
    if (!score.ok())
        return score.error();
    auto texture = vision::measureTexture(*image, largest->box);
    if (!texture.ok())
        return texture.error();
    return FileScore{std::move(score).value(), *texture};
}

} // namespace

QJsonObject textureJson(const vision::TextureCues &t)
{
    return QJsonObject{{"moire_peak", round4(t.moirePeak)},
                       {"specular_fraction", round4(t.specularFraction)},
                       {"chroma_spread", round4(t.chromaSpread)},
                       {"high_frequency_share", round4(t.highFrequencyShare)}};
}

namespace {

int runSpoof(const QCommandLineParser &parser, const CommonOptions &options)
{
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return fail(options, "invalid_argument", "give at least one IMAGE");
    bool ok = true;
    const double threshold = parser.isSet("threshold") ? parser.value("threshold").toDouble(&ok) : 0.5;
    if (!ok || threshold <= 0.0 || threshold >= 1.0)
        return fail(options, "invalid_argument", "--threshold must be a number in (0, 1)");
    auto model = loadSpoofModel(ModelCatalog::builtIn(options.modelsDir));
    if (!model.ok())
        return fail(options, codeOf(model.error()), QString::fromStdString(model.error().message));
    QJsonArray netNames;
    for (const auto net : (*model)->nets())
        netNames.append(QString::fromUtf8(vision::spoofNetName(net).data()));

    vision::FaceDetector detector;
    int errors = 0, spoofs = 0;
    for (const QString &file : files) {
        auto scored = scoreFile(**model, detector, file);
        QJsonObject line{{"file", file}};
        if (!scored.ok()) {
            ++errors;
            line.insert("error", codeOf(scored.error()));
            line.insert("message", QString::fromStdString(scored.error().message));
            if (options.json)
                printJson(line);
            else
                printText(QStringLiteral("%1: %2: %3\n")
                              .arg(file, codeOf(scored.error()), QString::fromStdString(scored.error().message)));
            continue;
        }
        const vision::SpoofScore &score = scored->score;
        const bool real = score.realProbability > threshold;
        spoofs += real ? 0 : 1;
        QJsonArray perModel;
        for (double p : score.perModel)
            perModel.append(round4(p));
        if (options.json) {
            line.insert("real_probability", round4(score.realProbability));
            line.insert("per_model", perModel);
            line.insert("models", netNames);
            line.insert("decision", real ? "real" : "spoof");
            line.insert("texture", textureJson(scored->texture));
            printJson(line);
        } else {
            printText(QStringLiteral("%1: %2 (real probability %3, threshold %4)\n")
                          .arg(file, real ? "REAL" : "SPOOF")
                          .arg(score.realProbability, 0, 'f', 4)
                          .arg(threshold));
        }
    }
    if (errors > 0)
        return kExitError;
    return spoofs > 0 ? kExitNegative : kExitOk;
}

} // namespace

Command spoofCommand()
{
    Command c;
    c.name = "spoof";
    c.summary = "MiniFASNet anti-spoofing score of the largest face per image (one cue, never a decision alone): "
                "exit 0 all real, 1 any spoof, 2 error.";
    c.declare = [](QCommandLineParser &p) {
        p.addOption({"threshold", "Real when the mean real probability is above this (default 0.5).", "P"});
        p.addPositionalArgument("IMAGE", "Image files (JPEG, PNG, BMP, TIFF, WebP, PGM, PPM).", "IMAGE...");
    };
    c.run = runSpoof;
    return c;
}

} // namespace simkyc::app::cli
