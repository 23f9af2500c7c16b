// Retention: what the kiosk deletes, and when (schema 0004). Only records the upstream has
// acknowledged are ever touched: registrations.sync_state is 'acknowledged' or 'quota_exceeded', a
// verified receipt is in upstream_receipts and no outbox row is left. Pending and parked records keep
// everything: they may be the only copy.
//  - Biometrics (the whole biometrics row: sealed payload and review thumbnail) are deleted once the
//    record is acknowledged AND now >= biometrics.expires_at + reviewExtraDays.
//  - Customer PII is crypto-shredded piiDays after acknowledged_at: wrapped_data_key and every
//    customer column become zero-length blobs, pii_purged_at is set, the blind-index row is
//    deactivated (active = 0) and any biometrics row left is deleted (its thumbnail was under the
//    shredded data key). Metadata (status, outcome, sync state) and the audit log stay.
// Guarantees: one transaction per batch of records; an audit entry per record purged and one per run
// ("retention.purge", counts only); secure_delete (on since open) zeroes the freed bytes, and after a
// run that deleted anything the WAL is checkpointed and truncated so the old pages leave the -wal
// file too; a dry run writes nothing. A policy outside the documented ranges is refused, never clamped.
// Nothing here needs a key: shredding is dropping the wrapped data key.
// Thread-safety: free functions; that of the Database.
#pragma once

#include "core/result.h"
#include "store/record_id.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

namespace simkyc::store {

class Database;

// Settings (table settings) read by the job; absent means the default.
inline constexpr std::string_view kReviewExtraDaysSetting = "retention.review_extra_days";
inline constexpr std::string_view kPiiDaysSetting = "retention.pii_days";
inline constexpr std::string_view kRetentionLastRunSetting = "retention.last_run_at";

inline constexpr int kMaxReviewExtraDays = 7; // 0..7 days beyond biometrics.expires_at
inline constexpr int kMinPiiDays = 1;         // 1..365 days after acknowledgement
inline constexpr int kMaxPiiDays = 365;

struct RetentionPolicy {
    int reviewExtraDays = 0; // biometrics kept this long beyond expires_at (insert sets it: end of next day)
    int piiDays = 30;        // customer PII kept this long after the upstream acknowledged the record
    int batchSize = 100;     // records per transaction (1..10000)
};

struct RetentionCounts {
    std::int64_t biometricsDeleted = 0;      // biometrics rows deleted (or due, in a dry run)
    std::int64_t piiPurged = 0;              // records whose customer data was shredded (or due)
    std::int64_t skippedNotAcknowledged = 0; // past their age limits but kept: not acknowledged upstream
    bool dryRun = false;
    bool walTruncated = false; // the WAL was checkpointed and truncated after the deletions
};

// InvalidArgument naming the setting and its range.
[[nodiscard]] Status validateRetentionPolicy(const RetentionPolicy &policy);
// The policy from the settings table (defaults for absent settings); InvalidArgument for a value
// that is not a whole number in range.
[[nodiscard]] Result<RetentionPolicy> loadRetentionPolicy(Database &db);
// Validates, then writes both settings.
[[nodiscard]] Status saveRetentionPolicy(Database &db, const RetentionPolicy &policy,
                                         Clock::time_point now = Clock::now());

// One run of the job with the given policy. actor: who started it ("system", "cli").
[[nodiscard]] Result<RetentionCounts> runRetention(Database &db, const RetentionPolicy &policy,
                                                   Clock::time_point now = Clock::now(), bool dryRun = false,
                                                   std::string_view actor = "system");

// The kiosk's schedule ("at start and daily"): runs the job with the stored policy when it never ran or
// its last run (setting retention.last_run_at) is at least `interval` ago; nullopt when not due.
[[nodiscard]] Result<std::optional<RetentionCounts>>
runRetentionIfDue(Database &db, Clock::time_point now = Clock::now(),
                  std::chrono::hours interval = std::chrono::hours(24));

} // namespace simkyc::store
