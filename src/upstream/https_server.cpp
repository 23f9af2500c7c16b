#include "upstream/https_server.h"

#include "crypto/digest.h"
#include "protocol/protocol.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QPointer>
#include <QSslSocket>
#include <QTimer>

namespace simkyc::upstream {
namespace {

Q_LOGGING_CATEGORY(lcHttp, "simkyc.upstream.http")

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
        connect(&m_idle, &QTimer::timeout, this, [this] { m_socket->disconnectFromHost(); });
        connect(m_socket, &QSslSocket::readyRead, this, [this] { onReadyRead(); });
        connect(m_socket, &QSslSocket::disconnected, this, [this] { deleteLater(); });
        m_idle.start();
        if (m_socket->bytesAvailable() > 0)
            QTimer::singleShot(0, this, [this] { onReadyRead(); });
    }

private:
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
            if (!response) { // the drop-after-commit fault
                m_socket->abort();
                return;
            }
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

HttpsServer::HttpsServer(const QSslConfiguration &tls, ServerOptions options, RequestHandler handler, QObject *parent)
    : QObject(parent), m_options(options), m_handler(std::move(handler)),
      m_random(options.faults.seed != 0 ? options.faults.seed : std::random_device{}())
{
    m_server.setSslConfiguration(tls);
    m_server.setHandshakeTimeout(m_options.handshakeTimeoutMs);
    connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] { acceptPending(); });
    connect(&m_server, &QSslServer::peerVerifyError, this, [](QSslSocket *socket, const QSslError &error) {
        qCInfo(lcHttp).noquote() << "refused client certificate from" << socket->peerAddress().toString() << "-"
                                 << error.errorString();
    });
    connect(&m_server, &QSslServer::errorOccurred, this, [](QSslSocket *socket, QAbstractSocket::SocketError) {
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
    if (!m_server.listen(address, port))
        return Error{ErrorCode::IoError, "cannot listen on " + address.toString().toStdString() + ":" +
                                             std::to_string(port) + ": " + m_server.errorString().toStdString()};
    return {};
}

void HttpsServer::close()
{
    m_server.close();
}

void HttpsServer::acceptPending()
{
    while (m_server.hasPendingConnections()) {
        auto *socket = qobject_cast<QSslSocket *>(m_server.nextPendingConnection());
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
