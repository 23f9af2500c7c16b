// simkyc-cli spoof: the MiniFASNet passive anti-spoofing score of the largest face of each image.
// One cue only (see vision/spoof_model.h): this command is for measurement and diagnosis, not a
// liveness decision on its own.
#include "app/cli/command_list.h"
#include "app/model_catalog.h"
#include "vision/face_detector.h"
#include "vision/image.h"
#include "vision/spoof_model.h"

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

// Both optional models; either alone is enough. Missing both is model_missing; a file that is
// present but does not match the manifest is reported as such (never silently skipped).
Result<vision::SpoofModelFiles> locateModels(const ModelCatalog &catalog)
{
    vision::SpoofModelFiles files;
    std::string missing;
    for (const auto &[id, target] :
         {std::pair{"minifasnet_v2", &files.miniFasNetV2}, std::pair{"minifasnet_v1se", &files.miniFasNetV1SE}}) {
        auto path = catalog.require(id);
        if (path.ok())
            *target = *path;
        else if (path.error().code == ErrorCode::ModelMissing)
            missing += (missing.empty() ? "" : "; ") + path.error().message;
        else
            return path.error();
    }
    if (files.miniFasNetV2.empty() && files.miniFasNetV1SE.empty())
        return Error{ErrorCode::ModelMissing,
                     "the MiniFASNet anti-spoofing models (MiniFASNetV2.onnx, MiniFASNetV1SE.onnx) are optional and "
                     "come from the labelled data folder (spoof/models/, set SIMKYC_SHARED_DATA or --models-dir): " +
                         missing};
    return files;
}

Result<vision::SpoofScore> scoreFile(vision::SpoofModel &model, vision::FaceDetector &detector, const QString &file)
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
    return model.score(*image, largest->box);
}

int runSpoof(const QCommandLineParser &parser, const CommonOptions &options)
{
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return fail(options, "invalid_argument", "give at least one IMAGE");
    bool ok = true;
    const double threshold = parser.isSet("threshold") ? parser.value("threshold").toDouble(&ok) : 0.5;
    if (!ok || threshold <= 0.0 || threshold >= 1.0)
        return fail(options, "invalid_argument", "--threshold must be a number in (0, 1)");
    auto paths = locateModels(ModelCatalog::builtIn(options.modelsDir));
    if (!paths.ok())
        return fail(options, codeOf(paths.error()), QString::fromStdString(paths.error().message));
    auto model = vision::SpoofModel::load(*paths);
    if (!model.ok())
        return fail(options, codeOf(model.error()), QString::fromStdString(model.error().message));
    QJsonArray netNames;
    for (const auto net : (*model)->nets())
        netNames.append(QString::fromUtf8(vision::spoofNetName(net).data()));

    vision::FaceDetector detector;
    int errors = 0, spoofs = 0;
    for (const QString &file : files) {
        auto score = scoreFile(**model, detector, file);
        QJsonObject line{{"file", file}};
        if (!score.ok()) {
            ++errors;
            line.insert("error", codeOf(score.error()));
            line.insert("message", QString::fromStdString(score.error().message));
            if (options.json)
                printJson(line);
            else
                printText(QStringLiteral("%1: %2: %3\n")
                              .arg(file, codeOf(score.error()), QString::fromStdString(score.error().message)));
            continue;
        }
        const bool real = score->realProbability > threshold;
        spoofs += real ? 0 : 1;
        QJsonArray perModel;
        for (double p : score->perModel)
            perModel.append(round4(p));
        if (options.json) {
            line.insert("real_probability", round4(score->realProbability));
            line.insert("per_model", perModel);
            line.insert("models", netNames);
            line.insert("decision", real ? "real" : "spoof");
            printJson(line);
        } else {
            printText(QStringLiteral("%1: %2 (real probability %3, threshold %4)\n")
                          .arg(file, real ? "REAL" : "SPOOF")
                          .arg(score->realProbability, 0, 'f', 4)
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
