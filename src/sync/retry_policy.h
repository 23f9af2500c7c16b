// What the outbox worker does with an answer (docs/upstream-api.md, error table): acknowledge,
// retry later (with geometric backoff and jitter up to a cap, or the server's Retry-After), park
// for the manager, enrol again, or stop the run (an untrusted server: nothing may be sent).
// Thread-safety: pure functions.
#pragma once

#include <QByteArray>
#include <QString>

#include <chrono>
#include <optional>
#include <string>

namespace simkyc::sync {

struct BackoffPolicy {
    std::chrono::milliseconds base{1000};
    std::chrono::milliseconds cap{300000};
    double factor = 2.0;
    double jitter = 0.5; // the delay is scaled by a uniform factor in [1 - jitter, 1 + jitter]
};

// Delay before attempt number attempts + 1, given a uniform random draw in [0, 1).
[[nodiscard]] std::chrono::milliseconds backoffDelay(const BackoffPolicy &policy, long long attempts, double random01);

enum class Verdict { Acknowledge, Retry, Park, Reenrol, ShrinkBatch, StopRun };

struct Classified {
    Verdict verdict = Verdict::Retry;
    std::string error; // "code: text" for the outbox and the manager
    std::optional<std::chrono::seconds> retryAfter;
};

// The transport's view of one HTTP exchange.
struct HttpResponse {
    int status = 0; // 0 when no HTTP answer arrived
    QByteArray body;
    bool networkError = false;      // connection refused/reset, timeout, TLS failure, ...
    bool serverUntrusted = false;   // the server's certificate failed our verification or pin
    QString errorText;              // transport error text (no bodies, no secrets)
    std::optional<int> retryAfterS; // Retry-After of a 429/503
    bool replay = false;            // Simkyc-Replay: 1
};

// A whole response (an HTTP status and error body, or a transport failure).
[[nodiscard]] Classified classify(const HttpResponse &response);
// One item of a batch result: its status and error code ("conflict", ...).
[[nodiscard]] Classified classifyItem(int status, const QString &errorCode, const QString &message);

} // namespace simkyc::sync
