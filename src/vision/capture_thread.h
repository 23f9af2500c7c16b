// CaptureThread: runs one FrameSource on its own std::thread and publishes frames and error events
// into a 2-3 slot "latest frame wins" queue, so a slow consumer sees fresh frames and the producer
// never waits for it.
// Guarantees: the producer never blocks on the consumer (the oldest queued frame is dropped; error
// events are kept ahead of frames); camera_lost / camera_stalled are published as events and, with
// reopenOnError, followed by reopen attempts every reopenDelayMs until it works or stop(); after
// end_of_stream (or an error that cannot be recovered) the thread ends and next() drains the queue,
// then returns Stopped; stop() is idempotent, joins the thread and is called by the destructor
// (it returns once the source's current read() does; a V4L2 read is bounded by the stall timeout).
// Thread-safety: start()/stop() from the owning thread; next() from one consumer thread;
// stats()/running() from any thread.
#pragma once

#include "vision/frame_source.h"
#include "vision/latest_queue.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace simkyc::vision {

struct CaptureOptions {
    int queueCapacity = 2;         // 2-3 slots
    bool reopenOnError = true;     // camera_lost / camera_stalled: try to reopen the source
    int reopenDelayMs = 500;       // between reopen attempts
    bool paceToSourceTime = false; // files/folders: publish at the container's rate (a file-backed camera)
};

struct CaptureStats {
    std::int64_t frames = 0;  // frames published
    std::int64_t dropped = 0; // items dropped because the consumer was slower than the source
    std::int64_t errors = 0;  // error events published
    std::int64_t reopens = 0; // successful reopen() calls
};

class CaptureThread {
public:
    explicit CaptureThread(std::unique_ptr<FrameSource> source, CaptureOptions options = {});
    ~CaptureThread();
    CaptureThread(const CaptureThread &) = delete;
    CaptureThread &operator=(const CaptureThread &) = delete;

    void start(); // no-op when already started or stopped (a CaptureThread runs once)
    void stop();

    // The next frame or error event; Timeout when nothing arrived in time; Stopped once the thread
    // has ended and the queue is empty.
    FrameRead next(std::chrono::milliseconds timeout);

    [[nodiscard]] bool running() const { return m_running.load(); }
    [[nodiscard]] CaptureStats stats() const;
    [[nodiscard]] const SourceInfo &sourceInfo() const { return m_info; } // as opened

private:
    void loop();
    bool waitOrStop(std::chrono::nanoseconds duration); // false when stop() was requested

    std::unique_ptr<FrameSource> m_source;
    CaptureOptions m_options;
    SourceInfo m_info;
    LatestQueue<FrameRead> m_queue;
    std::thread m_thread;
    std::mutex m_stopMutex;
    std::condition_variable m_stopCv;
    std::atomic<bool> m_stopRequested{false};
    std::atomic<bool> m_running{false};
    std::atomic<std::int64_t> m_frames{0};
    std::atomic<std::int64_t> m_errors{0};
    std::atomic<std::int64_t> m_reopens{0};
};

} // namespace simkyc::vision
