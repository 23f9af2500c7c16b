// `simkyc-upstream import DIR` (submissions from removable media) and `open RECORD` (the only
// place the server decrypts customer data, audited first).
#include "upstream/cli.h"
#include "upstream/intake.h"
#include "upstream/repository.h"
#include "upstream/tls_folder.h"

#include "crypto/aead.h"
#include "crypto/digest.h"
#include "crypto/seal.h"
#include "protocol/protocol.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSysInfo>

#include <iostream>

namespace simkyc::upstream {
namespace {

constexpr int kImportChunk = 200;
constexpr qint64 kMaxSubmissionFile = 64LL * 1024 * 1024;

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

Status writeAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error{ErrorCode::IoError, "cannot write " + path.toStdString()};
    return {};
}

// The record id a submission's payload names, when it parses.
std::optional<std::string> recordIdOf(const QJsonObject &body)
{
    auto submission = protocol::submissionFromJson(body);
    if (!submission)
        return std::nullopt;
    auto payload = protocol::parsePayload(submission->payload);
    return payload ? std::optional<std::string>(payload->recordId) : std::nullopt;
}

} // namespace

int runImport(const Args &args)
{
    const auto tlsDir = args.value("tls");
    if (args.positional.size() != 1 || !tlsDir)
        return fail(args, Error{ErrorCode::InvalidArgument, "import DIR --db DB --tls DIR"}, kExitUsage);
    const QDir dir(qs(args.positional.front()));
    if (!dir.exists())
        return fail(args, Error{ErrorCode::NotFound, "no such folder: " + args.positional.front()});
    auto receiptKey = loadReceiptKey(*tlsDir);
    if (!receiptKey)
        return fail(args, receiptKey.error());
    auto db = openDatabase(args);
    if (!db)
        return fail(args, db.error());
    Repository repo(**db);
    if (Status s = repo.rememberReceiptKey(receiptKey->publicKey); !s)
        return fail(args, s.error());
    if (!dir.mkpath(QStringLiteral("receipts")))
        return fail(args, Error{ErrorCode::IoError, "cannot create the receipts folder"});

    QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    files.removeAll(QStringLiteral("manifest.json")); // each submission is signed itself
    Intake intake(**db, *receiptKey);
    QJsonArray results;
    int stored = 0, replayed = 0, failed = 0;
    for (qsizetype start = 0; start < files.size(); start += kImportChunk) {
        const QStringList chunk = files.mid(start, kImportChunk);
        QJsonArray items;
        std::vector<std::optional<ItemOutcome>> misnamed(static_cast<std::size_t>(chunk.size()));
        for (qsizetype i = 0; i < chunk.size(); ++i) {
            QFile f(dir.filePath(chunk[i]));
            QJsonObject body;
            if (f.open(QIODevice::ReadOnly) && f.size() <= kMaxSubmissionFile)
                if (auto parsed = protocol::parseObject(f.readAll()); parsed)
                    body = *parsed;
            if (auto id = recordIdOf(body); id && qs(*id) + QStringLiteral(".json") != chunk[i]) {
                ItemOutcome o; // refused before storing: the receipt could not be found under its name
                o.status = 400;
                o.recordId = *id;
                o.error = "bad_request";
                o.message = "the file name is not <record_id>.json";
                misnamed[static_cast<std::size_t>(i)] = std::move(o);
                continue;
            }
            items.append(body); // an unreadable file is an empty object: it fails alone as bad_request
        }
        auto outcomes = intake.submitBatch(items, Caller{std::nullopt});
        if (!outcomes)
            return fail(args, outcomes.error());
        std::size_t next = 0;
        for (qsizetype i = 0; i < chunk.size(); ++i) {
            std::optional<ItemOutcome> &refused = misnamed[static_cast<std::size_t>(i)];
            ItemOutcome &o = refused ? *refused : (*outcomes)[next++];
            QJsonObject item{{"file", chunk[i]}, {"record_id", qs(o.recordId)}, {"status", o.status}};
            if (o.status == 200) {
                if (Status s = writeAtomically(dir.filePath(QStringLiteral("receipts/") + chunk[i]), o.receipt); !s)
                    return fail(args, s.error());
                o.replay ? ++replayed : ++stored;
                item.insert(QStringLiteral("replay"), o.replay);
            } else {
                ++failed;
                item.insert(QStringLiteral("error"), qs(o.error));
                item.insert(QStringLiteral("message"), qs(o.message));
                std::cerr << "simkyc-upstream: " << chunk[i].toStdString() << ": " << o.error << ": " << o.message
                          << '\n';
            }
            results.append(item);
        }
    }
    if (args.flag("json"))
        printJson(QJsonObject{{"stored", stored}, {"replayed", replayed}, {"failed", failed}, {"items", results}});
    else
        std::cout << stored << " stored, " << replayed << " already stored, " << failed << " failed\n";
    return failed == 0 ? kExitOk : kExitFailure;
}

int runOpen(const Args &args)
{
    const auto keyFile = args.value("carrier-key");
    if (args.positional.size() != 1 || !keyFile)
        return fail(args, Error{ErrorCode::InvalidArgument, "open RECORD --db DB --carrier-key FILE"}, kExitUsage);
    const std::string recordId = args.positional.front();
    auto key = readCarrierKey(*keyFile);
    if (!key)
        return fail(args, key.error());
    auto pair = crypto::x25519KeyPairFromPrivate(*key);
    if (!pair)
        return fail(args, pair.error());
    auto db = openDatabase(args);
    if (!db)
        return fail(args, db.error());
    Repository repo(**db);
    auto row = repo.registration(recordId);
    if (!row)
        return fail(args, row.error());
    if (!*row)
        return fail(args, Error{ErrorCode::NotFound, "no such record: " + recordId});
    // The audit row is written (and committed) before anything is decrypted.
    if (Status s = repo.auditOpen(recordId, operatorName(), QSysInfo::machineHostName().toStdString(),
                                  args.value("reason").value_or(""));
        !s)
        return fail(args, s.error());
    const QByteArray &sealedPii = (*row)->pii;
    auto pii = crypto::openSealed(pair->privateKey,
                                  std::span(reinterpret_cast<const std::uint8_t *>(sealedPii.constData()),
                                            static_cast<std::size_t>(sealedPii.size())),
                                  crypto::fieldAssociatedData(recordId, protocol::kPiiField));
    if (!pii)
        return fail(args, Error{pii.error().code, "cannot open the PII: " + pii.error().message});
    std::optional<crypto::SecureBytes> biometrics;
    if ((*row)->biometrics) {
        const QByteArray &sealed = *(*row)->biometrics;
        auto opened = crypto::openSealed(pair->privateKey,
                                         std::span(reinterpret_cast<const std::uint8_t *>(sealed.constData()),
                                                   static_cast<std::size_t>(sealed.size())),
                                         crypto::fieldAssociatedData(recordId, protocol::kBiometricsField));
        if (!opened)
            return fail(args, Error{opened.error().code, "cannot open the biometrics: " + opened.error().message});
        biometrics = std::move(opened).value();
    }
    if (const auto out = args.value("out"); out && biometrics) {
        QSaveFile file(qs(*out));
        file.setDirectWriteFallback(false);
        if (!file.open(QIODevice::WriteOnly) ||
            !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
            file.write(reinterpret_cast<const char *>(biometrics->data()), static_cast<qint64>(biometrics->size())) !=
                static_cast<qint64>(biometrics->size()) ||
            !file.commit())
            return fail(args, Error{ErrorCode::IoError, "cannot write " + *out});
    }
    const QJsonDocument piiJson = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char *>(pii->data()), static_cast<qsizetype>(pii->size())));
    const qint64 biometricSize = biometrics ? static_cast<qint64>(biometrics->size()) : 0;
    if (args.flag("json")) {
        printJson(QJsonObject{
            {"record_id", qs(recordId)},
            {"pii", piiJson.object()},
            {"biometrics_size", biometrics ? QJsonValue(biometricSize) : QJsonValue()},
            {"biometrics_file", args.value("out") && biometrics ? QJsonValue(qs(*args.value("out"))) : QJsonValue()}});
    } else {
        std::cout << piiJson.toJson(QJsonDocument::Indented).toStdString();
        std::cout << "biometrics: " << (biometrics ? std::to_string(biometricSize) + " bytes" : "none") << '\n';
    }
    return kExitOk;
}

} // namespace simkyc::upstream
