// ReviewRepository: the store manager's decisions on stored registrations (table reviews, schema 0005).
// Guarantees: record() runs in ONE transaction: it checks that the reviewer is a manager and that the
// decision fits the record (core::checkReview) and that a manager does not approve their own hand-over
// (core::checkReviewer, four eyes), appends the review, moves a manual_review record to
// recorded with the manual outcome, and writes the audit entry "registration.review"; all or nothing.
// Reviews are append-only (a trigger refuses updates); the newest one counts. Codes only, no customer
// data. A cancellation (decision "cancelled": the number was cancelled) is recorded once per record,
// for an issued number only, and lowers the person's quota count (RegistrationRepository).
// Each review gets a UUIDv7 review id and an upload row ('pending') in the same transaction;
// the sync worker sends it (POST /v1/reviews, a cancellation POST /v1/deactivations) once its
// registration is acknowledged, and records the verified receipt ('acknowledged') or the carrier's
// refusal ('parked').
// Thread-safety: one instance per thread (that of its Database).
#pragma once

#include "core/result.h"
#include "core/review.h"
#include "store/record_id.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace simkyc::store {

class Database;

struct Review {
    std::int64_t id = 0;
    std::string reviewId; // UUIDv7: the review's identity upstream
    std::string registrationId;
    std::string decidedAt; // UTC ISO 8601
    std::int64_t reviewerId = 0;
    core::ReviewDecision decision = core::ReviewDecision::Approved;
    std::string reason; // one of core::reviewReasons(decision)
};

struct ReviewUpload {
    std::string state; // "pending", "acknowledged", "parked"
    std::int64_t attempts = 0;
};

struct ReviewUploadCounts {
    std::int64_t pending = 0;
    std::int64_t acknowledged = 0;
    std::int64_t parked = 0;
};

class ReviewRepository {
public:
    explicit ReviewRepository(Database &db) : m_db(db) {}

    // NotFound for an unknown record; InvalidArgument when the reviewer is not a manager, the
    // decision or reason does not fit the record, or the number was cancelled already (nothing written).
    [[nodiscard]] Result<Review> record(std::string_view registrationId, std::int64_t reviewerId,
                                        core::ReviewDecision decision, std::string_view reason,
                                        Clock::time_point now = Clock::now());
    // A record's reviews, oldest first.
    [[nodiscard]] Result<std::vector<Review>> forRecord(std::string_view registrationId);
    // A record's newest review, if any.
    [[nodiscard]] Result<std::optional<Review>> latest(std::string_view registrationId);

    // Upload (src/sync): reviews still 'pending', due at `now`, whose registration the carrier
    // acknowledged (sync state acknowledged or quota_exceeded), and no earlier review of the same record
    // still pending (the carrier gets a record's decisions in order); oldest first, at most `limit`.
    [[nodiscard]] Result<std::vector<Review>> dueForUpload(Clock::time_point now, int limit);
    // The verified receipt (JSON text): 'acknowledged'. NotFound for an unknown review id.
    [[nodiscard]] Status acknowledgeUpload(std::string_view reviewId, std::string_view receipt,
                                           Clock::time_point now = Clock::now());
    // A retryable failure: attempts + 1, next try at `next`, the error kept (codes and short reasons).
    [[nodiscard]] Status retryUpload(std::string_view reviewId, std::string_view error, Clock::time_point next);
    // The carrier refused it: 'parked' with the reason, for the manager.
    [[nodiscard]] Status parkUpload(std::string_view reviewId, std::string_view error);
    // The review's upload: its state and the tries so far. NotFound for an unknown review id.
    [[nodiscard]] Result<ReviewUpload> upload(std::string_view reviewId);
    [[nodiscard]] Result<ReviewUploadCounts> uploadCounts();

private:
    Database &m_db;
};

} // namespace simkyc::store
