#include "store/audit_log.h"

#include "crypto/digest.h"
#include "store/bytes.h"
#include "store/database.h"
#include "store/transaction.h"

#include <algorithm>
#include <array>

namespace simkyc::store {
namespace {

constexpr std::string_view kDomain = "simkyc/audit/v1";
constexpr std::size_t kHashSize = 32;

void appendText(std::vector<std::uint8_t> &out, std::string_view text)
{
    const auto n = static_cast<std::uint32_t>(text.size());
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(n >> shift));
    out.insert(out.end(), text.begin(), text.end());
}

crypto::Sha256Digest entryHash(std::span<const std::uint8_t> prevHash, std::int64_t id, std::string_view at,
                               const AuditEntry &e)
{
    std::vector<std::uint8_t> buffer(prevHash.begin(), prevHash.end());
    buffer.insert(buffer.end(), kDomain.begin(), kDomain.end());
    for (int shift = 56; shift >= 0; shift -= 8)
        buffer.push_back(static_cast<std::uint8_t>(static_cast<std::uint64_t>(id) >> shift));
    appendText(buffer, at);
    appendText(buffer, e.actor);
    appendText(buffer, e.action);
    buffer.push_back(e.recordId ? 1 : 0);
    appendText(buffer, e.recordId.value_or(""));
    appendText(buffer, e.detail);
    return crypto::sha256(buffer);
}

bool allowedText(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               std::string_view(" _.:=,/-").find(c) != std::string_view::npos;
    });
}

Result<std::int64_t> appendInTransaction(Database &db, const AuditEntry &entry, const std::string &at)
{
    std::vector<std::uint8_t> prev(kHashSize, 0);
    std::int64_t id = 1;
    {
        auto last = db.cached("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
        if (!last)
            return last.error();
        auto step = (*last)->step();
        if (!step)
            return step.error();
        if (*step == StepResult::Row) {
            id = (*last)->columnInt64(0) + 1;
            prev = fromBlob((*last)->columnBlob(1));
        }
    }
    const crypto::Sha256Digest hash = entryHash(prev, id, at, entry);
    auto insert = db.cached("INSERT INTO audit_log (id, at, actor, action, record_id, detail, prev_hash, hash) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    Statement &s = **insert;
    for (Status b : {s.bindInt64(1, id), s.bindText(2, at), s.bindText(3, entry.actor), s.bindText(4, entry.action),
                     entry.recordId ? s.bindText(5, *entry.recordId) : s.bindNull(5), s.bindText(6, entry.detail),
                     s.bindBlob(7, asBlob(prev)), s.bindBlob(8, asBlob(hash))})
        if (!b)
            return b.error();
    if (auto done = s.step(); !done)
        return done.error();
    return id;
}

} // namespace

Result<std::int64_t> appendAudit(Database &db, const AuditEntry &entry, Clock::time_point now)
{
    if (entry.actor.empty() || entry.action.empty() || !allowedText(entry.actor) || !allowedText(entry.action) ||
        !allowedText(entry.detail) || (entry.recordId && !allowedText(*entry.recordId)))
        return Error{ErrorCode::InvalidArgument, "audit fields must be codes ([A-Za-z0-9 _.:=,/-]), not free text"};
    const std::string at = utcTimestamp(now);
    if (db.inTransaction())
        return appendInTransaction(db, entry, at);
    auto tx = Transaction::begin(db);
    if (!tx)
        return tx.error();
    auto id = appendInTransaction(db, entry, at);
    if (!id)
        return id;
    if (Status s = tx->commit(); !s)
        return s.error();
    return id;
}

Result<std::vector<StoredAuditEntry>> recentAudit(Database &db, int limit)
{
    auto s = db.cached("SELECT id, at, actor, action, record_id, detail FROM audit_log ORDER BY id DESC LIMIT ?");
    if (!s)
        return s.error();
    if (Status b = (*s)->bindInt64(1, std::max(0, limit)); !b)
        return b.error();
    std::vector<StoredAuditEntry> out;
    Status read = forEachRow(s, [&out](const Statement &q) {
        StoredAuditEntry e{
            q.columnInt64(0), q.columnText(1), {q.columnText(2), q.columnText(3), std::nullopt, q.columnText(5)}};
        if (!q.columnIsNull(4))
            e.entry.recordId = q.columnText(4);
        out.push_back(std::move(e));
    });
    if (!read)
        return read.error();
    return out;
}

Result<AuditChainReport> verifyAuditChain(Database &db)
{
    auto rows = db.prepare("SELECT id, at, actor, action, record_id, detail, prev_hash, hash FROM audit_log "
                           "ORDER BY id");
    if (!rows)
        return rows.error();
    AuditChainReport report;
    std::vector<std::uint8_t> expectedPrev(kHashSize, 0);
    for (;;) {
        auto step = rows->step();
        if (!step)
            return step.error();
        if (*step == StepResult::Done)
            break;
        ++report.entries;
        const std::int64_t id = rows->columnInt64(0);
        AuditEntry e{rows->columnText(2), rows->columnText(3), std::nullopt, rows->columnText(5)};
        if (!rows->columnIsNull(4))
            e.recordId = rows->columnText(4);
        const std::vector<std::uint8_t> prev = fromBlob(rows->columnBlob(6));
        const std::vector<std::uint8_t> stored = fromBlob(rows->columnBlob(7));
        const crypto::Sha256Digest hash = entryHash(prev, id, rows->columnText(1), e);
        const char *problem = nullptr;
        if (prev != expectedPrev)
            problem = "prev_hash mismatch (an entry before it was deleted, edited or moved)";
        else if (!std::equal(hash.begin(), hash.end(), stored.begin(), stored.end()))
            problem = "hash mismatch (the entry was edited)";
        if (problem != nullptr && report.ok) {
            report.ok = false;
            report.firstBadId = id;
            report.problem = problem;
        }
        expectedPrev = stored;
    }
    return report;
}

} // namespace simkyc::store
