// Taking in a store manager's signed decision (docs/upstream-api.md, "Reviews") and a cancelled
// number ("Deactivations": a review with the decision "cancelled", at its own endpoint): the checks
// in the documented order (client certificate bound to the review's device, signature, shape, the
// endpoint fits the decision, the record is stored and was sent by this device, the decision fits
// the stored payload's status and the record's earlier decisions), then the review bytes, their
// hash and the signed review receipt stored in one transaction. A manual decision or a cancellation
// sets whether the record holds its person's quota place (core::holdsQuotaSlot) in that transaction.
// Guarantees: parsing and signature checks happen before the write transaction; a review id
// stores one body only (primary key + INSERT ... ON CONFLICT DO NOTHING), and every later
// identical review gets the first receipt byte for byte, also when two instances race on one
// database; other bytes under a stored review id are a conflict. Never logs review bytes.
// Thread-safety: one instance per thread, with its Database.
#pragma once

#include "crypto/signing.h"
#include "upstream/database.h"
#include "upstream/intake.h"
#include "upstream/repository.h"

#include <QJsonObject>

namespace simkyc::upstream {

// Where the signed review came in: POST /v1/reviews takes every decision but "cancelled", POST
// /v1/deactivations only "cancelled".
enum class ReviewEndpoint { Reviews, Deactivations };

class ReviewIntake {
public:
    ReviewIntake(Database &db, const crypto::Ed25519KeyPair &receiptKey)
        : m_db(db), m_repo(db), m_receiptKey(receiptKey)
    {
    }

    // One review ({"review", "signature"}). Status 201 with the receipt when stored now, 200 with
    // the stored receipt and `replay` for the same bytes again, else the documented error (503
    // when the database failed). `recordId` and `deviceId` are set once the review's bytes name them.
    [[nodiscard]] ItemOutcome submit(const QJsonObject &body, const Caller &caller, ReviewEndpoint endpoint);

private:
    Database &m_db;
    Repository m_repo;
    const crypto::Ed25519KeyPair &m_receiptKey;
};

} // namespace simkyc::upstream
