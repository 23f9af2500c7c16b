#include "store/registration_repository.h"

#include "core/id_number.h"
#include "core/quota.h"
#include "crypto/aead.h"
#include "crypto/hmac.h"
#include "crypto/key_wrap.h"
#include "store/audit_log.h"
#include "store/bytes.h"
#include "store/database.h"
#include "store/transaction.h"

#include <algorithm>

namespace simkyc::store {
namespace {

bool isCode(std::string_view text)
{
    return !text.empty() && text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    });
}

std::array<std::string *, 6> fieldsOf(CustomerPii &c)
{
    return {&c.name, &c.idNumber, &c.birthDate, &c.address, &c.phone, &c.iccid};
}

using Ciphertexts = std::array<std::vector<std::uint8_t>, 7>; // wrapped data key, then the customer fields

struct StoredCustomer {
    Ciphertexts ciphertexts;
    std::optional<std::string> purgedAt; // set when retention shredded the fields (schema 0004)
};

// The record's ciphertexts; the statement is reset before returning (no read left open).
Result<std::optional<StoredCustomer>> loadCiphertexts(Database &db, std::string_view id)
{
    auto s = db.cached("SELECT wrapped_data_key, name, id_number, birth_date, address, phone, iccid, pii_purged_at "
                       "FROM registrations WHERE id = ?");
    if (!s)
        return s.error();
    if (Status b = (*s)->bindText(1, id); !b)
        return b.error();
    auto step = (*s)->step();
    if (!step)
        return step.error();
    if (*step == StepResult::Done)
        return std::optional<StoredCustomer>();
    StoredCustomer out;
    for (std::size_t i = 0; i < out.ciphertexts.size(); ++i)
        out.ciphertexts[i] = fromBlob((*s)->columnBlob(static_cast<int>(i)));
    if (!(*s)->columnIsNull(7))
        out.purgedAt = (*s)->columnText(7);
    return std::optional<StoredCustomer>(std::move(out));
}

// The record's data key for a decrypting read, after the read's audit entry: a wrong store key is a
// CryptoFailure with nothing written; an audit that cannot be written means no data.
Result<crypto::SecureBytes> dataKeyForRead(Database &db, const Keyring &keys, const Ciphertexts &ct,
                                           const AuditEntry &audit, Clock::time_point now)
{
    auto dataKey = crypto::unwrapKey(keys.storeKey, ct[0]);
    if (!dataKey)
        return Error{ErrorCode::CryptoFailure, "record data key does not unwrap under this store key"};
    if (auto a = appendAudit(db, audit, now); !a)
        return a.error();
    return dataKey;
}

std::string joinCodes(const std::vector<std::string> &codes)
{
    std::string out;
    for (const std::string &c : codes)
        out += (out.empty() ? "" : ",") + c;
    return out;
}

std::vector<std::string> splitCodes(const std::string &text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

} // namespace

Result<std::string> RegistrationRepository::insert(const NewRegistration &r, Clock::time_point now)
{
    CustomerPii customer = r.customer;
    customer.idNumber = core::normaliseIdNumber(customer.idNumber);
    for (const std::string *field : fieldsOf(customer))
        if (field->empty())
            return Error{ErrorCode::InvalidArgument, "every customer field is required"};
    if (r.biometricPayload.empty() || !std::all_of(r.reasonCodes.begin(), r.reasonCodes.end(), isCode))
        return Error{ErrorCode::InvalidArgument, "a biometric payload is required and reason codes must be codes"};
    auto id = newRecordId(now);
    auto dataKey = crypto::generateDataKey();
    if (!id || !dataKey)
        return Error{ErrorCode::CryptoFailure, "random generation failed"};
    auto wrapped = crypto::wrapKey(m_keys.storeKey, *dataKey);
    if (!wrapped)
        return wrapped.error();
    std::array<std::vector<std::uint8_t>, 6> sealedFields;
    const auto clear = fieldsOf(customer);
    for (std::size_t i = 0; i < clear.size(); ++i) {
        auto ct =
            crypto::aeadSeal(*dataKey, textBytes(*clear[i]), crypto::fieldAssociatedData(*id, kCustomerColumns[i]));
        if (!ct)
            return ct.error();
        sealedFields[i] = std::move(ct).value();
    }
    auto sealed = crypto::sealTo(m_keys.publicKeys.carrier, r.biometricPayload,
                                 crypto::fieldAssociatedData(*id, "biometric_payload"));
    if (!sealed)
        return sealed.error();
    std::optional<std::vector<std::uint8_t>> thumbnail;
    if (!r.reviewThumbnail.empty()) {
        auto t = crypto::aeadSeal(*dataKey, r.reviewThumbnail, crypto::fieldAssociatedData(*id, "review_thumbnail"));
        if (!t)
            return t.error();
        thumbnail = std::move(t).value();
    }
    auto blind = crypto::hmacSha256(m_keys.blindIndexKey.span(), textBytes(customer.idNumber));
    if (!blind)
        return blind.error();

    const std::string at = utcTimestamp(now);
    std::optional<OutboxPayload> upstream;
    if (m_outbox) {
        const std::string outcome = r.outcome ? std::string(core::decisionName(*r.outcome)) : std::string();
        OutboxSource source{*id,
                            at,
                            r.clerkId,
                            core::stateName(r.status),
                            r.outcome ? std::optional<std::string_view>(outcome) : std::nullopt,
                            &r.reasonCodes,
                            r.matchDistance,
                            r.livenessSummary,
                            &customer,
                            *sealed};
        auto built = m_outbox->build(source);
        if (!built)
            return built.error();
        upstream = std::move(built).value();
    }
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tx.error();
    {
        auto s = m_db.cached("INSERT INTO registrations (id, created_at, updated_at, clerk_id, status, outcome, "
                             "reason_codes, match_distance, liveness_summary, wrapped_data_key, name, id_number, "
                             "birth_date, address, phone, iccid) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        if (!s)
            return s.error();
        Statement &q = **s;
        Status b = firstFailure({q.bindText(1, *id), q.bindText(2, at), q.bindText(3, at), q.bindInt64(4, r.clerkId),
                                 q.bindText(5, core::stateName(r.status)),
                                 r.outcome ? q.bindText(6, core::decisionName(*r.outcome)) : q.bindNull(6),
                                 q.bindText(7, joinCodes(r.reasonCodes)),
                                 r.matchDistance ? q.bindDouble(8, *r.matchDistance) : q.bindNull(8),
                                 q.bindText(9, r.livenessSummary), q.bindBlob(10, asBlob(*wrapped))});
        for (std::size_t i = 0; b && i < sealedFields.size(); ++i)
            b = q.bindBlob(static_cast<int>(11 + i), asBlob(sealedFields[i]));
        if (Status done = b ? stepOnce(s) : b; !done)
            return done.error();
    }
    {
        auto s = m_db.cached("INSERT INTO biometrics (registration_id, sealed_payload, review_thumbnail, expires_at) "
                             "VALUES (?,?,?,?)");
        if (!s)
            return s.error();
        Statement &q = **s;
        Status b = firstFailure({q.bindText(1, *id), q.bindBlob(2, asBlob(*sealed)),
                                 thumbnail ? q.bindBlob(3, asBlob(*thumbnail)) : q.bindNull(3),
                                 q.bindText(4, utcTimestamp(r.biometricsExpireAt))});
        if (Status done = b ? stepOnce(s) : b; !done)
            return done.error();
    }
    {
        auto s = m_db.cached("INSERT INTO id_blind_index (registration_id, hmac, active) VALUES (?,?,1)");
        if (!s)
            return s.error();
        Status b = firstFailure({(*s)->bindText(1, *id), (*s)->bindBlob(2, asBlob(*blind))});
        if (Status done = b ? stepOnce(s) : b; !done)
            return done.error();
    }
    {
        auto s = m_db.cached("INSERT INTO outbox (registration_id, next_attempt_at, created_at, payload, sealed_pii, "
                             "quota_index) VALUES (?,?,?,?,?,?)");
        if (!s)
            return s.error();
        Statement &q = **s;
        Status b =
            firstFailure({q.bindText(1, *id), q.bindText(2, at), q.bindText(3, at),
                          upstream ? q.bindBlob(4, asBlob(upstream->payload)) : q.bindNull(4),
                          upstream ? q.bindBlob(5, asBlob(upstream->sealedPii)) : q.bindNull(5),
                          upstream && upstream->quotaIndex ? q.bindText(6, *upstream->quotaIndex) : q.bindNull(6)});
        if (Status done = b ? stepOnce(s) : b; !done)
            return done.error();
    }
    const AuditEntry audit{"staff:" + std::to_string(r.clerkId), "registration.insert", *id,
                           "status=" + std::string(core::stateName(r.status))};
    if (auto a = appendAudit(m_db, audit, now); !a)
        return a.error();
    if (Status c = tx->commit(); !c)
        return c.error();
    return id;
}

Result<std::int64_t> RegistrationRepository::countActiveForIdNumber(std::string_view idNumber)
{
    auto blind = crypto::hmacSha256(m_keys.blindIndexKey.span(), textBytes(core::normaliseIdNumber(idNumber)));
    if (!blind)
        return blind.error();
    auto s = m_db.cached("SELECT r.outcome, EXISTS (SELECT 1 FROM reviews v JOIN review_uploads u ON u.review_id = "
                         "v.review_id WHERE v.registration_id = r.id AND v.decision = 'cancelled' AND u.state = "
                         "'acknowledged') FROM id_blind_index b JOIN registrations r ON r.id = b.registration_id "
                         "WHERE b.hmac = ? AND b.active = 1");
    if (!s)
        return s.error();
    if (Status b = (*s)->bindBlob(1, asBlob(*blind)); !b)
        return b.error();
    std::int64_t slots = 0;
    for (;;) {
        auto step = (*s)->step();
        if (!step)
            return step.error();
        if (*step == StepResult::Done)
            return slots;
        std::optional<core::Decision> outcome;
        if (!(*s)->columnIsNull(0)) {
            auto decision = core::parseDecision((*s)->columnText(0));
            if (!decision)
                return Error{ErrorCode::DatabaseError, "a stored registration has an unknown outcome"};
            outcome = *decision;
        }
        slots += core::holdsQuotaSlot(outcome, (*s)->columnInt64(1) != 0) ? 1 : 0;
    }
}

Result<std::int64_t> RegistrationRepository::count()
{
    return m_db.queryInt64("SELECT COUNT(*) FROM registrations");
}

namespace {

constexpr const char *kSummaryColumns =
    "SELECT id, created_at, clerk_id, status, outcome, reason_codes, match_distance, liveness_summary, sync_state, "
    "pii_purged_at, (SELECT group_concat(kind, ',') FROM carrier_findings f WHERE f.registration_id = "
    "registrations.id) FROM registrations ";

// A row selected with kSummaryColumns.
RegistrationSummary summaryOf(const Statement &q)
{
    RegistrationSummary r{q.columnText(0),
                          q.columnText(1),
                          q.columnInt64(2),
                          q.columnText(3),
                          q.columnText(4),
                          splitCodes(q.columnText(5)),
                          std::nullopt,
                          q.columnText(7),
                          q.columnText(8),
                          std::nullopt,
                          {}};
    if (!q.columnIsNull(6))
        r.matchDistance = q.columnDouble(6);
    if (!q.columnIsNull(9))
        r.piiPurgedAt = q.columnText(9);
    if (!q.columnIsNull(10))
        r.carrierFindings = splitCodes(q.columnText(10));
    return r;
}

} // namespace

Result<RegistrationSummary> RegistrationRepository::summary(std::string_view id)
{
    auto s = m_db.cached(std::string(kSummaryColumns) + "WHERE id = ?");
    if (!s)
        return s.error();
    if (Status b = (*s)->bindText(1, id); !b)
        return b.error();
    auto step = (*s)->step();
    if (!step)
        return step.error();
    if (*step == StepResult::Done)
        return Error{ErrorCode::NotFound, "no registration with that id"};
    return summaryOf(**s);
}

Result<std::vector<RegistrationSummary>> RegistrationRepository::listDay(std::string_view isoDate)
{
    auto day = core::parseIsoDate(isoDate);
    if (!day)
        return day.error();
    const std::string next = core::Date::fromDayNumber(day->toDayNumber() + 1).toIsoString();
    auto s =
        m_db.cached(std::string(kSummaryColumns) + "WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id");
    if (!s)
        return s.error();
    if (Status b = firstFailure({(*s)->bindText(1, day->toIsoString()), (*s)->bindText(2, next)}); !b)
        return b.error();
    std::vector<RegistrationSummary> out;
    Status read = forEachRow(s, [&out](const Statement &q) { out.push_back(summaryOf(q)); });
    if (!read)
        return read.error();
    return out;
}

Result<std::vector<RegistrationSummary>> RegistrationRepository::listWithCarrierFindings()
{
    auto s = m_db.cached(std::string(kSummaryColumns) +
                         "WHERE id IN (SELECT registration_id FROM carrier_findings) ORDER BY created_at DESC, id "
                         "LIMIT 1000");
    if (!s)
        return s.error();
    std::vector<RegistrationSummary> out;
    Status read = forEachRow(s, [&out](const Statement &q) { out.push_back(summaryOf(q)); });
    if (!read)
        return read.error();
    return out;
}

Result<std::optional<std::string>> RegistrationRepository::newestId()
{
    auto s = m_db.cached("SELECT id FROM registrations WHERE pii_purged_at IS NULL ORDER BY id DESC LIMIT 1");
    if (!s)
        return s.error();
    auto step = (*s)->step();
    if (!step)
        return step.error();
    if (*step == StepResult::Done)
        return std::optional<std::string>();
    return std::optional<std::string>((*s)->columnText(0));
}

Result<CustomerPii> RegistrationRepository::readCustomer(std::string_view id, std::string_view actor,
                                                         std::string_view reason, Clock::time_point now)
{
    if (!isCode(reason))
        return Error{ErrorCode::InvalidArgument, "a reason code is required to read customer data"};
    auto loaded = loadCiphertexts(m_db, id);
    if (!loaded)
        return loaded.error();
    if (!loaded->has_value())
        return Error{ErrorCode::NotFound, "no registration with id " + std::string(id)};
    if ((*loaded)->purgedAt) // nothing left to decrypt: not a crypto failure
        return Error{ErrorCode::NotFound, "customer data purged by retention on " + (*loaded)->purgedAt->substr(0, 10)};
    const Ciphertexts &ct = (*loaded)->ciphertexts;
    auto dataKey = dataKeyForRead(
        m_db, m_keys, ct, {std::string(actor), "customer.read", std::string(id), "reason=" + std::string(reason)}, now);
    if (!dataKey)
        return dataKey.error();
    CustomerPii out;
    const auto fields = fieldsOf(out);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        auto clear = crypto::aeadOpen(*dataKey, ct[i + 1], crypto::fieldAssociatedData(id, kCustomerColumns[i]));
        if (!clear)
            return Error{ErrorCode::CryptoFailure, "field " + std::string(kCustomerColumns[i]) + " of record " +
                                                       std::string(id) +
                                                       " failed to decrypt (tampered or moved ciphertext)"};
        fields[i]->assign(clear->view());
    }
    return out;
}

Result<std::optional<std::vector<std::uint8_t>>> RegistrationRepository::readReviewThumbnail(std::string_view id,
                                                                                             std::string_view actor,
                                                                                             std::string_view reason,
                                                                                             Clock::time_point now)
{
    using Thumbnail = std::optional<std::vector<std::uint8_t>>;
    if (!isCode(reason))
        return Error{ErrorCode::InvalidArgument, "a reason code is required to read biometric data"};
    auto loaded = loadCiphertexts(m_db, id);
    if (!loaded)
        return loaded.error();
    if (!loaded->has_value())
        return Error{ErrorCode::NotFound, "no registration with id " + std::string(id)};
    if ((*loaded)->purgedAt)
        return Thumbnail();
    std::vector<std::uint8_t> sealed;
    {
        auto s = m_db.cached("SELECT review_thumbnail FROM biometrics WHERE registration_id = ? AND "
                             "review_thumbnail IS NOT NULL");
        if (!s)
            return s.error();
        if (Status b = (*s)->bindText(1, id); !b)
            return b.error();
        auto step = (*s)->step();
        if (!step)
            return step.error();
        if (*step == StepResult::Done)
            return Thumbnail();
        sealed = fromBlob((*s)->columnBlob(0));
    }
    auto dataKey =
        dataKeyForRead(m_db, m_keys, (*loaded)->ciphertexts,
                       {std::string(actor), "biometrics.read", std::string(id), "reason=" + std::string(reason)}, now);
    if (!dataKey)
        return dataKey.error();
    auto clear = crypto::aeadOpen(*dataKey, sealed, crypto::fieldAssociatedData(id, "review_thumbnail"));
    if (!clear)
        return Error{ErrorCode::CryptoFailure, "the review thumbnail of record " + std::string(id) +
                                                   " failed to decrypt (tampered or moved ciphertext)"};
    return Thumbnail(std::vector<std::uint8_t>(clear->data(), clear->data() + clear->size()));
}

} // namespace simkyc::store
