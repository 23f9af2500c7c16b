#include "vision/face_detector.h"
#include "vision/dlib_bridge.h"

#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/image_transforms/interpolation.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace simkyc::vision {

struct FaceDetector::Impl {
    dlib::frontal_face_detector hog = dlib::get_frontal_face_detector();

    std::vector<Detection> scan(const cv::Mat &bgr, int upsample, double adjust)
    {
        std::vector<dlib::rect_detection> found;
        try {
            if (upsample <= 0) {
                hog(dlib::cv_image<dlib::bgr_pixel>(bgr), found, adjust);
            } else {
                // dlib's scanner works on grey; upsample the grey image (4x fewer bytes than colour).
                cv::Mat grey;
                cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
                dlib::array2d<unsigned char> img;
                dlib::assign_image(img, dlib::cv_image<unsigned char>(grey));
                for (int i = 0; i < upsample; ++i)
                    dlib::pyramid_up(img);
                hog(img, found, adjust);
                const double f = std::pow(2.0, upsample);
                for (auto &d : found)
                    d.rect = dlib::rectangle(static_cast<long>(std::lround(d.rect.left() / f)),
                                             static_cast<long>(std::lround(d.rect.top() / f)),
                                             static_cast<long>(std::lround((d.rect.right() + 1) / f)) - 1,
                                             static_cast<long>(std::lround((d.rect.bottom() + 1) / f)) - 1);
            }
        } catch (const std::exception &) {
            return {};
        }
        std::vector<Detection> out;
        out.reserve(found.size());
        for (const auto &d : found)
            out.push_back(Detection{fromDlib(d.rect), d.detection_confidence});
        std::sort(out.begin(), out.end(), [](const Detection &a, const Detection &b) { return a.score > b.score; });
        return out;
    }
};

FaceDetector::FaceDetector() : m_impl(std::make_unique<Impl>()) {}
FaceDetector::~FaceDetector() = default;

std::vector<Detection> FaceDetector::detect(const Image &image, const DetectOptions &options)
{
    if (image.empty())
        return {};
    return m_impl->scan(bgrMat(image), options.upsample, options.adjustThreshold);
}

Image pyramidUp(const Image &image)
{
    if (image.empty())
        return {};
    const cv::Mat bgr = bgrMat(image);
    dlib::matrix<dlib::bgr_pixel> img;
    dlib::assign_image(img, dlib::cv_image<dlib::bgr_pixel>(bgr));
    dlib::pyramid_up(img);
    cv::Mat out(static_cast<int>(img.nr()), static_cast<int>(img.nc()), CV_8UC3);
    for (long r = 0; r < img.nr(); ++r) {
        auto *row = out.ptr<cv::Vec3b>(static_cast<int>(r));
        for (long c = 0; c < img.nc(); ++c)
            row[c] = cv::Vec3b(img(r, c).blue, img(r, c).green, img(r, c).red);
    }
    return ImageAccess::fromMat(out);
}

namespace {

FaceBox scaleBox(const FaceBox &b, double f, int dx = 0, int dy = 0)
{
    return FaceBox{static_cast<int>(std::lround(b.x / f)) - dx, static_cast<int>(std::lround(b.y / f)) - dy,
                   static_cast<int>(std::lround(b.width / f)), static_cast<int>(std::lround(b.height / f))};
}

} // namespace

FaceSearch FaceDetector::findFaces(const Image &image, const FindOptions &options)
{
    FaceSearch result;
    if (image.empty())
        return result;
    cv::Mat bgr = bgrMat(image);
    // Very large photos (phone pictures of a card, scans) are scanned at a bounded size.
    double scale = 1.0;
    const int side = std::max(bgr.cols, bgr.rows);
    if (side > options.maxSide) {
        scale = static_cast<double>(options.maxSide) / side;
        cv::resize(bgr, bgr, cv::Size(), scale, scale, cv::INTER_AREA);
    }
    // dlib's HOG window finds faces of ~80 px and larger; upsample small images until a face of
    // minFaceSidePx in the original (or the whole image) would be large enough.
    const int smallSide = std::min(bgr.cols, bgr.rows);
    int maxUpsample = 0;
    while (maxUpsample < 2 && (smallSide << maxUpsample) < 640 &&
           (options.minFaceSidePx * scale) * (1 << maxUpsample) < 80 * 2)
        ++maxUpsample;

    auto finish = [&](std::vector<Detection> faces, const char *method, double f, int pad) {
        for (auto &d : faces)
            d.box = scaleBox(d.box, f, static_cast<int>(std::lround(pad / f)), static_cast<int>(std::lround(pad / f)));
        result.faces = std::move(faces);
        result.method = method;
        return result;
    };

    // Tiny images (chip portraits, tight crops) are scanned upsampled from the start: at their own
    // size the face is near the HOG window's 80 px minimum and the box comes out coarse.
    const int firstUp = smallSide < options.tinySidePx ? 1 : 0;
    for (int up = firstUp; up <= std::max(maxUpsample, firstUp); ++up) {
        auto faces = m_impl->scan(bgr, up, 0.0);
        if (!faces.empty())
            return finish(std::move(faces), up == 0 ? "direct" : "upsampled", scale, 0);
    }
    // Faces that fill the frame (tight crops, chip portraits): give the detector the margin its
    // window needs by padding with the border colour, then search again.
    const int pad = static_cast<int>(std::lround(options.borderPad * std::max(bgr.cols, bgr.rows)));
    cv::Mat padded;
    cv::copyMakeBorder(bgr, padded, pad, pad, pad, pad, cv::BORDER_REPLICATE);
    const int paddedUp = std::max(maxUpsample, std::min(bgr.cols, bgr.rows) < 200 ? 1 : 0);
    for (int up = 0; up <= paddedUp; ++up) {
        auto faces = m_impl->scan(padded, up, 0.0);
        if (!faces.empty())
            return finish(std::move(faces), "padded", scale, pad);
    }
    auto weak = m_impl->scan(padded, paddedUp, options.fallbackThreshold);
    if (!weak.empty()) {
        weak.resize(1);
        return finish(std::move(weak), "padded_low_threshold", scale, pad);
    }
    result.method = "none";
    return result;
}

} // namespace simkyc::vision
