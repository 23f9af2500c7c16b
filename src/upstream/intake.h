// Taking in signed submissions (docs/upstream-api.md, "Submission", "Batches"): the checks in the
// documented order, the idempotent store, the quota decision and the signed receipt. Used by the
// HTTPS endpoint and by `simkyc-upstream import` (removable media) alike.
// Guarantees: CPU work (parsing, signature checks, hashes) happens before the write transaction;
// a batch is one transaction; the quota decision is serialised per quota index (advisory locks
// taken in sorted order on PostgreSQL, the database write lock on SQLite); a record id stores one
// body only, and every later identical submission gets the first receipt byte for byte, also when
// two instances race on one database.
// Thread-safety: one instance per thread, with its Database (large batches borrow a second thread
// for signature checks only; it never touches the database).
#pragma once

#include "core/result.h"
#include "crypto/signing.h"
#include "upstream/database.h"
#include "upstream/repository.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace simkyc::upstream {

// Who is submitting: the SHA-256 (hex) of the TLS client certificate, or nullopt for an import
// from removable media (the device is then identified by the signature alone).
struct Caller {
    std::optional<std::string> certSha256;
};

struct ItemOutcome {
    int status = 200;
    std::string recordId; // empty when the submission did not parse
    std::string deviceId; // for the request log
    QByteArray receipt;   // compact JSON (status 200)
    bool replay = false;  // the receipt was stored earlier
    std::string error;    // error code (status != 200)
    std::string message;
    std::optional<std::string> storedSha256; // on conflict

    // The error body ({"error", "message"[, "stored_sha256"]}).
    [[nodiscard]] QJsonObject errorJson() const;
};

// The device a signed item names, bound to the caller's client certificate: the first documented
// check of every signed item (registrations, reviews). On refusal returns nullopt and sets
// `outcome` to 403 device_not_enrolled or certificate_mismatch (503 unavailable when the database
// failed, 500 internal for an unreadable stored key); `item` names the item in messages ("payload").
struct EnrolledDevice {
    crypto::Ed25519PublicKey key{};
    std::string keyHex;
};
[[nodiscard]] std::optional<EnrolledDevice> enrolledDevice(Repository &repo, const std::string &deviceId,
                                                           const Caller &caller, std::string_view item,
                                                           ItemOutcome &outcome);

class Intake {
public:
    Intake(Database &db, const crypto::Ed25519KeyPair &receiptKey) : m_db(db), m_repo(db), m_receiptKey(receiptKey) {}

    // One submission in its own transaction. Status 503 when the database failed.
    [[nodiscard]] ItemOutcome submit(const QJsonObject &body, const Caller &caller);
    // Every item in one transaction, outcomes in item order; an error when the database failed
    // (the whole batch is rolled back).
    [[nodiscard]] Result<std::vector<ItemOutcome>> submitBatch(const QJsonArray &items, const Caller &caller);

private:
    struct Checked;
    [[nodiscard]] Checked check(const QJsonValue &item, const Caller &caller);
    static void verify(Checked &item); // reentrant: runs on worker threads
    [[nodiscard]] Status store(Checked &item);
    [[nodiscard]] Status resolveExisting(Checked &item, const StoredHead &head);

    Database &m_db;
    Repository m_repo;
    const crypto::Ed25519KeyPair &m_receiptKey;
};

} // namespace simkyc::upstream
