// The carrier's findings about this kiosk's registrations (GET /v1/devices/{device_id}/findings;
// protocol/finding.h): each verified under the receipt key learnt at enrolment, then recorded
// (store::CarrierFindingRepository), so the manager's day view shows e.g. "same face under another
// ID number".
// Guarantees: a finding that does not verify, or names a record this kiosk does not hold, is not
// stored (counted as rejected or unknown); a known one is not stored twice.
// Thread-safety: the caller's thread, with its Database.
#pragma once

#include "core/result.h"
#include "crypto/signing.h"

#include <QByteArray>

namespace simkyc::store {
class Database;
}

namespace simkyc::sync {

struct FindingsReport {
    long long recorded = 0; // new
    long long known = 0;    // stored before
    long long unknown = 0;  // for a record not on this kiosk (e.g. deleted by retention)
    long long rejected = 0; // malformed or not signed by the carrier
};

// body: the 200 answer {"findings": [...]}. InvalidFormat when it is not that shape; a database error
// as such.
[[nodiscard]] Result<FindingsReport> recordFindings(store::Database &db, const crypto::Ed25519PublicKey &receiptKey,
                                                    const QByteArray &body);

} // namespace simkyc::sync
