// Counts the upstream server's open connections, in total and per client IP address, and decides
// whether one more may open (docs/upstream-api.md, "Connection limits").
// Guarantees: while every admitted connection is released exactly once, open() never exceeds
// maxTotal and openFrom(address) never exceeds maxPerIp; an address's entry is dropped when its
// last connection is released (memory follows the open connections, not the addresses seen); an
// IPv4-mapped IPv6 address counts as its IPv4 address.
// Thread-safety: one instance per thread (the server's event-loop thread).
#pragma once

#include <QHash>
#include <QHostAddress>

namespace simkyc::upstream {

struct ConnectionLimitOptions {
    int maxTotal = 256; // open connections, those still in their TLS handshake included
    int maxPerIp = 32;  // open connections from one client IP address
};

enum class Admission { Admitted, OverPerIpLimit, OverTotalLimit };

struct ConnectionCounts {
    int open = 0;
    long long refusedPerIp = 0; // since start
    long long refusedTotal = 0; // since start
    [[nodiscard]] long long refused() const { return refusedPerIp + refusedTotal; }
};

class ConnectionLimits {
public:
    explicit ConnectionLimits(ConnectionLimitOptions options) : m_options(options) {}

    // Admitted: the caller holds one slot of `address` and must release() it exactly once.
    [[nodiscard]] Admission admit(const QHostAddress &address);
    void release(const QHostAddress &address);

    [[nodiscard]] int openFrom(const QHostAddress &address) const;
    [[nodiscard]] const ConnectionCounts &counts() const { return m_counts; }
    [[nodiscard]] const ConnectionLimitOptions &options() const { return m_options; }

    // The key connections from `address` are counted under (IPv4-mapped IPv6 as IPv4).
    [[nodiscard]] static QHostAddress normalised(const QHostAddress &address);

private:
    ConnectionLimitOptions m_options;
    QHash<QHostAddress, int> m_perIp;
    ConnectionCounts m_counts;
};

} // namespace simkyc::upstream
