#include "upstream/repository.h"

#include "crypto/digest.h"
#include "protocol/protocol.h"
#include "upstream/sql_steps.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace simkyc::upstream {
namespace {

using namespace sql;

const QString kRegistrationColumns =
    QStringLiteral("record_id, device_id, device_key, store_id, created_at, received_at, payload_sha256, payload, "
                   "pii, biometrics, quota_index, signature, decision, receipt");

RegistrationRow registrationFrom(const QSqlQuery &q)
{
    RegistrationRow r;
    r.recordId = text(q, 0);
    r.deviceId = text(q, 1);
    r.deviceKey = text(q, 2);
    r.storeId = text(q, 3);
    r.createdAt = text(q, 4);
    r.receivedAt = text(q, 5);
    r.payloadSha256 = text(q, 6);
    r.payload = q.value(7).toByteArray();
    r.pii = q.value(8).toByteArray();
    if (!q.isNull(9))
        r.biometrics = q.value(9).toByteArray();
    if (!q.isNull(10))
        r.quotaIndex = text(q, 10);
    r.signature = q.value(11).toByteArray();
    r.decision = text(q, 12);
    r.receipt = q.value(13).toByteArray();
    return r;
}

} // namespace

Result<std::optional<DeviceRow>> Repository::device(const std::string &deviceId)
{
    auto q = query(m_db,
                   QStringLiteral("SELECT device_id, store_id, signing_key, cert_sha256, enrolled_at FROM devices "
                                  "WHERE device_id = ?"),
                   {qs(deviceId)});
    if (!q)
        return q.error();
    std::optional<DeviceRow> out;
    if ((*q)->next())
        out = DeviceRow{text(**q, 0), text(**q, 1), text(**q, 2), text(**q, 3), text(**q, 4)};
    (*q)->finish();
    return out;
}

Result<bool> Repository::insertDevice(const DeviceRow &row)
{
    auto q = query(m_db,
                   QStringLiteral("INSERT INTO devices (device_id, store_id, signing_key, cert_sha256, enrolled_at) "
                                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (device_id) DO NOTHING"),
                   {qs(row.deviceId), qs(row.storeId), qs(row.signingKey), qs(row.certSha256), qs(row.enrolledAt)});
    if (!q)
        return q.error();
    return (*q)->numRowsAffected() == 1;
}

Result<bool> Repository::removeDevice(const std::string &deviceId)
{
    auto q = query(m_db, QStringLiteral("DELETE FROM devices WHERE device_id = ?"), {qs(deviceId)});
    if (!q)
        return q.error();
    return (*q)->numRowsAffected() > 0;
}

Result<std::vector<DeviceRow>> Repository::devices()
{
    auto q = query(m_db,
                   QStringLiteral("SELECT device_id, store_id, signing_key, cert_sha256, enrolled_at FROM devices "
                                  "ORDER BY enrolled_at, device_id"),
                   {});
    if (!q)
        return q.error();
    std::vector<DeviceRow> out;
    while ((*q)->next())
        out.push_back(DeviceRow{text(**q, 0), text(**q, 1), text(**q, 2), text(**q, 3), text(**q, 4)});
    (*q)->finish();
    return out;
}

Result<std::optional<StoredHead>> Repository::head(const std::string &recordId)
{
    auto q =
        query(m_db, QStringLiteral("SELECT device_id, payload_sha256, receipt FROM registrations WHERE record_id = ?"),
              {qs(recordId)});
    if (!q)
        return q.error();
    std::optional<StoredHead> out;
    if ((*q)->next())
        out = StoredHead{text(**q, 0), text(**q, 1), (*q)->value(2).toByteArray()};
    (*q)->finish();
    return out;
}

Result<bool> Repository::insertRegistration(const RegistrationRow &r)
{
    auto q = query(m_db,
                   QStringLiteral("INSERT INTO registrations (") + kRegistrationColumns +
                       QStringLiteral(", holds_slot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                      "ON CONFLICT (record_id) DO NOTHING"),
                   {qs(r.recordId), qs(r.deviceId), qs(r.deviceKey), qs(r.storeId), qs(r.createdAt), qs(r.receivedAt),
                    qs(r.payloadSha256), r.payload, r.pii, nullableBlob(r.biometrics), nullableText(r.quotaIndex),
                    r.signature, qs(r.decision), QString::fromUtf8(r.receipt), r.holdsSlot ? 1 : 0});
    if (!q)
        return q.error();
    return (*q)->numRowsAffected() == 1;
}

Result<std::int64_t> Repository::acceptedCount(const std::string &quotaIndex)
{
    auto q = query(m_db,
                   QStringLiteral("SELECT COUNT(*) FROM registrations WHERE quota_index = ? AND decision = 'accepted' "
                                  "AND holds_slot = 1"),
                   {qs(quotaIndex)});
    if (!q)
        return q.error();
    std::int64_t n = (*q)->next() ? (*q)->value(0).toLongLong() : 0;
    (*q)->finish();
    return n;
}

Status Repository::setHoldsSlot(const std::string &recordId, bool holds)
{
    auto q = query(m_db, QStringLiteral("UPDATE registrations SET holds_slot = ? WHERE record_id = ?"),
                   {holds ? 1 : 0, qs(recordId)});
    if (!q)
        return q.error();
    return {};
}

Result<Counts> Repository::counts()
{
    auto q =
        query(m_db, QStringLiteral("SELECT COUNT(*), COUNT(*) - COUNT(DISTINCT record_id) FROM registrations"), {});
    if (!q)
        return q.error();
    Counts c;
    if ((*q)->next())
        c = Counts{(*q)->value(0).toLongLong(), (*q)->value(1).toLongLong()};
    (*q)->finish();
    return c;
}

Result<std::vector<RegistrationRow>> Repository::list(int limit)
{
    auto q = query(m_db,
                   QStringLiteral("SELECT record_id, device_id, store_id, created_at, received_at, payload_sha256, "
                                  "quota_index, decision FROM registrations ORDER BY received_at DESC, record_id "
                                  "LIMIT ?"),
                   {limit});
    if (!q)
        return q.error();
    std::vector<RegistrationRow> out;
    while ((*q)->next()) {
        RegistrationRow r;
        r.recordId = text(**q, 0);
        r.deviceId = text(**q, 1);
        r.storeId = text(**q, 2);
        r.createdAt = text(**q, 3);
        r.receivedAt = text(**q, 4);
        r.payloadSha256 = text(**q, 5);
        if (!(*q)->isNull(6))
            r.quotaIndex = text(**q, 6);
        r.decision = text(**q, 7);
        out.push_back(std::move(r));
    }
    (*q)->finish();
    return out;
}

Status Repository::forEach(const std::function<Status(const RegistrationRow &)> &visit)
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT ") + kRegistrationColumns +
                QStringLiteral(" FROM registrations ORDER BY record_id")))
        return Error{ErrorCode::DatabaseError, "cannot read registrations"};
    while (q.next())
        if (Status s = visit(registrationFrom(q)); !s)
            return s;
    return {};
}

Result<std::optional<RegistrationRow>> Repository::registration(const std::string &recordId)
{
    auto q = query(m_db,
                   QStringLiteral("SELECT ") + kRegistrationColumns +
                       QStringLiteral(" FROM registrations WHERE record_id = ?"),
                   {qs(recordId)});
    if (!q)
        return q.error();
    std::optional<RegistrationRow> out;
    if ((*q)->next())
        out = registrationFrom(**q);
    (*q)->finish();
    return out;
}

Result<std::optional<StoredPayload>> Repository::storedPayload(const std::string &recordId)
{
    auto q = query(m_db, QStringLiteral("SELECT device_id, payload, decision FROM registrations WHERE record_id = ?"),
                   {qs(recordId)});
    if (!q)
        return q.error();
    std::optional<StoredPayload> out;
    if ((*q)->next())
        out = StoredPayload{text(**q, 0), (*q)->value(1).toByteArray(), text(**q, 2)};
    (*q)->finish();
    return out;
}

Result<std::optional<StoredReviewHead>> Repository::reviewHead(const std::string &reviewId)
{
    auto q =
        query(m_db, QStringLiteral("SELECT review_sha256, receipt FROM reviews WHERE review_id = ?"), {qs(reviewId)});
    if (!q)
        return q.error();
    std::optional<StoredReviewHead> out;
    if ((*q)->next())
        out = StoredReviewHead{text(**q, 0), (*q)->value(1).toByteArray()};
    (*q)->finish();
    return out;
}

Result<bool> Repository::insertReview(const ReviewRow &r)
{
    auto q = query(m_db,
                   QStringLiteral("INSERT INTO reviews (review_id, record_id, device_id, review, review_sha256, "
                                  "signature, decision, reason, decided_at, received_at, receipt) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (review_id) DO NOTHING"),
                   {qs(r.reviewId), qs(r.recordId), qs(r.deviceId), r.review, qs(r.reviewSha256), r.signature,
                    qs(r.decision), qs(r.reason), qs(r.decidedAt), qs(r.receivedAt), QString::fromUtf8(r.receipt)});
    if (!q)
        return q.error();
    return (*q)->numRowsAffected() == 1;
}

Result<std::vector<ReviewRow>> Repository::reviewsOf(const std::string &recordId)
{
    auto q = query(m_db,
                   QStringLiteral("SELECT review_id, device_id, review_sha256, decision, reason, decided_at, "
                                  "received_at, review, signature, receipt FROM reviews WHERE record_id = ? "
                                  "ORDER BY decided_at, review_id"),
                   {qs(recordId)});
    if (!q)
        return q.error();
    std::vector<ReviewRow> out;
    while ((*q)->next()) {
        ReviewRow r;
        r.reviewId = text(**q, 0);
        r.recordId = recordId;
        r.deviceId = text(**q, 1);
        r.reviewSha256 = text(**q, 2);
        r.decision = text(**q, 3);
        r.reason = text(**q, 4);
        r.decidedAt = text(**q, 5);
        r.receivedAt = text(**q, 6);
        r.review = (*q)->value(7).toByteArray();
        r.signature = (*q)->value(8).toByteArray();
        r.receipt = (*q)->value(9).toByteArray();
        out.push_back(std::move(r));
    }
    (*q)->finish();
    return out;
}

Result<std::optional<std::string>> Repository::setting(const std::string &name)
{
    return singleText(m_db, QStringLiteral("SELECT value FROM settings WHERE name = ?"), {qs(name)});
}

Result<std::string> Repository::settingOrInsert(const std::string &name, const std::string &value)
{
    if (Status s = write(
            m_db, QStringLiteral("INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING"),
            {qs(name), qs(value)});
        !s)
        return s.error();
    auto stored = setting(name);
    if (!stored)
        return stored.error();
    if (!*stored)
        return Error{ErrorCode::Internal, "setting vanished after insert"};
    return **stored;
}

Status Repository::rememberReceiptKey(const crypto::Ed25519PublicKey &key)
{
    return write(m_db,
                 QStringLiteral("INSERT INTO receipt_keys (key_id, public_key, first_used) VALUES (?, ?, ?) "
                                "ON CONFLICT (key_id) DO NOTHING"),
                 {qs(protocol::keyIdOf(key)), qs(crypto::toHex(key)), now()});
}

Result<std::optional<std::string>> Repository::receiptKey(const std::string &keyId)
{
    return singleText(m_db, QStringLiteral("SELECT public_key FROM receipt_keys WHERE key_id = ?"), {qs(keyId)});
}

Status Repository::auditOpen(const std::string &recordId, const std::string &operatorName, const std::string &host,
                             const std::string &reason)
{
    return write(m_db,
                 QStringLiteral("INSERT INTO open_audit (opened_at, record_id, operator, host, reason) "
                                "VALUES (?, ?, ?, ?, ?)"),
                 {now(), qs(recordId), qs(operatorName), qs(host), qs(reason)});
}

} // namespace simkyc::upstream
