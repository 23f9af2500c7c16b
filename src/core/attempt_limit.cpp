#include "core/attempt_limit.h"

#include <algorithm>

namespace simkyc::core {

AttemptLimiter::AttemptLimiter(int maxAttempts, std::chrono::seconds window)
    : m_maxAttempts(std::max(maxAttempts, 1)), m_window(std::max(window, std::chrono::seconds(1)))
{
}

void AttemptLimiter::forgetBefore(TimePoint now)
{
    const TimePoint cutoff = now - m_window;
    for (auto it = m_attempts.begin(); it != m_attempts.end();) {
        auto &times = it->second;
        times.erase(times.begin(), std::find_if(times.begin(), times.end(), [&](TimePoint t) { return t > cutoff; }));
        it = times.empty() ? m_attempts.erase(it) : std::next(it);
    }
}

int AttemptLimiter::remaining(const std::string &key, TimePoint now)
{
    forgetBefore(now);
    const auto it = m_attempts.find(key);
    const int used = it == m_attempts.end() ? 0 : static_cast<int>(it->second.size());
    return std::max(m_maxAttempts - used, 0);
}

bool AttemptLimiter::tryStart(const std::string &key, TimePoint now)
{
    if (remaining(key, now) == 0)
        return false;
    m_attempts[key].push_back(now);
    return true;
}

AttemptLimiter::TimePoint AttemptLimiter::nextAllowedAt(const std::string &key, TimePoint now)
{
    if (remaining(key, now) > 0)
        return now;
    const auto &times = m_attempts.at(key);
    return times[times.size() - static_cast<size_t>(m_maxAttempts)] + m_window;
}

std::size_t AttemptLimiter::trackedKeys(TimePoint now)
{
    forgetBefore(now);
    return m_attempts.size();
}

} // namespace simkyc::core
