#include "vision/face_geometry.h"

#include <algorithm>
#include <cmath>

namespace simkyc::vision {
namespace {

constexpr size_t kPoints68 = 68;

double dist(const PointF &a, const PointF &b)
{
    return std::hypot(static_cast<double>(a.x) - b.x, static_cast<double>(a.y) - b.y);
}

int eyeFirstPoint(Eye eye)
{
    return eye == Eye::Right ? 36 : 42; // the person's right eye is 36-41, left 42-47
}

} // namespace

double eyeAspectRatio(const Landmarks &l, Eye eye)
{
    if (l.size() != kPoints68)
        return 0.0;
    const auto p = [&](int i) { return l[static_cast<size_t>(eyeFirstPoint(eye) + i - 1)]; }; // p1..p6
    const double width = dist(p(1), p(4));
    if (width < 1e-6)
        return 0.0;
    return (dist(p(2), p(6)) + dist(p(3), p(5))) / (2.0 * width);
}

double mouthAspectRatio(const Landmarks &l)
{
    if (l.size() != kPoints68)
        return 0.0;
    const double width = dist(l[60], l[64]);
    if (width < 1e-6)
        return 0.0;
    return (dist(l[61], l[67]) + dist(l[62], l[66]) + dist(l[63], l[65])) / (3.0 * width);
}

PointF eyeCentre(const Landmarks &l, Eye eye)
{
    if (l.size() != kPoints68)
        return {};
    PointF c;
    const int first = eyeFirstPoint(eye);
    for (int i = first; i < first + 6; ++i) {
        c.x += l[static_cast<size_t>(i)].x / 6.f;
        c.y += l[static_cast<size_t>(i)].y / 6.f;
    }
    return c;
}

double interocularDistance(const Landmarks &l)
{
    if (l.size() != kPoints68)
        return 0.0;
    return dist(eyeCentre(l, Eye::Left), eyeCentre(l, Eye::Right));
}

FaceBox landmarkBounds(const Landmarks &l)
{
    if (l.empty())
        return {};
    float x0 = l[0].x, x1 = l[0].x, y0 = l[0].y, y1 = l[0].y;
    for (const auto &p : l) {
        x0 = std::min(x0, p.x);
        x1 = std::max(x1, p.x);
        y0 = std::min(y0, p.y);
        y1 = std::max(y1, p.y);
    }
    const int left = static_cast<int>(std::floor(x0));
    const int top = static_cast<int>(std::floor(y0));
    return FaceBox{left, top, static_cast<int>(std::ceil(x1)) - left + 1, static_cast<int>(std::ceil(y1)) - top + 1};
}

double boxIou(const FaceBox &a, const FaceBox &b)
{
    const long long ix = std::max(0, std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x));
    const long long iy = std::max(0, std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y));
    const long long inter = ix * iy;
    const long long uni = a.area() + b.area() - inter;
    return uni > 0 ? static_cast<double>(inter) / static_cast<double>(uni) : 0.0;
}

} // namespace simkyc::vision
