#include "store/review_repository.h"

#include "store/audit_log.h"
#include "store/database.h"
#include "store/transaction.h"

#include <algorithm>
#include <initializer_list>

namespace simkyc::store {
namespace {

// Selected as: id, review_id, registration_id, decided_at, reviewer_id, decision, reason.
Review reviewOf(const Statement &q)
{
    Review r{q.columnInt64(0), q.columnText(1), q.columnText(2), q.columnText(3), q.columnInt64(4), {},
             q.columnText(6)};
    // The CHECK constraint holds the decision to the four names.
    if (auto d = core::parseReviewDecision(q.columnText(5)))
        r.decision = *d;
    return r;
}

// One UPDATE of a review's upload row; NotFound when no row has that review id.
Status updateUpload(Database &db, std::string_view sql, std::initializer_list<std::string_view> texts,
                    std::string_view reviewId)
{
    auto s = db.cached(sql);
    if (!s)
        return s.error();
    int i = 1;
    for (std::string_view t : texts)
        if (Status b = (*s)->bindText(i++, t); !b)
            return b;
    if (Status b = (*s)->bindText(i, reviewId); !b)
        return b;
    if (Status done = stepOnce(s); !done)
        return done;
    if (db.changes() == 0)
        return Error{ErrorCode::NotFound, "no review upload with id " + std::string(reviewId)};
    return {};
}

struct RecordState {
    core::RegistrationState status = core::RegistrationState::Draft;
    std::optional<core::Decision> outcome;
    std::int64_t clerkId = 0;    // who registered the customer
    bool cancelled = false;      // the number was cancelled already
    bool carrierRefused = false; // the carrier answered quota_exceeded: the number never was the person's
};

// The registration's state, NotFound for an unknown id.
Result<RecordState> stateOf(Database &db, std::string_view registrationId)
{
    auto s = db.cached("SELECT status, outcome, EXISTS (SELECT 1 FROM reviews v WHERE v.registration_id = r.id AND "
                       "v.decision = 'cancelled'), sync_state, clerk_id FROM registrations r WHERE r.id = ?");
    if (!s)
        return s.error();
    if (Status b = (*s)->bindText(1, registrationId); !b)
        return b.error();
    auto step = (*s)->step();
    if (!step)
        return step.error();
    if (*step == StepResult::Done)
        return Error{ErrorCode::NotFound, "no registration with id " + std::string(registrationId)};
    RecordState out;
    auto status = core::parseState((*s)->columnText(0));
    if (!status)
        return status.error();
    out.status = *status;
    if (!(*s)->columnIsNull(1)) {
        auto outcome = core::parseDecision((*s)->columnText(1));
        if (!outcome)
            return outcome.error();
        out.outcome = *outcome;
    }
    out.cancelled = (*s)->columnInt64(2) != 0;
    out.carrierRefused = (*s)->columnText(3) == "quota_exceeded";
    out.clerkId = (*s)->columnInt64(4);
    return out;
}

Status checkManager(Database &db, std::int64_t staffId)
{
    auto s = db.cached("SELECT role FROM staff WHERE id = ?");
    if (!s)
        return s.error();
    if (Status b = (*s)->bindInt64(1, staffId); !b)
        return b;
    auto step = (*s)->step();
    if (!step)
        return step.error();
    if (*step == StepResult::Done || (*s)->columnText(0) != "manager")
        return Error{ErrorCode::InvalidArgument, "only a manager may review a registration"};
    return {};
}

constexpr const char *kReviewColumns = "SELECT id, review_id, registration_id, decided_at, reviewer_id, decision, "
                                       "reason FROM reviews WHERE registration_id = ? ";

} // namespace

Result<Review> ReviewRepository::record(std::string_view registrationId, std::int64_t reviewerId,
                                        core::ReviewDecision decision, std::string_view reason, Clock::time_point now)
{
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    if (Status m = checkManager(m_db, reviewerId); !m)
        return m.error();
    auto state = stateOf(m_db, registrationId);
    if (!state)
        return state.error();
    if (Status c = core::checkReview(state->status, state->outcome, decision, reason); !c)
        return c.error();
    if (Status c = core::checkReviewer(decision, state->clerkId, reviewerId); !c)
        return c.error();
    if (decision == core::ReviewDecision::Cancelled && state->cancelled)
        return Error{ErrorCode::InvalidArgument, "the number was cancelled already"};
    if (decision == core::ReviewDecision::Cancelled && state->carrierRefused)
        return Error{ErrorCode::InvalidArgument, "the carrier refused this number (quota_exceeded): nothing to cancel"};
    const std::string at = utcTimestamp(now);
    const std::string_view decisionName = core::reviewDecisionName(decision);
    auto reviewId = newRecordId(now);
    if (!reviewId)
        return reviewId.error();
    {
        auto s = m_db.cached("INSERT INTO reviews (review_id, registration_id, decided_at, reviewer_id, decision, "
                             "reason) VALUES (?,?,?,?,?,?)");
        if (!s)
            return s.error();
        Statement &q = **s;
        Status b = firstFailure({q.bindText(1, *reviewId), q.bindText(2, registrationId), q.bindText(3, at),
                                 q.bindInt64(4, reviewerId), q.bindText(5, decisionName), q.bindText(6, reason)});
        if (Status done = b ? stepOnce(s) : b; !done)
            return done.error();
    }
    const std::int64_t id = m_db.lastInsertRowId();
    {
        auto s = m_db.cached("INSERT INTO review_uploads (review_id, next_attempt_at) VALUES (?,?)");
        if (!s)
            return s.error();
        Status b = firstFailure({(*s)->bindText(1, *reviewId), (*s)->bindText(2, at)});
        if (Status done = b ? stepOnce(s) : b; !done)
            return done.error();
    }
    if (const auto outcome = core::outcomeOf(decision)) {
        auto s = m_db.cached("UPDATE registrations SET status = ?, outcome = ?, updated_at = ? WHERE id = ?");
        if (!s)
            return s.error();
        Statement &q = **s;
        Status b = firstFailure({q.bindText(1, core::stateName(core::RegistrationState::Recorded)),
                                 q.bindText(2, core::decisionName(*outcome)), q.bindText(3, at),
                                 q.bindText(4, registrationId)});
        if (Status done = b ? stepOnce(s) : b; !done)
            return done.error();
    }
    const AuditEntry audit{"staff:" + std::to_string(reviewerId), "registration.review", std::string(registrationId),
                           "decision=" + std::string(decisionName) + ",reason=" + std::string(reason)};
    if (auto a = appendAudit(m_db, audit, now); !a)
        return a.error();
    if (Status c = tx->commit(); !c)
        return c.error();
    return Review{id, *reviewId, std::string(registrationId), at, reviewerId, decision, std::string(reason)};
}

Result<std::vector<Review>> ReviewRepository::forRecord(std::string_view registrationId)
{
    auto s = m_db.cached(std::string(kReviewColumns) + "ORDER BY id");
    if (!s)
        return s.error();
    if (Status b = (*s)->bindText(1, registrationId); !b)
        return b.error();
    std::vector<Review> out;
    Status read = forEachRow(s, [&out](const Statement &q) { out.push_back(reviewOf(q)); });
    if (!read)
        return read.error();
    return out;
}

Result<std::optional<Review>> ReviewRepository::latest(std::string_view registrationId)
{
    auto s = m_db.cached(std::string(kReviewColumns) + "ORDER BY id DESC LIMIT 1");
    if (!s)
        return s.error();
    if (Status b = (*s)->bindText(1, registrationId); !b)
        return b.error();
    auto step = (*s)->step();
    if (!step)
        return step.error();
    if (*step == StepResult::Done)
        return std::optional<Review>();
    return std::optional<Review>(reviewOf(**s));
}

Result<std::vector<Review>> ReviewRepository::dueForUpload(Clock::time_point now, int limit)
{
    auto s = m_db.cached("SELECT r.id, r.review_id, r.registration_id, r.decided_at, r.reviewer_id, r.decision, "
                         "r.reason FROM reviews r JOIN review_uploads u ON u.review_id = r.review_id "
                         "JOIN registrations g ON g.id = r.registration_id "
                         "WHERE u.state = 'pending' AND u.next_attempt_at <= ? "
                         "AND g.sync_state IN ('acknowledged', 'quota_exceeded') "
                         // A record's reviews go in the order they were made: none while an earlier one waits.
                         "AND NOT EXISTS (SELECT 1 FROM reviews e JOIN review_uploads eu ON eu.review_id = e.review_id "
                         "WHERE e.registration_id = r.registration_id AND e.id < r.id AND eu.state = 'pending') "
                         "ORDER BY r.id LIMIT ?");
    if (!s)
        return s.error();
    if (Status b = firstFailure({(*s)->bindText(1, utcTimestamp(now)), (*s)->bindInt64(2, std::max(0, limit))}); !b)
        return b.error();
    std::vector<Review> out;
    Status read = forEachRow(s, [&out](const Statement &q) { out.push_back(reviewOf(q)); });
    if (!read)
        return read.error();
    return out;
}

Status ReviewRepository::acknowledgeUpload(std::string_view reviewId, std::string_view receipt, Clock::time_point now)
{
    return updateUpload(m_db,
                        "UPDATE review_uploads SET state = 'acknowledged', receipt = ?, acknowledged_at = ?, "
                        "last_error = NULL WHERE review_id = ?",
                        {receipt, utcTimestamp(now)}, reviewId);
}

Status ReviewRepository::retryUpload(std::string_view reviewId, std::string_view error, Clock::time_point next)
{
    return updateUpload(m_db,
                        "UPDATE review_uploads SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
                        "WHERE review_id = ? AND state = 'pending'",
                        {error, utcTimestamp(next)}, reviewId);
}

Status ReviewRepository::parkUpload(std::string_view reviewId, std::string_view error)
{
    return updateUpload(m_db,
                        "UPDATE review_uploads SET state = 'parked', attempts = attempts + 1, last_error = ? "
                        "WHERE review_id = ? AND state = 'pending'",
                        {error}, reviewId);
}

Result<ReviewUpload> ReviewRepository::upload(std::string_view reviewId)
{
    auto s = m_db.cached("SELECT state, attempts FROM review_uploads WHERE review_id = ?");
    if (!s)
        return s.error();
    if (Status b = (*s)->bindText(1, reviewId); !b)
        return b.error();
    auto step = (*s)->step();
    if (!step)
        return step.error();
    if (*step == StepResult::Done)
        return Error{ErrorCode::NotFound, "no review upload with id " + std::string(reviewId)};
    return ReviewUpload{(*s)->columnText(0), (*s)->columnInt64(1)};
}

Result<ReviewUploadCounts> ReviewRepository::uploadCounts()
{
    auto s = m_db.cached("SELECT state, COUNT(*) FROM review_uploads GROUP BY state");
    if (!s)
        return s.error();
    ReviewUploadCounts out;
    Status read = forEachRow(s, [&out](const Statement &q) {
        const std::string state = q.columnText(0);
        (state == "acknowledged" ? out.acknowledged : state == "parked" ? out.parked : out.pending) = q.columnInt64(1);
    });
    if (!read)
        return read.error();
    return out;
}

} // namespace simkyc::store
