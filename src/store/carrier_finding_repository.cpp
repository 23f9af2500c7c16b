#include "store/carrier_finding_repository.h"

#include "store/audit_log.h"
#include "store/database.h"
#include "store/transaction.h"

namespace simkyc::store {

Result<bool> CarrierFindingRepository::record(std::string_view registrationId, std::string_view kind,
                                              std::string_view foundAt, std::string_view signedJson,
                                              Clock::time_point now)
{
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    {
        auto s = m_db.cached("SELECT 1 FROM registrations WHERE id = ?");
        if (!s)
            return s.error();
        if (Status b = (*s)->bindText(1, registrationId); !b)
            return b.error();
        auto step = (*s)->step();
        if (!step)
            return step.error();
        if (*step == StepResult::Done)
            return Error{ErrorCode::NotFound, "no registration with id " + std::string(registrationId)};
    }
    const std::string at = utcTimestamp(now);
    {
        auto s = m_db.cached("INSERT INTO carrier_findings (registration_id, kind, found_at, received_at, signed) "
                             "VALUES (?,?,?,?,?) ON CONFLICT (registration_id, kind) DO NOTHING");
        if (!s)
            return s.error();
        Statement &q = **s;
        Status b = firstFailure({q.bindText(1, registrationId), q.bindText(2, kind), q.bindText(3, foundAt),
                                 q.bindText(4, at), q.bindText(5, signedJson)});
        if (Status done = b ? stepOnce(s) : b; !done)
            return done.error();
    }
    if (m_db.changes() == 0)
        return false; // known already: nothing to audit again
    const AuditEntry audit{"carrier", "registration.finding", std::string(registrationId), "kind=" + std::string(kind)};
    if (auto a = appendAudit(m_db, audit, now); !a)
        return a.error();
    if (Status c = tx->commit(); !c)
        return c.error();
    return true;
}

} // namespace simkyc::store
