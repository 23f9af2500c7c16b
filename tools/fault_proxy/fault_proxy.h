// FaultProxy: a TCP proxy on loopback that injects the network faults the sync must survive:
// connections dropped on accept, delays, resets in the middle of a stream, and answers cut off
// after the client sent its request (the server committed, the client never reads the receipt).
// TLS passes through untouched (end to end between kiosk and server). With several targets it is
// also a round-robin load balancer.
// Thread-safety: GUI/main thread only (one event loop).
#pragma once

#include <QHostAddress>
#include <QObject>
#include <QTcpServer>

#include <random>

namespace simkyc::tools {

struct FaultOptions {
    double drop = 0;            // probability a new connection is closed at once
    double reset = 0;           // probability, per forwarded chunk, that both sides are aborted
    double cutResponse = 0;     // probability a connection's first answer to a request is cut off
    int delayMaxMs = 0;         // each chunk is held for a uniform 0..delayMaxMs
    qint64 requestBytes = 4096; // client bytes after which server data is an answer (past the handshake)
    unsigned seed = 1;
};

struct FaultCounts {
    long long connections = 0, dropped = 0, resets = 0, cuts = 0, delayed = 0;
};

class FaultProxy : public QObject {
    Q_OBJECT
public:
    // Connections go to the targets in turn (a round-robin load balancer when there are several).
    FaultProxy(QList<QPair<QHostAddress, quint16>> targets, FaultOptions options, QObject *parent = nullptr);
    bool listen(const QHostAddress &address, quint16 port);
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    [[nodiscard]] const FaultCounts &counts() const { return m_counts; }

private:
    void accept();
    bool chance(double p);

    QTcpServer m_server;
    QList<QPair<QHostAddress, quint16>> m_targets;
    qsizetype m_next = 0;
    FaultOptions m_options;
    FaultCounts m_counts;
    std::mt19937 m_random;
};

} // namespace simkyc::tools
