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
