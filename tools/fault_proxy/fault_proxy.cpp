#include "fault_proxy.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <chrono>
#include <memory>

namespace simkyc::tools {

FaultProxy::FaultProxy(QList<QPair<QHostAddress, quint16>> targets, FaultOptions options, QObject *parent)
    : QObject(parent), m_targets(std::move(targets)), m_options(options), m_random(options.seed)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::accept);
}

bool FaultProxy::listen(const QHostAddress &address, quint16 port)
{
    return m_server.listen(address, port);
}

bool FaultProxy::chance(double p)
{
    return p > 0 && std::uniform_real_distribution<>(0, 1)(m_random) < p;
}

void FaultProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        ++m_counts.connections;
        if (chance(m_options.drop)) {
            ++m_counts.dropped;
            client->abort();
            client->deleteLater();
            continue;
        }
        auto *upstream = new QTcpSocket(client); // dies with the client
        struct Link {
            qint64 clientBytes = 0;
            bool cut = false;
            bool closed = false;
        };
        auto link = std::make_shared<Link>();
        link->cut = chance(m_options.cutResponse);
        QPointer<QTcpSocket> c(client);
        QPointer<QTcpSocket> u(upstream);
        auto closeBoth = [c, u, link] {
            if (link->closed)
                return;
            link->closed = true;
            if (u)
                u->abort();
            if (c) {
                c->abort();
                c->deleteLater();
            }
        };
        // Forwards one chunk, maybe later (never out of order: a chunk leaves after the one before it),
        // maybe not at all.
        struct Direction {
            std::chrono::steady_clock::time_point lastRelease{};
        };
        auto toServer = std::make_shared<Direction>();
        auto toClient = std::make_shared<Direction>();
        auto forward = [this, closeBoth, link](QPointer<QTcpSocket> to, const std::shared_ptr<Direction> &way,
                                               QByteArray data) {
            if (chance(m_options.reset)) {
                ++m_counts.resets;
                return closeBoth();
            }
            const auto now = std::chrono::steady_clock::now();
            const auto hold = std::chrono::milliseconds(
                m_options.delayMaxMs > 0 ? std::uniform_int_distribution<>(0, m_options.delayMaxMs)(m_random) : 0);
            way->lastRelease = std::max(way->lastRelease, now + hold);
            if (way->lastRelease <= now) {
                if (to && !link->closed)
                    to->write(data);
                return;
            }
            ++m_counts.delayed;
            const auto wait = std::chrono::ceil<std::chrono::milliseconds>(way->lastRelease - now);
            QTimer::singleShot(wait, Qt::PreciseTimer, this, [to, data, link] {
                if (to && !link->closed)
                    to->write(data);
            });
        };
        connect(client, &QTcpSocket::readyRead, this, [c, u, link, forward, toServer] {
            const QByteArray data = c->readAll();
            link->clientBytes += data.size();
            forward(u, toServer, data);
        });
        connect(upstream, &QTcpSocket::readyRead, this, [this, c, u, link, forward, closeBoth, toClient] {
            const QByteArray data = u->readAll();
            if (link->cut && link->clientBytes > m_options.requestBytes) {
                ++m_counts.cuts; // the server answered a request: the client never sees it
                return closeBoth();
            }
            forward(c, toClient, data);
        });
        connect(client, &QTcpSocket::disconnected, this, closeBoth);
        connect(upstream, &QTcpSocket::disconnected, this, closeBoth);
        connect(upstream, &QTcpSocket::errorOccurred, this, closeBoth);
        const auto &[host, port] = m_targets[m_next++ % m_targets.size()];
        upstream->connectToHost(host, port);
    }
}

} // namespace simkyc::tools
