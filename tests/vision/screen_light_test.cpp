// The screen-light challenge: the colour schedule's rule, and the check on simulated clips of a live face and of
// the attacks (src/vision/screen_light_simulator.h has the model). The face is drawn here: 68 iBUG landmarks from
// parametric curves (jaw, brows, eyes, nose, mouth) and a painted head (skin of four tones with low-frequency blotches,
// fine grain and freckles, ambient shading from above and one side, darker brows, eyes with iris and pupil, redder
// lips, nostrils, hair), a neck and shoulders, before a striped wall, 320x240, the face 80-92 px wide. The sweeps'
// results are computed once and shared by the tests; SeparationTable prints each feature's range per kind (for
// docs/accuracy.md, "Screen light") and checks the margins of both sides against the thresholds.
#include "vision/screen_light.h"
#include "vision/screen_light_simulator.h"

#include <gtest/gtest.h>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>

namespace simkyc::vision {
namespace {

constexpr int kW = 320;
constexpr int kH = 240;
constexpr double kPi = 3.14159265358979323846;

// ---- the synthetic face ----

struct Face {
    Image image;
    Landmarks landmarks;
};

struct FaceSpec {
    unsigned seed = 1;
    double tone = 1.0;     // skin albedo scale: 1 light ... 0.25 dark
    double texture = 0.05; // fine albedo grain's amplitude (relative)
    int spots = 20;        // freckles and small moles on the face
    double halfWidth = 44.0;
    double rollDeg = 0.0;
};

// The 68 points in face units: x across (half the jaw's width = 1), y down from the eye line.
std::vector<cv::Point2d> unitLandmarks()
{
    std::vector<cv::Point2d> p(68);
    for (int i = 0; i <= 16; ++i) {
        const double phi = kPi * i / 16.0;
        p[static_cast<size_t>(i)] = {-std::cos(phi) * (1.0 - 0.12 * std::sin(phi)),
                                     0.05 + 1.55 * std::pow(std::sin(phi), 0.9)};
    }
    for (int k = 0; k < 5; ++k) {
        const double y = -0.36 - 0.1 * std::sin(kPi * (k + 0.5) / 5.0);
        p[static_cast<size_t>(17 + k)] = {-0.80 + 0.1625 * k, y};
        p[static_cast<size_t>(26 - k)] = {0.80 - 0.1625 * k, y};
    }
    const std::array<cv::Point2d, 6> eye{
        {{-0.62, 0.0}, {-0.49, -0.07}, {-0.35, -0.07}, {-0.22, 0.0}, {-0.35, 0.06}, {-0.49, 0.06}}};
    for (size_t k = 0; k < 6; ++k) {
        p[36 + k] = eye[k];
        // 42..47: the mirror, starting at the inner corner: 42 inner, 43-44 upper, 45 outer, 46-47 lower.
    }
    p[42] = {0.22, 0.0};
    p[43] = {0.35, -0.07};
    p[44] = {0.49, -0.07};
    p[45] = {0.62, 0.0};
    p[46] = {0.49, 0.06};
    p[47] = {0.35, 0.06};
    for (int k = 0; k < 4; ++k)
        p[static_cast<size_t>(27 + k)] = {0.0, -0.02 + 0.19 * k};
    const std::array<cv::Point2d, 5> nostrils{{{-0.2, 0.66}, {-0.1, 0.70}, {0.0, 0.72}, {0.1, 0.70}, {0.2, 0.66}}};
    for (size_t k = 0; k < 5; ++k)
        p[31 + k] = nostrils[k];
    const std::array<cv::Point2d, 20> mouth{{{-0.38, 1.0},  {-0.24, 0.93}, {-0.1, 0.89}, {0.0, 0.91},  {0.1, 0.89},
                                             {0.24, 0.93},  {0.38, 1.0},   {0.25, 1.1},  {0.12, 1.14}, {0.0, 1.15},
                                             {-0.12, 1.14}, {-0.25, 1.1},  {-0.32, 1.0}, {-0.1, 0.97}, {0.0, 0.975},
                                             {0.1, 0.97},   {0.32, 1.0},   {0.1, 1.03},  {0.0, 1.035}, {-0.1, 1.03}}};
    for (size_t k = 0; k < 20; ++k)
        p[48 + k] = mouth[k];
    return p;
}

// Smooth random field in [-1, 1] over the frame (a coarse grid of random values, resized with cubic interpolation).
cv::Mat lowFrequency(std::mt19937 &rng, int cells)
{
    cv::Mat coarse(cells, cells * kW / kH, CV_32F);
    std::uniform_real_distribution<float> u(-1.0f, 1.0f);
    for (int y = 0; y < coarse.rows; ++y)
        for (int x = 0; x < coarse.cols; ++x)
            coarse.at<float>(y, x) = u(rng);
    cv::Mat out;
    cv::resize(coarse, out, cv::Size(kW, kH), 0, 0, cv::INTER_CUBIC);
    return out;
}

Face drawFace(const FaceSpec &spec)
{
    std::mt19937 rng(spec.seed);
    std::uniform_real_distribution<double> u01(0.0, 1.0);
    const double a = spec.halfWidth;
    const double roll = spec.rollDeg * kPi / 180.0;
    const cv::Point2d centre{kW / 2.0 + (u01(rng) - 0.5) * 16.0, 100.0 + (u01(rng) - 0.5) * 10.0};
    const auto toImage = [&](cv::Point2d q) {
        return cv::Point2d{centre.x + a * (q.x * std::cos(roll) - q.y * std::sin(roll)),
                           centre.y + a * (q.x * std::sin(roll) + q.y * std::cos(roll))};
    };
    const auto toUnit = [&](double x, double y) {
        const double dx = (x - centre.x) / a, dy = (y - centre.y) / a;
        return cv::Point2d{dx * std::cos(roll) + dy * std::sin(roll), -dx * std::sin(roll) + dy * std::cos(roll)};
    };
    const std::vector<cv::Point2d> unit = unitLandmarks();
    Face face;
    std::vector<cv::Point2d> pts;
    for (const cv::Point2d &q : unit) {
        pts.push_back(toImage(q));
        face.landmarks.push_back({static_cast<float>(pts.back().x), static_cast<float>(pts.back().y)});
    }
    const auto poly = [&](std::initializer_list<int> ids) {
        std::vector<cv::Point> out;
        for (int i : ids)
            out.push_back({static_cast<int>(std::lround(pts[static_cast<size_t>(i)].x * 16)),
                           static_cast<int>(std::lround(pts[static_cast<size_t>(i)].y * 16))});
        return out;
    };

    // Masks of the parts.
    cv::Mat head(kH, kW, CV_8U, cv::Scalar(0)), lips(kH, kW, CV_8U, cv::Scalar(0)), mouth(kH, kW, CV_8U, cv::Scalar(0)),
        eyes(kH, kW, CV_8U, cv::Scalar(0)), brows(kH, kW, CV_8U, cv::Scalar(0)), body(kH, kW, CV_8U, cv::Scalar(0)),
        neck(kH, kW, CV_8U, cv::Scalar(0));
    {
        std::vector<cv::Point> outline;
        for (int i = 0; i <= 16; ++i)
            outline.push_back(poly({i})[0]);
        for (int k = 1; k < 40; ++k) { // the skull: half an ellipse over the ear line
            const double t = kPi * k / 40.0;
            const cv::Point2d q = toImage({std::cos(t) * 1.0, 0.05 - 1.65 * std::sin(t)});
            outline.push_back({static_cast<int>(std::lround(q.x * 16)), static_cast<int>(std::lround(q.y * 16))});
        }
        cv::fillPoly(head, std::vector<std::vector<cv::Point>>{outline}, cv::Scalar(255), cv::LINE_AA, 4);
    }
    cv::fillPoly(lips, std::vector<std::vector<cv::Point>>{poly({48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59})},
                 cv::Scalar(255), cv::LINE_AA, 4);
    cv::fillPoly(mouth, std::vector<std::vector<cv::Point>>{poly({60, 61, 62, 63, 64, 65, 66, 67})}, cv::Scalar(255),
                 cv::LINE_AA, 4);
    cv::fillPoly(eyes,
                 std::vector<std::vector<cv::Point>>{poly({36, 37, 38, 39, 40, 41}), poly({42, 43, 44, 45, 46, 47})},
                 cv::Scalar(255), cv::LINE_AA, 4);
    cv::polylines(brows, std::vector<std::vector<cv::Point>>{poly({17, 18, 19, 20, 21}), poly({22, 23, 24, 25, 26})},
                  false, cv::Scalar(255), std::max(2, static_cast<int>(0.09 * a)), cv::LINE_AA, 4);
    {
        const cv::Point2d b = toImage({0.0, 1.6 + 1.9});
        cv::ellipse(body, cv::Point(static_cast<int>(b.x), static_cast<int>(b.y)),
                    cv::Size(static_cast<int>(2.5 * a), static_cast<int>(1.4 * a)), spec.rollDeg, 0, 360,
                    cv::Scalar(255), cv::FILLED, cv::LINE_AA);
        const cv::Point2d n0 = toImage({-0.55, 0.9}), n1 = toImage({0.55, 2.4});
        cv::rectangle(neck, cv::Point(static_cast<int>(n0.x), static_cast<int>(n0.y)),
                      cv::Point(static_cast<int>(n1.x), static_cast<int>(n1.y)), cv::Scalar(255), cv::FILLED);
    }

    // Albedo and shading per pixel, linear RGB.
    const cv::Mat blotch = lowFrequency(rng, 9), wallField = lowFrequency(rng, 4);
    cv::Mat grain(kH, kW, CV_32F);
    cv::theRNG().state = spec.seed;
    cv::randn(grain, 0.0, 1.0);
    cv::GaussianBlur(grain, grain, cv::Size(0, 0), 0.8);
    grain *= 1.0 / std::sqrt(cv::mean(grain.mul(grain))[0]); // unit variance again
    // Freckles and moles: darker spots, 0.6-1.6 px, over the cheeks, nose and chin.
    cv::Mat spots(kH, kW, CV_32F, cv::Scalar(0.0));
    for (int k = 0; k < spec.spots; ++k) {
        const cv::Point2d q = toImage({(u01(rng) - 0.5) * 1.4, 0.1 + u01(rng) * 1.3});
        cv::circle(spots, cv::Point(static_cast<int>(q.x * 16), static_cast<int>(q.y * 16)),
                   static_cast<int>(16 * (0.6 + u01(rng))), cv::Scalar(0.1 + 0.2 * u01(rng)), cv::FILLED, cv::LINE_AA,
                   4);
    }
    const cv::Vec3d wallColour{0.30 + 0.1 * u01(rng), 0.27 + 0.08 * u01(rng), 0.22 + 0.1 * u01(rng)};
    const cv::Vec3d skin = cv::Vec3d{0.56, 0.37, 0.28} * spec.tone;
    const cv::Vec3d lipColour = cv::Vec3d{0.50, 0.16, 0.15} * std::pow(spec.tone, 0.7);
    const cv::Vec3d hair{0.035, 0.022, 0.014};
    const cv::Vec3d cloth{0.05 + 0.1 * u01(rng), 0.07, 0.12};
    const double stripe = 4.0 + 4.0 * u01(rng);
    const cv::Point2d eyeL = toImage({-0.42, 0.0}), eyeR = toImage({0.42, 0.0});
    const cv::Vec3d ambientDir = cv::normalize(cv::Vec3d{0.25, -0.55, 0.8});

    cv::Mat linear(kH, kW, CV_32FC3);
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
            const float g = grain.at<float>(y, x);
            // The wall: a wallpaper's stripes, light falling off downwards.
            cv::Vec3d v = wallColour * (1.0 + 0.15 * wallField.at<float>(y, x)) *
                          (1.0 + 0.06 * std::sin(2 * kPi * x / stripe)) * (1.1 - 0.3 * y / kH) * (1.0 + 0.03 * g);
            if (body.at<std::uint8_t>(y, x) > 127)
                v = cloth * (1.0 + 0.1 * g) * (0.9 + 0.1 * blotch.at<float>(y, x));
            if (neck.at<std::uint8_t>(y, x) > 127 && body.at<std::uint8_t>(y, x) < 128)
                v = skin * 0.45 * (1.0 + 0.04 * g);
            const double headCover = head.at<std::uint8_t>(y, x) / 255.0;
            if (headCover > 0.0) {
                const cv::Point2d q = toUnit(x + 0.5, y + 0.5);
                // Ambient shading on an ellipsoid, the nose's ridge lit and its sides darker.
                const double by = q.y > 0 ? 1.6 : 1.65;
                const double r2 = std::min(0.98, q.x * q.x + q.y * q.y / (by * by));
                const cv::Vec3d n = cv::normalize(cv::Vec3d{q.x, q.y / (by * by), std::sqrt(1.0 - r2) / 0.64});
                double shade = 0.45 + 0.55 * std::max(0.0, n.dot(ambientDir)) / ambientDir[2];
                if (q.y > -0.02 && q.y < 0.72 && std::abs(q.x) < 0.2) {
                    const double f = std::abs(q.x) / 0.2;
                    shade *= f < 0.35 ? 1.08 : 1.0 - 0.25 * (f - 0.35);
                }
                cv::Vec3d albedo = skin * (1.0 + 0.08 * blotch.at<float>(y, x)) * (1.0 + spec.texture * g) *
                                   (1.0 - spots.at<float>(y, x));
                const bool hairline = q.y < -0.62 + 0.12 * q.x * q.x || (std::abs(q.x) > 0.9 && q.y < 0.2);
                if (hairline)
                    albedo = hair * (1.0 + 0.3 * std::sin(q.x * 40.0 + g));
                if (brows.at<std::uint8_t>(y, x) > 0)
                    albedo = albedo * (1.0 - brows.at<std::uint8_t>(y, x) / 255.0 * 0.85);
                const double lipCover = lips.at<std::uint8_t>(y, x) / 255.0;
                albedo = albedo * (1.0 - lipCover) + lipColour * lipCover * (1.0 + 0.05 * g);
                albedo *= 1.0 - 0.9 * mouth.at<std::uint8_t>(y, x) / 255.0;
                const double eyeCover = eyes.at<std::uint8_t>(y, x) / 255.0;
                if (eyeCover > 0.0) {
                    const cv::Point2d e =
                        std::hypot(x - eyeL.x, y - eyeL.y) < std::hypot(x - eyeR.x, y - eyeR.y) ? eyeL : eyeR;
                    const double r = std::hypot(x + 0.5 - e.x, y + 0.5 - e.y) / a;
                    const cv::Vec3d inner = r < 0.025   ? cv::Vec3d{0.01, 0.01, 0.01}
                                            : r < 0.065 ? cv::Vec3d{0.07, 0.04, 0.02}
                                                        : cv::Vec3d{0.5, 0.47, 0.42};
                    albedo = albedo * (1.0 - eyeCover) + inner * eyeCover;
                }
                // Nostrils.
                for (const double side : {-1.0, 1.0}) {
                    const double nx = (q.x - side * 0.09) / 0.05, ny = (q.y - 0.685) / 0.025;
                    if (nx * nx + ny * ny < 1.0)
                        albedo *= 0.12;
                }
                v = v * (1.0 - headCover) + albedo * shade * headCover;
            }
            linear.at<cv::Vec3f>(y, x) =
                cv::Vec3f(static_cast<float>(v[0]), static_cast<float>(v[1]), static_cast<float>(v[2]));
        }
    // Face-priority exposure: the skin between the eyes and the mouth at a linear luminance of about 0.2.
    double faceLuminance = 0.0;
    int count = 0;
    for (int y = static_cast<int>(pts[28].y); y < static_cast<int>(pts[33].y); ++y)
        for (int x = static_cast<int>(pts[40].x); x < static_cast<int>(pts[47].x); ++x) {
            const cv::Vec3f &p = linear.at<cv::Vec3f>(y, x);
            faceLuminance += 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
            ++count;
        }
    linear *= 0.2 / (faceLuminance / std::max(1, count));
    cv::GaussianBlur(linear, linear, cv::Size(0, 0), 0.6);
    std::vector<std::uint8_t> px(static_cast<size_t>(kW * kH * 3));
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x)
            for (int c = 0; c < 3; ++c) {
                const double l = std::clamp<double>(linear.at<cv::Vec3f>(y, x)[c], 0.0, 1.0);
                const double s = l <= 0.0031308 ? 12.92 * l : 1.055 * std::pow(l, 1 / 2.4) - 0.055;
                px[static_cast<size_t>((y * kW + x) * 3 + 2 - c)] = static_cast<std::uint8_t>(std::lround(255 * s));
            }
    face.image = *Image::fromPixels(kW, kH, 3, px);
    return face;
}

// ---- running a scene ----

struct Case {
    std::string kind;
    ScreenLightScene scene;
    FaceSpec face;
    std::uint64_t scheduleSeed = 1;
};
struct Outcome {
    Case c;
    ScreenLightReport report;
};

ScreenLightReport run(const Case &c, std::vector<ScreenLightSample> *keep = nullptr)
{
    const Face face = drawFace(c.face);
    const ColourSchedule schedule = colourScheduleFromSeed(c.scheduleSeed);
    auto frames = simulateScreenLight(face.image, face.landmarks, schedule, c.scene);
    EXPECT_TRUE(frames.ok());
    std::vector<ScreenLightSample> samples;
    ScreenLightMeter meter;
    for (const SimulatedFrame &f : *frames)
        if (auto s = meter.measure(f.image, f.landmarks, f.tMs))
            samples.push_back(*s);
    if (keep)
        *keep = samples;
    return judgeScreenLight(samples, schedule, {});
}

std::string describe(const Outcome &o)
{
    const ScreenLightScene &s = o.c.scene;
    const ScreenLightReport &r = o.report;
    char text[512];
    std::snprintf(text, sizeof text,
                  "%-8s k=%.2f bg=%.2f rho=%.3f sheen=%.3f amb=%.2f xt=%.2f tone=%.2f d=%3.0f ro=%2.0f sigma=%.0f "
                  "AE=%d AWB=%d tilt=%2.0f bend=%.1f cut=%d dev=%.1fx%.1f | est d=%3.0f R2=%.3f str=%.3f el=%.2f "
                  "con=%.3f ring=%.2f relief=%.2f/%.2f side=%.2f n=%d cov=%.2f %s [%s]",
                  o.c.kind.c_str(), s.kappa, s.backgroundFactor, s.glassReflectance, s.skinSheen, s.ambientFromAbove,
                  s.crosstalk, o.c.face.tone, s.delayMs, s.readoutMs, s.noiseSigma, s.autoExposure, s.autoWhiteBalance,
                  s.printTiltDeg, s.printBend, s.printCutOut, s.deviceWidthFactor, s.deviceAspect, r.delayMs, r.fitR2,
                  r.strength, r.elasticity, r.contrast, r.ringToFace, r.relief, r.reliefLow, r.sideToFront,
                  r.samplesUsed, r.coverage, r.passed ? "PASS" : "fail",
                  [&] {
                      std::string f;
                      for (const auto &x : r.failures)
                          f += (f.empty() ? "" : ",") + x;
                      return f;
                  }()
                      .c_str());
    return text;
}

// The sweeps. Every factor of the skin's sweep is crossed with the others over the cases (kappa x noise x delay in
// full, auto-exposure and auto-white-balance by the case's index, the rest cycling), each case its own face, seed and
// schedule.
std::vector<Case> skinCases()
{
    std::vector<Case> cases;
    int i = 0;
    for (const double kappa : {0.1, 0.2, 0.4})
        for (const double sigma : {1.0, 2.0, 3.0})
            for (const double delay : {30.0, 120.0, 250.0}) {
                Case c;
                c.kind = "skin";
                ScreenLightScene &s = c.scene;
                s.kind = ScreenLightSceneKind::Skin;
                s.kappa = kappa;
                s.noiseSigma = sigma;
                s.delayMs = delay;
                s.autoExposure = i % 2 == 0;
                s.autoWhiteBalance = (i / 2) % 2 == 0;
                s.backgroundFactor = std::array{0.05, 0.1, 0.15}[static_cast<size_t>(i % 3)];
                s.crosstalk = std::array{0.0, 0.15}[static_cast<size_t>((i / 3) % 2)];
                s.readoutMs = std::array{0.0, 20.0}[static_cast<size_t>((i / 5) % 2)];
                s.ambientFromAbove = std::array{0.0, 0.4, 0.75}[static_cast<size_t>((i / 7) % 3)];
                s.skinSheen = std::array{0.0, 0.01, 0.02}[static_cast<size_t>((i / 4) % 3)];
                s.fps = i % 5 == 4 ? 25.0 : 30.0;
                s.seed = static_cast<std::uint32_t>(100 + i);
                c.face.seed = static_cast<unsigned>(200 + i);
                c.face.tone = std::array{1.0, 0.7, 0.45, 0.25}[static_cast<size_t>(i % 4)];
                c.face.texture = std::array{0.03, 0.05, 0.08}[static_cast<size_t>((i / 2) % 3)];
                c.face.halfWidth = 40.0 + 3.0 * (i % 3);
                c.face.rollDeg = (i % 3 - 1) * 5.0;
                c.scheduleSeed = static_cast<std::uint64_t>(300 + i);
                cases.push_back(c);
                ++i;
            }
    return cases;
}

std::vector<Case> attackCases()
{
    std::vector<Case> cases;
    int i = 0;
    const auto common = [&](Case &c) {
        ScreenLightScene &s = c.scene;
        s.noiseSigma = std::array{1.0, 2.0, 3.0}[static_cast<size_t>(i % 3)];
        s.delayMs = std::array{30.0, 120.0, 250.0}[static_cast<size_t>((i / 3) % 3)];
        s.autoExposure = i % 2 == 0;
        s.autoWhiteBalance = (i / 2) % 2 == 0;
        s.backgroundFactor = std::array{0.05, 0.1, 0.15}[static_cast<size_t>(i % 3)];
        s.crosstalk = std::array{0.0, 0.15}[static_cast<size_t>((i / 3) % 2)];
        s.readoutMs = std::array{0.0, 20.0}[static_cast<size_t>((i / 5) % 2)];
        s.seed = static_cast<std::uint32_t>(1000 + i);
        c.face.seed = static_cast<unsigned>(2000 + i);
        c.face.tone = std::array{1.0, 0.7, 0.45, 0.25}[static_cast<size_t>(i % 4)];
        c.face.texture = std::array{0.03, 0.05, 0.08}[static_cast<size_t>((i / 2) % 3)];
        c.face.halfWidth = 40.0 + 3.0 * (i % 3);
        c.scheduleSeed = static_cast<std::uint64_t>(3000 + i);
        ++i;
    };
    // Phone: glass reflecting 2-8% of the screen's light (rho, linear full scale at white); the room lit as for a face.
    for (const double rho : {0.02, 0.04, 0.08})
        for (const double kappa : {0.1, 0.4})
            for (const double width : {1.9, 2.6}) {
                Case c;
                c.kind = "phone";
                c.scene.kind = ScreenLightSceneKind::PhoneReplay;
                c.scene.glassReflectance = rho;
                c.scene.kappa = kappa;
                c.scene.deviceWidthFactor = width;
                c.scene.deviceAspect = width < 2.0 ? 2.0 : 1.3;
                common(c);
                cases.push_back(c);
            }
    // Monitor: the whole frame is the replay; glass or a matte coating.
    for (const double rho : {0.01, 0.02, 0.04, 0.08})
        for (const double kappa : {0.1, 0.4}) {
            Case c;
            c.kind = "monitor";
            c.scene.kind = ScreenLightSceneKind::MonitorReplay;
            c.scene.glassReflectance = rho;
            c.scene.kappa = kappa;
            common(c);
            cases.push_back(c);
        }
    // Prints, held where the face would be: lit like one (kappa 0.1-0.4), tilted up to 30 degrees, A5 to A4 around
    // the face (2.2-3x its width) or cut to the head's outline.
    for (const bool glossy : {false, true})
        for (const double kappa : {0.1, 0.2, 0.4})
            for (const int variant : {0, 1, 2, 3}) {
                Case c;
                c.kind = glossy ? "glossy" : "matte";
                c.scene.kind = glossy ? ScreenLightSceneKind::GlossyPrint : ScreenLightSceneKind::MattePrint;
                c.scene.kappa = kappa;
                c.scene.glassReflectance = std::array{0.02, 0.04, 0.06, 0.08}[static_cast<size_t>(variant)];
                c.scene.printTiltDeg = variant % 2 == 0 ? 0.0 : 30.0;
                c.scene.deviceWidthFactor = variant < 2 ? 2.2 : 3.0;
                c.scene.deviceAspect = 1.4;
                c.scene.printCutOut = variant == 3;
                common(c);
                cases.push_back(c);
            }
    // A stream that does not react: an injected video of a live face (kappa 0), the room still lit.
    for (int k = 0; k < 4; ++k) {
        Case c;
        c.kind = "inert";
        c.scene.kind = ScreenLightSceneKind::Skin;
        c.scene.kappa = 0.0;
        common(c);
        cases.push_back(c);
    }
    return cases;
}

const std::vector<Outcome> &outcomes()
{
    static const std::vector<Outcome> all = [] {
        const auto start = std::chrono::steady_clock::now();
        std::vector<Outcome> out;
        for (const std::vector<Case> &group : {skinCases(), attackCases()})
            for (const Case &c : group) {
                out.push_back({c, run(c)});
                std::cout << describe(out.back()) << "\n";
            }
        std::cout << "simulated " << out.size() << " clips in "
                  << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() << " s\n";
        return out;
    }();
    return all;
}

std::vector<const Outcome *> ofKind(const std::string &kind)
{
    std::vector<const Outcome *> out;
    for (const Outcome &o : outcomes())
        if (o.c.kind == kind)
            out.push_back(&o);
    return out;
}

bool has(const ScreenLightReport &r, const std::string &failure)
{
    return std::find(r.failures.begin(), r.failures.end(), failure) != r.failures.end();
}

// ---- the schedule ----

TEST(ScreenLight, DrawnSchedulesKeepTheRuleAndDiffer)
{
    std::set<std::string> seen;
    for (int i = 0; i < 20; ++i) {
        const auto s = drawColourSchedule();
        ASSERT_TRUE(s.ok()) << s.error().toString();
        EXPECT_TRUE(isValidColourSchedule(*s)) << colourScheduleText(*s) << ": " << colourScheduleProblem(*s);
        seen.insert(colourScheduleText(*s));
    }
    EXPECT_GE(seen.size(), 19u); // a repeat has a probability far below 1e-9
    EXPECT_EQ(colourScheduleText(colourScheduleFromSeed(5)), colourScheduleText(colourScheduleFromSeed(5)));
    EXPECT_NE(colourScheduleText(colourScheduleFromSeed(5)), colourScheduleText(colourScheduleFromSeed(6)));
    for (std::uint64_t seed = 0; seed < 200; ++seed)
        EXPECT_TRUE(isValidColourSchedule(colourScheduleFromSeed(seed))) << seed;
}

TEST(ScreenLight, ScheduleTextRoundTripsAndBadTextIsRefusedByItem)
{
    const ColourSchedule s = colourScheduleFromSeed(42);
    const auto parsed = parseColourSchedule(colourScheduleText(s));
    ASSERT_TRUE(parsed.ok()) << parsed.error().toString();
    EXPECT_EQ(*parsed, s);

    const auto good = parseColourSchedule("ff0000:250,00ff00:300,0000ff:150,ffffff:400,000000:200");
    ASSERT_TRUE(good.ok()) << good.error().toString();
    EXPECT_EQ(good->steps.size(), 5u);
    EXPECT_EQ(good->totalMs(), 1300);
    EXPECT_EQ(colourScheduleText(*good), "ff0000:250,00ff00:300,0000ff:150,ffffff:400,000000:200");

    const auto expectRefused = [](std::string_view text, std::string_view needle) {
        const auto r = parseColourSchedule(text);
        ASSERT_FALSE(r.ok()) << text;
        EXPECT_EQ(r.error().code, ErrorCode::InvalidFormat);
        EXPECT_NE(r.error().message.find(needle), std::string::npos) << r.error().message;
    };
    expectRefused("ff0000:250,00ff00:300,00gg00:150,ffffff:400", "item 3 '00gg00:150'");
    expectRefused("ff0000:250,00ff00,0000ff:150,ffffff:400", "item 2 '00ff00'");
    expectRefused("ff0000:250,00ff00:300,0000ff:15x,ffffff:400", "item 3");
    expectRefused("ff0000:250,00ff00:300,", "item 3 ''");
    expectRefused("", "item 1");
    expectRefused("ff0000:250,00ff00:300,0000ff:150,ffffff:401", "step 4 lasts 401 ms");
    expectRefused("ff0000:250,ff0000:300,0000ff:150,ffffff:400", "step 2 repeats");
    expectRefused("ff0000:250,00ff00:300,0000ff:150", "needs 4 to 8 steps");
    expectRefused("800000:250,00ff00:300,0000ff:150,ffffff:400", "step 1 is not a palette colour");
    // Each channel must change twice; and the colours must separate the channels.
    expectRefused("ff0000:250,ffff00:300,ff00ff:150,ff0000:400", "red changes level 0 time(s)");
    expectRefused("ffffff:250,000000:300,ffffff:150,000000:400", "do not separate");
}

TEST(ScreenLight, EmissionFollowsTheStepsAndRestsOutside)
{
    const auto s = parseColourSchedule("000000:250,00ffff:300,ff0000:150,0000ff:400");
    ASSERT_TRUE(s.ok()) << s.error().toString();
    EXPECT_DOUBLE_EQ(screenEmission(*s, -1.0, 0), kScreenRestEmission);
    EXPECT_DOUBLE_EQ(screenEmission(*s, 0.0, 0), 0.0);
    EXPECT_DOUBLE_EQ(screenEmission(*s, 249.9, 1), 0.0);
    EXPECT_DOUBLE_EQ(screenEmission(*s, 250.0, 1), 1.0);
    EXPECT_DOUBLE_EQ(screenEmission(*s, 250.0, 0), 0.0);
    EXPECT_DOUBLE_EQ(screenEmission(*s, 550.0, 0), 1.0);
    EXPECT_DOUBLE_EQ(screenEmission(*s, 1099.0, 2), 1.0);
    EXPECT_DOUBLE_EQ(screenEmission(*s, 1100.0, 2), kScreenRestEmission);
    EXPECT_DOUBLE_EQ(screenEmission(*s, 100.0, 3), kScreenRestEmission); // not a channel
    // Over a window: a quarter of the rest level and three quarters black; half black, half cyan.
    EXPECT_NEAR(meanScreenEmission(*s, -4.0, 12.0, 0), 0.25 * 0.5, 1e-12);
    EXPECT_NEAR(meanScreenEmission(*s, 242.0, 258.0, 2), 0.5, 1e-12);
    EXPECT_NEAR(meanScreenEmission(*s, 0.0, 1100.0, 1), 300.0 / 1100.0, 1e-12);
}

// ---- the check on simulated clips ----

// The margins the sweeps must keep from each threshold (the table below has the measured values).
struct Margins {
    double r2 = 0.3;         // skin's fitR2 at least minR2 + 0.3
    double strength = 1.5;   // skin's strength at least 1.5 x minStrength; a stream that does not react below 1/1.5
    double elasticity = 0.2; // skin at least minElasticity + 0.2; replays at most minElasticity - 0.2
    double ring = 0.15;      // skin at most maxRingToFace - 0.15; a print's own background at least + 0.15
    double relief = 0.1;     // skin's reliefLow at least minRelief + 0.1; a flat matte print at most - 0.1
};

TEST(ScreenLight, SkinPassesAcrossTheSweep)
{
    const ScreenLightConfig config;
    const Margins m;
    const auto skin = ofKind("skin");
    ASSERT_EQ(skin.size(), 27u);
    for (const Outcome *o : skin) {
        const ScreenLightReport &r = o->report;
        EXPECT_TRUE(r.passed) << describe(*o);
        EXPECT_TRUE(r.reason().empty());
        EXPECT_NEAR(r.delayMs, o->c.scene.delayMs, 35.0) << describe(*o);
        EXPECT_GE(r.fitR2, config.minR2 + m.r2) << describe(*o);
        EXPECT_GE(r.strength, config.minStrength * m.strength) << describe(*o);
        EXPECT_GE(r.elasticity, config.minElasticity + m.elasticity) << describe(*o);
        EXPECT_LE(r.ringToFace, config.maxRingToFace - m.ring) << describe(*o);
        EXPECT_GE(r.reliefLow, config.minRelief + m.relief) << describe(*o);
    }
}

TEST(ScreenLight, PhoneAndMonitorReplaysFail)
{
    // The glass adds the same light to a dark and a bright pixel: not diffuse, or (a monitor whose own picture is
    // as bright as its border) no response left once the border's is taken out.
    const ScreenLightConfig config;
    for (const std::string kind : {"phone", "monitor"})
        for (const Outcome *o : ofKind(kind)) {
            const ScreenLightReport &r = o->report;
            EXPECT_FALSE(r.passed) << describe(*o);
            EXPECT_EQ(r.reason(), kScreenLightMismatch);
            EXPECT_TRUE(has(r, "not_diffuse") || has(r, "no_response")) << describe(*o);
            if (!has(r, "no_response")) {
                EXPECT_LE(r.elasticity, config.minElasticity - Margins{}.elasticity) << describe(*o);
            }
        }
    for (const Outcome *o : ofKind("phone")) // a phone's glass reflects enough to be seen: never "no response"
        EXPECT_TRUE(has(o->report, "not_diffuse")) << describe(*o);
}

TEST(ScreenLight, PrintsFail)
{
    const ScreenLightConfig config;
    for (const Outcome *o : ofKind("matte")) { // diffuse, but flat
        const ScreenLightReport &r = o->report;
        EXPECT_FALSE(r.passed) << describe(*o);
        EXPECT_TRUE(has(r, "flat")) << describe(*o);
        EXPECT_LE(r.reliefLow, config.minRelief - Margins{}.relief) << describe(*o);
    }
    for (const Outcome *o : ofKind("glossy")) { // the gloss adds light that is not diffuse (and some relief)
        const ScreenLightReport &r = o->report;
        EXPECT_FALSE(r.passed) << describe(*o);
        if (o->c.scene.printCutOut) {
            EXPECT_TRUE(has(r, "not_diffuse") || has(r, "flat")) << describe(*o);
        }
    }
    for (const std::string kind : {"matte", "glossy"})
        for (const Outcome *o : ofKind(kind))
            if (!o->c.scene.printCutOut) { // its own paper around the face, as near as the face
                EXPECT_TRUE(has(o->report, "not_nearer_than_background")) << describe(*o);
                EXPECT_GE(o->report.ringToFace, config.maxRingToFace + Margins{}.ring) << describe(*o);
            }
}

TEST(ScreenLight, AStreamThatDoesNotReactFails)
{
    for (const Outcome *o : ofKind("inert")) {
        EXPECT_FALSE(o->report.passed) << describe(*o);
        EXPECT_EQ(o->report.failures, std::vector<std::string>{"no_response"}) << describe(*o);
        EXPECT_LE(o->report.strength, ScreenLightConfig{}.minStrength / Margins{}.strength) << describe(*o);
    }
}

TEST(ScreenLight, DocumentedLimitAPrintCutAndBentLikeAFacePasses)
{
    // A print cut to the head's outline and wrapped on a cylinder as round as the face: diffuse, as near as a face
    // beside a far wall, and with a face's relief. The check measures the shape only through that relief; this
    // attack is not stopped (docs/threat-model.md). Should it fail one day, move it to PrintsFail.
    Case c = skinCases()[9];
    c.kind = "bent print";
    c.scene.kind = ScreenLightSceneKind::MattePrint;
    c.scene.kappa = 0.2;
    c.scene.printCutOut = true;
    c.scene.printBend = 1.0;
    const Outcome o{c, run(c)};
    std::cout << describe(o) << "\n";
    EXPECT_FALSE(has(o.report, "not_diffuse")) << describe(o);
    EXPECT_FALSE(has(o.report, "not_nearer_than_background")) << describe(o);
    EXPECT_FALSE(has(o.report, "flat")) << describe(o);
}

TEST(ScreenLight, TooFewSamplesAreInsufficientNotAPass)
{
    Case c = skinCases()[4];
    std::vector<ScreenLightSample> samples;
    ASSERT_TRUE(run(c, &samples).passed);
    const ColourSchedule schedule = colourScheduleFromSeed(c.scheduleSeed);
    // The first 10 samples only; then every fifth frame (6 fps: too little of the sequence covered).
    const std::vector<ScreenLightSample> few(samples.begin(), samples.begin() + 10);
    const ScreenLightReport r1 = judgeScreenLight(few, schedule);
    EXPECT_TRUE(r1.insufficient);
    EXPECT_FALSE(r1.passed);
    EXPECT_EQ(r1.failures, std::vector<std::string>{"insufficient"});
    EXPECT_EQ(r1.reason(), kScreenLightMismatch);
    std::vector<ScreenLightSample> sparse;
    for (size_t i = 0; i < samples.size(); i += 5)
        sparse.push_back(samples[i]);
    const ScreenLightReport r2 = judgeScreenLight(sparse, schedule);
    EXPECT_TRUE(r2.insufficient) << r2.coverage << " " << r2.samplesUsed;
    EXPECT_FALSE(r2.passed);
    EXPECT_FALSE(judgeScreenLight({}, schedule).passed);
    EXPECT_TRUE(judgeScreenLight(samples, ColourSchedule{}).insufficient); // no valid schedule to judge against
}

TEST(ScreenLight, MeasurementNeedsSixtyEightLandmarksAndTheMeterAWarmUp)
{
    const Face face = drawFace({});
    const auto one = measureScreenLight(face.image, face.landmarks, 0.0);
    ASSERT_TRUE(one.has_value());
    EXPECT_GT(one->front.pixels, 300);
    EXPECT_GT(one->border.pixels, 1000);
    const Landmarks five(face.landmarks.begin(), face.landmarks.begin() + 5);
    EXPECT_FALSE(measureScreenLight(face.image, five, 0.0).has_value());
    EXPECT_FALSE(measureScreenLight(Image{}, face.landmarks, 0.0).has_value());
    ScreenLightMeter meter;
    for (int i = 0; i < ScreenLightMeter::kReferenceFrames; ++i)
        EXPECT_FALSE(meter.measure(face.image, face.landmarks, i).has_value()) << i;
    const auto measured = meter.measure(face.image, face.landmarks, 10.0);
    ASSERT_TRUE(measured.has_value());
    EXPECT_DOUBLE_EQ(measured->tMs, 10.0);
    for (size_t c = 0; c < 3; ++c) // the same picture: the same means, whether drawn from the reference or not
        EXPECT_NEAR(measured->front.rgb[c], one->front.rgb[c], 1e-9);
    EXPECT_FALSE(meter.measure(face.image, five, 11.0).has_value());
}

TEST(ScreenLight, SeparationTable)
{
    struct Range {
        double lo = 1e30, hi = -1e30;
        void add(double v)
        {
            if (std::isnan(v))
                v = -99.0; // not measurable: shown as -99
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    };
    // Each feature's range per kind. "(responding)": the replays that kept a response (not "no_response"), whose
    // elasticity is what stops them; "(own paper)": the prints that are not cut to the head's outline.
    const std::vector<std::string> kinds{"skin",  "phone",  "monitor",           "monitor (responding)",
                                         "matte", "glossy", "print (own paper)", "inert"};
    std::map<std::string, std::array<Range, 7>> table;
    std::map<std::string, int> clips;
    const auto add = [&](const std::string &kind, const Outcome &o) {
        const ScreenLightReport &r = o.report;
        auto &row = table[kind];
        row[0].add(r.fitR2);
        row[1].add(r.strength);
        row[2].add(r.elasticity);
        row[3].add(r.ringToFace);
        row[4].add(r.reliefLow);
        row[5].add(r.sideToFront);
        row[6].add(std::abs(r.delayMs - o.c.scene.delayMs));
        ++clips[kind];
    };
    for (const Outcome &o : outcomes()) {
        add(o.c.kind, o);
        if (o.c.kind == "monitor" && !has(o.report, "no_response"))
            add("monitor (responding)", o);
        if ((o.c.kind == "matte" || o.c.kind == "glossy") && !o.c.scene.printCutOut)
            add("print (own paper)", o);
    }
    std::ostringstream out;
    out << "kind                  clips  fitR2         strength        elasticity      ringToFace      reliefLow       "
           "(sideToFront)   |delay err| ms\n";
    for (const std::string &kind : kinds) {
        char line[300];
        const auto &row = table[kind];
        std::snprintf(line, sizeof line,
                      "%-20s %5d  %5.3f..%5.3f  %6.3f..%6.3f  %6.2f..%6.2f  %6.2f..%6.2f  %6.2f..%6.2f  %6.2f..%6.2f  "
                      "%3.0f..%3.0f\n",
                      kind.c_str(), clips[kind], row[0].lo, row[0].hi, row[1].lo, row[1].hi, row[2].lo, row[2].hi,
                      row[3].lo, row[3].hi, row[4].lo, row[4].hi, row[5].lo, row[5].hi, row[6].lo, row[6].hi);
        out << line;
    }
    std::cout << out.str();
    RecordProperty("separation", out.str());
    // The worst of each side against each threshold, with the margins above.
    const ScreenLightConfig config;
    const Margins m;
    const auto &skin = table["skin"];
    EXPECT_GE(skin[0].lo, config.minR2 + m.r2);
    EXPECT_GE(skin[1].lo, config.minStrength * m.strength);
    EXPECT_GE(skin[2].lo, config.minElasticity + m.elasticity);
    EXPECT_LE(skin[3].hi, config.maxRingToFace - m.ring);
    EXPECT_GE(skin[4].lo, config.minRelief + m.relief);
    EXPECT_LE(table["inert"][1].hi, config.minStrength / m.strength);
    EXPECT_LE(table["phone"][2].hi, config.minElasticity - m.elasticity);
    EXPECT_LE(table["monitor (responding)"][2].hi, config.minElasticity - m.elasticity);
    EXPECT_LE(table["matte"][4].hi, config.minRelief - m.relief);
    EXPECT_GE(table["print (own paper)"][3].lo, config.maxRingToFace + m.ring);
}

} // namespace
} // namespace simkyc::vision
