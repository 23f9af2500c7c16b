#include "upstream/connection_limits.h"

namespace simkyc::upstream {

QHostAddress ConnectionLimits::normalised(const QHostAddress &address)
{
    bool isIpv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIpv4);
    return isIpv4 ? QHostAddress(ipv4) : address;
}

Admission ConnectionLimits::admit(const QHostAddress &address)
{
    const QHostAddress key = normalised(address);
    if (m_counts.open >= m_options.maxTotal) {
        ++m_counts.refusedTotal;
        return Admission::OverTotalLimit;
    }
    if (m_perIp.value(key, 0) >= m_options.maxPerIp) {
        ++m_counts.refusedPerIp;
        return Admission::OverPerIpLimit;
    }
    ++m_perIp[key];
    ++m_counts.open;
    return Admission::Admitted;
}

void ConnectionLimits::release(const QHostAddress &address)
{
    const auto it = m_perIp.find(normalised(address));
    Q_ASSERT(it != m_perIp.end() && m_counts.open > 0);
    if (it == m_perIp.end())
        return;
    --m_counts.open;
    if (--it.value() <= 0)
        m_perIp.erase(it);
}

int ConnectionLimits::openFrom(const QHostAddress &address) const
{
    return m_perIp.value(normalised(address), 0);
}

} // namespace simkyc::upstream
