#include "store/retention.h"

#include "core/log.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/settings.h"
#include "store/transaction.h"

#include <string>
#include <vector>

namespace simkyc::store {
namespace {

constexpr int kMaxBatchSize = 10000;

// Acknowledged upstream: a verified receipt, an acknowledged state and nothing left in the outbox.
// Expects registrations as r and upstream_receipts as u (joined).
constexpr const char *kAcknowledged =
    "r.sync_state IN ('acknowledged', 'quota_exceeded') AND u.registration_id IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.registration_id = r.id)";

std::string biometricsDue()
{
    return std::string("FROM biometrics b JOIN registrations r ON r.id = b.registration_id "
                       "JOIN upstream_receipts u ON u.registration_id = r.id WHERE ") +
           kAcknowledged + " AND b.expires_at <= :bio_cutoff AND u.acknowledged_at <= :now";
}

std::string piiDue()
{
    return std::string("FROM registrations r JOIN upstream_receipts u ON u.registration_id = r.id WHERE ") +
           kAcknowledged + " AND r.pii_purged_at IS NULL AND u.acknowledged_at <= :pii_cutoff";
}

std::string skippedQuery()
{
    return std::string("SELECT COUNT(*) FROM registrations r LEFT JOIN upstream_receipts u ON u.registration_id = r.id "
                       "LEFT JOIN biometrics b ON b.registration_id = r.id WHERE NOT (") +
           kAcknowledged +
           ") AND r.pii_purged_at IS NULL AND (b.expires_at <= :bio_cutoff OR r.created_at <= :pii_cutoff)";
}

struct Cutoffs {
    std::string now;
    std::string biometrics; // expires_at at or before this: due
    std::string pii;        // acknowledged_at at or before this: due
};

Cutoffs cutoffsFor(const RetentionPolicy &policy, Clock::time_point now)
{
    using Days = std::chrono::duration<std::int64_t, std::ratio<86400>>;
    return {utcTimestamp(now), utcTimestamp(now - Days(policy.reviewExtraDays)),
            utcTimestamp(now - Days(policy.piiDays))};
}

// Binds whichever of :now, :bio_cutoff, :pii_cutoff the statement has.
Status bindCutoffs(Statement &q, const Cutoffs &c)
{
    const std::pair<const char *, const std::string *> names[] = {
        {":now", &c.now}, {":bio_cutoff", &c.biometrics}, {":pii_cutoff", &c.pii}};
    for (const auto &[name, value] : names) {
        if (q.sql().find(name) == std::string_view::npos)
            continue;
        if (Status b = q.bindText(name, *value); !b)
            return b;
    }
    return {};
}

Result<std::int64_t> countOf(Database &db, const std::string &sql, const Cutoffs &c)
{
    auto s = db.cached(sql);
    if (!s)
        return s.error();
    if (Status b = bindCutoffs(**s, c); !b)
        return b.error();
    auto step = (*s)->step();
    if (!step)
        return step.error();
    return (*s)->columnInt64(0);
}

Result<std::vector<std::string>> idsDue(Database &db, const std::string &from, const Cutoffs &c, int limit)
{
    auto s = db.cached("SELECT r.id " + from + " ORDER BY r.id LIMIT :limit");
    if (!s)
        return s.error();
    if (Status b = bindCutoffs(**s, c); !b)
        return b.error();
    if (Status b = (*s)->bindInt64(":limit", limit); !b)
        return b.error();
    std::vector<std::string> out;
    Status read = forEachRow(s, [&out](const Statement &q) { out.push_back(q.columnText(0)); });
    if (!read)
        return read.error();
    return out;
}

// Runs one statement with the record id bound to ?1 and optionally the time to ?2; the rows changed.
Result<std::int64_t> runFor(Database &db, std::string_view sql, const std::string &id, const std::string *at = nullptr)
{
    auto s = db.cached(sql);
    if (!s)
        return s.error();
    if (Status b = (*s)->bindText(1, id); !b)
        return b.error();
    if (at != nullptr)
        if (Status b = (*s)->bindText(2, *at); !b)
            return b.error();
    auto step = (*s)->step();
    if (!step)
        return step.error();
    return db.changes();
}

Result<std::int64_t> deleteBiometrics(Database &db, const std::string &id, Clock::time_point now)
{
    auto deleted = runFor(db, "DELETE FROM biometrics WHERE registration_id = ?1", id);
    if (!deleted || *deleted == 0)
        return deleted;
    if (auto a = appendAudit(db, {"system", "retention.biometrics_delete", id, "reason=acknowledged_and_expired"}, now);
        !a)
        return a.error();
    return deleted;
}

// Crypto-shred: the wrapped data key and every customer column become zero-length blobs.
Result<std::int64_t> purgePii(Database &db, const std::string &id, Clock::time_point now, const std::string &at)
{
    auto shredded = runFor(db,
                           "UPDATE registrations SET wrapped_data_key = x'', name = x'', id_number = x'', "
                           "birth_date = x'', address = x'', phone = x'', iccid = x'', pii_purged_at = ?2, "
                           "updated_at = ?2 WHERE id = ?1 AND pii_purged_at IS NULL",
                           id, &at);
    if (!shredded || *shredded == 0)
        return shredded;
    auto biometrics = runFor(db, "DELETE FROM biometrics WHERE registration_id = ?1", id);
    if (!biometrics)
        return biometrics.error();
    if (auto blind = runFor(db, "UPDATE id_blind_index SET active = 0 WHERE registration_id = ?1", id); !blind)
        return blind.error();
    const std::string detail = "reason=acknowledged_and_aged,biometrics=" + std::to_string(*biometrics);
    if (auto a = appendAudit(db, {"system", "retention.pii_purge", id, detail}, now); !a)
        return a.error();
    return biometrics;
}

// Batches of records, one transaction each, until none is due. Returns {records, biometrics rows}.
template <typename Action>
Result<std::pair<std::int64_t, std::int64_t>> inBatches(Database &db, const std::string &from, const Cutoffs &c,
                                                        int batchSize, Action action)
{
    std::pair<std::int64_t, std::int64_t> done{0, 0};
    for (;;) {
        auto ids = idsDue(db, from, c, batchSize);
        if (!ids)
            return ids.error();
        if (ids->empty())
            return done;
        auto tx = Transaction::begin(db);
        if (!tx)
            return tx.error();
        for (const std::string &id : *ids) {
            auto changed = action(id);
            if (!changed)
                return changed.error();
            done.first += 1;
            done.second += *changed;
        }
        if (Status s = tx->commit(); !s)
            return s.error();
    }
}

} // namespace

Status validateRetentionPolicy(const RetentionPolicy &p)
{
    if (p.reviewExtraDays < 0 || p.reviewExtraDays > kMaxReviewExtraDays)
        return Error{ErrorCode::InvalidArgument, std::string(kReviewExtraDaysSetting) + " must be 0.." +
                                                     std::to_string(kMaxReviewExtraDays) + " days"};
    if (p.piiDays < kMinPiiDays || p.piiDays > kMaxPiiDays)
        return Error{ErrorCode::InvalidArgument, std::string(kPiiDaysSetting) + " must be " +
                                                     std::to_string(kMinPiiDays) + ".." + std::to_string(kMaxPiiDays) +
                                                     " days"};
    if (p.batchSize < 1 || p.batchSize > kMaxBatchSize)
        return Error{ErrorCode::InvalidArgument, "retention batch size must be 1.." + std::to_string(kMaxBatchSize)};
    return {};
}

Result<RetentionPolicy> loadRetentionPolicy(Database &db)
{
    RetentionPolicy policy;
    auto review = readIntSetting(db, kReviewExtraDaysSetting, policy.reviewExtraDays, 0, kMaxReviewExtraDays);
    if (!review)
        return review.error();
    auto pii = readIntSetting(db, kPiiDaysSetting, policy.piiDays, kMinPiiDays, kMaxPiiDays);
    if (!pii)
        return pii.error();
    policy.reviewExtraDays = static_cast<int>(*review);
    policy.piiDays = static_cast<int>(*pii);
    return policy;
}

Status saveRetentionPolicy(Database &db, const RetentionPolicy &policy, Clock::time_point now)
{
    if (Status v = validateRetentionPolicy(policy); !v)
        return v;
    auto tx = Transaction::begin(db);
    if (!tx)
        return tx.error();
    for (Status s : {writeSetting(db, kReviewExtraDaysSetting, std::to_string(policy.reviewExtraDays), now),
                     writeSetting(db, kPiiDaysSetting, std::to_string(policy.piiDays), now)})
        if (!s)
            return s;
    return tx->commit();
}

Result<RetentionCounts> runRetention(Database &db, const RetentionPolicy &policy, Clock::time_point now, bool dryRun,
                                     std::string_view actor)
{
    if (Status v = validateRetentionPolicy(policy); !v)
        return v.error();
    const Cutoffs cutoffs = cutoffsFor(policy, now);
    RetentionCounts counts;
    counts.dryRun = dryRun;
    auto skipped = countOf(db, skippedQuery(), cutoffs);
    if (!skipped)
        return skipped.error();
    counts.skippedNotAcknowledged = *skipped;
    if (dryRun) {
        // As the real run counts: biometrics due, plus those deleted with their record's PII.
        auto bio = countOf(db,
                           "SELECT COUNT(*) FROM biometrics WHERE registration_id IN (SELECT r.id " + biometricsDue() +
                               ") OR registration_id IN (SELECT r.id " + piiDue() + ")",
                           cutoffs);
        auto pii = countOf(db, "SELECT COUNT(*) " + piiDue(), cutoffs);
        if (!bio || !pii)
            return bio ? pii.error() : bio.error();
        counts.biometricsDeleted = *bio;
        counts.piiPurged = *pii;
        return counts;
    }
    auto bio = inBatches(db, biometricsDue(), cutoffs, policy.batchSize,
                         [&](const std::string &id) { return deleteBiometrics(db, id, now); });
    if (!bio)
        return bio.error();
    auto pii = inBatches(db, piiDue(), cutoffs, policy.batchSize,
                         [&](const std::string &id) { return purgePii(db, id, now, cutoffs.now); });
    if (!pii)
        return pii.error();
    counts.biometricsDeleted = bio->second + pii->second;
    counts.piiPurged = pii->first;

    const std::string detail = "biometrics=" + std::to_string(counts.biometricsDeleted) +
                               ",pii=" + std::to_string(counts.piiPurged) +
                               ",skipped_not_acknowledged=" + std::to_string(counts.skippedNotAcknowledged);
    auto tx = Transaction::begin(db);
    if (!tx)
        return tx.error();
    if (auto a = appendAudit(db, {std::string(actor), "retention.purge", std::nullopt, detail}, now); !a)
        return a.error();
    if (Status s = writeSetting(db, kRetentionLastRunSetting, cutoffs.now, now); !s)
        return s.error();
    if (Status s = tx->commit(); !s)
        return s.error();
    if (counts.biometricsDeleted + counts.piiPurged > 0) {
        // The zeroed pages are in the WAL; copy them over the old ones and drop the old frames.
        auto busy = db.queryInt64("PRAGMA wal_checkpoint(TRUNCATE)");
        counts.walTruncated = busy && *busy == 0;
        if (!counts.walTruncated)
            log::warning(log::kStore,
                         "retention: WAL not truncated (a reader is active); it is at the next checkpoint");
    }
    log::info(log::kStore, "retention: " + detail);
    return counts;
}

Result<std::optional<RetentionCounts>> runRetentionIfDue(Database &db, Clock::time_point now,
                                                         std::chrono::hours interval)
{
    auto last = readSetting(db, kRetentionLastRunSetting);
    if (!last)
        return last.error();
    if (*last) {
        const auto at = parseUtcTimestamp(**last);
        if (at && now >= *at && now - *at < interval)
            return std::optional<RetentionCounts>();
    }
    auto policy = loadRetentionPolicy(db);
    if (!policy)
        return policy.error();
    auto counts = runRetention(db, *policy, now);
    if (!counts)
        return counts.error();
    return std::optional<RetentionCounts>(*counts);
}

} // namespace simkyc::store
