// AttemptLimiter: the kiosk's retry rule for the face check, at most `maxAttempts` sessions per
// customer within a sliding `window` (by default 3 per 10 minutes; issue "The kiosk").
// Keys are opaque: the application passes a digest of the normalised ID number, never the number.
// Guarantees: tryStart() counts an attempt only when it is allowed; attempts older than the window
// are forgotten on every call, so memory holds at most the customers of the last window.
// Pure (no I/O, no clock of its own: time is passed in). Thread-safety: one instance per thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace simkyc::core {

inline constexpr int kDefaultMaxFaceAttempts = 3;
inline constexpr std::chrono::minutes kDefaultAttemptWindow{10};

class AttemptLimiter {
public:
    using TimePoint = std::chrono::system_clock::time_point;

    // maxAttempts is at least 1; window at least 1 s.
    explicit AttemptLimiter(int maxAttempts = kDefaultMaxFaceAttempts,
                            std::chrono::seconds window = kDefaultAttemptWindow);

    // Attempts still allowed for `key` at `now` (0..maxAttempts).
    [[nodiscard]] int remaining(const std::string &key, TimePoint now);
    // Counts an attempt and returns true when one is allowed; false (and nothing counted) otherwise.
    bool tryStart(const std::string &key, TimePoint now);
    // When the oldest counted attempt leaves the window (the next one is allowed then); `now` when
    // an attempt is allowed already.
    [[nodiscard]] TimePoint nextAllowedAt(const std::string &key, TimePoint now);
    // Customers with attempts inside the window (for tests and memory checks).
    [[nodiscard]] std::size_t trackedKeys(TimePoint now);

    [[nodiscard]] int maxAttempts() const { return m_maxAttempts; }
    // A new limit (at least 1); the attempts already counted stay counted.
    void setMaxAttempts(int maxAttempts) { m_maxAttempts = maxAttempts < 1 ? 1 : maxAttempts; }

private:
    void forgetBefore(TimePoint now);

    int m_maxAttempts;
    std::chrono::seconds m_window;
    std::map<std::string, std::vector<TimePoint>> m_attempts; // oldest first
};

} // namespace simkyc::core
