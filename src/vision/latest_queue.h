// LatestQueue<T>: a small bounded "latest item wins" queue between one producer and one consumer.
// Guarantees: push() never blocks and never fails: when the queue is full the OLDEST item is dropped
// (counted in dropped()), except that items the optional `keep` predicate marks (error events) are
// passed over while a droppable item exists; pop() waits at most the given timeout and returns items in push order;
// after close(), pop() drains what is left and then returns nullopt at once, and push() is ignored.
// Thread-safety: all methods may be called from any thread (one mutex, one condition variable).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>

namespace simkyc::vision {

template <typename T>
class LatestQueue {
public:
    // capacity is clamped to [1, 8]; 2-3 is what the frame path uses.
    using KeepPredicate = bool (*)(const T &);
    explicit LatestQueue(int capacity = 2, KeepPredicate keep = nullptr)
        : m_capacity(capacity < 1 ? 1 : (capacity > 8 ? 8 : capacity)), m_keep(keep)
    {
    }
    LatestQueue(const LatestQueue &) = delete;
    LatestQueue &operator=(const LatestQueue &) = delete;

    // Returns false when an older item had to be dropped (or the queue is closed).
    bool push(T item)
    {
        bool dropped = false;
        {
            std::lock_guard lock(m_mutex);
            if (m_closed)
                return false;
            if (static_cast<int>(m_items.size()) >= m_capacity) {
                auto victim = m_items.begin();
                if (m_keep != nullptr)
                    while (victim != m_items.end() && m_keep(*victim))
                        ++victim;
                m_items.erase(victim == m_items.end() ? m_items.begin() : victim);
                ++m_dropped;
                dropped = true;
            }
            m_items.push_back(std::move(item));
            ++m_pushed;
        }
        m_ready.notify_one();
        return !dropped;
    }

    std::optional<T> pop(std::chrono::milliseconds timeout)
    {
        std::unique_lock lock(m_mutex);
        if (!m_ready.wait_for(lock, timeout, [&] { return !m_items.empty() || m_closed; }))
            return std::nullopt;
        if (m_items.empty())
            return std::nullopt; // closed and drained
        T item = std::move(m_items.front());
        m_items.pop_front();
        return item;
    }

    std::optional<T> tryPop() { return pop(std::chrono::milliseconds(0)); }

    void close()
    {
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_ready.notify_all();
    }

    [[nodiscard]] bool closed() const
    {
        std::lock_guard lock(m_mutex);
        return m_closed;
    }
    [[nodiscard]] std::int64_t pushed() const
    {
        std::lock_guard lock(m_mutex);
        return m_pushed;
    }
    [[nodiscard]] std::int64_t dropped() const
    {
        std::lock_guard lock(m_mutex);
        return m_dropped;
    }
    [[nodiscard]] int size() const
    {
        std::lock_guard lock(m_mutex);
        return static_cast<int>(m_items.size());
    }
    [[nodiscard]] int capacity() const { return m_capacity; }

private:
    const int m_capacity;
    const KeepPredicate m_keep;
    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<T> m_items;
    std::int64_t m_pushed = 0;
    std::int64_t m_dropped = 0;
    bool m_closed = false;
};

} // namespace simkyc::vision
