// Typed access to the upstream tables (devices, registrations, reviews, settings, receipt_keys,
// open_audit) over prepared statements. Nothing is cached in memory: every instance on one
// database sees the same state.
// Guarantees: inserts of devices, registrations and reviews are idempotent (INSERT ... ON CONFLICT DO
// NOTHING) and report whether this call inserted the row, so racing instances learn who won.
// Thread-safety: one instance per thread, with its Database.
#pragma once

#include "core/result.h"
#include "crypto/signing.h"
#include "upstream/database.h"

#include <QByteArray>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace simkyc::upstream {

struct DeviceRow {
    std::string deviceId;
    std::string storeId;
    std::string signingKey; // hex Ed25519 public key
    std::string certSha256; // hex SHA-256 of the client certificate (DER)
    std::string enrolledAt;
};

struct RegistrationRow {
    std::string recordId;
    std::string deviceId;
    std::string deviceKey; // the signing key the submission verified under, hex
    std::string storeId;
    std::string createdAt;
    std::string receivedAt;
    std::string payloadSha256;
    QByteArray payload;
    QByteArray pii;
    std::optional<QByteArray> biometrics;
    std::optional<std::string> quotaIndex;
    QByteArray signature;
    std::string decision;
    QByteArray receipt;    // compact JSON, exactly as first sent
    bool holdsSlot = true; // core::holdsQuotaSlot of the payload's status and outcome
};

// What a replay or a conflict check needs.
struct StoredHead {
    std::string deviceId;
    std::string payloadSha256;
    QByteArray receipt;
};

// A stored registration as a review check needs it: who sent it and its payload bytes (no blobs).
struct StoredPayload {
    std::string deviceId;
    QByteArray payload;
    std::string decision; // the receipt's: "accepted", "quota_exceeded", "unchecked"
};

struct ReviewRow {
    std::string reviewId;
    std::string recordId;
    std::string deviceId;
    QByteArray review; // the signed bytes, exactly as received
    std::string reviewSha256;
    QByteArray signature; // the device's Ed25519 signature
    std::string decision;
    std::string reason;
    std::string decidedAt;
    std::string receivedAt;
    QByteArray receipt; // compact JSON, exactly as first sent
};

// What a review's replay or conflict check needs.
struct StoredReviewHead {
    std::string reviewSha256;
    QByteArray receipt;
};

struct Counts {
    std::int64_t records = 0;
    std::int64_t duplicates = 0; // COUNT(*) - COUNT(DISTINCT record_id): 0 unless the storage is broken
};

class Repository {
public:
    explicit Repository(Database &db) : m_db(db) {}

    [[nodiscard]] Result<std::optional<DeviceRow>> device(const std::string &deviceId);
    [[nodiscard]] Result<bool> insertDevice(const DeviceRow &row);
    [[nodiscard]] Result<bool> removeDevice(const std::string &deviceId);
    [[nodiscard]] Result<std::vector<DeviceRow>> devices();

    [[nodiscard]] Result<std::optional<StoredHead>> head(const std::string &recordId);
    [[nodiscard]] Result<bool> insertRegistration(const RegistrationRow &row);
    // Accepted registrations under this quota index that hold a slot (the person's active numbers).
    [[nodiscard]] Result<std::int64_t> acceptedCount(const std::string &quotaIndex);
    // A manager's identity decision on a hand-over: a rejection frees the slot, an approval keeps it.
    [[nodiscard]] Status setHoldsSlot(const std::string &recordId, bool holds);
    [[nodiscard]] Result<Counts> counts();
    // Newest first (received_at), without blobs' contents (sizes in pii.size() etc. are not set).
    [[nodiscard]] Result<std::vector<RegistrationRow>> list(int limit);
    // Every row with its blobs, in record id order; stops at the first error the visitor returns.
    [[nodiscard]] Status forEach(const std::function<Status(const RegistrationRow &)> &visit);
    [[nodiscard]] Result<std::optional<RegistrationRow>> registration(const std::string &recordId);
    [[nodiscard]] Result<std::optional<StoredPayload>> storedPayload(const std::string &recordId);

    [[nodiscard]] Result<std::optional<StoredReviewHead>> reviewHead(const std::string &reviewId);
    [[nodiscard]] Result<bool> insertReview(const ReviewRow &row);
    // A record's reviews in decision order, with their bytes, signature and receipt.
    [[nodiscard]] Result<std::vector<ReviewRow>> reviewsOf(const std::string &recordId);

    [[nodiscard]] Result<std::optional<std::string>> setting(const std::string &name);
    // Inserts unless present; returns the stored value (the first writer's).
    [[nodiscard]] Result<std::string> settingOrInsert(const std::string &name, const std::string &value);
    // Records a receipt public key under its key id, so `verify` can check receipts without the TLS folder.
    [[nodiscard]] Status rememberReceiptKey(const crypto::Ed25519PublicKey &key);
    [[nodiscard]] Result<std::optional<std::string>> receiptKey(const std::string &keyId);

    [[nodiscard]] Status auditOpen(const std::string &recordId, const std::string &operatorName,
                                   const std::string &host, const std::string &reason);

private:
    Database &m_db;
};

} // namespace simkyc::upstream
