#include "app/face_registration.h"

#include "vision/image.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <string>

namespace simkyc::app {
namespace {

QJsonArray embeddingJson(const vision::Embedding &e)
{
    QJsonArray out;
    for (float v : e)
        out.append(static_cast<double>(v));
    return out;
}

QString base64Jpeg(const vision::Image &image, int quality)
{
    auto jpeg = vision::encodeJpeg(image, quality);
    if (!jpeg.ok())
        return {};
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(jpeg->data()), static_cast<qsizetype>(jpeg->size())).toBase64());
}

std::vector<std::uint8_t> bytesOf(const QJsonObject &o)
{
    const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return std::vector<std::uint8_t>(json.begin(), json.end());
}

constexpr int kReviewThumbnailHeight = 112;

// The face box grown by a quarter on every side (hair, chin and ears help a person compare faces).
vision::Image faceWithMargin(const vision::Image &image, int x, int y, int width, int height)
{
    return vision::crop(image, x - width / 4, y - height / 4, width + width / 2, height + height / 2);
}

} // namespace

std::vector<std::uint8_t> biometricPayloadWithoutFace(const char *method)
{
    return bytesOf(QJsonObject{{"version", 1}, {"method", method}});
}

Result<FaceCheckOutcome> faceCheckOutcome(vision::FaceEngine &engine, const vision::LivenessResult &live,
                                          std::span<const vision::BestFrame> liveFrames,
                                          const vision::Image &idPortrait, double matchThreshold,
                                          std::span<const StaffFaceRef> staff)
{
    FaceCheckOutcome out;
    store::NewRegistration &r = out.record;
    out.livenessPassed = live.passed;
    r.livenessSummary = "challenges=" + std::to_string(live.challenges.size()) + ";passed=" + (live.passed ? "1" : "0");
    if (!live.passed || liveFrames.empty()) {
        out.livenessPassed = false;
        r.outcome = core::Decision::NoMatch;
        r.reasonCodes =
            live.reasons.empty() || live.passed ? std::vector<std::string>{"no_frontal_frame"} : live.reasons;
        r.biometricPayload = bytesOf(QJsonObject{{"version", 1}, {"method", "face"}, {"liveness_passed", false}});
        return out;
    }
    auto idSide = engine.enrol(idPortrait);
    if (!idSide.ok())
        return Error{idSide.error().code, "ID portrait: " + idSide.error().message};
    std::vector<vision::Embedding> liveEmbeddings;
    for (const auto &frame : liveFrames) {
        auto e = engine.enrolBox(frame.image, frame.box);
        if (e.ok())
            liveEmbeddings.push_back(e->embedding);
    }
    if (liveEmbeddings.empty())
        return Error{ErrorCode::NoFace, "no live frame could be embedded"};
    const vision::Embedding liveSide = vision::meanEmbedding(liveEmbeddings);
    const auto decision = vision::decideMatch(idSide->embedding, liveSide, matchThreshold);
    out.match = decision;
    r.matchDistance = decision.distance;
    r.outcome = decision.match ? core::Decision::Match : core::Decision::NoMatch;
    r.reasonCodes = {"liveness_passed", decision.match ? "face_match" : "face_mismatch"};
    std::vector<vision::Embedding> staffEmbeddings;
    for (const StaffFaceRef &s : staff)
        staffEmbeddings.push_back(s.embedding);
    // Never below the ID match's own threshold: a face close enough to a staff member to pass as the
    // ID's holder is close enough to be that staff member.
    if (const auto hit = vision::nearestFaceWithin(liveSide, staffEmbeddings,
                                                   std::max(vision::kStaffFaceThreshold, matchThreshold))) {
        // A staff member's own face in front of the camera: never an automatic pass.
        out.staffFace = staff[hit->index].staffId;
        r.outcome = core::Decision::NoMatch;
        r.reasonCodes = {"liveness_passed", "staff_face"};
    }
    const auto &best = liveFrames.front();
    r.biometricPayload = bytesOf(QJsonObject{{"version", 1},
                                             {"method", "face"},
                                             {"id_portrait_jpeg", base64Jpeg(idPortrait, 90)},
                                             {"live_frame_jpeg", base64Jpeg(best.image, 85)},
                                             {"id_embedding", embeddingJson(idSide->embedding)},
                                             {"live_embedding", embeddingJson(liveSide)},
                                             {"match_distance", decision.distance}});
    // The manager's review picture: the ID portrait's face and the live face side by side, 112 px high.
    const auto &idBox = idSide->detection.box;
    auto thumb = vision::encodeJpeg(
        vision::sideBySide(faceWithMargin(idPortrait, idBox.x, idBox.y, idBox.width, idBox.height),
                           faceWithMargin(best.image, best.box.x, best.box.y, best.box.width, best.box.height),
                           kReviewThumbnailHeight),
        80);
    if (thumb.ok())
        r.reviewThumbnail = std::move(thumb).value();
    return out;
}

QJsonObject faceCheckReport(const FaceCheckOutcome &outcome)
{
    QJsonObject report{{"liveness_passed", outcome.livenessPassed}};
    if (outcome.match) {
        report.insert("match_distance", std::round(outcome.match->distance * 1e4) / 1e4);
        report.insert("match", outcome.match->match);
    }
    return report;
}

} // namespace simkyc::app
