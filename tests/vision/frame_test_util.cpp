#include "frame_test_util.h"

#include "support/test_env.h"
#include "vision/frame_source.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace simkyc::vision::testutil {

cv::Mat toMat(const Image &image)
{
    cv::Mat view(image.height(), image.width(), image.channels() == 3 ? CV_8UC3 : CV_8UC1,
                 const_cast<std::uint8_t *>(image.data()), image.stride());
    cv::Mat bgr;
    if (image.channels() == 1)
        cv::cvtColor(view, bgr, cv::COLOR_GRAY2BGR);
    else
        bgr = view.clone();
    return bgr;
}

Image fromMat(const cv::Mat &bgr)
{
    cv::Mat packed = bgr.isContinuous() ? bgr : bgr.clone();
    auto image = Image::fromPixels(packed.cols, packed.rows, packed.channels(),
                                   std::span<const std::uint8_t>(packed.datastart, packed.dataend));
    EXPECT_TRUE(image.ok());
    return image.ok() ? *image : Image{};
}

std::filesystem::path model68()
{
    const auto path = test::modelsDir() / "shape_predictor_68_face_landmarks.dat";
    if (!std::filesystem::exists(path))
        ADD_FAILURE() << path << " missing: run scripts/setup to provision models";
    return path;
}

std::unique_ptr<FrameAnalyzer> makeAnalyzer(FrameAnalyzerOptions options)
{
    auto analyzer = FrameAnalyzer::load(model68(), std::move(options));
    EXPECT_TRUE(analyzer.ok()) << analyzer.error().toString();
    return analyzer.ok() ? std::move(analyzer).value() : nullptr;
}

std::unique_ptr<LandmarkDetector> makeLandmarks68()
{
    auto detector = LandmarkDetector::load(model68());
    EXPECT_TRUE(detector.ok()) << detector.error().toString();
    return detector.ok() ? std::move(detector).value() : nullptr;
}

std::filesystem::path shared(const std::string &relative)
{
    return *test::sharedDataDir() / relative;
}

Image loadShared(const std::string &relative)
{
    auto image = loadImage(shared(relative));
    EXPECT_TRUE(image.ok()) << relative << ": " << image.error().toString();
    return image.ok() ? *image : Image{};
}

std::vector<std::vector<std::string>> readLabels(const std::string &name)
{
    std::ifstream in(shared("labels/" + name));
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        std::vector<std::string> fields;
        std::stringstream stream(line);
        std::string field;
        while (std::getline(stream, field, ','))
            fields.push_back(field);
        rows.push_back(std::move(fields));
    }
    return rows;
}

std::vector<Image> decodeVideo(const std::filesystem::path &path, int maxFrames)
{
    std::vector<Image> frames;
    auto source = openVideoFile(path);
    if (!source.ok()) {
        ADD_FAILURE() << source.error().toString();
        return frames;
    }
    for (FrameRead read = (*source)->read(); read.ok(); read = (*source)->read()) {
        frames.push_back(read->image);
        if (maxFrames > 0 && static_cast<int>(frames.size()) >= maxFrames)
            break;
    }
    return frames;
}

bool writeSyntheticVideo(const std::filesystem::path &path, int count, int width, int height, double fps)
{
    cv::VideoWriter writer(path.string(), cv::CAP_FFMPEG, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), fps,
                           cv::Size(width, height));
    if (!writer.isOpened())
        return false;
    for (int i = 0; i < count; ++i) {
        cv::Mat frame(height, width, CV_8UC3);
        for (int y = 0; y < height; ++y)
            frame.row(y).setTo(cv::Scalar(y * 255 / height, 80, 255 - y * 255 / height));
        cv::rectangle(frame, cv::Rect(i * 4 % (width - 20), height / 3, 20, 20), cv::Scalar(255, 255, 255), cv::FILLED);
        writer.write(frame);
    }
    return true;
}

} // namespace simkyc::vision::testutil
