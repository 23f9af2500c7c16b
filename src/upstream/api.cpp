#include "upstream/api.h"

#include "core/quota.h"
#include "crypto/digest.h"
#include "protocol/finding.h"
#include "protocol/protocol.h"
#include "protocol/quota_check.h"
#include "upstream/face_repository.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace simkyc::upstream {
namespace {

constexpr int kMaxFindings = 1000; // the newest; a kiosk's day view needs far fewer

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

HttpResponse json(int status, const QJsonObject &body)
{
    HttpResponse r;
    r.status = status;
    r.body = protocol::compact(body);
    return r;
}

HttpResponse error(int status, std::string_view code, std::string_view message)
{
    return json(status, protocol::errorBody(code, message));
}

bool constantTimeEquals(const std::string &a, const std::string &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

HttpResponse fromOutcome(const ItemOutcome &o)
{
    HttpResponse r;
    r.status = o.status;
    r.deviceId = o.deviceId;
    if (o.status == 200 || o.status == 201) {
        r.body = o.receipt; // exactly the stored bytes
        if (o.replay)
            r.headers.append(qMakePair(QByteArray("Simkyc-Replay"), QByteArray("1")));
    } else {
        r.body = protocol::compact(o.errorJson());
    }
    return r;
}

} // namespace

Result<crypto::SecureBytes> quotaKeyOf(Repository &repo)
{
    auto fresh = crypto::SecureBytes::random(32);
    if (!fresh)
        return fresh.error();
    auto stored = repo.settingOrInsert("quota_key", crypto::toHex(fresh->span()));
    if (!stored)
        return stored.error();
    auto bytes = crypto::fromHex(*stored);
    if (!bytes || bytes->size() != 32)
        return Error{ErrorCode::InvalidFormat, "the stored quota key is not 32 bytes of hex"};
    crypto::SecureBytes key{std::span<const std::uint8_t>(*bytes)};
    std::fill(bytes->begin(), bytes->end(), 0);
    return key;
}

HttpResponse Api::handle(const HttpRequest &request, const Peer &peer)
{
    HttpResponse response = route(request, peer);
    if (response.status == 503) // the database did not answer: a fresh connection for the next request
        (void)m_db.reconnect();
    return response;
}

HttpResponse Api::route(const HttpRequest &request, const Peer &peer)
{
    const QByteArray &p = request.path;
    const bool post = request.method == "POST";
    const bool get = request.method == "GET";
    if (p == "/v1/health")
        return get ? health() : error(405, "bad_request", "use GET");
    if (p == "/v1/devices")
        return post ? enrol(request, peer) : error(405, "bad_request", "use POST");
    if (p == "/v1/registrations")
        return post ? submit(request, peer) : error(405, "bad_request", "use POST");
    if (p == "/v1/registrations:batch")
        return post ? batch(request, peer) : error(405, "bad_request", "use POST");
    if (p == "/v1/reviews")
        return post ? review(request, peer, ReviewEndpoint::Reviews) : error(405, "bad_request", "use POST");
    if (p == "/v1/deactivations")
        return post ? review(request, peer, ReviewEndpoint::Deactivations) : error(405, "bad_request", "use POST");
    if (p == "/v1/quota-checks")
        return post ? quotaCheck(request, peer) : error(405, "bad_request", "use POST");
    static const QByteArray devicePrefix = "/v1/devices/";
    static const QByteArray findingsSuffix = "/findings";
    if (p.startsWith(devicePrefix) && p.endsWith(findingsSuffix) &&
        p.size() > devicePrefix.size() + findingsSuffix.size()) {
        if (!get)
            return error(405, "bad_request", "use GET");
        const QByteArray id = QByteArray::fromPercentEncoding(
            p.mid(devicePrefix.size(), p.size() - devicePrefix.size() - findingsSuffix.size()));
        return findings(id.toStdString(), peer);
    }
    static const QByteArray prefix = "/v1/registrations/";
    static const QByteArray suffix = "/status";
    if (p.startsWith(prefix) && p.endsWith(suffix) && p.size() > prefix.size() + suffix.size()) {
        if (!get)
            return error(405, "bad_request", "use GET");
        const QByteArray id =
            QByteArray::fromPercentEncoding(p.mid(prefix.size(), p.size() - prefix.size() - suffix.size()));
        return status(id.toStdString(), peer);
    }
    return error(404, "not_found", "no such endpoint");
}

HttpResponse Api::enrol(const HttpRequest &request, const Peer &peer)
{
    auto body = protocol::parseObject(request.body);
    if (!body)
        return error(400, "bad_request", body.error().message);
    auto enrolment = protocol::enrolmentRequestFromJson(*body);
    if (!enrolment)
        return error(400, "bad_request", enrolment.error().message);
    if (m_config.enrolmentToken && !constantTimeEquals(enrolment->token, *m_config.enrolmentToken)) {
        HttpResponse r = error(403, "bad_token", "the enrolment token is not the carrier's");
        r.deviceId = enrolment->deviceId;
        return r;
    }
    const DeviceRow wanted{enrolment->deviceId, enrolment->storeId, crypto::toHex(enrolment->signingKey),
                           peer.certSha256, now().toStdString()};
    auto inserted = m_repo.insertDevice(wanted);
    if (!inserted)
        return error(503, "unavailable", "the database is unavailable; retry later");
    auto stored = m_repo.device(wanted.deviceId);
    if (!stored || !*stored)
        return error(503, "unavailable", "the database is unavailable; retry later");
    const DeviceRow &row = **stored;
    HttpResponse r;
    if (row.signingKey != wanted.signingKey || row.certSha256 != wanted.certSha256) {
        r = error(409, "conflict", "this device id is enrolled with another key or certificate");
    } else {
        protocol::EnrolmentResponse response{row.deviceId, row.storeId, row.enrolledAt, m_keys.receipt.publicKey,
                                             m_keys.quotaKey.clone()};
        r = json(*inserted ? 201 : 200, protocol::toJson(response));
        r.committed = *inserted;
    }
    r.deviceId = wanted.deviceId;
    return r;
}

HttpResponse Api::submit(const HttpRequest &request, const Peer &peer)
{
    auto body = protocol::parseObject(request.body);
    if (!body)
        return error(400, "bad_request", body.error().message);
    const ItemOutcome outcome = m_intake.submit(*body, Caller{peer.certSha256});
    HttpResponse r = fromOutcome(outcome);
    r.committed = outcome.status == 200;
    return r;
}

HttpResponse Api::batch(const HttpRequest &request, const Peer &peer)
{
    auto body = protocol::parseObject(request.body);
    if (!body)
        return error(400, "bad_request", body.error().message);
    const QJsonValue items = body->value(QStringLiteral("items"));
    if (!items.isArray())
        return error(400, "bad_request", "field 'items' missing or not an array");
    if (items.toArray().size() > m_config.maxBatch)
        return error(413, "too_large", "the batch has more than max_batch items");
    auto outcomes = m_intake.submitBatch(items.toArray(), Caller{peer.certSha256});
    if (!outcomes)
        return error(503, "unavailable", "the database is unavailable; retry later");
    QJsonArray results;
    HttpResponse r;
    for (const ItemOutcome &o : *outcomes) {
        QJsonObject item{{"record_id", o.recordId.empty() ? QJsonValue(QJsonValue::Null)
                                                          : QJsonValue(QString::fromStdString(o.recordId))},
                         {"status", o.status}};
        if (o.status == 200) {
            item.insert(QStringLiteral("receipt"), QJsonDocument::fromJson(o.receipt).object());
            item.insert(QStringLiteral("replay"), o.replay);
            r.committed = true;
        } else {
            const QJsonObject e = o.errorJson();
            for (auto it = e.begin(); it != e.end(); ++it)
                item.insert(it.key(), it.value());
        }
        if (r.deviceId.empty())
            r.deviceId = o.deviceId;
        results.append(item);
    }
    r.status = 200;
    r.body = protocol::compact(QJsonObject{{"results", results}});
    return r;
}

HttpResponse Api::review(const HttpRequest &request, const Peer &peer, ReviewEndpoint endpoint)
{
    auto body = protocol::parseObject(request.body);
    if (!body)
        return error(400, "bad_request", body.error().message);
    const ItemOutcome outcome = m_reviews.submit(*body, Caller{peer.certSha256}, endpoint);
    HttpResponse r = fromOutcome(outcome);
    r.committed = outcome.status == 200 || outcome.status == 201;
    return r;
}

HttpResponse Api::quotaCheck(const HttpRequest &request, const Peer &peer)
{
    auto body = protocol::parseObject(request.body);
    if (!body)
        return error(400, "bad_request", body.error().message);
    auto asked = protocol::quotaCheckRequestFromJson(*body);
    if (!asked)
        return error(400, "bad_request", asked.error().message);
    ItemOutcome refused;
    auto device = enrolledDevice(m_repo, asked->deviceId, Caller{peer.certSha256}, "quota check", refused);
    if (!device) {
        HttpResponse r = fromOutcome(refused);
        r.deviceId = asked->deviceId;
        return r;
    }
    if (!protocol::verifyQuotaCheck(*asked, device->key))
        return error(422, "bad_signature", "the quota check's signature does not verify");
    auto count = m_repo.acceptedCount(asked->quotaIndex);
    if (!count)
        return error(503, "unavailable", "the database is unavailable; retry later");
    protocol::QuotaAnswer answer{asked->quotaIndex,          asked->nonce,        *count, core::kQuotaLimit,
                                 *count < core::kQuotaLimit, now().toStdString(), {},     {}};
    if (Status s = protocol::signQuotaAnswer(answer, m_keys.receipt.privateKey, m_keys.receipt.publicKey); !s)
        return error(500, "internal", "the answer could not be signed");
    HttpResponse r = json(200, protocol::toJson(answer));
    r.deviceId = asked->deviceId;
    return r;
}

HttpResponse Api::status(const std::string &recordId, const Peer &peer)
{
    auto head = m_repo.head(recordId);
    if (!head)
        return error(503, "unavailable", "the database is unavailable; retry later");
    if (!*head)
        return json(200, QJsonObject{{"record_id", QString::fromStdString(recordId)},
                                     {"state", "unknown"},
                                     {"receipt", QJsonValue(QJsonValue::Null)}});
    auto device = m_repo.device((*head)->deviceId);
    if (!device)
        return error(503, "unavailable", "the database is unavailable; retry later");
    if (!*device || (*device)->certSha256 != peer.certSha256)
        return error(404, "not_found", "no such record for this device");
    HttpResponse r = json(200, QJsonObject{{"record_id", QString::fromStdString(recordId)},
                                           {"state", "stored"},
                                           {"receipt", QJsonDocument::fromJson((*head)->receipt).object()}});
    r.deviceId = (*head)->deviceId;
    return r;
}

HttpResponse Api::findings(const std::string &deviceId, const Peer &peer)
{
    auto device = m_repo.device(deviceId);
    if (!device)
        return error(503, "unavailable", "the database is unavailable; retry later");
    if (!*device || (*device)->certSha256 != peer.certSha256)
        return error(404, "not_found", "no such device for this certificate");
    auto rows = FaceRepository(m_db).findingsOfDevice(deviceId, kMaxFindings);
    if (!rows)
        return error(503, "unavailable", "the database is unavailable; retry later");
    QJsonArray out;
    for (const auto &[recordId, foundAt] : *rows) {
        protocol::Finding f{recordId, std::string(protocol::kDuplicateFace), foundAt, {}, {}};
        if (Status s = protocol::signFinding(f, m_keys.receipt.privateKey, m_keys.receipt.publicKey); !s)
            return error(500, "internal", "a finding could not be signed");
        out.append(protocol::toJson(f));
    }
    HttpResponse r = json(200, QJsonObject{{"findings", out}});
    r.deviceId = deviceId;
    return r;
}

HttpResponse Api::health()
{
    const bool up = m_db.exec(QStringLiteral("SELECT 1")).ok();
    if (!up)
        return error(503, "unavailable", "the database is unavailable");
    return json(200, QJsonObject{{"status", "ok"},
                                 {"server_time", now()},
                                 {"version", QString::fromLatin1(kVersionText.data(), kVersionText.size())},
                                 {"db", QString::fromLatin1(m_db.dialectName().data(), m_db.dialectName().size())},
                                 {"max_batch", m_config.maxBatch},
                                 {"max_body_bytes", static_cast<qint64>(m_config.maxBodyBytes)}});
}

} // namespace simkyc::upstream
