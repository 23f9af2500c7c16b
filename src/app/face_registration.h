// What a face check adds to a registration, shared by the kiosk GUI and the headless demo: the
// live side (mean embedding of the session's best frontal frames) matched against the ID portrait,
// and the parts of the record that come from it: outcome, reason codes, distance, liveness summary,
// the biometric payload (ID portrait, best live frame, both embeddings, distance; sealed to the
// carrier by the store) and the manager's review thumbnail (the ID portrait's face and the live face
// side by side, 112 px high, JPEG).
// Guarantees: a failed liveness session yields NoMatch with its reasons and a payload without any
// image or embedding; the distance is never part of the reasons; images leave only as JPEG inside
// the payload and thumbnail. Thread-safety: reentrant (one engine per thread).
#pragma once

#include "core/result.h"
#include "store/registration_repository.h"
#include "vision/face_engine.h"
#include "vision/liveness_session.h"
#include "vision/matcher.h"

#include <QJsonObject>

#include <optional>
#include <span>

namespace simkyc::app {

// A staff member's enrolled face (store::StaffFaceRepository), for the staff check.
struct StaffFaceRef {
    std::int64_t staffId = 0;
    vision::Embedding embedding{};
};

struct FaceCheckOutcome {
    bool livenessPassed = false;
    std::optional<vision::MatchDecision> match; // when liveness passed and both sides were embedded
    // The staff member whose enrolled face the live face is (within vision::kStaffFaceThreshold):
    // the registration fails with "staff_face", whatever the ID match said.
    std::optional<std::int64_t> staffFace;
    store::NewRegistration record; // outcome, reasonCodes, matchDistance, livenessSummary, payload, thumbnail
    // Liveness passed, the live face matches the ID portrait, and it is no staff member's.
    [[nodiscard]] bool passed() const { return livenessPassed && match && match->match && !staffFace; }
};

// liveFrames: the frames to embed for the live side (normally live.bestFrames); matchThreshold: the
// distance below which the faces are the same person (match.threshold, 0.45..0.65); staff: the
// shop's enrolled staff faces (none: no staff check).
// Errors: NoFace when the ID portrait or no live frame can be embedded.
[[nodiscard]] Result<FaceCheckOutcome> faceCheckOutcome(vision::FaceEngine &engine, const vision::LivenessResult &live,
                                                        std::span<const vision::BestFrame> liveFrames,
                                                        const vision::Image &idPortrait,
                                                        double matchThreshold = vision::kDefaultMatchThreshold,
                                                        std::span<const StaffFaceRef> staff = {});

// The payload of a registration without face data (manual check, or before liveness).
[[nodiscard]] std::vector<std::uint8_t> biometricPayloadWithoutFace(const char *method);

// {"liveness_passed", "match_distance", "match"} for the demo's JSON lines.
[[nodiscard]] QJsonObject faceCheckReport(const FaceCheckOutcome &outcome);

} // namespace simkyc::app
