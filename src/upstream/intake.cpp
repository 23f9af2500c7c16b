#include "upstream/intake.h"

#include "core/quota.h"
#include "crypto/digest.h"
#include "protocol/protocol.h"

#include <QDateTime>

#include <algorithm>
#include <future>
#include <map>
#include <set>

namespace simkyc::upstream {

struct Intake::Checked {
    ItemOutcome outcome;
    bool valid = false; // passed every check so far; store() decides and writes it
    protocol::Submission submission;
    protocol::RegistrationPayload payload;
    crypto::Ed25519PublicKey deviceKey{};
    std::string deviceKeyHex;
    std::string payloadSha256;
};

namespace {

constexpr std::size_t kParallelVerifyMin = 16;

QByteArray qbytes(const protocol::Bytes &b)
{
    return QByteArray(reinterpret_cast<const char *>(b.data()), static_cast<qsizetype>(b.size()));
}

void fail(ItemOutcome &o, int status, std::string code, std::string message)
{
    o.status = status;
    o.error = std::move(code);
    o.message = std::move(message);
}

// The quota index's first 64 bits: the advisory lock key (an HMAC output, so uniformly spread).
std::int64_t lockKeyOf(const std::string &quotaIndex)
{
    return static_cast<std::int64_t>(std::stoull(quotaIndex.substr(0, 16), nullptr, 16));
}

} // namespace

std::optional<EnrolledDevice> enrolledDevice(Repository &repo, const std::string &deviceId, const Caller &caller,
                                             std::string_view item, ItemOutcome &outcome)
{
    auto device = repo.device(deviceId);
    if (!device) {
        fail(outcome, 503, "unavailable", "the database is unavailable; retry later");
        return std::nullopt;
    }
    if (!*device) {
        fail(outcome, 403, "device_not_enrolled", "the " + std::string(item) + "'s device is not enrolled");
        return std::nullopt;
    }
    if (caller.certSha256 && *caller.certSha256 != (*device)->certSha256) {
        fail(outcome, 403, "certificate_mismatch", "the client certificate is not the one the device enrolled with");
        return std::nullopt;
    }
    EnrolledDevice out;
    auto keyBytes = crypto::fromHex((*device)->signingKey);
    if (!keyBytes || keyBytes->size() != out.key.size()) {
        fail(outcome, 500, "internal", "the enrolled signing key is unreadable");
        return std::nullopt;
    }
    std::copy(keyBytes->begin(), keyBytes->end(), out.key.begin());
    out.keyHex = (*device)->signingKey;
    return out;
}

QJsonObject ItemOutcome::errorJson() const
{
    QJsonObject body = protocol::errorBody(error, message);
    if (storedSha256)
        body.insert(QStringLiteral("stored_sha256"), QString::fromStdString(*storedSha256));
    return body;
}

Intake::Checked Intake::check(const QJsonValue &item, const Caller &caller)
{
    Checked c;
    const auto refuse = [&c](int status, std::string code, std::string message) {
        fail(c.outcome, status, std::move(code), std::move(message));
        return std::move(c);
    };
    if (!item.isObject())
        return refuse(400, "bad_request", "a submission must be a JSON object");
    auto submission = protocol::submissionFromJson(item.toObject());
    if (!submission)
        return refuse(400, "bad_request", submission.error().message);
    auto payload = protocol::parsePayload(submission->payload);
    if (!payload)
        return refuse(400, "bad_request", payload.error().message);
    c.outcome.recordId = payload->recordId;
    c.outcome.deviceId = payload->deviceId;
    auto device = enrolledDevice(m_repo, payload->deviceId, caller, "payload", c.outcome);
    if (!device)
        return c;
    // Every registration is counted against its person: one without a quota index would be a number
    // outside the quota (an enrolled kiosk always has the quota key).
    if (!submission->quotaIndex)
        return refuse(422, "quota_index_required", "a registration needs its quota index");
    c.valid = true;
    c.payload = std::move(payload).value();
    c.submission = std::move(submission).value();
    c.deviceKey = device->key;
    c.deviceKeyHex = std::move(device->keyHex);
    return c;
}

void Intake::verify(Checked &c)
{
    auto verified = protocol::verifySubmission(c.submission, c.deviceKey);
    if (verified) {
        c.payloadSha256 = crypto::toHex(crypto::sha256(c.submission.payload));
        return;
    }
    c.valid = false;
    if (verified.error().code == ErrorCode::CryptoFailure)
        fail(c.outcome, 422, "bad_signature", "the submission's signature does not verify");
    else
        fail(c.outcome, 400, "bad_request", verified.error().message);
}

Status Intake::resolveExisting(Checked &c, const StoredHead &head)
{
    ItemOutcome &o = c.outcome;
    if (head.payloadSha256 == c.payloadSha256) {
        o.status = 200;
        o.receipt = head.receipt;
        o.replay = true;
    } else {
        fail(o, 409, "conflict", "another body is stored under this record id");
        o.storedSha256 = head.payloadSha256;
    }
    return {};
}

Status Intake::store(Checked &c)
{
    auto existing = m_repo.head(c.payload.recordId);
    if (!existing)
        return existing.error();
    if (*existing)
        return resolveExisting(c, **existing);

    protocol::Receipt receipt;
    receipt.recordId = c.payload.recordId;
    receipt.serverTime = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
    receipt.storedSha256 = c.payloadSha256;
    // parsePayload admitted only known status and outcome names.
    const auto status = core::parseState(c.payload.status);
    const auto outcome = c.payload.outcome ? std::optional(core::parseDecision(*c.payload.outcome)) : std::nullopt;
    if (!status || (outcome && !*outcome))
        return Error{ErrorCode::Internal, "a checked payload has an unknown status or outcome"};
    const bool holdsSlot = core::holdsQuotaSlot(outcome ? std::optional(**outcome) : std::nullopt,
                                                /*numberCancelled=*/false); // a new record
    auto accepted = m_repo.acceptedCount(*c.submission.quotaIndex);
    if (!accepted)
        return accepted.error();
    if (!holdsSlot) {
        // A failed attempt: stored for the record, never counted against the person.
        receipt.decision = protocol::Decision::Unchecked;
        receipt.activeCount = *accepted;
    } else {
        const bool room = *accepted < core::kQuotaLimit;
        receipt.decision = room ? protocol::Decision::Accepted : protocol::Decision::QuotaExceeded;
        receipt.activeCount = room ? *accepted + 1 : *accepted;
    }
    if (Status s = protocol::signReceipt(receipt, m_receiptKey.privateKey, m_receiptKey.publicKey); !s)
        return s;
    const QByteArray receiptJson = protocol::compact(protocol::toJson(receipt));

    RegistrationRow row;
    row.recordId = c.payload.recordId;
    row.deviceId = c.payload.deviceId;
    row.deviceKey = c.deviceKeyHex;
    row.storeId = c.payload.storeId;
    row.createdAt = c.payload.createdAt;
    row.receivedAt = receipt.serverTime;
    row.payloadSha256 = c.payloadSha256;
    row.payload = qbytes(c.submission.payload);
    row.pii = qbytes(c.submission.pii);
    if (c.submission.biometrics)
        row.biometrics = qbytes(*c.submission.biometrics);
    row.quotaIndex = c.submission.quotaIndex;
    row.signature = QByteArray(reinterpret_cast<const char *>(c.submission.signature.data()),
                               static_cast<qsizetype>(c.submission.signature.size()));
    row.decision = std::string(protocol::decisionName(receipt.decision));
    row.receipt = receiptJson;
    row.holdsSlot = holdsSlot;
    auto inserted = m_repo.insertRegistration(row);
    if (!inserted)
        return inserted.error();
    if (*inserted) {
        c.outcome.status = 200;
        c.outcome.receipt = receiptJson;
        return {};
    }
    // Another instance stored this record id between our look-up and our insert: its row wins.
    auto winner = m_repo.head(c.payload.recordId);
    if (!winner)
        return winner.error();
    if (!*winner)
        return Error{ErrorCode::Internal, "a conflicting row vanished"};
    return resolveExisting(c, **winner);
}

ItemOutcome Intake::submit(const QJsonObject &body, const Caller &caller)
{
    auto outcomes = submitBatch(QJsonArray{body}, caller);
    if (!outcomes) {
        ItemOutcome o;
        fail(o, 503, "unavailable", "the database is unavailable; retry later");
        return o;
    }
    return std::move(outcomes->front());
}

Result<std::vector<ItemOutcome>> Intake::submitBatch(const QJsonArray &items, const Caller &caller)
{
    std::vector<Checked> checked;
    checked.reserve(static_cast<std::size_t>(items.size()));
    for (const QJsonValue &item : items)
        checked.push_back(check(item, caller)); // parsing and device look-ups: this thread (its connection)
    // Signatures and hashes (pure CPU, reentrant): large batches use a second thread.
    const auto verifyRange = [&checked](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i)
            if (checked[i].valid)
                verify(checked[i]);
    };
    if (checked.size() >= kParallelVerifyMin) {
        const std::size_t half = checked.size() / 2;
        auto first = std::async(std::launch::async, verifyRange, 0, half);
        verifyRange(half, checked.size());
        first.get();
    } else {
        verifyRange(0, checked.size());
    }

    std::set<std::string> quotaIndexes; // sorted: locks are always taken in one order (no deadlock)
    bool anyValid = false;
    for (const Checked &c : checked) {
        anyValid = anyValid || c.valid;
        if (c.valid && c.submission.quotaIndex)
            quotaIndexes.insert(*c.submission.quotaIndex);
    }
    if (anyValid) {
        Transaction tx(m_db);
        if (Status s = tx.begin(); !s)
            return s.error();
        for (const std::string &index : quotaIndexes)
            if (Status s = m_db.lockForTransaction(lockKeyOf(index)); !s)
                return s.error();
        for (Checked &c : checked)
            if (c.valid)
                if (Status s = store(c); !s)
                    return s.error();
        if (Status s = tx.commit(); !s)
            return s.error();
    }
    std::vector<ItemOutcome> out;
    out.reserve(checked.size());
    for (Checked &c : checked)
        out.push_back(std::move(c.outcome));
    return out;
}

} // namespace simkyc::upstream
