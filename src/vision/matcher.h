// Face matching: Euclidean distance between embeddings, a calibrated threshold, and a similarity
// score in [0, 1] for internal use (never shown to the customer: GB/T 38671).
// Thread-safety: pure functions.
#pragma once

#include "vision/types.h"

#include <optional>
#include <string_view>
#include <vector>

namespace simkyc::vision {

// The operating point chosen on the labelled data (docs/accuracy.md): below dlib's 0.6 because a
// false match (an impostor gets a SIM) costs more than a retry, and chip-quality ID portraits put
// an impostor at 0.584. Photos: FAR 0.31 %, FRR 1.4 %. Lower is stricter.
inline constexpr double kDefaultMatchThreshold = 0.55;

struct MatchDecision {
    double distance = 0.0;
    double score = 0.0; // 1 / (1 + exp(12 * (distance - threshold))): 0.5 at the threshold
    double threshold = kDefaultMatchThreshold;
    bool match = false;
};

double embeddingDistance(const Embedding &a, const Embedding &b);
MatchDecision decideMatch(const Embedding &idSide, const Embedding &liveSide,
                          double threshold = kDefaultMatchThreshold);

// Fusing the live side: the element-wise mean of K embeddings (what the liveness step hands over).
Embedding meanEmbedding(const std::vector<Embedding> &embeddings);

// The staff check: a registration's live face against the faces of the shop's staff (live
// enrolments on the same kind of camera). The kiosk applies the larger of this and the ID match's
// threshold (a face close enough to a staff member to pass as the ID's holder is close enough to be
// that staff member), so a customer who merely resembles a clerk is stopped as often as a look-alike
// passes the ID match (0.31 % of photo impostor pairs at 0.55, docs/accuracy.md) per staff face.
inline constexpr double kStaffFaceThreshold = 0.50;

struct NearestFace {
    std::size_t index = 0; // into the faces given
    double distance = 0.0;
};
// The closest of `faces` to `live` when it is closer than `threshold`; nullopt otherwise (or none given).
std::optional<NearestFace> nearestFaceWithin(const Embedding &live, const std::vector<Embedding> &faces,
                                             double threshold = kStaffFaceThreshold);

} // namespace simkyc::vision
