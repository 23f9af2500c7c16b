// `simkyc-upstream count | list | verify | devices`: operators' and tests' view of the database.
#include "upstream/cli.h"
#include "upstream/repository.h"

#include "crypto/digest.h"
#include "protocol/protocol.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <iostream>

namespace simkyc::upstream {
namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

protocol::Bytes bytesOf(const QByteArray &b)
{
    return protocol::Bytes(b.begin(), b.end());
}

// The device key a registration was accepted with, as stored (hex).
Result<crypto::Ed25519PublicKey> deviceKeyOf(const RegistrationRow &row)
{
    auto keyBytes = crypto::fromHex(row.deviceKey);
    crypto::Ed25519PublicKey key{};
    if (!keyBytes || keyBytes->size() != key.size())
        return Error{ErrorCode::InvalidFormat, "the stored device key is unreadable"};
    std::copy(keyBytes->begin(), keyBytes->end(), key.begin());
    return key;
}

// The receipt public key with that key id (table receipt_keys); NotFound for an unknown one.
Result<crypto::Ed25519PublicKey> receiptKeyOf(Repository &repo, const std::string &keyId)
{
    auto hex = repo.receiptKey(keyId);
    if (!hex)
        return hex.error();
    auto keyBytes = *hex ? crypto::fromHex(**hex) : Result<std::vector<std::uint8_t>>(ErrorCode::NotFound, "unknown");
    crypto::Ed25519PublicKey key{};
    if (!keyBytes || keyBytes->size() != key.size())
        return Error{ErrorCode::NotFound, "the receipt's key id " + keyId + " is not a known receipt key"};
    std::copy(keyBytes->begin(), keyBytes->end(), key.begin());
    return key;
}

// Every check `verify` makes on one stored registration; the first that fails, or ok.
Status verifyRow(Repository &repo, const RegistrationRow &row)
{
    auto deviceKey = deviceKeyOf(row);
    if (!deviceKey)
        return deviceKey.error();
    if (protocol::deviceIdOf(*deviceKey) != row.deviceId)
        return Error{ErrorCode::InvalidFormat, "the stored device key is not the device id's"};
    protocol::Submission s;
    s.payload = bytesOf(row.payload);
    s.pii = bytesOf(row.pii);
    if (row.biometrics)
        s.biometrics = bytesOf(*row.biometrics);
    s.quotaIndex = row.quotaIndex;
    if (row.signature.size() != static_cast<qsizetype>(s.signature.size()))
        return Error{ErrorCode::InvalidFormat, "the stored signature is not 64 bytes"};
    std::copy(row.signature.begin(), row.signature.end(), s.signature.begin());
    if (crypto::toHex(crypto::sha256(s.payload)) != row.payloadSha256)
        return Error{ErrorCode::ChecksumMismatch, "payload_sha256 is not the payload's hash"};
    auto payload = protocol::verifySubmission(s, *deviceKey); // signature, then blob hashes and sizes
    if (!payload)
        return payload.error();
    if (payload->recordId != row.recordId)
        return Error{ErrorCode::InvalidFormat, "the payload names another record id"};
    auto receiptJson = protocol::parseObject(row.receipt);
    if (!receiptJson)
        return receiptJson.error();
    auto receipt = protocol::receiptFromJson(*receiptJson);
    if (!receipt)
        return receipt.error();
    auto receiptKey = receiptKeyOf(repo, receipt->keyId);
    if (!receiptKey)
        return receiptKey.error();
    if (Status st = protocol::verifyReceipt(*receipt, *receiptKey, row.recordId, s.payload); !st)
        return st;
    if (protocol::decisionName(receipt->decision) != row.decision)
        return Error{ErrorCode::InvalidFormat, "the stored decision differs from the receipt's"};
    return {};
}

// Every check `verify` makes on one stored review of a verified registration (the device key and the
// receipt keys are the registration's): the hash, the device's signature over the bytes, the ids,
// and the receipt under a known receipt key naming those bytes.
Status verifyReview(Repository &repo, const RegistrationRow &row, const ReviewRow &review)
{
    auto deviceKey = deviceKeyOf(row);
    if (!deviceKey)
        return deviceKey.error();
    protocol::ReviewSubmission s;
    s.review = bytesOf(review.review);
    if (review.signature.size() != static_cast<qsizetype>(s.signature.size()))
        return Error{ErrorCode::InvalidFormat, "the stored review signature is not 64 bytes"};
    std::copy(review.signature.begin(), review.signature.end(), s.signature.begin());
    if (crypto::toHex(crypto::sha256(s.review)) != review.reviewSha256)
        return Error{ErrorCode::ChecksumMismatch, "review_sha256 is not the review's hash"};
    auto payload = protocol::verifyReviewSubmission(s, *deviceKey);
    if (!payload)
        return payload.error();
    if (payload->reviewId != review.reviewId || payload->recordId != row.recordId ||
        payload->decision != review.decision || payload->reason != review.reason)
        return Error{ErrorCode::InvalidFormat, "the stored columns differ from the signed review"};
    auto receiptJson = protocol::parseObject(review.receipt);
    if (!receiptJson)
        return receiptJson.error();
    auto receipt = protocol::reviewReceiptFromJson(*receiptJson);
    if (!receipt)
        return receipt.error();
    auto receiptKey = receiptKeyOf(repo, receipt->keyId);
    if (!receiptKey)
        return receiptKey.error();
    return protocol::verifyReviewReceipt(*receipt, *receiptKey, *payload, s.review);
}

} // namespace

int runCount(const Args &args)
{
    auto db = openDatabase(args);
    if (!db)
        return fail(args, db.error());
    auto counts = Repository(**db).counts();
    if (!counts)
        return fail(args, counts.error());
    if (args.flag("json")) // written by hand: the documented key order, {"records": N, "duplicates": N}
        std::cout << R"({"records": )" << counts->records << R"(, "duplicates": )" << counts->duplicates << "}"
                  << std::endl;
    else
        std::cout << counts->records << " records, " << counts->duplicates << " duplicates\n";
    return kExitOk;
}

int runList(const Args &args)
{
    auto limit = intValue(args, "limit", 100, 1, 1000000);
    if (!limit)
        return fail(args, limit.error(), kExitUsage);
    auto db = openDatabase(args);
    if (!db)
        return fail(args, db.error());
    Repository repo(**db);
    auto rows = repo.list(static_cast<int>(*limit));
    if (!rows)
        return fail(args, rows.error());
    QJsonArray items;
    for (const RegistrationRow &r : *rows) {
        auto reviews = repo.reviewsOf(r.recordId);
        if (!reviews)
            return fail(args, reviews.error());
        if (!args.flag("json")) {
            std::cout << r.recordId << "  " << r.receivedAt << "  " << r.deviceId << "  " << r.storeId << "  "
                      << r.decision << '\n';
            for (const ReviewRow &v : *reviews)
                std::cout << "    review " << v.reviewId << "  " << v.decidedAt << "  " << v.decision << "  "
                          << v.reason << '\n';
            continue;
        }
        QJsonArray reviewItems;
        for (const ReviewRow &v : *reviews)
            reviewItems.append(QJsonObject{{"review_id", qs(v.reviewId)},
                                           {"decision", qs(v.decision)},
                                           {"reason", qs(v.reason)},
                                           {"decided_at", qs(v.decidedAt)},
                                           {"received_at", qs(v.receivedAt)},
                                           {"review_sha256", qs(v.reviewSha256)}});
        items.append(QJsonObject{{"record_id", qs(r.recordId)},
                                 {"device_id", qs(r.deviceId)},
                                 {"store_id", qs(r.storeId)},
                                 {"created_at", qs(r.createdAt)},
                                 {"received_at", qs(r.receivedAt)},
                                 {"payload_sha256", qs(r.payloadSha256)},
                                 {"quota_index", r.quotaIndex ? QJsonValue(qs(*r.quotaIndex)) : QJsonValue()},
                                 {"decision", qs(r.decision)},
                                 {"reviews", reviewItems}});
    }
    if (args.flag("json"))
        printJson(QJsonObject{{"records", items}});
    return kExitOk;
}

int runVerify(const Args &args)
{
    auto db = openDatabase(args);
    if (!db)
        return fail(args, db.error());
    Repository repo(**db);
    std::int64_t checked = 0;
    std::int64_t reviewsChecked = 0;
    QJsonArray failures;
    std::vector<RegistrationRow> withReviews; // reviews are read after the walk (one statement at a time)
    Status walked = repo.forEach([&](const RegistrationRow &row) -> Status {
        ++checked;
        if (Status s = verifyRow(repo, row); !s)
            failures.append(QJsonObject{{"record_id", qs(row.recordId)},
                                        {"error", qs(std::string(errorCodeName(s.error().code)))},
                                        {"message", qs(s.error().message)}});
        else
            withReviews.push_back(row);
        return {};
    });
    if (!walked)
        return fail(args, walked.error());
    for (const RegistrationRow &row : withReviews) {
        auto reviews = repo.reviewsOf(row.recordId);
        if (!reviews)
            return fail(args, reviews.error());
        for (const ReviewRow &review : *reviews) {
            ++reviewsChecked;
            if (Status s = verifyReview(repo, row, review); !s)
                failures.append(QJsonObject{{"record_id", qs(row.recordId)},
                                            {"review_id", qs(review.reviewId)},
                                            {"error", qs(std::string(errorCodeName(s.error().code)))},
                                            {"message", qs(s.error().message)}});
        }
    }
    auto counts = repo.counts();
    if (!counts)
        return fail(args, counts.error());
    const bool ok = failures.isEmpty() && counts->duplicates == 0;
    if (args.flag("json")) {
        printJson(QJsonObject{{"ok", ok},
                              {"checked", static_cast<qint64>(checked)},
                              {"reviews_checked", static_cast<qint64>(reviewsChecked)},
                              {"duplicates", static_cast<qint64>(counts->duplicates)},
                              {"failures", failures}});
    } else {
        for (const QJsonValue &f : failures)
            std::cout << f[QStringLiteral("record_id")].toString().toStdString() << ": "
                      << f[QStringLiteral("message")].toString().toStdString() << '\n';
        std::cout << checked << " checked (" << reviewsChecked << " reviews), " << failures.size() << " failed, "
                  << counts->duplicates << " duplicates\n";
    }
    return ok ? kExitOk : kExitFailure;
}

int runDevices(const Args &args)
{
    const std::string action = args.positional.empty() ? "" : args.positional.front();
    if (action != "list" && !(action == "remove" && args.positional.size() == 2))
        return fail(args, Error{ErrorCode::InvalidArgument, "devices list | devices remove DEVICE_ID"}, kExitUsage);
    auto db = openDatabase(args);
    if (!db)
        return fail(args, db.error());
    Repository repo(**db);
    if (action == "remove") {
        auto removed = repo.removeDevice(args.positional[1]);
        if (!removed)
            return fail(args, removed.error());
        if (!*removed)
            return fail(args, Error{ErrorCode::NotFound, "no such device: " + args.positional[1]});
        if (args.flag("json"))
            printJson(QJsonObject{{"removed", qs(args.positional[1])}});
        else
            std::cout << "removed " << args.positional[1] << '\n';
        return kExitOk;
    }
    auto devices = repo.devices();
    if (!devices)
        return fail(args, devices.error());
    QJsonArray items;
    for (const DeviceRow &d : *devices) {
        if (!args.flag("json"))
            std::cout << d.deviceId << "  " << d.storeId << "  " << d.enrolledAt << "  cert " << d.certSha256 << '\n';
        items.append(QJsonObject{{"device_id", qs(d.deviceId)},
                                 {"store_id", qs(d.storeId)},
                                 {"signing_key", qs(d.signingKey)},
                                 {"cert_sha256", qs(d.certSha256)},
                                 {"enrolled_at", qs(d.enrolledAt)}});
    }
    if (args.flag("json"))
        printJson(QJsonObject{{"devices", items}});
    return kExitOk;
}

} // namespace simkyc::upstream
