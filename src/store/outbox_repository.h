// OutboxRepository: the sync worker's view of the outbox (migrations 0002, 0003).
// A record is pending while it has an outbox row whose error_class is not 'fatal'; acknowledge()
// deletes the row (and with it the sealed PII copy), stores the verified receipt and sets the
// registration's sync_state, all in one transaction; park() keeps the row for the manager.
// Guarantees: due() returns rows in creation order; every change of state is one transaction with
// one audit entry (per batch for acknowledgements: they carry no customer data).
// Thread-safety: one instance per thread (that of its Database).
#pragma once

#include "core/result.h"
#include "store/record_id.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace simkyc::store {

class Database;

struct OutboxItem {
    std::string recordId;
    std::int64_t attempts = 0;
    std::vector<std::uint8_t> payload; // empty for records stored before schema 0003
    std::vector<std::uint8_t> sealedPii;
    std::optional<std::vector<std::uint8_t>> sealedBiometrics;
    std::optional<std::string> quotaIndex;
};

struct Acknowledgement {
    std::string recordId;
    std::string decision; // "accepted", "quota_exceeded", "unchecked"
    std::int64_t activeCount = 0;
    std::string receiptJson; // as received, verified
};

struct SyncCounts {
    std::int64_t pending = 0;
    std::int64_t retrying = 0; // pending with at least one failed attempt
    std::int64_t acknowledged = 0;
    std::int64_t quotaExceeded = 0;
    std::int64_t parked = 0;
    std::optional<std::string> oldestPending; // created_at
    std::optional<std::string> lastSuccess;   // acknowledged_at
    std::optional<std::string> nextAttempt;
};

struct ParkedItem {
    std::string recordId;
    std::string createdAt;
    std::int64_t attempts = 0;
    std::string reason;
};

class OutboxRepository {
public:
    explicit OutboxRepository(Database &db) : m_db(db) {}

    // Pending rows whose next attempt is due at `now`, oldest first, at most `limit`.
    [[nodiscard]] Result<std::vector<OutboxItem>> due(Clock::time_point now, int limit);
    // Every pending row, oldest first (export to removable media), at most `limit`.
    [[nodiscard]] Result<std::vector<OutboxItem>> pending(int limit);
    // The pending row of that record, if any (parked rows are not pending).
    [[nodiscard]] Result<std::optional<OutboxItem>> find(std::string_view recordId);
    [[nodiscard]] Status setQuotaIndex(std::string_view recordId, std::string_view quotaIndex);

    [[nodiscard]] Status acknowledge(const std::vector<Acknowledgement> &acks, Clock::time_point now = Clock::now());
    // One more failed attempt; the row is due again at nextAttempt. error: a code and a short text.
    [[nodiscard]] Status retryLater(std::string_view recordId, std::string_view error, Clock::time_point nextAttempt);
    // The carrier refused the record for good (or it cannot be sent): kept for the manager.
    [[nodiscard]] Status park(std::string_view recordId, std::string_view reason, Clock::time_point now = Clock::now());

    [[nodiscard]] Result<SyncCounts> counts();
    [[nodiscard]] Result<std::vector<ParkedItem>> parked(int limit = 100);

private:
    Result<std::vector<OutboxItem>> select(std::string_view where, const std::optional<std::string> &bound, int limit);

    Database &m_db;
};

} // namespace simkyc::store
