// The upstream server's transport: HTTP/1.1 over QSslServer with mutual TLS. QSslServer (not Qt
// HttpServer 6.4) because each request must know its connection's client certificate.
// Guarantees: a connection is served only after a completed handshake with a client certificate
// the configuration's CA verified (Qt's VerifyPeer); requests on one connection are answered in
// order (keep-alive, no interleaving); a connection idle longer than idleTimeoutMs, or whose
// handshake takes over handshakeTimeoutMs, is closed; bodies and headers over the limits get 413
// and the connection is closed. At most connections.maxTotal connections are open at once, at most
// connections.maxPerIp from one IP address (handshaking ones count); a connection over a limit is
// closed as soon as it is accepted, before any TLS, counted, and logged at most once per 10 s
// (a summary line). A connection's slot is released when its socket is destroyed, whatever ended it.
// Fault injection (off by default) only happens when a rate > 0 was configured. One log line per
// request (method, path, status, ms, device id), never bodies.
// Thread-safety: lives in one thread (its event loop); the handler runs in that thread.
#pragma once

#include "core/result.h"
#include "upstream/connection_limits.h"
#include "upstream/http.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include <functional>
#include <memory>
#include <random>
#include <string>

namespace simkyc::upstream {

struct FaultOptions {
    double rate500 = 0;           // answer 500 internal without handling the request
    double rate429 = 0;           // answer 429 rate_limited with Retry-After: 1
    double dropAfterCommit = 0;   // handle and commit, then close the connection without answering
    double garbleAfterCommit = 0; // handle and commit, then answer with the body cut in half (malformed)
    int delayMs = 0;              // delay every answer
    std::uint32_t seed = 0;       // 0: random
};

struct ServerOptions {
    HttpLimits limits;
    int idleTimeoutMs = 60000;
    int handshakeTimeoutMs = 10000;
    ConnectionLimitOptions connections;
    FaultOptions faults;
};

struct Peer {
    std::string certSha256; // hex SHA-256 of the client certificate's DER
};

using RequestHandler = std::function<HttpResponse(const HttpRequest &, const Peer &)>;

class HttpsServer : public QObject {
public:
    HttpsServer(const QSslConfiguration &tls, ServerOptions options, RequestHandler handler, QObject *parent = nullptr);
    ~HttpsServer() override;

    [[nodiscard]] Status listen(const QHostAddress &address, quint16 port);
    [[nodiscard]] quint16 port() const;
    void close();
    // Open connections and the connections refused over the limits since start.
    [[nodiscard]] const ConnectionCounts &connectionCounts() const { return m_limits.counts(); }

    // Used by connections: faults, the handler and the request log.
    [[nodiscard]] std::optional<HttpResponse> dispatch(const HttpRequest &request, const Peer &peer);
    [[nodiscard]] const ServerOptions &options() const { return m_options; }

private:
    class Listener;

    void admit(qintptr descriptor);
    void noteRefusal(const QHostAddress &peer, Admission admission);
    void logRefusalSummary();
    void acceptPending();
    [[nodiscard]] bool roll(double rate);

    ServerOptions m_options;
    RequestHandler m_handler;
    std::mt19937 m_random;
    // Declared before m_server: sockets the listener still owns release their slots while it is destroyed.
    ConnectionLimits m_limits;
    QTimer m_refusalLog; // running: refusals are being summarised, not logged one by one
    long long m_refusedUnlogged = 0;
    std::unique_ptr<Listener> m_server;
};

} // namespace simkyc::upstream
