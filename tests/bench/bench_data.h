// Shared inputs of the vision benchmarks: 640x480 frames decoded ahead of time, models loaded once,
// per-frame timing percentiles and the process's peak RSS.
// Thread-safety: benchmarks run single-threaded; the lazily built data is not shared across threads.
#pragma once

#include "vision/face_embedder.h"
#include "vision/image.h"
#include "vision/landmarks.h"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

namespace simkyc::bench {

inline constexpr int kFrameWidth = 640;
inline constexpr int kFrameHeight = 480;

struct BenchFrames {
    std::vector<vision::Image> frames; // kFrameWidth x kFrameHeight BGR
    std::string label;                 // where they came from ("real ..." or "SYNTHETIC ...")
    bool real = false;
};

// 90 frames of liveness/liveportrait/d10.mp4 (a talking face), scaled to 480 px high and widened to
// 640x480 with the border (aspect kept); synthetic frames without a face when the data is absent.
const BenchFrames &benchFrames();

// Frame index i of a "ping-pong" walk through the frames (0..n-1, n-2..1, ...), so the face moves
// continuously however long a benchmark runs.
const vision::Image &pingPongFrame(std::int64_t i);

std::filesystem::path modelPath(const char *file);
const vision::LandmarkDetector *landmarks68();           // nullptr when the model is missing; on huge pages as
                                                         // FrameAnalyzer loads it
const vision::LandmarkDetector *landmarks68SmallPages(); // the same model on ordinary 4 KiB pages
const vision::LandmarkDetector *landmarks5();
vision::FaceEmbedder *embedder();

// Per-call times: the thread's CPU time (what a call costs on a core of its own, unaffected by other
// processes on a busy machine) and the wall time.
class CallTimes {
public:
    void start();
    void stop();
    [[nodiscard]] const std::vector<double> &cpuMs() const { return m_cpuMs; }
    [[nodiscard]] const std::vector<double> &wallMs() const { return m_wallMs; }

private:
    double m_cpuStart = 0, m_wallStart = 0;
    std::vector<double> m_cpuMs, m_wallMs;
};

// Adds p50_ms, p99_ms, mean_ms (CPU time per call) and wall_p50_ms, wall_p99_ms counters; returns
// the CPU-time p50.
double addPercentiles(benchmark::State &state, const CallTimes &times);
// Adds peak_rss_mb (getrusage ru_maxrss).
void addPeakRss(benchmark::State &state);

} // namespace simkyc::bench
