// Turning outbox rows into signed submissions (docs/upstream-api.md), shared by the network worker
// and the removable-media export: the quota index of records stored before the kiosk had the
// carrier's quota key (an audited read of each ID number, one transaction), and the signature.
// Thread-safety: free functions; that of the Database.
#pragma once

#include "protocol/protocol.h"
#include "store/keyring.h"
#include "store/outbox_repository.h"
#include "store/review_repository.h"
#include "sync/sync_settings.h"

#include <optional>
#include <vector>

namespace simkyc::store {
class Database;
}

namespace simkyc::sync {

// Fills (and stores) the missing quota indexes when an enrolment is known; else leaves them null.
[[nodiscard]] Status fillQuotaIndexes(store::Database &db, const store::Keyring &keys,
                                      const std::optional<UpstreamEnrolment> &enrolment,
                                      std::vector<store::OutboxItem> &items);

[[nodiscard]] Result<protocol::Submission> signedSubmission(const store::Keyring &keys, const store::OutboxItem &item);

// Verifies a receipt for an outbox item and turns it into an acknowledgement.
[[nodiscard]] Result<store::Acknowledgement> acknowledgementFor(const store::OutboxItem &item,
                                                                const QJsonObject &receiptJson,
                                                                const crypto::Ed25519PublicKey &receiptKey);

// A manager's review as the carrier receives it (POST /v1/reviews): the same bytes on every try.
[[nodiscard]] protocol::ReviewPayload reviewPayloadOf(const store::Review &review, const store::Keyring &keys,
                                                      const std::string &storeId);

} // namespace simkyc::sync
