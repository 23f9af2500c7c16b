#include "sync/sync_worker.h"

#include "core/log.h"
#include "protocol/protocol.h"
#include "store/database.h"
#include "store/transaction.h"
#include "sync/carrier_findings.h"
#include "sync/submissions.h"
#include "sync/upstream_client.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QTimer>

#include <algorithm>

namespace simkyc::sync {
namespace {

constexpr log::Category kLog{"simkyc.sync"};

} // namespace

SyncWorker::SyncWorker(store::Database &db, const store::Keyring &keys, UpstreamClient &client, SyncOptions options,
                       QObject *parent)
    : QObject(parent), m_db(db), m_keys(keys), m_client(client), m_options(std::move(options)), m_outbox(db),
      m_random(std::random_device{}())
{
    m_options.batchSize = std::clamp(m_options.batchSize, 1, 1000);
    m_options.parallel = std::clamp(m_options.parallel, 1, 8);
}

void SyncWorker::start(Done done)
{
    m_done = std::move(done);
    m_started = std::chrono::steady_clock::now();
    QTimer::singleShot(0, this, [this] {
        auto loaded = loadEnrolment(m_db, m_keys);
        if (!loaded)
            return finish(true, loaded.error().toString());
        if (*loaded && (*loaded)->url == m_client.base().toString().toStdString())
            m_enrolment = std::move(*loaded);
        m_enrolment ? pass() : enrol();
    });
}

void SyncWorker::enrol()
{
    m_reenrol = false;
    auto storeId = storeIdOf(m_db);
    if (!storeId)
        return finish(true, storeId.error().toString());
    const protocol::EnrolmentRequest request{protocol::deviceIdOf(m_keys.publicKeys.device), *storeId,
                                             m_keys.publicKeys.device, m_options.enrolmentToken};
    m_client.post(QStringLiteral("/v1/devices"), protocol::compact(protocol::toJson(request)),
                  [this, deviceId = request.deviceId](const HttpResponse &r) {
                      const Classified c = classify(r);
                      if (c.verdict != Verdict::Acknowledge) {
                          if (c.verdict == Verdict::Retry)
                              return waitOrFinish(backoffDelay(m_options.backoff, m_connectAttempts++,
                                                               std::uniform_real_distribution<>(0, 1)(m_random)),
                                                  "enrolment: " + c.error);
                          return finish(true,
                                        c.verdict == Verdict::StopRun ? c.error : "enrolment refused: " + c.error);
                      }
                      auto body = protocol::parseObject(r.body);
                      auto response = body ? protocol::enrolmentResponseFromJson(*body)
                                           : Result<protocol::EnrolmentResponse>(body.error());
                      if (!response || response->deviceId != deviceId)
                          return finish(true, "enrolment: malformed answer from the upstream");
                      UpstreamEnrolment e{m_client.base().toString().toStdString(), response->enrolledAt,
                                          response->receiptKey, std::move(response->quotaKey)};
                      if (Status saved = saveEnrolment(m_db, m_keys, e); !saved)
                          return finish(true, saved.error().toString());
                      log::info(kLog, "enrolled as " + deviceId + " with " + e.url);
                      m_enrolment = std::move(e);
                      m_connectAttempts = 0;
                      pass();
                  });
}

void SyncWorker::waitOrFinish(std::chrono::milliseconds delay, const std::string &why)
{
    if (!m_options.untilEmpty)
        return finish(true, why);
    if (std::chrono::steady_clock::now() + delay > deadline())
        return finish(true, "deadline reached; last error: " + why);
    QTimer::singleShot(delay, this, [this] { m_enrolment ? pass() : enrol(); });
}

void SyncWorker::pass()
{
    if (m_reenrol)
        return enrol();
    auto due = m_outbox.due(store::Clock::now(), m_options.batchSize * m_options.parallel);
    if (!due)
        return finish(true, due.error().toString());
    if (due->empty()) {
        if (sendReviews())
            return; // pass() again when they are answered
        if (!m_options.untilEmpty)
            return finish(false, {});
        auto counts = m_outbox.counts();
        if (!counts)
            return finish(true, counts.error().toString());
        if (counts->pending == 0)
            return finish(false, {});
        auto next = counts->nextAttempt ? store::parseUtcTimestamp(*counts->nextAttempt) : std::nullopt;
        const auto wait = next ? std::chrono::duration_cast<std::chrono::milliseconds>(*next - store::Clock::now())
                               : std::chrono::milliseconds(1000);
        return waitOrFinish(std::clamp(wait, std::chrono::milliseconds(1), std::chrono::milliseconds(60000)),
                            std::to_string(counts->pending) + " records still pending");
    }
    std::vector<store::OutboxItem> sendable;
    for (store::OutboxItem &item : *due) {
        if (item.payload.empty()) { // stored before schema 0003: nothing to send
            m_parks.emplace_back(item.recordId, "no_upstream_payload: stored before the upstream payload existed");
            continue;
        }
        sendable.push_back(std::move(item));
    }
    if (Status s = fillQuotaIndexes(m_db, m_keys, m_enrolment, sendable); !s)
        return finish(true, s.error().toString());
    const std::size_t chunk = static_cast<std::size_t>(m_options.batchSize);
    for (std::size_t start = 0; start < sendable.size() && !m_stop; start += chunk) {
        const auto end = sendable.begin() + static_cast<std::ptrdiff_t>(std::min(start + chunk, sendable.size()));
        send(std::vector<store::OutboxItem>(std::make_move_iterator(sendable.begin() + std::ptrdiff_t(start)),
                                            std::make_move_iterator(end)));
    }
    if (m_inFlight == 0) // nothing was sent (all parked, or a batch could not be signed)
        roundDone();
}

void SyncWorker::send(std::vector<store::OutboxItem> items)
{
    QJsonArray array;
    for (const store::OutboxItem &item : items) {
        auto submission = signedSubmission(m_keys, item);
        if (!submission) { // ends the run once the batches already in flight are answered (never before:
            m_stop = submission.error().toString(); // their callbacks need this worker)
            return;
        }
        array.append(protocol::toJson(*submission));
    }
    ++m_inFlight;
    ++m_report.batches;
    m_report.submitted += static_cast<long long>(items.size());
    m_client.post(QStringLiteral("/v1/registrations:batch"), protocol::compact(QJsonObject{{"items", array}}),
                  [this, items = std::move(items)](const HttpResponse &r) {
                      handleBatch(items, r);
                      if (--m_inFlight == 0)
                          roundDone();
                  });
}

void SyncWorker::retryItem(const store::OutboxItem &item, const Classified &why)
{
    auto delay = backoffDelay(m_options.backoff, item.attempts, std::uniform_real_distribution<>(0, 1)(m_random));
    if (why.retryAfter)
        delay = std::max(delay, std::chrono::duration_cast<std::chrono::milliseconds>(*why.retryAfter));
    m_retries.push_back({item.recordId, why.error, store::Clock::now() + delay});
}

void SyncWorker::handleBatch(const std::vector<store::OutboxItem> &items, const HttpResponse &response)
{
    const Classified whole = classify(response);
    if (whole.verdict != Verdict::Acknowledge) {
        switch (whole.verdict) {
        case Verdict::StopRun: m_stop = whole.error; return;
        case Verdict::Reenrol: m_reenrol = true; return; // the items stay due
        case Verdict::ShrinkBatch: m_options.batchSize = std::max(1, m_options.batchSize / 2); return;
        default: // a failed exchange (or a batch refused as a whole): every item waits and retries
            for (const store::OutboxItem &item : items)
                retryItem(item, whole);
            return;
        }
    }
    auto body = protocol::parseObject(response.body);
    const QJsonArray results = body ? body->value("results").toArray() : QJsonArray();
    if (static_cast<std::size_t>(results.size()) != items.size()) {
        for (const store::OutboxItem &item : items)
            retryItem(item, {Verdict::Retry, "malformed_response: the batch answer does not list every item", {}});
        return;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        const store::OutboxItem &item = items[i];
        const QJsonObject result = results[static_cast<qsizetype>(i)].toObject();
        const Classified c = classifyItem(result.value("status").toInt(), result.value("error").toString(),
                                          result.value("message").toString());
        if (c.verdict == Verdict::Acknowledge) {
            auto ack = acknowledgementFor(item, result.value("receipt").toObject(), m_enrolment->receiptKey);
            if (!ack) {
                retryItem(item, {Verdict::Retry, "receipt_invalid: " + ack.error().message, {}});
                continue;
            }
            m_report.replays += result.value("replay").toBool() ? 1 : 0;
            m_acks.push_back(std::move(ack).value());
        } else if (c.verdict == Verdict::Park) {
            m_parks.emplace_back(item.recordId, c.error);
        } else if (c.verdict == Verdict::Reenrol) {
            m_reenrol = true;
        } else {
            retryItem(item, c);
        }
    }
}

void SyncWorker::roundDone()
{
    const auto now = store::Clock::now();
    if (Status s = m_outbox.acknowledge(m_acks, now); !s)
        return finish(true, s.error().toString());
    for (const store::Acknowledgement &a : m_acks)
        m_report.quotaExceeded += a.decision == "quota_exceeded" ? 1 : 0;
    m_report.acknowledged += static_cast<long long>(m_acks.size());
    m_acks.clear();
    {
        auto tx = store::Transaction::begin(m_db);
        if (!tx)
            return finish(true, tx.error().toString());
        for (const Retry &r : m_retries)
            if (Status s = m_outbox.retryLater(r.recordId, r.error, r.next); !s)
                return finish(true, s.error().toString());
        if (Status c = tx->commit(); !c)
            return finish(true, c.error().toString());
    }
    m_report.retried += static_cast<long long>(m_retries.size());
    if (!m_retries.empty())
        log::info(kLog,
                  std::to_string(m_retries.size()) + " records will be retried; last error: " + m_retries.back().error);
    m_retries.clear();
    for (const auto &[id, reason] : m_parks) {
        if (Status s = m_outbox.park(id, reason, now); !s)
            return finish(true, s.error().toString());
        log::warning(kLog, "parked " + id + ": " + reason);
    }
    m_report.parked += static_cast<long long>(m_parks.size());
    m_parks.clear();
    if (m_stop)
        return finish(true, *m_stop);
    if (std::chrono::steady_clock::now() > deadline())
        return finish(true, "deadline reached");
    QTimer::singleShot(0, this, [this] { pass(); });
}

bool SyncWorker::sendReviews()
{
    store::ReviewRepository reviews(m_db);
    auto due = reviews.dueForUpload(store::Clock::now(), 20);
    if (!due) {
        log::warning(kLog, "reviews not sent: " + due.error().toString());
        return false;
    }
    if (due->empty())
        return false;
    auto storeId = storeIdOf(m_db);
    if (!storeId) {
        log::warning(kLog, "reviews not sent: " + storeId.error().toString());
        return false;
    }
    for (const store::Review &review : *due) {
        const protocol::ReviewPayload payload = reviewPayloadOf(review, m_keys, *storeId);
        auto signedReview = protocol::signReview(m_keys.devicePrivate, protocol::serialiseReview(payload));
        if (!signedReview) {
            log::warning(kLog, "review " + review.reviewId + " not signed: " + signedReview.error().toString());
            continue;
        }
        const QByteArray bytes(reinterpret_cast<const char *>(signedReview->review.data()),
                               static_cast<qsizetype>(signedReview->review.size()));
        ++m_reviewsInFlight;
        // A cancelled number is a deactivation at the carrier; every other decision a review.
        const QString path = review.decision == core::ReviewDecision::Cancelled ? QStringLiteral("/v1/deactivations")
                                                                                : QStringLiteral("/v1/reviews");
        m_client.post(path, protocol::compact(protocol::toJson(*signedReview)),
                      [this, review, payload, bytes](const HttpResponse &r) {
                          handleReview(review, payload, bytes, r);
                          if (--m_reviewsInFlight > 0)
                              return;
                          if (m_stop)
                              return finish(true, *m_stop);
                          QTimer::singleShot(0, this, [this] { pass(); });
                      });
    }
    return m_reviewsInFlight > 0;
}

void SyncWorker::handleReview(const store::Review &review, const protocol::ReviewPayload &sent, const QByteArray &bytes,
                              const HttpResponse &response)
{
    store::ReviewRepository reviews(m_db);
    const Classified c = classify(response);
    // A later try, as retryItem() schedules a registration's: backoff on the tries so far, or the
    // server's Retry-After when longer.
    const auto retryLater = [&](const Classified &why) {
        auto upload = reviews.upload(review.reviewId);
        auto delay = backoffDelay(m_options.backoff, upload ? upload->attempts : 0,
                                  std::uniform_real_distribution<>(0, 1)(m_random));
        if (why.retryAfter)
            delay = std::max(delay, std::chrono::duration_cast<std::chrono::milliseconds>(*why.retryAfter));
        return reviews.retryUpload(review.reviewId, why.error, store::Clock::now() + delay);
    };
    Status saved;
    if (c.verdict == Verdict::Acknowledge) {
        auto body = protocol::parseObject(response.body);
        auto receipt = body ? protocol::reviewReceiptFromJson(*body) : Result<protocol::ReviewReceipt>(body.error());
        const protocol::Bytes sentBytes(bytes.begin(), bytes.end());
        const Status verified = receipt
                                    ? protocol::verifyReviewReceipt(*receipt, m_enrolment->receiptKey, sent, sentBytes)
                                    : Status(receipt.error());
        if (verified) {
            saved = reviews.acknowledgeUpload(review.reviewId, protocol::compact(*body).toStdString());
            ++m_report.reviewsAcknowledged;
            m_report.replays += response.replay ? 1 : 0;
        } else {
            saved = retryLater({Verdict::Retry, "receipt_invalid: " + verified.error().message, {}});
        }
    } else if (c.verdict == Verdict::Park) {
        saved = reviews.parkUpload(review.reviewId, c.error);
        ++m_report.reviewsParked;
        log::warning(kLog, "review " + review.reviewId + " parked: " + c.error);
    } else if (c.verdict == Verdict::StopRun) {
        m_stop = c.error;
    } else if (c.verdict == Verdict::Reenrol) {
        m_reenrol = true; // the review stays due
    } else {
        saved = retryLater(c);
        ++m_report.retried;
    }
    if (!saved)
        log::warning(kLog, "review " + review.reviewId + ": " + saved.error().toString());
}

void SyncWorker::finish(bool stopped, std::string reason)
{
    if (!m_done)
        return;
    // Once per run, before the end: the carrier's findings, when it was reachable (a clean end, or
    // something acknowledged on the way). A failure there is logged and never changes the run's end.
    const bool reachable = !stopped || m_report.acknowledged + m_report.reviewsAcknowledged > 0;
    if (!m_findingsFetched && m_enrolment && reachable) {
        m_findingsFetched = true;
        const QString path = QStringLiteral("/v1/devices/%1/findings")
                                 .arg(QString::fromStdString(protocol::deviceIdOf(m_keys.publicKeys.device)));
        m_client.get(path, [this, stopped, reason](const HttpResponse &response) {
            fetchedFindings(response);
            finish(stopped, reason);
        });
        return;
    }
    m_report.stopped = stopped;
    m_report.stopReason = std::move(reason);
    m_report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
    if (stopped)
        log::warning(kLog, "sync stopped: " + m_report.stopReason);
    Done done = std::move(m_done);
    m_done = nullptr;
    done(m_report);
}

void SyncWorker::fetchedFindings(const HttpResponse &response)
{
    if (response.status != 200) {
        log::warning(kLog, "carrier findings not fetched: " + (response.status == 0
                                                                   ? response.errorText.toStdString()
                                                                   : "http " + std::to_string(response.status)));
        return;
    }
    auto recorded = recordFindings(m_db, m_enrolment->receiptKey, response.body);
    if (!recorded) {
        log::warning(kLog, "carrier findings not stored: " + recorded.error().toString());
        return;
    }
    m_report.findingsRecorded += recorded->recorded;
    if (recorded->rejected > 0)
        log::warning(kLog, std::to_string(recorded->rejected) + " carrier findings do not verify: not stored");
}

SyncReport runSyncToEnd(store::Database &db, const store::Keyring &keys, UpstreamClient &client,
                        const SyncOptions &options)
{
    SyncWorker worker(db, keys, client, options);
    SyncReport report;
    QEventLoop loop;
    worker.start([&](const SyncReport &r) {
        report = r;
        loop.quit();
    });
    loop.exec();
    return report;
}

} // namespace simkyc::sync
