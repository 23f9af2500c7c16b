#include "upstream/https_server.h"

#include "crypto/digest.h"
#include "protocol/protocol.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QPointer>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>

#include <sys/socket.h>
#include <unistd.h>

namespace simkyc::upstream {
namespace {

Q_LOGGING_CATEGORY(lcHttp, "simkyc.upstream.http")

// Under a flood of refused connections: the first one logged, then one summary line per period.
constexpr int kRefusalLogIntervalMs = 10000;

HttpResponse errorResponse(int status, std::string_view code, std::string_view message)
{
    HttpResponse r;
    r.status = status;
    r.body = protocol::compact(protocol::errorBody(code, message));
    return r;
}

// One TLS connection: parses requests, answers them in order, closes when idle.
class Connection : public QObject {
public:
    Connection(QSslSocket *socket, HttpsServer &server)
        : QObject(&server), m_socket(socket), m_server(server), m_parser(server.options().limits)
    {
        m_socket->setParent(this);
        const QByteArray der = m_socket->peerCertificate().toDer();
        m_peer.certSha256 = crypto::toHex(
            crypto::sha256(std::span(reinterpret_cast<const std::uint8_t *>(der.constData()), der.size())));
        m_idle.setSingleShot(true);
        m_idle.setInterval(server.options().idleTimeoutMs);
        connect(&m_idle, &QTimer::timeout, this, [this] { onIdle(); });
        connect(m_socket, &QSslSocket::readyRead, this, [this] { onReadyRead(); });
        // Deleting the connection deletes its socket, which releases its slot (HttpsServer::admit).
        connect(m_socket, &QSslSocket::disconnected, this, [this] { deleteLater(); });
        connect(m_socket, &QSslSocket::errorOccurred, this, [this] { drop(); });
        m_idle.start();
        if (m_socket->bytesAvailable() > 0)
            QTimer::singleShot(0, this, [this] { onReadyRead(); });
    }

private:
    void drop()
    {
        m_socket->abort();
        deleteLater();
    }

    // Idle: close. Still closing one idle period later (a peer that reads nothing keeps the last
    // answer buffered): reset, so that no connection outlives two idle periods without traffic.
    void onIdle()
    {
        if (m_socket->state() == QAbstractSocket::ClosingState)
            return drop();
        m_socket->disconnectFromHost();
        m_idle.start();
    }

    void onReadyRead()
    {
        m_idle.start();
        m_parser.feed(m_socket->readAll());
        processNext();
    }

    void processNext()
    {
        while (!m_busy && m_socket->state() == QAbstractSocket::ConnectedState) {
            HttpRequest request;
            switch (m_parser.next(request)) {
            case RequestParser::State::NeedMore:
                if (m_parser.takeContinue())
                    m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                return;
            case RequestParser::State::Malformed:
                return send(errorResponse(400, "bad_request", "malformed HTTP request"), false);
            case RequestParser::State::TooLarge:
                return send(errorResponse(413, "too_large", "request header or body over the server's limit"), false);
            case RequestParser::State::Unsupported:
                return send(errorResponse(400, "bad_request", "only Content-Length bodies are supported"), false);
            case RequestParser::State::Ready: break;
            }
            std::optional<HttpResponse> response = m_server.dispatch(request, m_peer);
            if (!response) // the drop-after-commit fault
                return drop();
            const bool keepAlive = request.keepAlive && !response->close;
            if (const int delay = m_server.options().faults.delayMs; delay > 0) {
                m_busy = true;
                QTimer::singleShot(delay, this, [this, r = std::move(*response), keepAlive] {
                    m_busy = false;
                    send(r, keepAlive);
                    processNext();
                });
                return;
            }
            send(*response, keepAlive);
        }
    }

    void send(const HttpResponse &response, bool keepAlive)
    {
        m_socket->write(serialise(response, keepAlive));
        m_idle.start();
        if (!keepAlive)
            m_socket->disconnectFromHost(); // after the write is flushed
    }

    QSslSocket *m_socket;
    HttpsServer &m_server;
    RequestParser m_parser;
    Peer m_peer;
    QTimer m_idle;
    bool m_busy = false;
};

} // namespace

// QSslServer that asks HttpsServer::admit before it makes a socket for an accepted descriptor, so
// a refused connection costs no QSslSocket and no TLS.
class HttpsServer::Listener : public QSslServer {
public:
    explicit Listener(HttpsServer &owner) : m_owner(owner) {}

    // QSslServer's own handling (handshake, its timeout, then the pending list); the socket it made
    // for the descriptor (the newest child of the server), or nullptr if it could not adopt it.
    QSslSocket *startHandshake(qintptr descriptor)
    {
        QSslServer::incomingConnection(descriptor);
        const QObjectList &owned = children();
        for (auto it = owned.crbegin(); it != owned.crend(); ++it)
            if (auto *socket = qobject_cast<QSslSocket *>(*it);
                socket != nullptr && socket->socketDescriptor() == descriptor)
                return socket;
        return nullptr;
    }

protected:
    void incomingConnection(qintptr descriptor) override { m_owner.admit(descriptor); }

private:
    HttpsServer &m_owner;
};

HttpsServer::HttpsServer(const QSslConfiguration &tls, ServerOptions options, RequestHandler handler, QObject *parent)
    : QObject(parent), m_options(options), m_handler(std::move(handler)),
      m_random(options.faults.seed != 0 ? options.faults.seed : std::random_device{}()), m_limits(options.connections),
      m_server(std::make_unique<Listener>(*this))
{
    m_server->setSslConfiguration(tls);
    m_server->setHandshakeTimeout(m_options.handshakeTimeoutMs);
    // Qt stops accepting (leaving connections in the kernel's backlog) once its handshaking plus
    // pending sockets reach this number, 30 by default; above our total limit, admit() decides.
    m_server->setMaxPendingConnections(m_options.connections.maxTotal + 1);
    m_refusalLog.setSingleShot(true);
    m_refusalLog.setInterval(kRefusalLogIntervalMs);
    connect(&m_refusalLog, &QTimer::timeout, this, [this] { logRefusalSummary(); });
    connect(m_server.get(), &QSslServer::pendingConnectionAvailable, this, [this] { acceptPending(); });
    connect(m_server.get(), &QSslServer::peerVerifyError, this, [](QSslSocket *socket, const QSslError &error) {
        qCInfo(lcHttp).noquote() << "refused client certificate from" << socket->peerAddress().toString() << "-"
                                 << error.errorString();
    });
    connect(m_server.get(), &QSslServer::errorOccurred, this, [](QSslSocket *socket, QAbstractSocket::SocketError) {
        if (!socket->isEncrypted())
            qCInfo(lcHttp).noquote() << "handshake failed with" << socket->peerAddress().toString() << "-"
                                     << socket->errorString();
    });
}

HttpsServer::~HttpsServer()
{
    close();
}

Status HttpsServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server->listen(address, port))
        return Error{ErrorCode::IoError, "cannot listen on " + address.toString().toStdString() + ":" +
                                             std::to_string(port) + ": " + m_server->errorString().toStdString()};
    return {};
}

quint16 HttpsServer::port() const
{
    return m_server->serverPort();
}

void HttpsServer::close()
{
    m_server->close();
}

void HttpsServer::admit(qintptr descriptor)
{
    const int fd = static_cast<int>(descriptor);
    sockaddr_storage peer{};
    socklen_t length = sizeof peer;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &length) != 0) {
        ::close(fd); // the peer is gone already
        return;
    }
    const QHostAddress address(reinterpret_cast<const sockaddr *>(&peer));
    if (const Admission admission = m_limits.admit(address); admission != Admission::Admitted) {
        ::close(fd);
        noteRefusal(address, admission);
        return;
    }
    QSslSocket *socket = m_server->startHandshake(descriptor);
    if (socket == nullptr) { // Qt could not adopt the descriptor (and owns what it made of it)
        m_limits.release(address);
        return;
    }
    // Every end of a connection destroys its socket: a failed or timed-out handshake (QSslServer
    // deletes it), a refused certificate (acceptPending), a close, an error or an idle timeout
    // (Connection deletes itself and its socket), the server's destruction (children).
    connect(socket, &QObject::destroyed, this, [this, address] { m_limits.release(address); });
}

void HttpsServer::noteRefusal(const QHostAddress &peer, Admission admission)
{
    if (m_refusalLog.isActive()) {
        ++m_refusedUnlogged;
        return;
    }
    const ConnectionLimitOptions &limits = m_limits.options();
    const QString why =
        admission == Admission::OverPerIpLimit
            ? QStringLiteral("it has %1 open, the limit per IP address (--max-connections-per-ip)").arg(limits.maxPerIp)
            : QStringLiteral("%1 connections are open, the limit (--max-connections)").arg(limits.maxTotal);
    qCWarning(lcHttp).noquote() << QStringLiteral("refused a connection from %1 before TLS: %2; further refusals are "
                                                  "summarised every %3 s")
                                       .arg(peer.toString(), why, QString::number(kRefusalLogIntervalMs / 1000));
    m_refusalLog.start();
}

void HttpsServer::logRefusalSummary()
{
    if (m_refusedUnlogged == 0)
        return; // a quiet period: the next refusal is logged at once
    const ConnectionCounts &counts = m_limits.counts();
    qCWarning(lcHttp).noquote() << QStringLiteral("refused %1 more connections over the limits in the last %2 s (since "
                                                  "start: %3 over --max-connections-per-ip, %4 over --max-connections; "
                                                  "open now: %5)")
                                       .arg(m_refusedUnlogged)
                                       .arg(kRefusalLogIntervalMs / 1000)
                                       .arg(counts.refusedPerIp)
                                       .arg(counts.refusedTotal)
                                       .arg(counts.open);
    m_refusedUnlogged = 0;
    m_refusalLog.start();
}

void HttpsServer::acceptPending()
{
    while (m_server->hasPendingConnections()) {
        auto *socket = qobject_cast<QSslSocket *>(m_server->nextPendingConnection());
        if (socket == nullptr)
            continue;
        if (!socket->isEncrypted() || socket->peerCertificate().isNull()) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        new Connection(socket, *this);
    }
}

bool HttpsServer::roll(double rate)
{
    return rate > 0 && std::uniform_real_distribution<double>(0.0, 1.0)(m_random) < rate;
}

std::optional<HttpResponse> HttpsServer::dispatch(const HttpRequest &request, const Peer &peer)
{
    QElapsedTimer timer;
    timer.start();
    const bool faultable = request.path != "/v1/health";
    std::optional<HttpResponse> response;
    if (faultable && roll(m_options.faults.rate500)) {
        response = errorResponse(500, "internal", "injected fault");
    } else if (faultable && roll(m_options.faults.rate429)) {
        response = errorResponse(429, "rate_limited", "injected fault; retry after the delay");
        response->headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
    } else {
        response = m_handler(request, peer);
        if (response->committed && faultable && roll(m_options.faults.dropAfterCommit)) {
            qCInfo(lcHttp).noquote() << request.method << request.path << "committed, connection dropped (fault)"
                                     << timer.elapsed() << "ms" << QString::fromStdString(response->deviceId);
            return std::nullopt;
        }
        if (response->committed && faultable && roll(m_options.faults.garbleAfterCommit))
            response->body.truncate(response->body.size() / 2); // committed, but the answer is unreadable
    }
    qCInfo(lcHttp).noquote() << request.method << request.path << response->status << timer.elapsed() << "ms"
                             << QString::fromStdString(response->deviceId.empty() ? "-" : response->deviceId);
    return response;
}

} // namespace simkyc::upstream
