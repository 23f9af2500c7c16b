#include "sync/removable_media.h"

#include "core/log.h"
#include "store/atomic_file.h"
#include "store/database.h"
#include "store/record_id.h"
#include "sync/submissions.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace simkyc::sync {
namespace {

constexpr log::Category kLog{"simkyc.sync.media"};

std::span<const std::uint8_t> bytesOf(const QByteArray &b)
{
    return {reinterpret_cast<const std::uint8_t *>(b.constData()), static_cast<std::size_t>(b.size())};
}

} // namespace

Result<ExportReport> exportPending(store::Database &db, const store::Keyring &keys, const std::filesystem::path &dir,
                                   int limit)
{
    auto enrolment = loadEnrolment(db, keys);
    if (!enrolment)
        return enrolment.error();
    store::OutboxRepository outbox(db);
    auto items = outbox.pending(limit);
    if (!items)
        return items.error();
    if (Status s = fillQuotaIndexes(db, keys, *enrolment, *items); !s)
        return s.error();
    if (Status s = store::ensurePrivateDirectory(dir); !s)
        return s.error();
    ExportReport report{0, protocol::deviceIdOf(keys.publicKeys.device)};
    QJsonArray records;
    for (const store::OutboxItem &item : *items) {
        if (item.payload.empty())
            continue;
        auto submission = signedSubmission(keys, item);
        if (!submission)
            return submission.error();
        const QByteArray body = protocol::compact(protocol::toJson(*submission));
        if (Status s =
                store::writeFileAtomically(dir / (item.recordId + ".json"), bytesOf(body), store::kOwnerOnly, true);
            !s)
            return s.error();
        records.append(QJsonObject{{"record_id", QString::fromStdString(item.recordId)},
                                   {"sha256", QString::fromStdString(crypto::toHex(crypto::sha256(bytesOf(body))))}});
        ++report.written;
    }
    const QByteArray listed = QJsonDocument(records).toJson(QJsonDocument::Compact);
    const QByteArray message = "simkyc/export/v1\n" + listed;
    auto signature = crypto::ed25519Sign(keys.devicePrivate, bytesOf(message));
    if (!signature)
        return signature.error();
    const QJsonObject manifest{{"v", protocol::kVersion},
                               {"device_id", QString::fromStdString(report.deviceId)},
                               {"exported_at", QString::fromStdString(store::utcTimestamp(store::Clock::now()))},
                               {"records", records},
                               {"signature", protocol::base64(protocol::Bytes(signature->begin(), signature->end()))}};
    if (Status s = store::writeFileAtomically(dir / "manifest.json", bytesOf(protocol::compact(manifest)),
                                              store::kOwnerOnly, true);
        !s)
        return s.error();
    log::info(kLog, "exported " + std::to_string(report.written) + " pending records to " + dir.string());
    return report;
}

Result<ImportReport> importReceipts(store::Database &db, const store::Keyring &keys, const std::filesystem::path &dir)
{
    auto enrolment = loadEnrolment(db, keys);
    if (!enrolment)
        return enrolment.error();
    if (!*enrolment)
        return Error{ErrorCode::NotFound,
                     "this kiosk was never enrolled with an upstream: no receipt key to verify with"};
    const std::filesystem::path receipts = dir / "receipts";
    std::error_code ec;
    std::filesystem::directory_iterator it(receipts, ec);
    if (ec)
        return Error{ErrorCode::NotFound, "no receipts folder in " + dir.string()};
    store::OutboxRepository outbox(db);
    ImportReport report;
    std::vector<store::Acknowledgement> acks;
    for (const auto &entry : it) {
        if (entry.path().extension() != ".json")
            continue;
        const std::string recordId = entry.path().stem().string();
        auto item = outbox.find(recordId);
        if (!item)
            return item.error();
        if (!*item) {
            ++report.alreadyDone;
            continue;
        }
        auto bytes = store::readSmallFile(entry.path());
        auto json = bytes ? protocol::parseObject(QByteArray(reinterpret_cast<const char *>(bytes->data()),
                                                             static_cast<qsizetype>(bytes->size())))
                          : Result<QJsonObject>(bytes.error());
        auto ack = json ? acknowledgementFor(**item, *json, (*enrolment)->receiptKey)
                        : Result<store::Acknowledgement>(json.error());
        if (!ack) {
            log::warning(kLog, "receipt for " + recordId + " rejected: " + ack.error().message);
            ++report.rejected;
            continue;
        }
        report.quotaExceeded += ack->decision == "quota_exceeded" ? 1 : 0;
        acks.push_back(std::move(ack).value());
    }
    if (Status s = outbox.acknowledge(acks); !s)
        return s.error();
    report.acknowledged = static_cast<long long>(acks.size());
    return report;
}

} // namespace simkyc::sync
