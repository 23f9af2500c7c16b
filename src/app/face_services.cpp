#include "app/face_services.h"

#include <QJsonArray>

#include <cmath>

namespace simkyc::app {

Result<std::unique_ptr<vision::FaceEngine>> loadFaceEngine(const ModelCatalog &catalog)
{
    auto landmarks5 = catalog.require("landmarks5");
    if (!landmarks5.ok())
        return landmarks5.error();
    auto resnet = catalog.require("face_resnet");
    if (!resnet.ok())
        return resnet.error();
    return vision::FaceEngine::load(vision::FaceEngineModels{*landmarks5, *resnet});
}

Result<std::unique_ptr<vision::FrameAnalyzer>> loadFrameAnalyzer(const ModelCatalog &catalog,
                                                                 const vision::FrameAnalyzerOptions &options)
{
    auto model = catalog.require("landmarks68");
    if (!model.ok())
        return model.error();
    return vision::FrameAnalyzer::load(*model, options);
}

Result<vision::SpoofModelFiles> locateSpoofModels(const ModelCatalog &catalog)
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
                     "the MiniFASNet anti-spoofing models (MiniFASNetV2.onnx, MiniFASNetV1SE.onnx) are not installed: "
                     "install them with simkyc-cli models install FILE... (they are Apache-2.0 files from the "
                     "labelled data folder's spoof/models/, or the networks' own release): " +
                         missing};
    return files;
}

Result<std::unique_ptr<vision::SpoofModel>> loadSpoofModel(const ModelCatalog &catalog)
{
    auto files = locateSpoofModels(catalog);
    if (!files.ok())
        return files.error();
    return vision::SpoofModel::load(*files);
}

Result<std::unique_ptr<vision::SpoofModel>> loadOptionalSpoofModel(const ModelCatalog &catalog)
{
    auto model = loadSpoofModel(catalog);
    if (!model.ok() && model.error().code == ErrorCode::ModelMissing)
        return std::unique_ptr<vision::SpoofModel>{};
    return model;
}

QJsonObject enrolmentJson(const vision::FaceEnrolment &e, bool withEmbedding)
{
    const auto &b = e.detection.box;
    QJsonObject o{{"faces", e.faceCount}, {"box", QJsonArray{b.x, b.y, b.width, b.height}}};
    if (withEmbedding) {
        QJsonArray values;
        for (float v : e.embedding)
            values.append(static_cast<double>(v));
        o.insert("embedding", values);
    }
    o.insert("quality", QJsonObject{{"detection_score", std::round(e.detection.score * 1000.0) / 1000.0},
                                    {"interocular_px", std::round(e.interocularPx * 10.0) / 10.0},
                                    {"found_by", QString::fromStdString(e.method)}});
    return o;
}

} // namespace simkyc::app
