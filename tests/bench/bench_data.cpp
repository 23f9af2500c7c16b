#include "bench_data.h"

#include "support/test_env.h"
#include "vision/frame_source.h"
#include "vision/model_memory.h"

#include <opencv2/imgproc.hpp>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <numeric>

namespace simkyc::bench {
namespace {

constexpr int kFrameCount = 90;

vision::Image toImage(const cv::Mat &bgr)
{
    const cv::Mat packed = bgr.isContinuous() ? bgr : bgr.clone();
    auto image = vision::Image::fromPixels(packed.cols, packed.rows, 3,
                                           std::span<const std::uint8_t>(packed.datastart, packed.dataend));
    return image.ok() ? *image : vision::Image{};
}

cv::Mat letterbox(const vision::Image &image)
{
    const cv::Mat view(image.height(), image.width(), image.channels() == 3 ? CV_8UC3 : CV_8UC1,
                       const_cast<std::uint8_t *>(image.data()), image.stride());
    cv::Mat scaled;
    const double scale = static_cast<double>(kFrameHeight) / image.height();
    cv::resize(view, scaled, cv::Size(), scale, scale, cv::INTER_AREA);
    if (scaled.cols > kFrameWidth)
        scaled = scaled(cv::Rect((scaled.cols - kFrameWidth) / 2, 0, kFrameWidth, kFrameHeight)).clone();
    const int pad = kFrameWidth - scaled.cols;
    cv::Mat out;
    cv::copyMakeBorder(scaled, out, 0, 0, pad / 2, pad - pad / 2, cv::BORDER_REPLICATE);
    return out;
}

BenchFrames load()
{
    BenchFrames out;
    if (auto data = test::sharedDataDir()) {
        const auto path = *data / "liveness/liveportrait/d10.mp4";
        if (auto source = vision::openVideoFile(path); source.ok()) {
            for (auto read = (*source)->read(); read.ok() && out.frames.size() < kFrameCount; read = (*source)->read())
                out.frames.push_back(toImage(letterbox(read->image)));
        }
        out.real = out.frames.size() == kFrameCount;
        out.label = "real 640x480 frames of liveness/liveportrait/d10.mp4";
    }
    if (!out.real) {
        out.frames.clear();
        cv::RNG rng(7);
        for (int i = 0; i < kFrameCount; ++i) {
            cv::Mat m(kFrameHeight, kFrameWidth, CV_8UC3);
            rng.fill(m, cv::RNG::UNIFORM, cv::Scalar::all(40), cv::Scalar::all(200));
            cv::circle(m, cv::Point(320 + i % 20, 240), 110, cv::Scalar(90, 140, 200), cv::FILLED);
            out.frames.push_back(toImage(m));
        }
        out.label = "SYNTHETIC 640x480 frames without a face (shared data absent): timings are not representative";
    }
    return out;
}

template <typename T>
std::unique_ptr<T> loadModel(const char *file)
{
    auto loaded = T::load(modelPath(file));
    return loaded.ok() ? std::move(loaded).value() : nullptr;
}

} // namespace

const BenchFrames &benchFrames()
{
    static const BenchFrames frames = load();
    return frames;
}

const vision::Image &pingPongFrame(std::int64_t i)
{
    const auto &frames = benchFrames().frames;
    const auto n = static_cast<std::int64_t>(frames.size());
    const std::int64_t period = 2 * n - 2;
    const std::int64_t k = i % period;
    return frames[static_cast<size_t>(k < n ? k : period - k)];
}

std::filesystem::path modelPath(const char *file)
{
    return test::modelsDir() / file;
}

const vision::LandmarkDetector *landmarks68()
{
    static const auto instance = [] {
        const vision::HeapMark mark = vision::heapMark();
        auto model = loadModel<vision::LandmarkDetector>("shape_predictor_68_face_landmarks.dat");
        vision::adviseHugePagesSince(mark);
        return model;
    }();
    return instance.get();
}

const vision::LandmarkDetector *landmarks68SmallPages()
{
    static const auto instance = loadModel<vision::LandmarkDetector>("shape_predictor_68_face_landmarks.dat");
    return instance.get();
}

const vision::LandmarkDetector *landmarks5()
{
    static const auto instance = loadModel<vision::LandmarkDetector>("shape_predictor_5_face_landmarks.dat");
    return instance.get();
}

vision::FaceEmbedder *embedder()
{
    static const auto instance = loadModel<vision::FaceEmbedder>("dlib_face_recognition_resnet_model_v1.dat");
    return instance.get();
}

namespace {

double clockMs(clockid_t clock)
{
    timespec t{};
    clock_gettime(clock, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double percentile(std::vector<double> v, double q)
{
    std::sort(v.begin(), v.end());
    return v[static_cast<size_t>(q * static_cast<double>(v.size() - 1))];
}

} // namespace

void CallTimes::start()
{
    m_cpuStart = clockMs(CLOCK_THREAD_CPUTIME_ID);
    m_wallStart = clockMs(CLOCK_MONOTONIC);
}

void CallTimes::stop()
{
    m_cpuMs.push_back(clockMs(CLOCK_THREAD_CPUTIME_ID) - m_cpuStart);
    m_wallMs.push_back(clockMs(CLOCK_MONOTONIC) - m_wallStart);
}

double addPercentiles(benchmark::State &state, const CallTimes &times)
{
    const auto &cpu = times.cpuMs();
    if (cpu.empty())
        return 0.0;
    const double p50 = percentile(cpu, 0.50);
    state.counters["p50_ms"] = p50;
    state.counters["p99_ms"] = percentile(cpu, 0.99);
    state.counters["mean_ms"] = std::accumulate(cpu.begin(), cpu.end(), 0.0) / static_cast<double>(cpu.size());
    state.counters["wall_p50_ms"] = percentile(times.wallMs(), 0.50);
    state.counters["wall_p99_ms"] = percentile(times.wallMs(), 0.99);
    return p50;
}

void addPeakRss(benchmark::State &state)
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    state.counters["peak_rss_mb"] = static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

} // namespace simkyc::bench
