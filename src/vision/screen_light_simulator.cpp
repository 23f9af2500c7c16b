#include "vision/screen_light_simulator.h"

#include "vision/image_access.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace simkyc::vision {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr size_t kNoiseBank = size_t{1} << 19; // unit Gaussian samples drawn once per simulator

double srgbToLinear(double v)
{
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

// A 1-D correlation kernel (odd length, centred) that moves a signal by d pixels: out(x) = in(x - d), Keys' cubic
// interpolation (a = -0.5).
cv::Mat shiftKernel(double d)
{
    const auto keys = [](double t) {
        t = std::abs(t);
        return t <= 1.0  ? 1.5 * t * t * t - 2.5 * t * t + 1.0
               : t < 2.0 ? -0.5 * t * t * t + 2.5 * t * t - 4.0 * t + 2.0
                         : 0.0;
    };
    const int reach = static_cast<int>(std::ceil(std::abs(d))) + 2;
    cv::Mat k(2 * reach + 1, 1, CV_32F, cv::Scalar(0.0));
    const double p = -d, base = std::floor(p), frac = p - base;
    for (int j = -1; j <= 2; ++j)
        k.at<float>(reach + static_cast<int>(base) + j) = static_cast<float>(keys(frac - j));
    return k;
}

struct V3 {
    double x = 0.0, y = 0.0, z = 0.0;
};
double dot(V3 a, V3 b)
{
    return a.x * b.x + a.y * b.y + a.z * b.z;
}
V3 normalized(V3 a)
{
    const double n = std::sqrt(dot(a, a));
    return n > 0.0 ? V3{a.x / n, a.y / n, a.z / n} : V3{0.0, 0.0, 1.0};
}

struct P2 {
    double x = 0.0, y = 0.0;
};
P2 pointOf(const Landmarks &l, int i)
{
    return {l[static_cast<size_t>(i)].x, l[static_cast<size_t>(i)].y};
}
double dot2(P2 a, P2 b)
{
    return a.x * b.x + a.y * b.y;
}
P2 minus(P2 a, P2 b)
{
    return {a.x - b.x, a.y - b.y};
}

// The head as the ellipsoid fitted to the landmarks (see the header) and the nose ridge on it.
struct Head {
    P2 centre, u, v; // u along the eye line, v down the face
    double a = 0.0, bLow = 0.0, bUp = 0.0, depth = 0.0;
    P2 bridge, tip, base;
    double noseHalfWidth = 0.0;

    // Local coordinates: across (along u) and down (along v) from the centre.
    [[nodiscard]] P2 local(P2 p) const
    {
        const P2 d = minus(p, centre);
        return {dot2(d, u), dot2(d, v)};
    }
    // (x/a)^2 + (y/b)^2: inside the head below 1.
    [[nodiscard]] double radius2(P2 p) const
    {
        const P2 q = local(p);
        const double b = q.y > 0.0 ? bLow : bUp;
        return q.x * q.x / (a * a) + q.y * q.y / (b * b);
    }
    [[nodiscard]] double height(P2 p) const
    {
        const double r2 = radius2(p);
        if (r2 >= 1.0)
            return 0.0;
        double z = depth * std::sqrt(1.0 - r2);
        // The nose: a parabolic ridge from the bridge to the tip, then falling to the base.
        const P2 along = minus(tip, bridge);
        const double length2 = dot2(along, along);
        const double s = dot2(minus(p, bridge), along) / length2;
        const double length = std::sqrt(length2);
        const double under = std::max(1.0, 1.3 * std::sqrt(dot2(minus(base, tip), minus(base, tip))));
        double ridge = 0.0;
        double half = noseHalfWidth;
        if (s >= 0.0 && s <= 1.0) {
            ridge = a * (0.10 + 0.22 * s);
            half *= 0.35 + 0.65 * s;
        } else if (s > 1.0 && (s - 1.0) * length < under) {
            ridge = a * 0.32 * (1.0 - (s - 1.0) * length / under);
        }
        if (ridge > 0.0) {
            const double across = std::abs(along.x * (p.y - bridge.y) - along.y * (p.x - bridge.x)) / length;
            const double f = 1.0 - (across / half) * (across / half);
            if (f > 0.0)
                z += ridge * f;
        }
        return z;
    }
};

Head headOf(const Landmarks &l)
{
    Head h;
    const P2 left = pointOf(l, 0), right = pointOf(l, 16);
    h.centre = {(left.x + right.x) / 2.0, (left.y + right.y) / 2.0};
    const P2 eyes = minus(pointOf(l, 45), pointOf(l, 36));
    const double eyesLength = std::max(1e-6, std::sqrt(dot2(eyes, eyes)));
    h.u = {eyes.x / eyesLength, eyes.y / eyesLength};
    h.v = {-h.u.y, h.u.x};
    h.a = std::sqrt(dot2(minus(right, left), minus(right, left))) / 2.0;
    h.bLow = std::max(h.a * 0.5, dot2(minus(pointOf(l, 8), h.centre), h.v));
    h.bUp = h.bLow;
    h.depth = 0.8 * h.a;
    h.bridge = pointOf(l, 27);
    h.tip = pointOf(l, 30);
    h.base = pointOf(l, 33);
    h.noseHalfWidth = std::max(
        1.0, 0.5 * std::sqrt(dot2(minus(pointOf(l, 35), pointOf(l, 31)), minus(pointOf(l, 35), pointOf(l, 31)))));
    return h;
}

} // namespace

Result<ScreenLightSimulator> ScreenLightSimulator::create(const Image &base, const Landmarks &landmarks,
                                                          ColourSchedule schedule, const ScreenLightScene &scene)
{
    if (base.empty() || base.channels() != 3)
        return {ErrorCode::InvalidArgument, "the base image must be a colour image"};
    if (landmarks.size() != 68)
        return {ErrorCode::InvalidArgument, "68 landmarks are needed"};
    if (!(scene.fps >= 1.0 && scene.fps <= 240.0) || scene.exposureMs < 0.0 || scene.delayMs < 0.0 ||
        scene.readoutMs < 0.0 || scene.leadMs < 0.0 || scene.tailMs < 0.0 || scene.aeTauMs <= 0.0 ||
        scene.awbTauMs <= 0.0 || scene.noiseSigma < 0.0 || scene.ambientFromAbove < 0.0 ||
        scene.ambientFromAbove > 0.75 || scene.deviceWidthFactor <= 0.0 || scene.deviceAspect <= 0.0)
        return {ErrorCode::InvalidArgument, "a scene parameter is out of range"};
    const Head head = headOf(landmarks);
    if (head.a < 10.0)
        return {ErrorCode::InvalidArgument, "the face is under 20 px wide"};

    ScreenLightSimulator sim;
    sim.m_schedule = std::move(schedule);
    sim.m_scene = scene;
    sim.m_width = base.width();
    sim.m_height = base.height();
    sim.m_landmarks = landmarks;
    sim.m_rng.seed(scene.seed);
    std::uniform_real_distribution<double> phase(0.0, 2.0 * kPi);
    sim.m_swayPhase = {phase(sim.m_rng), phase(sim.m_rng)};
    sim.m_noise.resize(
        std::max(kNoiseBank, 6 * static_cast<size_t>(base.width()) * static_cast<size_t>(base.height())));
    cv::RNG bank(static_cast<std::uint64_t>(scene.seed) * 0x9e3779b97f4a7c15ULL + 1);
    cv::Mat bankMat(1, static_cast<int>(sim.m_noise.size()), CV_32F, sim.m_noise.data());
    bank.fill(bankMat, cv::RNG::NORMAL, 0.0, 1.0);
    const int w = sim.m_width, h = sim.m_height;
    const size_t n = static_cast<size_t>(w) * static_cast<size_t>(h);

    // L0: the base decoded to linear R, G, B.
    std::array<float, 256> decode{};
    for (size_t i = 0; i < decode.size(); ++i)
        decode[i] = static_cast<float>(srgbToLinear(static_cast<double>(i) / 255.0));
    const cv::Mat bgr = ImageAccess::view(base);
    sim.m_l0.resize(n * 3);
    for (int y = 0; y < h; ++y) {
        const std::uint8_t *px = bgr.ptr<std::uint8_t>(y);
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 3; ++c)
                sim.m_l0[(static_cast<size_t>(y) * w + x) * 3 + c] = decode[px[3 * x + 2 - c]];
    }

    // The room everywhere first.
    sim.m_diffuse.assign(n, static_cast<float>(scene.kappa * scene.backgroundFactor));
    sim.m_additive.assign(n, 0.0f);
    const auto index = [w](int x, int y) { return static_cast<size_t>(y) * w + x; };

    double browTop = 1e30;
    for (int i = 17; i <= 26; ++i)
        browTop = std::min<double>(browTop, landmarks[static_cast<size_t>(i)].y);
    const double chin = landmarks[8].y;
    const double deviceW = scene.deviceWidthFactor * 2.0 * head.a, deviceH = scene.deviceAspect * deviceW;
    const P2 deviceCentre{head.centre.x, (browTop + chin) / 2.0};
    const auto inDevice = [&](int x, int y, double inset) {
        return std::abs(x + 0.5 - deviceCentre.x) < deviceW / 2.0 - inset &&
               std::abs(y + 0.5 - deviceCentre.y) < deviceH / 2.0 - inset;
    };
    const float rho = static_cast<float>(scene.glassReflectance);

    switch (scene.kind) {
    case ScreenLightSceneKind::Skin: {
        // Depth map of the head, normals from its gradient.
        std::vector<double> z(n, 0.0);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                z[index(x, y)] = head.height({x + 0.5, y + 0.5});
        const V3 light = normalized({0.0, 0.2, 1.0});
        const V3 ambient = normalized({0.0, -1.0, 1.0});
        const V3 halfway = normalized({light.x, light.y, light.z + 1.0});
        const double ambientFront = ambient.z;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                if (head.radius2({x + 0.5, y + 0.5}) >= 1.0)
                    continue;
                const auto depthAt = [&](int xx, int yy) {
                    return z[index(std::clamp(xx, 0, w - 1), std::clamp(yy, 0, h - 1))];
                };
                const V3 normal = normalized({-(depthAt(x + 1, y) - depthAt(x - 1, y)) / 2.0,
                                              -(depthAt(x, y + 1) - depthAt(x, y - 1)) / 2.0, 1.0});
                const double cosine = std::max(0.0, dot(normal, light));
                const double shade =
                    std::max(0.25, (1.0 - scene.ambientFromAbove) +
                                       scene.ambientFromAbove * std::max(0.0, dot(normal, ambient)) / ambientFront);
                sim.m_diffuse[index(x, y)] = static_cast<float>(scene.kappa * cosine / shade);
                sim.m_additive[index(x, y)] =
                    static_cast<float>(scene.skinSheen * std::pow(std::max(0.0, dot(normal, halfway)), 8.0));
            }
        break;
    }
    case ScreenLightSceneKind::PhoneReplay:
    case ScreenLightSceneKind::MonitorReplay: {
        const bool monitor = scene.kind == ScreenLightSceneKind::MonitorReplay;
        const double bezel = 0.05 * deviceW;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                if (!monitor && !inDevice(x, y, 0.0))
                    continue;
                sim.m_diffuse[index(x, y)] = 0.0f;
                sim.m_additive[index(x, y)] = rho;
                if (!monitor && !inDevice(x, y, bezel))
                    for (int c = 0; c < 3; ++c)
                        sim.m_l0[index(x, y) * 3 + c] = 0.004f; // the black bezel
            }
        break;
    }
    case ScreenLightSceneKind::MattePrint:
    case ScreenLightSceneKind::GlossyPrint: {
        const bool glossy = scene.kind == ScreenLightSceneKind::GlossyPrint;
        const double tilt = std::cos(scene.printTiltDeg * kPi / 180.0);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const P2 p{x + 0.5, y + 0.5};
                if (scene.printCutOut ? head.radius2(p) >= 1.0 : !inDevice(x, y, 0.0))
                    continue;
                double bend = 1.0;
                if (scene.printBend > 0.0) {
                    const double t = head.local(p).x * scene.printBend / head.a;
                    bend = std::abs(t) < 1.0 ? std::sqrt(1.0 - t * t) : 0.0;
                }
                sim.m_diffuse[index(x, y)] = static_cast<float>(scene.kappa * tilt * bend);
                sim.m_additive[index(x, y)] = glossy ? rho : 0.0f;
            }
        break;
    }
    }

    // The subject that sways: the head (a live face, or the person in a monitor's replay), the phone, the print.
    sim.m_subject.assign(n, 0.0f);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const P2 p{x + 0.5, y + 0.5};
            bool in = false;
            switch (scene.kind) {
            case ScreenLightSceneKind::Skin:
            case ScreenLightSceneKind::MonitorReplay: in = head.radius2(p) < 1.1; break;
            case ScreenLightSceneKind::PhoneReplay: in = inDevice(x, y, 0.0); break;
            case ScreenLightSceneKind::MattePrint:
            case ScreenLightSceneKind::GlossyPrint:
                in = scene.printCutOut ? head.radius2(p) < 1.0 : inDevice(x, y, 0.0);
            }
            sim.m_subject[index(x, y)] = in ? 1.0f : 0.0f;
        }
    {
        cv::Mat subject(h, w, CV_32F, sim.m_subject.data());
        cv::GaussianBlur(subject, subject, cv::Size(0, 0), 1.0); // a soft edge
        const int margin = static_cast<int>(std::ceil(scene.swayPx)) + 4;
        const cv::Rect inside = cv::boundingRect(subject > 0.0f);
        const cv::Rect box =
            cv::Rect(inside.x - margin, inside.y - margin, inside.width + 2 * margin, inside.height + 2 * margin) &
            cv::Rect(0, 0, w, h);
        sim.m_subjectBox = {box.x, box.y, box.width, box.height};
    }

    // The static response P = L0 D + S, and per row the sums of L0 and P.
    sim.m_response.resize(n * 3);
    sim.m_rowSums.assign(static_cast<size_t>(h), {});
    for (size_t i = 0; i < n; ++i)
        for (size_t c = 0; c < 3; ++c) {
            sim.m_response[i * 3 + c] = sim.m_l0[i * 3 + c] * sim.m_diffuse[i] + sim.m_additive[i];
            sim.m_rowSums[i / static_cast<size_t>(w)][c] += sim.m_l0[i * 3 + c];
            sim.m_rowSums[i / static_cast<size_t>(w)][c + 3] += sim.m_response[i * 3 + c];
        }

    // The rest scene's channel means: the camera's gains are 1 there.
    for (size_t i = 0; i < n; ++i)
        for (size_t c = 0; c < 3; ++c)
            sim.m_restMean[c] += sim.m_l0[i * 3 + c] * (1.0 + sim.m_diffuse[i] * kScreenRestEmission) +
                                 sim.m_additive[i] * kScreenRestEmission;
    for (double &m : sim.m_restMean)
        m = std::max(1e-6, m / static_cast<double>(n));
    const double span = scene.leadMs + sim.m_schedule.totalMs() + scene.delayMs + scene.tailMs;
    sim.m_frames = static_cast<int>(std::floor(span * scene.fps / 1000.0)) + 1;
    return sim;
}

SimulatedFrame ScreenLightSimulator::next()
{
    SimulatedFrame frame;
    if (done())
        return frame;
    const ScreenLightScene &s = m_scene;
    const int w = m_width, h = m_height;
    const double frameMs = 1000.0 / s.fps;
    frame.tMs = -s.leadMs + m_index * frameMs;

    // Each row's exposure window, the emission the camera's channels see.
    const double x = s.crosstalk;
    std::vector<std::array<float, 3>> rowEmission(static_cast<size_t>(h));
    for (int y = 0; y < h; ++y) {
        const double end = frame.tMs - s.delayMs - s.readoutMs * (1.0 - (y + 0.5) / h);
        std::array<double, 3> e{};
        for (int c = 0; c < 3; ++c)
            e[static_cast<size_t>(c)] = meanScreenEmission(m_schedule, end - s.exposureMs, end, c);
        for (size_t c = 0; c < 3; ++c)
            rowEmission[static_cast<size_t>(y)][c] =
                static_cast<float>((1.0 - x) * e[c] + x / 2.0 * (e[(c + 1) % 3] + e[(c + 2) % 3]));
    }

    // Radiance with this frame's gains, L0 g + P (e g) per channel; its pre-gain means (the camera's statistics) from
    // the rows' sums.
    const size_t n = static_cast<size_t>(w) * static_cast<size_t>(h);
    m_radiance.resize(n * 3);
    cv::Mat radiance(h, w, CV_32FC3, m_radiance.data());
    std::array<double, 3> mean{};
    const std::array<float, 3> gain{static_cast<float>(m_gain * m_balance[0]),
                                    static_cast<float>(m_gain * m_balance[1]),
                                    static_cast<float>(m_gain * m_balance[2])};
    for (int y = 0; y < h; ++y) {
        const std::array<float, 3> &e = rowEmission[static_cast<size_t>(y)];
        const std::array<float, 3> ge{e[0] * gain[0], e[1] * gain[1], e[2] * gain[2]};
        const size_t row = static_cast<size_t>(y) * static_cast<size_t>(w) * 3;
        const float *l0 = m_l0.data() + row, *p = m_response.data() + row;
        float *out = radiance.ptr<float>(y);
        for (int xx = 0; xx < w; ++xx) {
            out[3 * xx] = l0[3 * xx] * gain[0] + p[3 * xx] * ge[0];
            out[3 * xx + 1] = l0[3 * xx + 1] * gain[1] + p[3 * xx + 1] * ge[1];
            out[3 * xx + 2] = l0[3 * xx + 2] * gain[2] + p[3 * xx + 2] * ge[2];
        }
        for (size_t c = 0; c < 3; ++c)
            mean[c] += m_rowSums[static_cast<size_t>(y)][c] + m_rowSums[static_cast<size_t>(y)][c + 3] * e[c];
    }
    for (double &m : mean)
        m /= static_cast<double>(n);

    // The subject's slow sway, sub-pixel, over the still room: the subject layer shifted and laid over the rest.
    const double dx = s.swayPx * std::sin(2.0 * kPi * frame.tMs / 1900.0 + m_swayPhase[0]);
    const double dy = 0.6 * s.swayPx * std::sin(2.0 * kPi * frame.tMs / 2700.0 + m_swayPhase[1]);
    // (bicubic, separable, over the subject's box: its blur changes little with the shift's fraction of a pixel)
    const cv::Rect box(m_subjectBox.x, m_subjectBox.y, m_subjectBox.width, m_subjectBox.height);
    if ((dx != 0.0 || dy != 0.0) && box.area() > 0) {
        const cv::Mat region = radiance(box);
        const cv::Mat subject = cv::Mat(h, w, CV_32F, m_subject.data())(box);
        cv::Mat moved, cover;
        cv::sepFilter2D(region, moved, -1, shiftKernel(dx), shiftKernel(dy), cv::Point(-1, -1), 0.0,
                        cv::BORDER_REFLECT_101);
        cv::sepFilter2D(subject, cover, -1, shiftKernel(dx), shiftKernel(dy), cv::Point(-1, -1), 0.0,
                        cv::BORDER_CONSTANT);
        for (int y = 0; y < region.rows; ++y) {
            float *out = radiance.ptr<float>(box.y + y) + 3 * box.x;
            const float *in = moved.ptr<float>(y), *a = cover.ptr<float>(y);
            for (int xx = 0; xx < region.cols; ++xx)
                for (int c = 0; c < 3; ++c)
                    out[3 * xx + c] += a[xx] * (in[3 * xx + c] - out[3 * xx + c]);
        }
    }

    // Clip, encode to sRGB, add the noise (a slice of the bank at a random offset), round, saturate; BGR.
    // (scratch buffers kept per thread: a frame's worth of large allocations each time would cost page faults)
    thread_local cv::Mat encoded, dark, toe, rgb;
    cv::max(radiance, 0.0f, radiance);
    cv::min(radiance, 1.0f, radiance);
    cv::pow(radiance, 1.0 / 2.4, encoded);
    encoded.convertTo(encoded, CV_32F, 1.055 * 255.0, -0.055 * 255.0);
    cv::compare(radiance, cv::Scalar::all(0.0031308), dark, cv::CMP_LT);
    radiance.convertTo(toe, CV_32F, 12.92 * 255.0);
    toe.copyTo(encoded, dark);
    if (s.noiseSigma > 0.0) {
        const size_t offset = std::uniform_int_distribution<size_t>(0, m_noise.size() - 3 * n)(m_rng);
        const cv::Mat noise(h, w, CV_32FC3, m_noise.data() + offset);
        cv::scaleAdd(noise, s.noiseSigma, encoded, encoded);
    }
    cv::Mat out;
    encoded.convertTo(rgb, CV_8U);
    cv::cvtColor(rgb, out, cv::COLOR_RGB2BGR);
    frame.image = ImageAccess::fromMat(out);

    std::normal_distribution<double> jitter(0.0, std::max(1e-9, s.landmarkJitterPx));
    frame.landmarks = m_landmarks;
    for (PointF &p : frame.landmarks) {
        p.x = static_cast<float>(p.x + dx + (s.landmarkJitterPx > 0.0 ? jitter(m_rng) : 0.0));
        p.y = static_cast<float>(p.y + dy + (s.landmarkJitterPx > 0.0 ? jitter(m_rng) : 0.0));
    }

    // The camera's control loops, from this frame's statistics for the next.
    const double luminance = 0.2126 * mean[0] + 0.7152 * mean[1] + 0.0722 * mean[2];
    const double restLuminance = 0.2126 * m_restMean[0] + 0.7152 * m_restMean[1] + 0.0722 * m_restMean[2];
    if (s.autoExposure) {
        const double target = restLuminance / std::max(1e-6, luminance);
        m_gain += (target - m_gain) * (1.0 - std::exp(-frameMs / s.aeTauMs));
    }
    if (s.autoWhiteBalance)
        for (size_t c = 0; c < 3; ++c) {
            const double target =
                (luminance / std::max(1e-6, mean[c])) / (restLuminance / std::max(1e-6, m_restMean[c]));
            m_balance[c] += (target - m_balance[c]) * (1.0 - std::exp(-frameMs / s.awbTauMs));
        }
    ++m_index;
    return frame;
}

Result<std::vector<SimulatedFrame>> simulateScreenLight(const Image &base, const Landmarks &landmarks,
                                                        const ColourSchedule &schedule, const ScreenLightScene &scene)
{
    auto sim = ScreenLightSimulator::create(base, landmarks, schedule, scene);
    if (!sim)
        return sim.error();
    std::vector<SimulatedFrame> frames;
    frames.reserve(static_cast<size_t>(sim->frameCount()));
    while (!sim->done())
        frames.push_back(sim->next());
    return frames;
}

} // namespace simkyc::vision
