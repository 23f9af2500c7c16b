// SyncWorker: the outbox worker. Sends pending registrations in creation order as signed batches
// (docs/upstream-api.md), a bounded number of batches in flight, verifies every receipt before a
// record is acknowledged, retries what is retryable with backoff (geometric, jittered, capped; or
// the server's Retry-After), parks what the carrier refused with its reason, enrols the device when
// the upstream does not know it, and stops at once (sending nothing) when the server's certificate
// is not trusted. When no registration is due it sends the store manager's reviews whose
// registration the carrier acknowledged (POST /v1/reviews, a cancelled number POST
// /v1/deactivations, one per request), verifying each review
// receipt before the review is acknowledged; refused reviews are parked, failed ones retried.
// Guarantees: a record is acknowledged only with a receipt whose signature verifies under the
// enrolled receipt key and that names the record and the hash of the exact payload sent; outbox
// changes are committed per round (one transaction for the acknowledgements, one for the retries).
// Thread-safety: one instance per thread, on the thread of its Database and UpstreamClient; runs
// on that thread's event loop. done() is called only when no request of the worker is in flight,
// so the worker may be destroyed from it.
#pragma once

#include "protocol/protocol.h"
#include "store/keyring.h"
#include "store/outbox_repository.h"
#include "store/review_repository.h"
#include "sync/retry_policy.h"
#include "sync/sync_settings.h"

#include <QObject>

#include <chrono>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace simkyc::store {
class Database;
}

namespace simkyc::sync {

class UpstreamClient;

struct SyncOptions {
    int batchSize = 100;
    int parallel = 2; // batches in flight
    BackoffPolicy backoff;
    bool untilEmpty = false; // else one pass over what is due now
    std::chrono::milliseconds deadline{std::chrono::minutes(10)};
    std::string enrolmentToken;
};

struct SyncReport {
    long long submitted = 0; // item submissions, retries included
    long long acknowledged = 0;
    long long quotaExceeded = 0;
    long long parked = 0;
    long long retried = 0;
    long long replays = 0; // receipts the server had already issued (a lost answer, resent)
    long long batches = 0;
    long long reviewsAcknowledged = 0; // manager's reviews the carrier confirmed
    long long reviewsParked = 0;
    long long findingsRecorded = 0; // new findings of the carrier (duplicate_face), verified and stored
    bool stopped = false;           // ended by an error, not by running out of work
    std::string stopReason;
    double seconds = 0;
};

class SyncWorker : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const SyncReport &)>;

    SyncWorker(store::Database &db, const store::Keyring &keys, UpstreamClient &client, SyncOptions options,
               QObject *parent = nullptr);

    // Starts the run on the event loop; done is called once at the end.
    void start(Done done);

private:
    void enrol();
    void pass();
    void send(std::vector<store::OutboxItem> items);
    void handleBatch(const std::vector<store::OutboxItem> &items, const HttpResponse &response);
    void roundDone();
    void retryItem(const store::OutboxItem &item, const Classified &why);
    void waitOrFinish(std::chrono::milliseconds delay, const std::string &why);
    // Ends the run; first, once per run and when the carrier was reachable, fetches its findings
    // (GET /v1/devices/{id}/findings; a failure there is logged and changes nothing).
    void finish(bool stopped, std::string reason);
    void fetchedFindings(const HttpResponse &response);
    // Sends the reviews due now; false when there is none (or they cannot be read: logged).
    bool sendReviews();
    void handleReview(const store::Review &review, const protocol::ReviewPayload &sent, const QByteArray &bytes,
                      const HttpResponse &response);
    [[nodiscard]] std::chrono::steady_clock::time_point deadline() const { return m_started + m_options.deadline; }

    store::Database &m_db;
    const store::Keyring &m_keys;
    UpstreamClient &m_client;
    SyncOptions m_options;
    store::OutboxRepository m_outbox;
    std::optional<UpstreamEnrolment> m_enrolment;
    Done m_done;
    SyncReport m_report;
    std::chrono::steady_clock::time_point m_started;
    std::mt19937_64 m_random;
    long long m_connectAttempts = 0;
    int m_inFlight = 0;
    int m_reviewsInFlight = 0;
    bool m_findingsFetched = false;
    std::optional<std::string> m_stop;
    bool m_reenrol = false;
    std::vector<store::Acknowledgement> m_acks;
    struct Retry {
        std::string recordId;
        std::string error;
        store::Clock::time_point next;
    };
    std::vector<Retry> m_retries;
    std::vector<std::pair<std::string, std::string>> m_parks;
};

// Runs a worker to its end on a local event loop (for commands; never on a GUI thread).
[[nodiscard]] SyncReport runSyncToEnd(store::Database &db, const store::Keyring &keys, UpstreamClient &client,
                                      const SyncOptions &options);

} // namespace simkyc::sync
