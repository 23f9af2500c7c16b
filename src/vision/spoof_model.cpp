#include "vision/spoof_model.h"

#include "core/log.h"
#include "vision/image_access.h"

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <system_error>

namespace simkyc::vision {
namespace {

constexpr log::Category kLog{"simkyc.vision.spoof"};
constexpr int kClasses = 3;
constexpr int kRealClass = 1;

using Probabilities = std::array<double, kClasses>;

Probabilities softmax(const float *logits)
{
    Probabilities p{};
    const double top = *std::max_element(logits, logits + kClasses);
    double sum = 0.0;
    for (int i = 0; i < kClasses; ++i) {
        p[static_cast<size_t>(i)] = std::exp(static_cast<double>(logits[i]) - top);
        sum += p[static_cast<size_t>(i)];
    }
    for (double &v : p)
        v /= sum;
    return p;
}

} // namespace

std::string_view spoofNetName(SpoofNet net)
{
    return net == SpoofNet::MiniFASNetV2 ? "MiniFASNetV2" : "MiniFASNetV1SE";
}

double spoofContextScale(SpoofNet net)
{
    return net == SpoofNet::MiniFASNetV2 ? 2.7 : 4.0;
}

FaceBox spoofContextBox(int imageWidth, int imageHeight, const FaceBox &face, double maxScale)
{
    // Silent-Face-Anti-Spoofing src/generate_patches.py CropImage._get_new_box, in doubles.
    const double w = face.width, h = face.height;
    const double maxX = imageWidth - 1.0, maxY = imageHeight - 1.0;
    const double scale = std::min({maxScale, maxY / h, maxX / w});
    const double newW = w * scale, newH = h * scale;
    const double cx = face.x + w / 2.0, cy = face.y + h / 2.0;
    double left = cx - newW / 2.0, top = cy - newH / 2.0;
    double right = cx + newW / 2.0, bottom = cy + newH / 2.0;
    if (left < 0) {
        right -= left;
        left = 0;
    }
    if (top < 0) {
        bottom -= top;
        top = 0;
    }
    if (right > maxX) {
        left -= right - maxX;
        right = maxX;
    }
    if (bottom > maxY) {
        top -= bottom - maxY;
        bottom = maxY;
    }
    // Upstream truncates each corner and slices [top, bottom] inclusive.
    const int x0 = std::clamp(static_cast<int>(left), 0, imageWidth - 1);
    const int y0 = std::clamp(static_cast<int>(top), 0, imageHeight - 1);
    const int x1 = std::clamp(static_cast<int>(right), x0, imageWidth - 1);
    const int y1 = std::clamp(static_cast<int>(bottom), y0, imageHeight - 1);
    return FaceBox{x0, y0, x1 - x0 + 1, y1 - y0 + 1};
}

struct SpoofModel::Impl {
    struct Loaded {
        SpoofNet kind;
        cv::dnn::Net net;
    };
    std::vector<Loaded> nets;
};

namespace {

Result<cv::dnn::Net> loadNet(SpoofNet kind, const std::filesystem::path &path)
{
    const std::string name(spoofNetName(kind));
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return Error{ErrorCode::NotFound, name + " model not found: " + path.string()};
    try {
        cv::dnn::Net net = cv::dnn::readNetFromONNX(path.string());
        if (net.empty())
            return Error{ErrorCode::ModelLoadFailed, path.string() + " is not a " + name + " ONNX network"};
        net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
        // One forward pass now, so that a network of another shape fails here and not per frame.
        const int shape[] = {1, 3, kSpoofInputSide, kSpoofInputSide};
        net.setInput(cv::Mat(4, shape, CV_32F, cv::Scalar(0)));
        const cv::Mat out = net.forward();
        if (out.total() != static_cast<size_t>(kClasses) || out.depth() != CV_32F)
            return Error{ErrorCode::ModelLoadFailed,
                         path.string() + " is not a " + name + " network (expected 3 float outputs)"};
        return net;
    } catch (const cv::Exception &e) {
        return Error{ErrorCode::ModelLoadFailed, path.string() + " could not be loaded as " + name + ": " + e.what()};
    }
}

} // namespace

SpoofModel::SpoofModel(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
SpoofModel::~SpoofModel() = default;

Result<std::unique_ptr<SpoofModel>> SpoofModel::load(const SpoofModelFiles &files)
{
    auto impl = std::make_unique<Impl>();
    const std::pair<SpoofNet, const std::filesystem::path *> wanted[] = {
        {SpoofNet::MiniFASNetV2, &files.miniFasNetV2}, {SpoofNet::MiniFASNetV1SE, &files.miniFasNetV1SE}};
    for (const auto &[kind, path] : wanted) {
        if (path->empty())
            continue;
        auto net = loadNet(kind, *path);
        if (!net.ok())
            return net.error();
        impl->nets.push_back({kind, std::move(net).value()});
        log::info(kLog, std::string("loaded ") + std::string(spoofNetName(kind)) + " (OpenCV dnn, CPU) from " +
                            path->filename().string());
    }
    if (impl->nets.empty())
        return Error{ErrorCode::InvalidArgument, "no MiniFASNet model file given"};
    return std::unique_ptr<SpoofModel>(new SpoofModel(std::move(impl)));
}

std::vector<SpoofNet> SpoofModel::nets() const
{
    std::vector<SpoofNet> out;
    for (const auto &n : m_impl->nets)
        out.push_back(n.kind);
    return out;
}

Result<SpoofScore> SpoofModel::score(const Image &frame, const FaceBox &face)
{
    if (frame.empty())
        return Error{ErrorCode::InvalidArgument, "empty image"};
    const long long right = static_cast<long long>(face.x) + face.width;
    const long long bottom = static_cast<long long>(face.y) + face.height;
    if (face.width <= 0 || face.height <= 0 || right <= 0 || bottom <= 0 || face.x >= frame.width() ||
        face.y >= frame.height())
        return Error{ErrorCode::InvalidArgument, "face box is empty or outside the image"};
    try {
        cv::Mat bgr = ImageAccess::view(frame);
        if (bgr.channels() == 1)
            cv::cvtColor(bgr, bgr, cv::COLOR_GRAY2BGR);
        SpoofScore result;
        Probabilities sum{};
        for (auto &loaded : m_impl->nets) {
            const FaceBox box = spoofContextBox(frame.width(), frame.height(), face, spoofContextScale(loaded.kind));
            cv::Mat patch;
            cv::resize(bgr(cv::Rect(box.x, box.y, box.width, box.height)), patch,
                       cv::Size(kSpoofInputSide, kSpoofInputSide));
            // BGR, raw 0-255, no mean or scale: as the networks were trained.
            loaded.net.setInput(cv::dnn::blobFromImage(patch, 1.0, cv::Size(kSpoofInputSide, kSpoofInputSide),
                                                       cv::Scalar(), /*swapRB=*/false, /*crop=*/false));
            const cv::Mat logits = loaded.net.forward();
            const Probabilities p = softmax(logits.ptr<float>());
            for (size_t i = 0; i < p.size(); ++i)
                sum[i] += p[i];
            result.perModel.push_back(p[kRealClass]);
        }
        const double n = static_cast<double>(m_impl->nets.size());
        for (double &v : sum)
            v /= n;
        result.realProbability = sum[kRealClass];
        result.spoofClass = static_cast<int>(std::max_element(sum.begin(), sum.end()) - sum.begin());
        return result;
    } catch (const cv::Exception &e) {
        return Error{ErrorCode::Internal, std::string("MiniFASNet inference failed: ") + e.what()};
    }
}

} // namespace simkyc::vision
