#include "upstream/review_intake.h"

#include "core/quota.h"
#include "core/review.h"
#include "crypto/digest.h"
#include "protocol/protocol.h"

#include <QDateTime>

#include <algorithm>
#include <optional>
#include <string>

namespace simkyc::upstream {
namespace {

QByteArray qbytes(const protocol::Bytes &b)
{
    return QByteArray(reinterpret_cast<const char *>(b.data()), static_cast<qsizetype>(b.size()));
}

// The device the review's bytes name, read before anything is trusted: its enrolled key is the one
// the signature is checked with. Nullopt when the bytes are not a JSON object naming a device.
std::optional<std::string> namedDevice(const protocol::Bytes &review)
{
    auto json = protocol::parseObject(qbytes(review));
    if (!json)
        return std::nullopt;
    const QJsonValue id = json->value(QStringLiteral("device_id"));
    if (!id.isString() || id.toString().isEmpty())
        return std::nullopt;
    return id.toString().toStdString();
}

// The advisory lock key of a record's reviews: the first 64 bits of SHA-256 of its id, in a space
// apart from the quota indexes' (those are HMAC outputs).
std::int64_t recordLockKey(const std::string &recordId)
{
    const auto digest = crypto::sha256(std::string("simkyc/review-lock/") + recordId);
    std::uint64_t key = 0;
    for (int i = 0; i < 8; ++i)
        key = (key << 8) | digest[static_cast<std::size_t>(i)];
    return static_cast<std::int64_t>(key);
}

bool is(const std::string &decision, core::ReviewDecision d)
{
    return decision == core::reviewDecisionName(d);
}

// "staff:3" → 3; nullopt for anything else.
std::optional<std::int64_t> staffIdOf(const std::string &actor)
{
    constexpr std::string_view kPrefix = "staff:";
    if (actor.rfind(kPrefix, 0) != 0 || actor.size() == kPrefix.size() || actor.size() > kPrefix.size() + 18)
        return std::nullopt;
    std::int64_t id = 0;
    for (const char c : actor.substr(kPrefix.size())) {
        if (c < '0' || c > '9')
            return std::nullopt;
        id = id * 10 + (c - '0');
    }
    return id;
}

bool isManual(const std::string &decision)
{
    return is(decision, core::ReviewDecision::ManualApproved) || is(decision, core::ReviewDecision::ManualRejected);
}

void resolveExisting(const StoredReviewHead &head, const std::string &sha256, ItemOutcome &o)
{
    if (head.reviewSha256 == sha256) {
        o.status = 200;
        o.receipt = head.receipt;
        o.replay = true;
        return;
    }
    o.status = 409;
    o.error = "conflict";
    o.message = "other bytes are stored under this review id";
    o.storedSha256 = head.reviewSha256;
}

// Inside the caller's write transaction: the stored review's receipt, or a new row and receipt.
Status store(Repository &repo, const crypto::Ed25519KeyPair &receiptKey, const protocol::ReviewSubmission &submission,
             const protocol::ReviewPayload &review, const std::string &sha256, ItemOutcome &o)
{
    auto existing = repo.reviewHead(review.reviewId);
    if (!existing)
        return existing.error();
    if (*existing) {
        resolveExisting(**existing, sha256, o);
        return {};
    }
    protocol::ReviewReceipt receipt;
    receipt.reviewId = review.reviewId;
    receipt.recordId = review.recordId;
    receipt.serverTime = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
    receipt.storedSha256 = sha256;
    if (Status s = protocol::signReviewReceipt(receipt, receiptKey.privateKey, receiptKey.publicKey); !s)
        return s;
    const QByteArray receiptJson = protocol::compact(protocol::toJson(receipt));

    ReviewRow row;
    row.reviewId = review.reviewId;
    row.recordId = review.recordId;
    row.deviceId = review.deviceId;
    row.review = qbytes(submission.review);
    row.reviewSha256 = sha256;
    row.signature = QByteArray(reinterpret_cast<const char *>(submission.signature.data()),
                               static_cast<qsizetype>(submission.signature.size()));
    row.decision = review.decision;
    row.reason = review.reason;
    row.decidedAt = review.decidedAt;
    row.receivedAt = receipt.serverTime;
    row.receipt = receiptJson;
    auto inserted = repo.insertReview(row);
    if (!inserted)
        return inserted.error();
    const bool cancelled = is(review.decision, core::ReviewDecision::Cancelled);
    if (*inserted && (isManual(review.decision) || cancelled)) {
        // The manager's identity decision: a rejection frees the hand-over's quota place, an approval
        // holds it; a cancelled number frees it (core::holdsQuotaSlot; the checks before made sure a
        // cancellation follows an issued number).
        const auto outcome = core::outcomeOf(*core::parseReviewDecision(review.decision));
        if (Status set = repo.setHoldsSlot(review.recordId, core::holdsQuotaSlot(outcome, cancelled)); !set)
            return set;
    }
    if (*inserted) {
        o.status = 201;
        o.receipt = receiptJson;
        return {};
    }
    // Another instance stored this review id between our look-up and our insert: its row wins.
    auto winner = repo.reviewHead(review.reviewId);
    if (!winner)
        return winner.error();
    if (!*winner)
        return Error{ErrorCode::Internal, "a conflicting review vanished"};
    resolveExisting(**winner, sha256, o);
    return {};
}

} // namespace

ItemOutcome ReviewIntake::submit(const QJsonObject &body, const Caller &caller, ReviewEndpoint endpoint)
{
    ItemOutcome o;
    const auto refuse = [&o](int status, std::string code, std::string message) {
        o.status = status;
        o.error = std::move(code);
        o.message = std::move(message);
        return o;
    };
    auto submission = protocol::reviewSubmissionFromJson(body);
    if (!submission)
        return refuse(400, "bad_request", submission.error().message);
    const std::optional<std::string> deviceId = namedDevice(submission->review);
    if (!deviceId)
        return refuse(400, "bad_request", "the review is not a JSON object naming its device");
    o.deviceId = *deviceId;

    // 1. The client certificate is the one the review's device enrolled with.
    auto device = enrolledDevice(m_repo, *deviceId, caller, "review", o);
    if (!device)
        return o;
    // 2. The signature, then 3. the shape (verifyReviewSubmission parses only after the signature).
    auto review = protocol::verifyReviewSubmission(*submission, device->key);
    if (!review) {
        if (review.error().code == ErrorCode::CryptoFailure)
            return refuse(422, "bad_signature", "the review's signature does not verify");
        return refuse(400, "bad_request", review.error().message);
    }
    o.recordId = review->recordId; // the reason fits its decision: parseReview checked it
    // 4. The endpoint fits the decision: a cancellation is a deactivation, and nothing else is.
    const bool cancellation = is(review->decision, core::ReviewDecision::Cancelled);
    if (cancellation && endpoint != ReviewEndpoint::Deactivations)
        return refuse(400, "bad_request", "a cancelled number is sent to /v1/deactivations");
    if (!cancellation && endpoint == ReviewEndpoint::Deactivations)
        return refuse(400, "bad_request", "/v1/deactivations takes only the decision cancelled");
    // 5. The record is stored and was sent by this device.
    auto stored = m_repo.storedPayload(review->recordId);
    if (!stored)
        return refuse(503, "unavailable", "the database is unavailable; retry later");
    if (!*stored || (*stored)->deviceId != review->deviceId)
        return refuse(404, "not_found", "no such record for this device");
    // 6. The decision fits the stored registration.
    const QByteArray &payloadBytes = (*stored)->payload;
    auto payload = protocol::parsePayload(protocol::Bytes(payloadBytes.begin(), payloadBytes.end()));
    if (!payload)
        return refuse(500, "internal", "the stored registration's payload is unreadable");
    // A record the kiosk decided takes approved/flagged only. A record handed to the manager takes one
    // manual decision first (a second, under another review id, is a conflict); after it, as on the
    // kiosk, the end-of-day approved/flagged.
    const bool handedOver = payload->status == "manual_review";
    if (!handedOver && isManual(review->decision))
        return refuse(400, "bad_request", "a manual decision is only for a record handed to the manager");
    // Four eyes (core::checkReviewer): the staff member who registered the customer does not approve
    // the hand-over, whatever the kiosk's software or database let through.
    if (const auto clerk = staffIdOf(payload->clerk), reviewer = staffIdOf(review->reviewer); clerk && reviewer) {
        const auto decision = core::parseReviewDecision(review->decision);
        if (Status c = decision ? core::checkReviewer(*decision, *clerk, *reviewer) : Status{}; !c)
            return refuse(400, "bad_request", c.error().message);
    }
    // Only an issued number can be cancelled: a match, or a hand-over the manager approved (below),
    // that the carrier accepted (a number refused as quota_exceeded never was the person's).
    const bool issued = handedOver || payload->outcome == std::string(core::decisionName(core::Decision::Match));
    if (cancellation && (!issued || (*stored)->decision != protocol::decisionName(protocol::Decision::Accepted)))
        return refuse(400, "bad_request", "only an issued number (match or manual_approved) can be cancelled");
    // Then, in one transaction holding the record's lock (two instances given an approval and a
    // rejection of one hand-over at once store one of them): the earlier decisions, then bytes, hash
    // and receipt (rolled back unless committed).
    const std::string sha256 = crypto::toHex(crypto::sha256(submission->review));
    Transaction tx(m_db);
    Status written = tx.begin();
    if (written)
        written = m_db.lockForTransaction(recordLockKey(review->recordId));
    if (written && (handedOver || cancellation)) {
        auto earlier = m_repo.reviewsOf(review->recordId);
        if (!earlier)
            return refuse(503, "unavailable", "the database is unavailable; retry later");
        const auto earlierWith = [&](core::ReviewDecision d) {
            return std::any_of(earlier->begin(), earlier->end(),
                               [&](const ReviewRow &r) { return is(r.decision, d) && r.reviewId != review->reviewId; });
        };
        const bool approved = earlierWith(core::ReviewDecision::ManualApproved);
        const bool decided = approved || earlierWith(core::ReviewDecision::ManualRejected);
        if (handedOver && isManual(review->decision) && decided)
            return refuse(409, "conflict", "the record already has the manager's identity decision");
        if (handedOver && !isManual(review->decision) && !decided)
            return refuse(400, "bad_request",
                          "a record handed to the manager needs manual_approved or manual_rejected first");
        if (cancellation && handedOver && !approved)
            return refuse(400, "bad_request", "only an issued number (match or manual_approved) can be cancelled");
        if (cancellation && earlierWith(core::ReviewDecision::Cancelled))
            return refuse(409, "conflict", "the number was cancelled already");
    }
    if (written)
        written = store(m_repo, m_receiptKey, *submission, *review, sha256, o);
    if (written)
        written = tx.commit();
    if (!written) {
        o.receipt.clear();
        o.replay = false;
        o.storedSha256.reset();
        return refuse(503, "unavailable", "the database is unavailable; retry later");
    }
    return o;
}

} // namespace simkyc::upstream
