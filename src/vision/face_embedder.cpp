// The only translation unit that instantiates dlib's DNN templates.
#include "vision/face_embedder.h"
#include "vision/dlib_bridge.h"

#include <dlib/dnn.h>
#include <dlib/image_transforms/interpolation.h>

#include <opencv2/imgproc.hpp>

namespace simkyc::vision {
namespace {

// The architecture of dlib_face_recognition_resnet_model_v1 (a ResNet-34 variant with 29 conv
// layers). It must match the serialised network exactly for deserialisation to succeed.
template <template <int, template <typename> class, int, typename> class Block, int N, template <typename> class BN,
          typename Sub>
using Residual = dlib::add_prev1<Block<N, BN, 1, dlib::tag1<Sub>>>;

template <template <int, template <typename> class, int, typename> class Block, int N, template <typename> class BN,
          typename Sub>
using ResidualDown =
    dlib::add_prev2<dlib::avg_pool<2, 2, 2, 2, dlib::skip1<dlib::tag2<Block<N, BN, 2, dlib::tag1<Sub>>>>>>;

template <int N, template <typename> class BN, int Stride, typename Sub>
using ConvBlock = BN<dlib::con<N, 3, 3, 1, 1, dlib::relu<BN<dlib::con<N, 3, 3, Stride, Stride, Sub>>>>>;

template <int N, typename Sub>
using Ares = dlib::relu<Residual<ConvBlock, N, dlib::affine, Sub>>;
template <int N, typename Sub>
using AresDown = dlib::relu<ResidualDown<ConvBlock, N, dlib::affine, Sub>>;

template <typename Sub>
using Level0 = AresDown<256, Sub>;
template <typename Sub>
using Level1 = Ares<256, Ares<256, AresDown<256, Sub>>>;
template <typename Sub>
using Level2 = Ares<128, Ares<128, AresDown<128, Sub>>>;
template <typename Sub>
using Level3 = Ares<64, Ares<64, Ares<64, AresDown<64, Sub>>>>;
template <typename Sub>
using Level4 = Ares<32, Ares<32, Ares<32, Sub>>>;

using FaceNet = dlib::loss_metric<dlib::fc_no_bias<
    128, dlib::avg_pool_everything<Level0<Level1<Level2<Level3<Level4<dlib::max_pool<
             3, 3, 2, 2, dlib::relu<dlib::affine<dlib::con<32, 7, 7, 2, 2, dlib::input_rgb_image_sized<150>>>>>>>>>>>>>;

using RgbChip = dlib::matrix<dlib::rgb_pixel>;

Result<RgbChip> toRgbChip(const Image &chip)
{
    if (chip.width() != kChipSize || chip.height() != kChipSize)
        return {ErrorCode::InvalidArgument,
                "face chip must be " + std::to_string(kChipSize) + "x" + std::to_string(kChipSize) + " pixels"};
    const cv::Mat bgr = bgrMat(chip);
    RgbChip out(kChipSize, kChipSize);
    for (int r = 0; r < kChipSize; ++r) {
        const auto *row = bgr.ptr<cv::Vec3b>(r);
        for (int c = 0; c < kChipSize; ++c)
            out(r, c) = dlib::rgb_pixel(row[c][2], row[c][1], row[c][0]);
    }
    return out;
}

Embedding toEmbedding(const dlib::matrix<float, 0, 1> &v)
{
    Embedding e{};
    for (int i = 0; i < kEmbeddingSize && i < v.size(); ++i)
        e[static_cast<size_t>(i)] = v(i);
    return e;
}

} // namespace

struct FaceEmbedder::Impl {
    FaceNet net;
};

FaceEmbedder::FaceEmbedder(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
FaceEmbedder::~FaceEmbedder() = default;

Result<std::unique_ptr<FaceEmbedder>> FaceEmbedder::load(const std::filesystem::path &modelPath)
{
    auto impl = std::make_unique<Impl>();
    try {
        dlib::deserialize(modelPath.string()) >> impl->net;
    } catch (const std::exception &e) {
        return {ErrorCode::ModelLoadFailed,
                modelPath.string() + ": not dlib's face-recognition ResNet (" + e.what() + ")"};
    }
    return std::unique_ptr<FaceEmbedder>(new FaceEmbedder(std::move(impl)));
}

Result<Embedding> FaceEmbedder::compute(const Image &chip)
{
    auto all = compute(std::vector<Image>{chip});
    if (!all.ok())
        return all.error();
    return all->front();
}

Result<std::vector<Embedding>> FaceEmbedder::compute(const std::vector<Image> &chips)
{
    std::vector<RgbChip> batch;
    batch.reserve(chips.size());
    for (const Image &chip : chips) {
        auto rgb = toRgbChip(chip);
        if (!rgb.ok())
            return rgb.error();
        batch.push_back(std::move(rgb).value());
    }
    std::vector<Embedding> out;
    out.reserve(batch.size());
    try {
        const auto vectors = m_impl->net(batch, 16);
        for (const auto &v : vectors)
            out.push_back(toEmbedding(v));
    } catch (const std::exception &e) {
        return {ErrorCode::Internal, std::string("embedding failed: ") + e.what()};
    }
    return out;
}

Result<Image> alignFaceChip(const Image &image, const Landmarks &landmarks, int size, double padding)
{
    if (landmarks.size() != 5 && landmarks.size() != 68)
        return {ErrorCode::InvalidArgument, "face alignment needs 5 or 68 landmarks"};
    if (image.empty() || size <= 0)
        return {ErrorCode::InvalidArgument, "face alignment needs an image and a positive chip size"};
    std::vector<dlib::point> parts;
    parts.reserve(landmarks.size());
    long minX = landmarks[0].x, maxX = minX, minY = landmarks[0].y, maxY = minY;
    for (const PointF &p : landmarks) {
        parts.emplace_back(static_cast<long>(std::lround(p.x)), static_cast<long>(std::lround(p.y)));
        minX = std::min(minX, parts.back().x());
        maxX = std::max(maxX, parts.back().x());
        minY = std::min(minY, parts.back().y());
        maxY = std::max(maxY, parts.back().y());
    }
    const dlib::full_object_detection shape(dlib::rectangle(minX, minY, maxX, maxY), parts);
    try {
        const auto details = dlib::get_face_chip_details(shape, static_cast<unsigned long>(size), padding);
        const cv::Mat bgr = bgrMat(image);
        dlib::matrix<dlib::bgr_pixel> chip;
        dlib::extract_image_chip(dlib::cv_image<dlib::bgr_pixel>(bgr), details, chip);
        cv::Mat out(static_cast<int>(chip.nr()), static_cast<int>(chip.nc()), CV_8UC3);
        for (long r = 0; r < chip.nr(); ++r)
            for (long c = 0; c < chip.nc(); ++c) {
                const auto &px = chip(r, c);
                out.at<cv::Vec3b>(static_cast<int>(r), static_cast<int>(c)) = cv::Vec3b(px.blue, px.green, px.red);
            }
        return ImageAccess::fromMat(out);
    } catch (const std::exception &e) {
        return {ErrorCode::Internal, std::string("face alignment failed: ") + e.what()};
    }
}

} // namespace simkyc::vision
