#include "store/review_repository.h"

#include "store/audit_log.h"
#include "store/database.h"
#include "store/transaction.h"

namespace simkyc::store {
namespace {

// Selected as: id, registration_id, decided_at, reviewer_id, decision, reason.
Review reviewOf(const Statement &q)
{
    Review r{q.columnInt64(0), q.columnText(1), q.columnText(2), q.columnInt64(3), {}, q.columnText(5)};
    // The CHECK constraint holds the decision to the four names.
    if (auto d = core::parseReviewDecision(q.columnText(4)))
        r.decision = *d;
    return r;
}

// The registration's state, NotFound for an unknown id.
Result<core::RegistrationState> stateOf(Database &db, std::string_view registrationId)
{
    auto s = db.cached("SELECT status FROM registrations WHERE id = ?");
    if (!s)
        return s.error();
    if (Status b = (*s)->bindText(1, registrationId); !b)
        return b.error();
    auto step = (*s)->step();
    if (!step)
        return step.error();
    if (*step == StepResult::Done)
        return Error{ErrorCode::NotFound, "no registration with id " + std::string(registrationId)};
    return core::parseState((*s)->columnText(0));
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

constexpr const char *kReviewColumns =
    "SELECT id, registration_id, decided_at, reviewer_id, decision, reason FROM reviews WHERE registration_id = ? ";

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
    if (Status c = core::checkReview(*state, decision, reason); !c)
        return c.error();
    const std::string at = utcTimestamp(now);
    const std::string_view decisionName = core::reviewDecisionName(decision);
    {
        auto s = m_db.cached(
            "INSERT INTO reviews (registration_id, decided_at, reviewer_id, decision, reason) VALUES (?,?,?,?,?)");
        if (!s)
            return s.error();
        Statement &q = **s;
        Status b = firstFailure({q.bindText(1, registrationId), q.bindText(2, at), q.bindInt64(3, reviewerId),
                                 q.bindText(4, decisionName), q.bindText(5, reason)});
        if (Status done = b ? stepOnce(s) : b; !done)
            return done.error();
    }
    const std::int64_t id = m_db.lastInsertRowId();
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
    return Review{id, std::string(registrationId), at, reviewerId, decision, std::string(reason)};
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

} // namespace simkyc::store
