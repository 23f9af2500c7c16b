#include "store/outbox_repository.h"

#include "store/audit_log.h"
#include "store/bytes.h"
#include "store/database.h"
#include "store/transaction.h"

#include <cctype>

namespace simkyc::store {
namespace {

std::optional<std::string> optionalText(const Statement &q, int column)
{
    if (q.columnIsNull(column))
        return std::nullopt;
    return q.columnText(column);
}

// Codes and short reasons only; the audit and the manager's view show them.
std::string clipped(std::string_view text)
{
    return std::string(text.substr(0, 300));
}

} // namespace

Result<std::vector<OutboxItem>> OutboxRepository::select(std::string_view where,
                                                         const std::optional<std::string> &bound, int limit)
{
    auto s = m_db.cached("SELECT o.registration_id, o.attempts, o.payload, o.sealed_pii, b.sealed_payload, "
                         "o.quota_index FROM outbox o LEFT JOIN biometrics b ON b.registration_id = o.registration_id "
                         "WHERE (o.error_class IS NULL OR o.error_class <> 'fatal') " +
                         std::string(where) + " ORDER BY o.created_at, o.registration_id LIMIT ?");
    if (!s)
        return s.error();
    int index = 1;
    if (bound)
        if (Status b = (*s)->bindText(index++, *bound); !b)
            return b.error();
    if (Status b = (*s)->bindInt64(index, limit); !b)
        return b.error();
    std::vector<OutboxItem> out;
    Status read = forEachRow(s, [&out](const Statement &q) {
        OutboxItem item{q.columnText(0),           q.columnInt64(1), fromBlob(q.columnBlob(2)),
                        fromBlob(q.columnBlob(3)), std::nullopt,     optionalText(q, 5)};
        if (!q.columnIsNull(4))
            item.sealedBiometrics = fromBlob(q.columnBlob(4));
        out.push_back(std::move(item));
    });
    if (!read)
        return read.error();
    return out;
}

Result<std::vector<OutboxItem>> OutboxRepository::due(Clock::time_point now, int limit)
{
    return select("AND o.next_attempt_at <= ?", utcTimestamp(now), limit);
}

Result<std::vector<OutboxItem>> OutboxRepository::pending(int limit)
{
    return select("", std::nullopt, limit);
}

Result<std::optional<OutboxItem>> OutboxRepository::find(std::string_view recordId)
{
    auto items = select("AND o.registration_id = ?", std::string(recordId), 1);
    if (!items)
        return items.error();
    if (items->empty())
        return std::optional<OutboxItem>();
    return std::optional<OutboxItem>(std::move(items->front()));
}

Status OutboxRepository::setQuotaIndex(std::string_view recordId, std::string_view quotaIndex)
{
    auto s = m_db.cached("UPDATE outbox SET quota_index = ? WHERE registration_id = ?");
    if (!s)
        return s.error();
    if (Status b = (*s)->bindText(1, quotaIndex); !b)
        return b;
    if (Status b = (*s)->bindText(2, recordId); !b)
        return b;
    return stepOnce(s);
}

Status OutboxRepository::acknowledge(const std::vector<Acknowledgement> &acks, Clock::time_point now)
{
    if (acks.empty())
        return {};
    const std::string at = utcTimestamp(now);
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    std::int64_t quotaExceeded = 0;
    for (const Acknowledgement &a : acks) {
        {
            auto s = m_db.cached("INSERT OR REPLACE INTO upstream_receipts (registration_id, decision, active_count, "
                                 "receipt, acknowledged_at) VALUES (?,?,?,?,?)");
            if (!s)
                return s.error();
            Statement &q = **s;
            if (Status b =
                    firstFailure({q.bindText(1, a.recordId), q.bindText(2, a.decision), q.bindInt64(3, a.activeCount),
                                  q.bindText(4, a.receiptJson), q.bindText(5, at)});
                !b)
                return b;
            if (Status done = stepOnce(s); !done)
                return done;
        }
        const bool exceeded = a.decision == "quota_exceeded";
        quotaExceeded += exceeded ? 1 : 0;
        {
            auto s = m_db.cached("UPDATE registrations SET sync_state = ?, updated_at = ? WHERE id = ?");
            if (!s)
                return s.error();
            Statement &q = **s;
            for (Status b : {q.bindText(1, exceeded ? "quota_exceeded" : "acknowledged"), q.bindText(2, at),
                             q.bindText(3, a.recordId)})
                if (!b)
                    return b;
            if (Status done = stepOnce(s); !done)
                return done;
        }
        auto s = m_db.cached("DELETE FROM outbox WHERE registration_id = ?");
        if (!s)
            return s.error();
        if (Status b = (*s)->bindText(1, a.recordId); !b)
            return b;
        if (Status done = stepOnce(s); !done)
            return done;
    }
    const AuditEntry audit{"device:sync", "sync.acknowledged", std::nullopt,
                           "count=" + std::to_string(acks.size()) + " quota_exceeded=" + std::to_string(quotaExceeded) +
                               " first=" + acks.front().recordId + " last=" + acks.back().recordId};
    if (auto a = appendAudit(m_db, audit, now); !a)
        return a.error();
    return tx->commit();
}

Status OutboxRepository::retryLater(std::string_view recordId, std::string_view error, Clock::time_point nextAttempt)
{
    auto s = m_db.cached("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, "
                         "error_class = 'retryable' WHERE registration_id = ?");
    if (!s)
        return s.error();
    Statement &q = **s;
    for (Status b : {q.bindText(1, utcTimestamp(nextAttempt)), q.bindText(2, clipped(error)), q.bindText(3, recordId)})
        if (!b)
            return b;
    return stepOnce(s);
}

Status OutboxRepository::park(std::string_view recordId, std::string_view reason, Clock::time_point now)
{
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    {
        auto s = m_db.cached("UPDATE outbox SET attempts = attempts + 1, last_error = ?, error_class = 'fatal' "
                             "WHERE registration_id = ?");
        if (!s)
            return s.error();
        if (Status b = (*s)->bindText(1, clipped(reason)); !b)
            return b;
        if (Status b = (*s)->bindText(2, recordId); !b)
            return b;
        if (Status done = stepOnce(s); !done)
            return done;
    }
    {
        auto s = m_db.cached("UPDATE registrations SET sync_state = 'parked', updated_at = ? WHERE id = ?");
        if (!s)
            return s.error();
        if (Status b = (*s)->bindText(1, utcTimestamp(now)); !b)
            return b;
        if (Status b = (*s)->bindText(2, recordId); !b)
            return b;
        if (Status done = stepOnce(s); !done)
            return done;
    }
    std::string code(reason.substr(0, reason.find(':')));
    for (char &c : code)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_')
            c = '_';
    const AuditEntry audit{"device:sync", "sync.parked", std::string(recordId), "reason=" + code.substr(0, 60)};
    if (auto a = appendAudit(m_db, audit, now); !a)
        return a.error();
    return tx->commit();
}

Result<SyncCounts> OutboxRepository::counts()
{
    SyncCounts c;
    auto s = m_db.cached("SELECT sync_state, COUNT(*) FROM registrations GROUP BY sync_state");
    if (!s)
        return s.error();
    Status states = forEachRow(s, [&c](const Statement &q) {
        const std::string state = q.columnText(0);
        const std::int64_t n = q.columnInt64(1);
        if (state == "pending")
            c.pending = n;
        else if (state == "acknowledged")
            c.acknowledged = n;
        else if (state == "quota_exceeded")
            c.quotaExceeded = n;
        else if (state == "parked")
            c.parked = n;
    });
    if (!states)
        return states.error();
    auto r = m_db.cached("SELECT COUNT(CASE WHEN attempts > 0 THEN 1 END), MIN(created_at), MIN(next_attempt_at) "
                         "FROM outbox WHERE error_class IS NULL OR error_class <> 'fatal'");
    if (Status done = stepOnce(r); !done)
        return done.error();
    c.retrying = (*r)->columnInt64(0);
    c.oldestPending = optionalText(**r, 1);
    c.nextAttempt = optionalText(**r, 2);
    auto a = m_db.cached("SELECT MAX(acknowledged_at) FROM upstream_receipts");
    if (Status done = stepOnce(a); !done)
        return done.error();
    c.lastSuccess = optionalText(**a, 0);
    return c;
}

Result<std::vector<ParkedItem>> OutboxRepository::parked(int limit)
{
    auto s = m_db.cached("SELECT registration_id, created_at, attempts, COALESCE(last_error, '') FROM outbox "
                         "WHERE error_class = 'fatal' ORDER BY created_at LIMIT ?");
    if (!s)
        return s.error();
    if (Status b = (*s)->bindInt64(1, limit); !b)
        return b.error();
    std::vector<ParkedItem> out;
    Status read = forEachRow(s, [&out](const Statement &q) {
        out.push_back({q.columnText(0), q.columnText(1), q.columnInt64(2), q.columnText(3)});
    });
    if (!read)
        return read.error();
    return out;
}

} // namespace simkyc::store
