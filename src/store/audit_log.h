// The audit log (table audit_log from 0001), append-only and hash-chained:
//   hash = SHA-256(prev_hash || "simkyc/audit/v1" || id(8, big-endian) || at || actor || action ||
//                  record_id presence(1) || record_id || detail), strings as 4-byte length + bytes;
// the first entry's prev_hash is 32 zero bytes. verifyAuditChain finds an edited, deleted (except
// the newest entries, which need an external anchor) or reordered row and names the first bad id.
// Details hold codes and record ids only, never customer data: appendAudit refuses text outside
// [A-Za-z0-9 _.:=,/-].
// Guarantees: appendAudit joins the caller's open transaction, or runs in its own.
// Thread-safety: that of the Database.
#pragma once

#include "core/result.h"
#include "store/record_id.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace simkyc::store {

class Database;

struct AuditEntry {
    std::string actor;                   // "staff:3", "cli", "system"
    std::string action;                  // "registration.insert", "customer.read", ...
    std::optional<std::string> recordId; // the registration concerned, if any
    std::string detail;                  // codes only: "reason=manager_review"
};

// Returns the new entry's id. InvalidArgument for a field with characters outside the allowed set.
[[nodiscard]] Result<std::int64_t> appendAudit(Database &db, const AuditEntry &entry,
                                               Clock::time_point now = Clock::now());

struct AuditChainReport {
    bool ok = true;
    std::int64_t entries = 0;
    std::int64_t firstBadId = 0; // 0 when ok
    std::string problem;         // "prev_hash mismatch", "hash mismatch"
};

struct StoredAuditEntry {
    std::int64_t id = 0;
    std::string at; // UTC ISO 8601
    AuditEntry entry;
};

// The newest `limit` entries, newest first (for the manager's audit screen). Reads only.
[[nodiscard]] Result<std::vector<StoredAuditEntry>> recentAudit(Database &db, int limit);

// Reads the whole chain in id order. An error only when it cannot be read.
[[nodiscard]] Result<AuditChainReport> verifyAuditChain(Database &db);

} // namespace simkyc::store
