#include "vision/id_card.h"
#include "vision/image_access.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace simkyc::vision {

namespace {

constexpr double kId1Aspect = 85.6 / 54.0;  // ISO/IEC 7810 ID-1
constexpr double kTd3Aspect = 125.0 / 88.0; // ICAO 9303 TD3 data page
constexpr double kAspectTolerance = 0.12;
constexpr double kMinAreaShare = 0.15;
constexpr double kMaxAreaShare = 0.97; // the frame's own border is not a card
constexpr int kWorkSidePx = 800;       // frames are searched downscaled to this longer side
constexpr double kFaceWidthShare = 0.55;
constexpr double kPortraitAspect = 126.0 / 102.0; // height / width
// findFaces' last resort (a low threshold on the padded image) is meant for faces that fill the
// image (chip portraits). On a document, a weak face smaller than this share of the shorter side is
// most often a seal or a guilloche: 77_card-cmw's seal is 10 %, 100_pass-lux's real face 22 %
// (chosen on the 22 specimen documents only; revisit with more data).
constexpr double kWeakFaceMinShare = 0.18;

struct Candidate {
    std::array<cv::Point2f, 4> corners; // TL, TR, BR, BL in working coordinates
    CardAspect aspect = CardAspect::Id1;
    double ratio = 0.0;
    double area = 0.0;
};

double distance(const cv::Point2f &a, const cv::Point2f &b)
{
    return std::hypot(a.x - b.x, a.y - b.y);
}

// Clockwise from the top-left; a quadrilateral taller than wide is turned to landscape.
std::array<cv::Point2f, 4> orderCorners(const std::vector<cv::Point> &quad)
{
    cv::Point2f centre(0.f, 0.f);
    for (const auto &p : quad)
        centre += cv::Point2f(static_cast<float>(p.x), static_cast<float>(p.y)) * 0.25f;
    std::array<cv::Point2f, 4> pts;
    for (size_t i = 0; i < 4; ++i)
        pts[i] = cv::Point2f(static_cast<float>(quad[i].x), static_cast<float>(quad[i].y));
    std::sort(pts.begin(), pts.end(), [&](const cv::Point2f &a, const cv::Point2f &b) {
        return std::atan2(a.y - centre.y, a.x - centre.x) < std::atan2(b.y - centre.y, b.x - centre.x);
    });
    // atan2 grows clockwise on screen (y down); start at the corner nearest the origin.
    const auto first = std::min_element(
        pts.begin(), pts.end(), [](const cv::Point2f &a, const cv::Point2f &b) { return a.x + a.y < b.x + b.y; });
    std::rotate(pts.begin(), first, pts.end());
    const double width = (distance(pts[0], pts[1]) + distance(pts[3], pts[2])) / 2.0;
    const double height = (distance(pts[0], pts[3]) + distance(pts[1], pts[2])) / 2.0;
    if (height > width) // held upright: the left side becomes the top (a 90 degree turn)
        std::rotate(pts.begin(), pts.begin() + 3, pts.end());
    return pts;
}

std::optional<Candidate> asCandidate(const std::vector<cv::Point> &quad, double frameArea)
{
    if (quad.size() != 4 || !cv::isContourConvex(quad))
        return std::nullopt;
    const double area = cv::contourArea(quad);
    if (area < kMinAreaShare * frameArea || area > kMaxAreaShare * frameArea)
        return std::nullopt;
    Candidate c;
    c.corners = orderCorners(quad);
    const double width = (distance(c.corners[0], c.corners[1]) + distance(c.corners[3], c.corners[2])) / 2.0;
    const double height = (distance(c.corners[0], c.corners[3]) + distance(c.corners[1], c.corners[2])) / 2.0;
    if (height <= 0.0)
        return std::nullopt;
    c.ratio = width / height;
    const double offId1 = std::abs(c.ratio / kId1Aspect - 1.0);
    const double offTd3 = std::abs(c.ratio / kTd3Aspect - 1.0);
    if (std::min(offId1, offTd3) > kAspectTolerance)
        return std::nullopt;
    c.aspect = offId1 <= offTd3 ? CardAspect::Id1 : CardAspect::Td3;
    c.area = area;
    return c;
}

// A card's outline follows its quadrilateral; the hull of a ragged blob (noise, texture) does not.
bool fitsContour(const std::vector<cv::Point> &contour, const std::vector<cv::Point> &quad)
{
    const double quadArea = cv::contourArea(quad);
    return quadArea > 0.0 && cv::contourArea(contour) >= 0.85 * quadArea &&
           cv::arcLength(contour, true) <= 1.3 * cv::arcLength(quad, true);
}

// The largest card-shaped quadrilateral among the contours of a binary image.
std::optional<Candidate> bestQuad(const cv::Mat &binary, double frameArea)
{
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(binary, contours, cv::RETR_LIST, cv::CHAIN_APPROX_SIMPLE);
    std::optional<Candidate> best;
    for (const auto &contour : contours) {
        if (cv::contourArea(contour) < kMinAreaShare * frameArea * 0.5) // cheap reject before approximating
            continue;
        std::vector<cv::Point> hull;
        cv::convexHull(contour, hull);
        const double perimeter = cv::arcLength(hull, true);
        for (const double epsilon : {0.02, 0.035, 0.05}) {
            std::vector<cv::Point> quad;
            cv::approxPolyDP(hull, quad, epsilon * perimeter, true);
            if (quad.size() < 4)
                break;
            if (!fitsContour(contour, quad))
                continue;
            if (auto c = asCandidate(quad, frameArea)) {
                if (!best || c->area > best->area)
                    best = c;
                break;
            }
        }
    }
    return best;
}

std::optional<Candidate> searchCanny(const cv::Mat &blurred, double frameArea)
{
    // Thresholds from the median grey level (works for dim and bright frames alike).
    std::vector<uchar> values(blurred.begin<uchar>(), blurred.end<uchar>());
    std::nth_element(values.begin(), values.begin() + static_cast<long>(values.size() / 2), values.end());
    const double median = values[values.size() / 2];
    const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, {3, 3});
    for (const auto &[low, high] : {std::pair{std::max(10.0, 0.66 * median), std::min(255.0, 1.33 * median)},
                                    std::pair{30.0, 90.0}, std::pair{60.0, 180.0}}) {
        cv::Mat edges;
        cv::Canny(blurred, edges, low, high);
        cv::dilate(edges, edges, kernel);
        if (auto c = bestQuad(edges, frameArea))
            return c;
    }
    return std::nullopt;
}

std::optional<Candidate> searchThreshold(const cv::Mat &blurred, double frameArea)
{
    const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, {5, 5});
    std::optional<Candidate> best;
    auto consider = [&](cv::Mat binary) {
        cv::morphologyEx(binary, binary, cv::MORPH_CLOSE, kernel);
        cv::morphologyEx(binary, binary, cv::MORPH_OPEN, kernel);
        if (auto c = bestQuad(binary, frameArea); c && (!best || c->area > best->area))
            best = c;
    };
    cv::Mat otsu;
    cv::threshold(blurred, otsu, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    consider(otsu.clone());
    consider(255 - otsu);
    const int block = (std::max(blurred.cols, blurred.rows) / 8) | 1;
    cv::Mat adaptive;
    cv::adaptiveThreshold(blurred, adaptive, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY, block, -5);
    consider(adaptive);
    return best;
}

cv::Mat portraitCrop(const cv::Mat &image, const FaceBox &face)
{
    const double width = face.width / kFaceWidthShare;
    const double height = width * kPortraitAspect;
    const double cx = face.x + face.width / 2.0;
    const double cy = face.y + face.height / 2.0 - 0.05 * height; // eyes a little above the middle
    const cv::Rect want(static_cast<int>(std::lround(cx - width / 2)), static_cast<int>(std::lround(cy - height / 2)),
                        static_cast<int>(std::lround(width)), static_cast<int>(std::lround(height)));
    const cv::Rect inside = want & cv::Rect(0, 0, image.cols, image.rows);
    if (inside.empty())
        return {};
    cv::Mat out;
    cv::copyMakeBorder(image(inside), out, inside.y - want.y, want.br().y - inside.br().y, inside.x - want.x,
                       want.br().x - inside.br().x, cv::BORDER_REPLICATE);
    return out;
}

} // namespace

const char *cardAspectName(CardAspect aspect)
{
    return aspect == CardAspect::Td3 ? "td3" : "id1";
}

Result<CardDetection> findIdCard(const Image &frame)
{
    if (frame.empty())
        return {ErrorCode::InvalidArgument, "findIdCard needs an image"};
    try {
        const cv::Mat source = ImageAccess::view(frame);
        cv::Mat grey;
        if (source.channels() == 3)
            cv::cvtColor(source, grey, cv::COLOR_BGR2GRAY);
        else
            grey = source;
        const double scale = std::min(1.0, static_cast<double>(kWorkSidePx) / std::max(grey.cols, grey.rows));
        cv::Mat work;
        if (scale < 1.0)
            cv::resize(grey, work, cv::Size(), scale, scale, cv::INTER_AREA);
        else
            work = grey;
        cv::Mat blurred;
        cv::GaussianBlur(work, blurred, {5, 5}, 0);
        const double frameArea = static_cast<double>(work.cols) * work.rows;

        std::string method = "canny";
        auto found = searchCanny(blurred, frameArea);
        if (!found) {
            method = "threshold";
            found = searchThreshold(blurred, frameArea);
        }
        if (!found)
            return {ErrorCode::NotFound, "no card-shaped quadrilateral"};

        CardDetection out;
        out.aspect = found->aspect;
        out.aspectRatio = found->ratio;
        out.areaShare = found->area / frameArea;
        out.method = method;
        std::array<cv::Point2f, 4> full;
        for (size_t i = 0; i < 4; ++i) {
            full[i] = found->corners[i] * static_cast<float>(1.0 / scale);
            out.corners[i] = {full[i].x, full[i].y};
        }
        const double nominal = found->aspect == CardAspect::Td3 ? kTd3Aspect : kId1Aspect;
        const auto w = static_cast<float>(kRectifiedCardWidthPx);
        const auto h = static_cast<float>(std::lround(kRectifiedCardWidthPx / nominal));
        const std::array<cv::Point2f, 4> target{cv::Point2f(0.f, 0.f), cv::Point2f(w - 1.f, 0.f),
                                                cv::Point2f(w - 1.f, h - 1.f), cv::Point2f(0.f, h - 1.f)};
        const cv::Mat homography = cv::getPerspectiveTransform(full.data(), target.data());
        cv::Mat rectified;
        cv::warpPerspective(source, rectified, homography, cv::Size(static_cast<int>(w), static_cast<int>(h)),
                            cv::INTER_LINEAR, cv::BORDER_REPLICATE);
        out.rectified = ImageAccess::fromMat(rectified);
        return out;
    } catch (const cv::Exception &e) {
        return {ErrorCode::Internal, std::string("card search failed: ") + e.what()};
    }
}

Result<IdPortrait> extractPortrait(const Image &cardOrDocument, FaceDetector &detector)
{
    if (cardOrDocument.empty())
        return {ErrorCode::InvalidArgument, "extractPortrait needs an image"};
    const FaceSearch search = detector.findFaces(cardOrDocument);
    if (search.faces.empty())
        return {ErrorCode::NoFace, "no face on the document"};
    if (search.method == "padded_low_threshold" &&
        search.faces.front().box.width < kWeakFaceMinShare * std::min(cardOrDocument.width(), cardOrDocument.height()))
        return {ErrorCode::NoFace, "no face on the document (only a weak, small candidate)"};
    const auto largest =
        std::max_element(search.faces.begin(), search.faces.end(),
                         [](const Detection &a, const Detection &b) { return a.box.area() < b.box.area(); });
    if (largest->box.width < kMinPortraitFacePx)
        return {ErrorCode::Unreadable, "portrait too small or pixelated"};
    try {
        const cv::Mat crop = portraitCrop(ImageAccess::view(cardOrDocument), largest->box);
        if (crop.empty())
            return {ErrorCode::NoFace, "the face lies outside the document"};
        IdPortrait out;
        out.portrait = ImageAccess::fromMat(crop);
        out.face = largest->box;
        out.score = largest->score;
        out.faceCount = static_cast<int>(search.faces.size());
        out.method = search.method;
        return out;
    } catch (const cv::Exception &e) {
        return {ErrorCode::Internal, std::string("portrait crop failed: ") + e.what()};
    }
}

Result<IdPortrait> idPortraitFromImage(const Image &image, FaceDetector &detector)
{
    auto direct = extractPortrait(image, detector);
    if (direct.ok() || direct.error().code != ErrorCode::NoFace)
        return direct;
    auto card = findIdCard(image);
    if (!card.ok())
        return direct;
    auto onCard = extractPortrait(card->rectified, detector);
    if (!onCard.ok())
        return onCard.error().code == ErrorCode::NoFace ? direct : onCard;
    onCard->fromCard = true;
    onCard->card = std::move(card).value();
    return onCard;
}

} // namespace simkyc::vision
