#include "vision/capture_thread.h"

#include "core/log.h"

namespace simkyc::vision {
namespace {

constexpr log::Category kLog{"simkyc.vision.capture"};

bool isErrorEvent(const FrameRead &item)
{
    return !item.ok();
}

} // namespace

CaptureThread::CaptureThread(std::unique_ptr<FrameSource> source, CaptureOptions options)
    : m_source(std::move(source)), m_options(options), m_queue(options.queueCapacity, &isErrorEvent)
{
    if (m_source)
        m_info = m_source->info();
}

CaptureThread::~CaptureThread()
{
    stop();
}

void CaptureThread::start()
{
    if (m_thread.joinable() || !m_source || m_stopRequested)
        return; // running already, or stopped for good
    m_running = true;
    m_thread = std::thread([this] { loop(); });
}

void CaptureThread::stop()
{
    {
        std::lock_guard lock(m_stopMutex);
        m_stopRequested = true;
    }
    m_stopCv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    m_queue.close();
}

FrameRead CaptureThread::next(std::chrono::milliseconds timeout)
{
    if (auto item = m_queue.pop(timeout))
        return std::move(*item);
    if (m_queue.closed())
        return {FrameErrorCode::Stopped, m_info.description + ": capture stopped"};
    return {FrameErrorCode::Timeout,
            m_info.description + ": no frame within " + std::to_string(timeout.count()) + " ms"};
}

CaptureStats CaptureThread::stats() const
{
    return CaptureStats{m_frames.load(), m_queue.dropped(), m_errors.load(), m_reopens.load()};
}

bool CaptureThread::waitOrStop(std::chrono::nanoseconds duration)
{
    std::unique_lock lock(m_stopMutex);
    return !m_stopCv.wait_for(lock, duration, [&] { return m_stopRequested.load(); });
}

void CaptureThread::loop()
{
    const auto paceStart = std::chrono::steady_clock::now();
    while (!m_stopRequested) {
        FrameRead read = m_source->read();
        if (read.ok()) {
            Frame frame = std::move(read).value();
            if (m_options.paceToSourceTime && frame.sourceTimeMs >= 0.0) {
                const auto due =
                    paceStart + std::chrono::microseconds(static_cast<long long>(frame.sourceTimeMs * 1000));
                if (!waitOrStop(due - std::chrono::steady_clock::now()))
                    break;
                frame.timestampNs = monotonicNowNs();
            }
            m_queue.push(std::move(frame));
            ++m_frames;
            continue;
        }
        const FrameError error = read.error();
        ++m_errors;
        m_queue.push(error);
        if (error.code == FrameErrorCode::Unreadable || error.code == FrameErrorCode::NotFound)
            continue; // one bad image in a folder or list; go on with the next
        if (!error.recoverable() || !m_options.reopenOnError)
            break;
        // Lost or stalled camera: keep trying to reopen it until it works or we are stopped.
        while (waitOrStop(std::chrono::milliseconds(m_options.reopenDelayMs))) {
            const Status status = m_source->reopen();
            if (status.ok()) {
                ++m_reopens;
                log::info(kLog, m_info.description + ": reopened");
                break;
            }
            ++m_errors;
            m_queue.push(FrameError{error.code, "reopen failed: " + status.error().message});
        }
    }
    m_running = false;
    m_queue.close();
}

} // namespace simkyc::vision
