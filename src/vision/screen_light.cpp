#include "vision/screen_light.h"

#include "vision/image_access.h"

#include <opencv2/imgproc.hpp>

#include <sys/random.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>

namespace simkyc::vision {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double srgbToLinear(double v)
{
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

const std::array<float, 256> &linearTable()
{
    static const std::array<float, 256> table = [] {
        std::array<float, 256> t{};
        for (size_t i = 0; i < t.size(); ++i)
            t[i] = static_cast<float>(srgbToLinear(static_cast<double>(i) / 255.0));
        return t;
    }();
    return table;
}

std::uint8_t component(const ScreenColour &c, int channel)
{
    return channel == 0 ? c.r : channel == 1 ? c.g : c.b;
}

// ---- schedules ----

constexpr std::array<ScreenColour, 8> kPalette{
    {{0, 0, 0}, {255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 0}, {255, 0, 255}, {0, 255, 255}, {255, 255, 255}}};
constexpr int kDurationQuantumMs = 10;
constexpr int kDurationChoices = (kMaxColourStepMs - kMinColourStepMs) / kDurationQuantumMs + 1; // 26

// Rank of the rows [1, r, g, b] (0/1 entries), by Gaussian elimination.
int channelRank(const ColourSchedule &schedule)
{
    std::vector<std::array<double, 4>> rows;
    for (const ColourStep &s : schedule.steps)
        rows.push_back({1.0, s.colour.r / 255.0, s.colour.g / 255.0, s.colour.b / 255.0});
    int rank = 0;
    for (size_t col = 0; col < 4 && static_cast<size_t>(rank) < rows.size(); ++col) {
        size_t pivot = static_cast<size_t>(rank);
        for (size_t r = pivot; r < rows.size(); ++r)
            if (std::abs(rows[r][col]) > std::abs(rows[pivot][col]))
                pivot = r;
        if (std::abs(rows[pivot][col]) < 1e-9)
            continue;
        std::swap(rows[pivot], rows[static_cast<size_t>(rank)]);
        for (size_t r = 0; r < rows.size(); ++r) {
            if (r == static_cast<size_t>(rank))
                continue;
            const double f = rows[r][col] / rows[static_cast<size_t>(rank)][col];
            for (size_t k = 0; k < 4; ++k)
                rows[r][k] -= f * rows[static_cast<size_t>(rank)][k];
        }
        ++rank;
    }
    return rank;
}

// Draws with `next(byte)` (false: the source failed). Unbiased: bytes beyond a multiple of the choices are redrawn.
std::optional<ColourSchedule> drawWith(const std::function<bool(std::uint8_t &)> &next)
{
    const auto uniform = [&](int choices, int &out) {
        const int limit = 256 - 256 % choices;
        std::uint8_t b = 0;
        do {
            if (!next(b))
                return false;
        } while (b >= limit);
        out = b % choices;
        return true;
    };
    for (int attempt = 0; attempt < 10000; ++attempt) {
        int count = 0;
        if (!uniform(kMaxColourSteps - kMinColourSteps + 1, count))
            return std::nullopt;
        ColourSchedule s;
        for (int i = 0; i < kMinColourSteps + count; ++i) {
            int colour = 0, duration = 0;
            if (!uniform(static_cast<int>(kPalette.size()), colour) || !uniform(kDurationChoices, duration))
                return std::nullopt;
            s.steps.push_back(
                {kPalette[static_cast<size_t>(colour)], kMinColourStepMs + kDurationQuantumMs * duration});
        }
        if (isValidColourSchedule(s))
            return s;
    }
    return std::nullopt;
}

// ---- regions ----

struct Vec2 {
    double x = 0.0, y = 0.0;
};
Vec2 at(const Landmarks &l, int i)
{
    return {l[static_cast<size_t>(i)].x, l[static_cast<size_t>(i)].y};
}
Vec2 lerp(Vec2 a, Vec2 b, double f)
{
    return {a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f};
}
cv::Point fixedPoint(Vec2 p) // 4 fractional bits for fillPoly's shift
{
    return {static_cast<int>(std::lround(p.x * 16.0)), static_cast<int>(std::lround(p.y * 16.0))};
}
// The regions, each a coverage mask (0..255, anti-aliased: a region's mean moves smoothly as the face moves by a
// fraction of a pixel) over its bounding box.
enum RegionId { kFront, kUpper, kNose, kChin, kSide, kRing, kBorder, kCheeks, kRegions };
struct Region {
    cv::Rect box;
    cv::Mat weight; // CV_8U, box-sized
};
struct Regions {
    std::array<Region, kRegions> region; // the border's is not drawn: see borderBands and faceBox
    std::array<cv::Rect, 3> borderBands; // top, left, right
    cv::Rect faceBox;                    // left out of the border
    double faceWidth = 0.0;
};

constexpr int kSupersample = 4; // coverage: polygons drawn at 4x, averaged down

// Fills the polygons (less the ellipses: centre, half axes) into the region's coverage mask over their bounding box.
struct Ellipse {
    Vec2 centre;
    double halfX = 0.0, halfY = 0.0;
};
void fillPolygons(Region &r, const std::vector<std::vector<Vec2>> &polygons, const cv::Size &frame,
                  const std::vector<Ellipse> &holes = {})
{
    double x0 = 1e30, y0 = 1e30, x1 = -1e30, y1 = -1e30;
    for (const auto &polygon : polygons)
        for (const Vec2 &p : polygon) {
            x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
        }
    r.box = cv::Rect(static_cast<int>(std::floor(x0)) - 1, static_cast<int>(std::floor(y0)) - 1,
                     static_cast<int>(std::ceil(x1 - x0)) + 3, static_cast<int>(std::ceil(y1 - y0)) + 3) &
            cv::Rect(cv::Point(0, 0), frame);
    r.weight = cv::Mat(r.box.size(), CV_8U, cv::Scalar(0));
    if (r.box.area() == 0)
        return;
    const auto scaled = [&](Vec2 p) {
        return fixedPoint({(p.x - r.box.x) * kSupersample, (p.y - r.box.y) * kSupersample});
    };
    cv::Mat fine(r.box.height * kSupersample, r.box.width * kSupersample, CV_8U, cv::Scalar(0));
    std::vector<std::vector<cv::Point>> pts;
    for (const auto &polygon : polygons) {
        pts.emplace_back();
        for (const Vec2 &p : polygon)
            pts.back().push_back(scaled(p));
    }
    cv::fillPoly(fine, pts, cv::Scalar(255), cv::LINE_8, 4);
    for (const Ellipse &e : holes)
        cv::ellipse(
            fine, scaled(e.centre),
            cv::Size(static_cast<int>(e.halfX * kSupersample * 16.0), static_cast<int>(e.halfY * kSupersample * 16.0)),
            0.0, 0.0, 360.0, cv::Scalar(0), cv::FILLED, cv::LINE_8, 4);
    cv::resize(fine, r.weight, r.box.size(), 0.0, 0.0, cv::INTER_AREA);
}

constexpr int kMinFrontPixels = 100;
constexpr int kMinZonePixels = 20;
constexpr int kMinRingPixels = 100;
constexpr int kMinBorderPixels = 200;
constexpr double kMinBorderLevel = 0.002; // linear; darker borders cannot be divided by
constexpr std::uint8_t kClipped = 250;    // a border pixel with a channel this bright may be clipped
constexpr double kMinFaceWidthPx = 40.0;
constexpr double kFineSigmaPx = 1.0; // smoothing of the luminance before its local contrast (against noise)
constexpr double kLocalScale = 0.05; // the neighbourhood's sigma, in face widths

// The regions of the header's comment, drawn from 68 landmarks. nullopt: a face too small.
std::optional<Regions> drawRegions(const Landmarks &lm, int width, int height)
{
    double minX = 1e30, maxX = -1e30, top = 1e30;
    for (int i = 0; i <= 16; ++i) {
        minX = std::min(minX, at(lm, i).x);
        maxX = std::max(maxX, at(lm, i).x);
    }
    for (int i = 17; i <= 26; ++i)
        top = std::min(top, at(lm, i).y);
    const double chin = at(lm, 8).y;
    const double faceW = maxX - minX, faceH = chin - top;
    if (!(faceW >= kMinFaceWidthPx) || !(faceH >= kMinFaceWidthPx * 0.5))
        return std::nullopt;
    const double cx = (minX + maxX) / 2.0, cy = (top + chin) / 2.0;
    const cv::Size frame(width, height);
    Regions r;
    r.faceWidth = faceW;
    // Border: the top band, the side bands down to two thirds of the height; nothing within the 2x face box.
    const int bandX = std::max(4, static_cast<int>(std::lround(0.08 * width)));
    const int bandY = std::max(4, static_cast<int>(std::lround(0.08 * height)));
    r.borderBands = {cv::Rect(0, 0, width, bandY), cv::Rect(0, bandY, bandX, 2 * height / 3 - bandY),
                     cv::Rect(width - bandX, bandY, bandX, 2 * height / 3 - bandY)};
    r.faceBox = cv::Rect(static_cast<int>(std::floor(cx - faceW)), static_cast<int>(std::floor(cy - faceH)),
                         static_cast<int>(std::ceil(2.0 * faceW)) + 1, static_cast<int>(std::ceil(2.0 * faceH)) + 1);
    // Ring: beside the face, 0.7..1.0 face widths from its centre, from a quarter face height above the brows
    // to the chin.
    const double ringTop = top - 0.25 * faceH;
    const auto rect = [](double x0, double y0, double x1, double y1) {
        return std::vector<Vec2>{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
    };
    fillPolygons(r.region[kRing],
                 {rect(cx - 1.0 * faceW, ringTop, cx - 0.7 * faceW, chin),
                  rect(cx + 0.7 * faceW, ringTop, cx + 1.0 * faceW, chin)},
                 frame);
    // Side: the outer cheeks, a band from 10% to 35% of the way from the jaw contour (points 1-5, 11-15) to the
    // nose tip: clear of the contour, where the wall behind would come and go as the face moves.
    const Vec2 noseTip = at(lm, 30);
    std::vector<std::vector<Vec2>> sides;
    for (const auto &[from, to] : {std::pair{1, 5}, std::pair{11, 15}}) {
        sides.emplace_back();
        for (int i = from; i <= to; ++i)
            sides.back().push_back(lerp(at(lm, i), noseTip, 0.1));
        for (int i = to; i >= from; --i)
            sides.back().push_back(lerp(at(lm, i), noseTip, 0.35));
    }
    fillPolygons(r.region[kSide], sides, frame);
    // Front: below the lower eyelids (a third of the nose length down), the nose bridge, the inner cheeks, the skin
    // above the upper lip, without the nostrils and the nose's base. Zones: under the eyes, the nose bridge.
    const Vec2 nose{at(lm, 30).x - at(lm, 27).x, at(lm, 30).y - at(lm, 27).y};
    const auto below = [&](int i) { return Vec2{at(lm, i).x + 0.3 * nose.x, at(lm, i).y + 0.3 * nose.y}; };
    Vec2 nostrils{};
    for (int i = 31; i <= 35; ++i)
        nostrils = {nostrils.x + at(lm, i).x / 5.0, nostrils.y + at(lm, i).y / 5.0};
    const double nostrilHalf = 0.55 * std::hypot(at(lm, 35).x - at(lm, 31).x, at(lm, 35).y - at(lm, 31).y);
    fillPolygons(
        r.region[kFront],
        {{below(36), below(41), below(40), below(39), at(lm, 28), below(42), below(47), below(46), below(45),
          lerp(at(lm, 35), at(lm, 13), 0.45), lerp(at(lm, 54), at(lm, 35), 0.4), lerp(at(lm, 51), at(lm, 33), 0.4),
          lerp(at(lm, 48), at(lm, 31), 0.4), lerp(at(lm, 31), at(lm, 3), 0.45)}},
        frame, {{{nostrils.x, nostrils.y - 0.1 * nostrilHalf}, nostrilHalf, 0.55 * nostrilHalf}});
    // The texture's area: the frontal area without the nose (its steep sides, like the chin's, are lit unevenly: the
    // texture's split would pick up the screen's shading there).
    const Vec2 wingL = lerp(at(lm, 33), at(lm, 31), 1.15), wingR = lerp(at(lm, 33), at(lm, 35), 1.15);
    fillPolygons(
        r.region[kCheeks],
        {{below(36), below(41), below(40), below(39), lerp(at(lm, 39), at(lm, 27), 0.4), wingL,
          lerp(at(lm, 31), at(lm, 33), 0.3), lerp(at(lm, 35), at(lm, 33), 0.3), wingR,
          lerp(at(lm, 42), at(lm, 27), 0.4), below(42), below(47), below(46), below(45),
          lerp(at(lm, 35), at(lm, 13), 0.45), lerp(at(lm, 54), at(lm, 35), 0.4), lerp(at(lm, 51), at(lm, 33), 0.4),
          lerp(at(lm, 48), at(lm, 31), 0.4), lerp(at(lm, 31), at(lm, 3), 0.45)}},
        frame, {{{nostrils.x, nostrils.y - 0.1 * nostrilHalf}, nostrilHalf, 0.55 * nostrilHalf}});
    fillPolygons(r.region[kUpper],
                 {{below(36), below(39), lerp(at(lm, 39), at(lm, 31), 0.7), lerp(at(lm, 36), at(lm, 3), 0.3)},
                  {below(42), below(45), lerp(at(lm, 45), at(lm, 13), 0.3), lerp(at(lm, 42), at(lm, 35), 0.7)}},
                 frame);
    fillPolygons(r.region[kNose],
                 {{lerp(at(lm, 39), at(lm, 27), 0.5), lerp(at(lm, 42), at(lm, 27), 0.5),
                   lerp(at(lm, 35), at(lm, 30), 0.5), lerp(at(lm, 31), at(lm, 30), 0.5)}},
                 frame);
    // Chin: from 30% to 70% of the way from the lower lip (points 55-59) to the jaw (6-10), above the chin's rim.
    fillPolygons(
        r.region[kChin],
        {{lerp(at(lm, 59), at(lm, 6), 0.3), lerp(at(lm, 57), at(lm, 8), 0.3), lerp(at(lm, 55), at(lm, 10), 0.3),
          lerp(at(lm, 55), at(lm, 10), 0.7), lerp(at(lm, 57), at(lm, 8), 0.7), lerp(at(lm, 59), at(lm, 6), 0.7)}},
        frame);
    return r;
}

// Linear luminance of a BGR frame, CV_32F.
cv::Mat luminance(const cv::Mat &bgr)
{
    const auto &lut = linearTable();
    cv::Mat lum(bgr.size(), CV_32F);
    for (int y = 0; y < bgr.rows; ++y) {
        const std::uint8_t *px = bgr.ptr<std::uint8_t>(y);
        float *l = lum.ptr<float>(y);
        for (int x = 0; x < bgr.cols; ++x)
            l[x] = 0.2126f * lut[px[3 * x + 2]] + 0.7152f * lut[px[3 * x + 1]] + 0.0722f * lut[px[3 * x]];
    }
    return lum;
}

// The texture: the pixels of the frontal area without the nose, with their coverage and their local
// contrast, a pixel's luminance (lightly smoothed) over the mean luminance of the textured pixels around it
// (normalised convolution, sigma kLocalScale face widths), and that contrast's median. Geometry and shading vary
// slowly over the face and cancel; what is left is the skin's own albedo (texture, freckles, blemishes).
struct Texture {
    cv::Rect box;
    cv::Mat weight;   // CV_32F 0..1: coverage
    cv::Mat contrast; // CV_32F, 0 where not covered
    float median = 0.0f;
};
cv::Mat textureWeight(const Regions &regions, const cv::Rect &box)
{
    cv::Mat weight(box.size(), CV_32F, cv::Scalar(0.0));
    const Region &r = regions.region[kCheeks];
    const cv::Rect both = r.box & box;
    r.weight(both - r.box.tl()).convertTo(weight(both - box.tl()), CV_32F, 1.0 / 255.0);
    return weight;
}
cv::Rect textureBox(const Regions &regions, const cv::Size &frame)
{
    const int margin = static_cast<int>(std::ceil(3.0 * kLocalScale * regions.faceWidth));
    const cv::Rect joint = regions.region[kCheeks].box;
    return cv::Rect(joint.x - margin, joint.y - margin, joint.width + 2 * margin, joint.height + 2 * margin) &
           cv::Rect(cv::Point(0, 0), frame);
}
Texture texture(const cv::Mat &lum, const Regions &regions)
{
    Texture t;
    t.box = textureBox(regions, lum.size());
    t.weight = textureWeight(regions, t.box);
    const double wide = kLocalScale * regions.faceWidth;
    const cv::Mat weighted = lum(t.box).mul(t.weight);
    cv::Mat fineSum, fineWeight, wideSum, wideWeight;
    cv::GaussianBlur(weighted, fineSum, cv::Size(0, 0), kFineSigmaPx);
    cv::GaussianBlur(t.weight, fineWeight, cv::Size(0, 0), kFineSigmaPx);
    cv::GaussianBlur(weighted, wideSum, cv::Size(0, 0), wide);
    cv::GaussianBlur(t.weight, wideWeight, cv::Size(0, 0), wide);
    // Every covered pixel has a contrast; the median comes from the pixels at least half covered.
    t.contrast = cv::Mat(t.box.size(), CV_32F, cv::Scalar(0.0));
    std::vector<float> values;
    for (int y = 0; y < t.box.height; ++y)
        for (int x = 0; x < t.box.width; ++x) {
            const float w = t.weight.at<float>(y, x), ws = wideSum.at<float>(y, x), fw = fineWeight.at<float>(y, x);
            if (w > 0.0f && ws > 0.0f && fw > 0.0f) {
                t.contrast.at<float>(y, x) = (fineSum.at<float>(y, x) / fw) / (ws / wideWeight.at<float>(y, x));
                if (w >= 0.5f)
                    values.push_back(t.contrast.at<float>(y, x));
            }
        }
    if (values.size() < static_cast<size_t>(kMinFrontPixels))
        return t;
    std::nth_element(values.begin(), values.begin() + static_cast<long>(values.size() / 2), values.end());
    t.median = values[values.size() / 2];
    return t;
}

// The sample: each region's weighted mean linear R, G, B; frontDark and frontBright from the texture's two sides.
std::optional<ScreenLightSample> measureRegions(const cv::Mat &bgr, const Regions &regions, const Texture &t,
                                                double tMs)
{
    const auto &lut = linearTable();
    const auto rgbAt = [&](int x, int y) {
        const std::uint8_t *px = bgr.ptr<std::uint8_t>(y) + 3 * x;
        return std::array<double, 3>{lut[px[2]], lut[px[1]], lut[px[0]]};
    };
    const auto finish = [](const std::array<double, 3> &sum, double weight) {
        RegionMean m;
        m.pixels = static_cast<int>(std::lround(weight));
        for (size_t c = 0; c < 3; ++c)
            m.rgb[c] = weight > 0.0 ? sum[c] / weight : 0.0;
        return m;
    };
    std::array<RegionMean, kRegions> means;
    for (int id = 0; id < kRegions; ++id) {
        if (id == kBorder || id == kCheeks) // the border: below; the texture's area: weights only
            continue;
        const Region &r = regions.region[static_cast<size_t>(id)];
        std::array<double, 3> sum{};
        double weight = 0.0;
        for (int y = 0; y < r.box.height; ++y) {
            const std::uint8_t *wr = r.weight.ptr<std::uint8_t>(y);
            for (int x = 0; x < r.box.width; ++x) {
                if (wr[x] == 0)
                    continue;
                const auto rgb = rgbAt(r.box.x + x, r.box.y + y);
                for (size_t c = 0; c < 3; ++c)
                    sum[c] += wr[x] * rgb[c];
                weight += wr[x];
            }
        }
        for (double &v : sum)
            v /= 255.0;
        means[static_cast<size_t>(id)] = finish(sum, weight / 255.0);
    }
    {
        std::array<double, 3> sum{};
        double count = 0.0;
        for (const cv::Rect &band : regions.borderBands)
            for (int y = band.y; y < band.y + band.height; ++y) {
                const std::uint8_t *px = bgr.ptr<std::uint8_t>(y);
                for (int x = band.x; x < band.x + band.width; ++x) {
                    if (regions.faceBox.contains({x, y}))
                        continue;
                    const std::uint8_t *p = px + 3 * x;
                    if (p[0] >= kClipped || p[1] >= kClipped || p[2] >= kClipped)
                        continue; // a clipped pixel does not follow the camera's gains
                    sum[0] += lut[p[2]], sum[1] += lut[p[1]], sum[2] += lut[p[0]];
                    ++count;
                }
            }
        means[kBorder] = finish(sum, count);
    }
    // The texture's two sides: each pixel counts towards the bright side by how far its contrast lies above the
    // median, towards the dark side by how far below, times its coverage. No pixel jumps between them when the face
    // moves by a fraction of a pixel or the noise changes.
    std::array<std::array<double, 3>, 2> groupSum{};
    std::array<double, 2> groupWeight{};
    for (int y = 0; y < t.box.height; ++y)
        for (int x = 0; x < t.box.width; ++x) {
            const float q = t.contrast.at<float>(y, x), cover = t.weight.at<float>(y, x);
            if (!(q > 0.0f) || !(cover > 0.0f) || q == t.median)
                continue;
            const size_t side = q > t.median ? 1 : 0;
            const double w = cover * std::abs(q - t.median);
            const auto rgb = rgbAt(t.box.x + x, t.box.y + y);
            for (size_t c = 0; c < 3; ++c)
                groupSum[side][c] += w * rgb[c];
            groupWeight[side] += w;
        }
    ScreenLightSample s;
    s.tMs = tMs;
    s.front = means[kFront];
    s.frontDark = finish(groupSum[0], groupWeight[0]);
    s.frontBright = finish(groupSum[1], groupWeight[1]);
    s.frontDark.pixels = s.frontBright.pixels = static_cast<int>(cv::countNonZero(t.contrast));
    s.upper = means[kUpper];
    s.nose = means[kNose];
    s.lower = means[kChin];
    s.side = means[kSide];
    s.ring = means[kRing];
    s.border = means[kBorder];
    if (s.front.pixels < kMinFrontPixels || s.frontDark.pixels < kMinFrontPixels || s.upper.pixels < kMinZonePixels ||
        s.nose.pixels < kMinZonePixels || s.lower.pixels < kMinZonePixels || s.side.pixels < kMinZonePixels ||
        s.ring.pixels < kMinRingPixels || s.border.pixels < kMinBorderPixels)
        return std::nullopt;
    for (const double v : s.border.rgb)
        if (v < kMinBorderLevel)
            return std::nullopt;
    return s;
}

bool usable(const Image &frame, const Landmarks &lm)
{
    if (frame.empty() || frame.channels() != 3 || lm.size() != 68)
        return false;
    return std::all_of(lm.begin(), lm.end(), [](const PointF &p) { return std::isfinite(p.x) && std::isfinite(p.y); });
}

// The least-squares affine map taking `from` onto `to` (all points weighted alike): x and y share the normal
// equations of the rows [x y 1].
std::optional<cv::Matx23d> fitAffine(const Landmarks &from, const Landmarks &to)
{
    cv::Matx33d ata = cv::Matx33d::zeros();
    cv::Vec3d atx, aty;
    for (size_t i = 0; i < from.size(); ++i) {
        const cv::Vec3d row(from[i].x, from[i].y, 1.0);
        ata += row * row.t();
        atx += row * static_cast<double>(to[i].x);
        aty += row * static_cast<double>(to[i].y);
    }
    if (std::abs(cv::determinant(ata)) < 1e-9)
        return std::nullopt;
    const cv::Matx33d inverse = ata.inv();
    const cv::Vec3d a = inverse * atx, b = inverse * aty;
    return cv::Matx23d(a[0], a[1], a[2], b[0], b[1], b[2]);
}
Landmarks mapped(const Landmarks &points, const cv::Matx23d &m)
{
    Landmarks out;
    out.reserve(points.size());
    for (const PointF &p : points)
        out.push_back({static_cast<float>(m(0, 0) * p.x + m(0, 1) * p.y + m(0, 2)),
                       static_cast<float>(m(1, 0) * p.x + m(1, 1) * p.y + m(1, 2))});
    return out;
}

// ---- fits ----

using Row = std::array<double, 4>; // 1, e_R, e_G, e_B
using Mat4 = std::array<std::array<double, 4>, 4>;

bool invert(Mat4 m, Mat4 &inv)
{
    inv = {};
    for (size_t i = 0; i < 4; ++i)
        inv[i][i] = 1.0;
    const double scale = std::max(1e-12, std::abs(m[0][0]));
    for (size_t col = 0; col < 4; ++col) {
        size_t pivot = col;
        for (size_t r = col + 1; r < 4; ++r)
            if (std::abs(m[r][col]) > std::abs(m[pivot][col]))
                pivot = r;
        if (std::abs(m[pivot][col]) < 1e-6 * scale)
            return false;
        std::swap(m[pivot], m[col]);
        std::swap(inv[pivot], inv[col]);
        const double p = m[col][col];
        for (size_t k = 0; k < 4; ++k) {
            m[col][k] /= p;
            inv[col][k] /= p;
        }
        for (size_t r = 0; r < 4; ++r) {
            if (r == col)
                continue;
            const double f = m[r][col];
            for (size_t k = 0; k < 4; ++k) {
                m[r][k] -= f * m[col][k];
                inv[r][k] -= f * inv[col][k];
            }
        }
    }
    return true;
}

struct Fit {
    Row coef{}; // alpha, beta_R, beta_G, beta_B
    double ssRes = 0.0;
    double ssTot = 0.0;
};

Fit fit(const std::vector<Row> &x, const Mat4 &inverse, const std::vector<double> &y)
{
    Row xty{};
    double mean = 0.0;
    for (size_t i = 0; i < x.size(); ++i) {
        for (size_t k = 0; k < 4; ++k)
            xty[k] += x[i][k] * y[i];
        mean += y[i];
    }
    mean /= static_cast<double>(y.size());
    Fit f;
    for (size_t k = 0; k < 4; ++k)
        for (size_t j = 0; j < 4; ++j)
            f.coef[k] += inverse[k][j] * xty[j];
    for (size_t i = 0; i < x.size(); ++i) {
        double predicted = 0.0;
        for (size_t k = 0; k < 4; ++k)
            predicted += f.coef[k] * x[i][k];
        f.ssRes += (y[i] - predicted) * (y[i] - predicted);
        f.ssTot += (y[i] - mean) * (y[i] - mean);
    }
    return f;
}

using RegionOf = const RegionMean ScreenLightSample::*;

// A sample the fits can use: finite means and a border to divide by.
bool usableSample(const ScreenLightSample &s)
{
    for (const RegionOf r : {&ScreenLightSample::front, &ScreenLightSample::frontDark, &ScreenLightSample::frontBright,
                             &ScreenLightSample::upper, &ScreenLightSample::nose, &ScreenLightSample::lower,
                             &ScreenLightSample::side, &ScreenLightSample::ring, &ScreenLightSample::border})
        for (const double v : (s.*r).rgb)
            if (!std::isfinite(v) || (r == &ScreenLightSample::border && !(v > 0.0)))
                return false;
    return std::isfinite(s.tMs);
}

// A region's three channels over the border's, fitted on the rows.
std::array<Fit, 3> fitRegion(const std::vector<const ScreenLightSample *> &used, const std::vector<Row> &x,
                             const Mat4 &inverse, RegionOf region)
{
    std::array<Fit, 3> fits;
    std::vector<double> y(used.size());
    for (size_t c = 0; c < 3; ++c) {
        for (size_t i = 0; i < used.size(); ++i)
            y[i] = (used[i]->*region).rgb[c] / used[i]->border.rgb[c];
        fits[c] = fit(x, inverse, y);
    }
    return fits;
}

// A region's response, from one fit of its three channels' sum (each over the border's same channel): the level
// under a black screen (alpha), the change from black to white (the sum of the betas) and that change's standard
// error from the fit's residuals.
struct Response {
    double level = 0.0;
    double change = 0.0;
    double changeError = 0.0;
    [[nodiscard]] double strength() const { return level > 0.0 ? change / level : kNaN; }
    [[nodiscard]] double strengthError() const { return level > 0.0 ? changeError / level : kNaN; }
};
Response response(const std::vector<const ScreenLightSample *> &used, const std::vector<Row> &x, const Mat4 &inverse,
                  RegionOf region)
{
    std::vector<double> y(used.size());
    for (size_t i = 0; i < used.size(); ++i)
        for (size_t c = 0; c < 3; ++c)
            y[i] += (used[i]->*region).rgb[c] / used[i]->border.rgb[c];
    const Fit f = fit(x, inverse, y);
    Response r;
    r.level = f.coef[0];
    r.change = f.coef[1] + f.coef[2] + f.coef[3];
    double u = 0.0; // (0,1,1,1)' inverse (0,1,1,1)
    for (size_t i = 1; i < 4; ++i)
        for (size_t j = 1; j < 4; ++j)
            u += inverse[i][j];
    const double dof = static_cast<double>(used.size()) - 4.0;
    r.changeError = dof > 0.0 ? std::sqrt(std::max(0.0, f.ssRes / dof * u)) : kNaN;
    return r;
}

} // namespace

int ColourSchedule::totalMs() const
{
    int total = 0;
    for (const ColourStep &s : steps)
        total += s.durationMs;
    return total;
}

std::string colourScheduleProblem(const ColourSchedule &schedule)
{
    const size_t n = schedule.steps.size();
    if (n < static_cast<size_t>(kMinColourSteps) || n > static_cast<size_t>(kMaxColourSteps))
        return "needs " + std::to_string(kMinColourSteps) + " to " + std::to_string(kMaxColourSteps) + " steps, has " +
               std::to_string(n);
    for (size_t i = 0; i < n; ++i) {
        const ColourStep &s = schedule.steps[i];
        const std::string item = "step " + std::to_string(i + 1);
        if (s.durationMs < kMinColourStepMs || s.durationMs > kMaxColourStepMs)
            return item + " lasts " + std::to_string(s.durationMs) + " ms, not " + std::to_string(kMinColourStepMs) +
                   "-" + std::to_string(kMaxColourStepMs);
        for (int c = 0; c < 3; ++c)
            if (component(s.colour, c) != 0 && component(s.colour, c) != 255)
                return item + " is not a palette colour (each channel 0 or 255)";
        if (i > 0 && s.colour == schedule.steps[i - 1].colour)
            return item + " repeats the colour before it";
    }
    static constexpr std::array<const char *, 3> kNames{"red", "green", "blue"};
    for (int c = 0; c < 3; ++c) {
        int changes = 0;
        for (size_t i = 1; i < n; ++i)
            changes += component(schedule.steps[i].colour, c) != component(schedule.steps[i - 1].colour, c) ? 1 : 0;
        if (changes < 2)
            return std::string(kNames[static_cast<size_t>(c)]) + " changes level " + std::to_string(changes) +
                   " time(s), needs 2";
    }
    if (channelRank(schedule) < 4)
        return "the colours do not separate the channels (one channel's levels follow the others')";
    return {};
}

bool isValidColourSchedule(const ColourSchedule &schedule)
{
    return colourScheduleProblem(schedule).empty();
}

Result<ColourSchedule> drawColourSchedule()
{
    std::array<std::uint8_t, 64> buffer{};
    size_t used = buffer.size();
    bool failed = false;
    auto drawn = drawWith([&](std::uint8_t &out) {
        if (used == buffer.size()) {
            if (getrandom(buffer.data(), buffer.size(), 0) != static_cast<ssize_t>(buffer.size())) {
                failed = true;
                return false;
            }
            used = 0;
        }
        out = buffer[used++];
        return true;
    });
    if (failed)
        return {ErrorCode::Internal, "the kernel's random source failed"};
    if (!drawn)
        return {ErrorCode::Internal, "could not draw a valid colour schedule"};
    return *drawn;
}

ColourSchedule colourScheduleFromSeed(std::uint64_t seed)
{
    std::uint64_t state = seed;
    std::uint64_t word = 0;
    int left = 0;
    auto drawn = drawWith([&](std::uint8_t &out) {
        if (left == 0) { // SplitMix64
            state += 0x9e3779b97f4a7c15ULL;
            std::uint64_t z = state;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            word = z ^ (z >> 31);
            left = 8;
        }
        out = static_cast<std::uint8_t>(word & 0xff);
        word >>= 8;
        --left;
        return true;
    });
    return drawn.value_or(ColourSchedule{});
}

std::string colourScheduleText(const ColourSchedule &schedule)
{
    std::string out;
    for (const ColourStep &s : schedule.steps) {
        char item[32];
        std::snprintf(item, sizeof item, "%s%02x%02x%02x:%d", out.empty() ? "" : ",", s.colour.r, s.colour.g,
                      s.colour.b, s.durationMs);
        out += item;
    }
    return out;
}

Result<ColourSchedule> parseColourSchedule(std::string_view text)
{
    ColourSchedule schedule;
    size_t start = 0;
    int index = 0;
    while (start <= text.size()) {
        const size_t comma = std::min(text.find(',', start), text.size());
        const std::string_view item = text.substr(start, comma - start);
        ++index;
        const std::string name = "item " + std::to_string(index) + " '" + std::string(item.substr(0, 20)) + "'";
        const auto hex = [](char ch) {
            return ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
        };
        if (item.size() < 8 || item.size() > 11 || item[6] != ':')
            return {ErrorCode::InvalidFormat, name + ": expected rrggbb:ms"};
        std::array<int, 3> rgb{};
        for (size_t c = 0; c < 3; ++c) {
            const int hi = hex(item[2 * c]), lo = hex(item[2 * c + 1]);
            if (hi < 0 || lo < 0)
                return {ErrorCode::InvalidFormat, name + ": the colour is not six lower-case hex digits"};
            rgb[c] = hi * 16 + lo;
        }
        int ms = 0;
        for (const char ch : item.substr(7)) {
            if (ch < '0' || ch > '9')
                return {ErrorCode::InvalidFormat, name + ": the duration is not a whole number of ms"};
            ms = ms * 10 + (ch - '0');
        }
        schedule.steps.push_back(
            {{static_cast<std::uint8_t>(rgb[0]), static_cast<std::uint8_t>(rgb[1]), static_cast<std::uint8_t>(rgb[2])},
             ms});
        if (schedule.steps.size() > static_cast<size_t>(kMaxColourSteps))
            return {ErrorCode::InvalidFormat, "more than " + std::to_string(kMaxColourSteps) + " steps"};
        start = comma + 1;
    }
    if (const std::string problem = colourScheduleProblem(schedule); !problem.empty())
        return {ErrorCode::InvalidFormat, "colour schedule breaks the rule: " + problem};
    return schedule;
}

double screenEmission(const ColourSchedule &schedule, double tMs, int channel)
{
    if (tMs < 0.0 || channel < 0 || channel > 2)
        return kScreenRestEmission;
    double end = 0.0;
    for (const ColourStep &s : schedule.steps) {
        end += s.durationMs;
        if (tMs < end)
            return linearTable()[component(s.colour, channel)];
    }
    return kScreenRestEmission;
}

double meanScreenEmission(const ColourSchedule &schedule, double fromMs, double toMs, int channel)
{
    if (!(toMs > fromMs))
        return screenEmission(schedule, fromMs, channel);
    // Piecewise constant: the rest level, the steps, the rest level.
    const double total = schedule.totalMs();
    double sum = 0.0;
    const auto add = [&](double a, double b, double level) {
        const double lo = std::max(a, fromMs), hi = std::min(b, toMs);
        if (hi > lo)
            sum += (hi - lo) * level;
    };
    const double channelRest = kScreenRestEmission;
    add(-std::numeric_limits<double>::infinity(), 0.0, channelRest);
    double begin = 0.0;
    for (const ColourStep &s : schedule.steps) {
        add(begin, begin + s.durationMs, linearTable()[component(s.colour, channel)]);
        begin += s.durationMs;
    }
    add(total, std::numeric_limits<double>::infinity(), channelRest);
    return sum / (toMs - fromMs);
}

std::optional<ScreenLightSample> measureScreenLight(const Image &frame, const Landmarks &landmarks68, double tMs)
{
    if (!usable(frame, landmarks68))
        return std::nullopt;
    const cv::Mat bgr = ImageAccess::view(frame);
    const auto regions = drawRegions(landmarks68, frame.width(), frame.height());
    if (!regions)
        return std::nullopt;
    return measureRegions(bgr, *regions, texture(luminance(bgr), *regions), tMs);
}

std::optional<ScreenLightSample> ScreenLightMeter::measure(const Image &frame, const Landmarks &landmarks68, double tMs)
{
    if (!usable(frame, landmarks68))
        return std::nullopt;
    if (m_referenceFrames > 0 && (frame.width() != m_width || frame.height() != m_height))
        reset();
    const cv::Mat bgr = ImageAccess::view(frame);
    if (m_referenceFrames < kReferenceFrames) {
        // Warm-up: the frames' landmarks and luminance, mapped onto the first frame's by the affine fit, averaged.
        cv::Matx23d toFirst = cv::Matx23d::eye();
        if (m_referenceFrames == 0) {
            m_width = frame.width();
            m_height = frame.height();
            m_first = landmarks68;
            m_reference.assign(landmarks68.size(), PointF{});
            m_luminance.assign(static_cast<size_t>(m_width) * static_cast<size_t>(m_height), 0.0f);
        } else if (const auto fitted = fitAffine(landmarks68, m_first)) {
            toFirst = *fitted;
        } else {
            return std::nullopt;
        }
        const Landmarks moved = mapped(landmarks68, toFirst);
        for (size_t i = 0; i < moved.size(); ++i) {
            m_reference[i].x += moved[i].x / kReferenceFrames;
            m_reference[i].y += moved[i].y / kReferenceFrames;
        }
        cv::Mat warped, sum(m_height, m_width, CV_32F, m_luminance.data());
        cv::warpAffine(luminance(bgr), warped, toFirst, sum.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
        sum += warped / kReferenceFrames;
        if (++m_referenceFrames == kReferenceFrames) {
            // The texture's local contrast on the averaged frames, and its median, once.
            const auto regions = drawRegions(m_reference, m_width, m_height);
            if (!regions) {
                reset();
                return std::nullopt;
            }
            // Outside the texture the map holds the median (no weight): the edge pixels, interpolated when the map is
            // carried onto a frame, stay neutral.
            const Texture t = texture(sum, *regions);
            m_median = t.median;
            m_contrast.assign(static_cast<size_t>(m_width) * static_cast<size_t>(m_height), m_median);
            cv::Mat contrast(m_height, m_width, CV_32F, m_contrast.data());
            t.contrast.copyTo(contrast(t.box), t.contrast > 0.0f);
        }
        return std::nullopt;
    }
    // The reference shape and its texture's contrast, carried onto this frame by the affine fit of its landmarks.
    const auto onto = fitAffine(m_reference, landmarks68);
    if (!onto)
        return std::nullopt;
    const auto regions = drawRegions(mapped(m_reference, *onto), m_width, m_height);
    if (!regions)
        return std::nullopt;
    Texture t;
    t.box = textureBox(*regions, bgr.size());
    t.weight = textureWeight(*regions, t.box);
    const cv::Mat reference(m_height, m_width, CV_32F, m_contrast.data());
    cv::Mat contrast;
    cv::warpAffine(reference, contrast, *onto, reference.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                   cv::Scalar(m_median));
    t.contrast = contrast(t.box);
    t.median = m_median;
    return measureRegions(bgr, *regions, t, tMs);
}

ScreenLightReport judgeScreenLight(const std::vector<ScreenLightSample> &samples, const ColourSchedule &schedule,
                                   const ScreenLightConfig &config)
{
    ScreenLightReport report;
    report.elasticity = report.ringToFace = report.relief = report.reliefLow = report.sideToFront = kNaN;
    const double total = schedule.totalMs();
    const auto insufficient = [&] {
        report.insufficient = true;
        report.failures = {"insufficient"};
        return report;
    };
    if (!isValidColourSchedule(schedule) || config.delayStepMs <= 0.0)
        return insufficient();

    // The rows (expected emissions) and the samples whose exposure lies inside the sequence, for a delay.
    const auto rowsFor = [&](double delay, std::vector<const ScreenLightSample *> &used, std::vector<Row> &x) {
        used.clear();
        x.clear();
        for (const ScreenLightSample &s : samples) {
            const double end = s.tMs - delay, start = end - config.exposureMs;
            if (!(start >= 0.0) || !(end <= total) || !usableSample(s))
                continue;
            used.push_back(&s);
            x.push_back({1.0, meanScreenEmission(schedule, start, end, 0), meanScreenEmission(schedule, start, end, 1),
                         meanScreenEmission(schedule, start, end, 2)});
        }
    };
    const auto inverseOf = [](const std::vector<Row> &x, Mat4 &inverse) {
        Mat4 xtx{};
        for (const Row &r : x)
            for (size_t i = 0; i < 4; ++i)
                for (size_t j = 0; j < 4; ++j)
                    xtx[i][j] += r[i] * r[j];
        return invert(xtx, inverse);
    };

    std::vector<const ScreenLightSample *> used;
    std::vector<Row> x;
    Mat4 inverse{};
    double bestR2 = -std::numeric_limits<double>::infinity();
    double bestDelay = -1.0;
    for (double d = 0.0; d <= config.maxDelayMs + 1e-9; d += config.delayStepMs) {
        rowsFor(d, used, x);
        if (used.size() < static_cast<size_t>(std::max(config.minSamples, 6)) || !inverseOf(x, inverse))
            continue;
        double res = 0.0, tot = 0.0;
        for (const RegionOf region : {&ScreenLightSample::frontDark, &ScreenLightSample::frontBright})
            for (const Fit &f : fitRegion(used, x, inverse, region)) {
                res += f.ssRes;
                tot += f.ssTot;
            }
        const double r2 = tot > 0.0 ? 1.0 - res / tot : 0.0;
        if (r2 > bestR2 + 1e-12) {
            bestR2 = r2;
            bestDelay = d;
        }
    }
    if (bestDelay < 0.0)
        return insufficient();

    rowsFor(bestDelay, used, x);
    (void)inverseOf(x, inverse);
    report.delayMs = bestDelay;
    report.fitR2 = bestR2;
    report.samplesUsed = static_cast<int>(used.size());
    // Coverage: the share of the sequence within coverageHalfMs of a used frame's exposure window.
    {
        std::vector<std::pair<double, double>> spans;
        for (const ScreenLightSample *s : used)
            spans.push_back({s->tMs - bestDelay - config.exposureMs - config.coverageHalfMs,
                             s->tMs - bestDelay + config.coverageHalfMs});
        std::sort(spans.begin(), spans.end());
        double covered = 0.0, reach = 0.0;
        for (const auto &[a, b] : spans) {
            const double lo = std::max({a, reach, 0.0}), hi = std::min(b, total);
            if (hi > lo)
                covered += hi - lo;
            reach = std::max(reach, b);
        }
        report.coverage = total > 0.0 ? covered / total : 0.0;
    }
    if (report.samplesUsed < config.minSamples || report.coverage < config.minCoverage)
        return insufficient();

    const auto responseOf = [&](RegionOf region) { return response(used, x, inverse, region); };
    const Response front = responseOf(&ScreenLightSample::front);
    const Response dark = responseOf(&ScreenLightSample::frontDark);
    const Response bright = responseOf(&ScreenLightSample::frontBright);
    const Response ring = responseOf(&ScreenLightSample::ring);
    report.strength = front.strength();
    report.contrast = dark.level > 0.0 ? bright.level / dark.level : kNaN;
    // Slope of the change against the level across the texture's two sides, over a proportional change's.
    const double slope =
        bright.level - dark.level > 1e-9 ? (bright.change - dark.change) / (bright.level - dark.level) : kNaN;
    const double proportional = (bright.change + dark.change) / (bright.level + dark.level);
    report.elasticity = std::abs(proportional) > 1e-9 ? slope / proportional : kNaN;
    // Relief: the spread of the zones' strengths over their mean, and its lower bound (2 standard errors of the
    // difference between the strongest and the weakest zone).
    std::array<Response, 4> zones{responseOf(&ScreenLightSample::upper), responseOf(&ScreenLightSample::nose),
                                  responseOf(&ScreenLightSample::lower), responseOf(&ScreenLightSample::side)};
    const auto byStrength = [](const Response &a, const Response &b) { return a.strength() < b.strength(); };
    const auto [weakest, strongest] = std::minmax_element(zones.begin(), zones.end(), byStrength);
    double zoneMean = 0.0;
    for (const Response &zone : zones)
        zoneMean += zone.strength() / static_cast<double>(zones.size());
    if (zoneMean > 0.0) {
        report.relief = (strongest->strength() - weakest->strength()) / zoneMean;
        report.reliefLow =
            report.relief - 2.0 * std::hypot(strongest->strengthError(), weakest->strengthError()) / zoneMean;
    }
    if (report.strength > 0.0) {
        report.ringToFace = ring.strength() / report.strength;
        report.sideToFront = zones[3].strength() / report.strength;
    }

    if (!(report.fitR2 >= config.minR2) || !(report.strength >= config.minStrength)) {
        report.failures = {"no_response"};
    } else {
        if (!(report.elasticity >= config.minElasticity))
            report.failures.push_back("not_diffuse");
        if (!(report.ringToFace <= config.maxRingToFace))
            report.failures.push_back("not_nearer_than_background");
        if (!(report.reliefLow >= config.minRelief))
            report.failures.push_back("flat");
    }
    report.passed = report.failures.empty();
    return report;
}

} // namespace simkyc::vision
