#include "app/staff_face_enrolment.h"

#include "app/face_services.h"
#include "store/staff_face_repository.h"
#include "vision/matcher.h"

namespace simkyc::app {

Result<StaffFaceEnrolment> enrolStaffFace(StoreSession &session, const ModelCatalog &catalog,
                                          const StaffFaceEnrolmentRequest &request)
{
    auto analyzer = loadFrameAnalyzer(catalog);
    if (!analyzer)
        return analyzer.error();
    auto engine = loadFaceEngine(catalog);
    if (!engine)
        return engine.error();
    auto spoof = loadOptionalSpoofModel(catalog);
    if (!spoof)
        return spoof.error();
    vision::LivenessOptions liveness;
    liveness.script = request.script;
    liveness.identity = engine->get();
    liveness.camera = request.camera;
    liveness.passive.model = spoof->get();
    auto run = vision::runLiveness(**analyzer, request.sourceSpec, std::move(liveness));
    if (!run)
        return run.error();
    StaffFaceEnrolment out;
    out.run = std::move(run).value();
    if (out.run.sourceKind != "camera" && !request.allowRecording)
        return Error{ErrorCode::InvalidArgument,
                     "a staff face is enrolled from the kiosk's camera, not from a " + out.run.sourceKind};
    if (!out.run.result.passed)
        return out;
    std::vector<vision::Embedding> embeddings;
    for (const vision::BestFrame &frame : out.run.result.bestFrames)
        if (auto e = (*engine)->enrolBox(frame.image, frame.box); e.ok())
            embeddings.push_back(e->embedding);
    out.framesEmbedded = static_cast<int>(embeddings.size());
    if (embeddings.empty())
        return Error{ErrorCode::NoFace, "no frame of the session could be embedded"};
    const vision::Embedding face = vision::meanEmbedding(embeddings);

    store::StaffFaceRepository faces(session.db, session.keys);
    auto others = faces.all(request.actor, "staff_face_enrolment");
    if (!others)
        return others.error();
    std::vector<vision::Embedding> otherFaces;
    std::vector<std::int64_t> otherIds;
    for (const store::StaffFace &f : *others) {
        if (f.staffId == request.staffId)
            continue;
        vision::Embedding e{};
        std::copy(f.embedding.begin(), f.embedding.end(), e.begin());
        otherFaces.push_back(e);
        otherIds.push_back(f.staffId);
    }
    if (const auto hit = vision::nearestFaceWithin(face, otherFaces)) {
        out.sameFaceAs = otherIds[hit->index];
        return out;
    }
    if (Status s = faces.enrol(request.staffId, face, request.actor, "source=" + out.run.sourceKind); !s)
        return s.error();
    out.stored = true;
    return out;
}

} // namespace simkyc::app
