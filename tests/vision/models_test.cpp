#include "support/test_env.h"
#include "vision/face_embedder.h"
#include "vision/landmarks.h"
#include "vision/library_info.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

namespace simkyc::vision {
namespace {

std::filesystem::path model(const char *file)
{
    const auto path = test::modelsDir() / file;
    if (!std::filesystem::exists(path))
        ADD_FAILURE() << path << " missing: run scripts/setup to provision models";
    return path;
}

TEST(Models, LandmarkModelsLoadWithTheirPointCounts)
{
    auto five = LandmarkDetector::load(model("shape_predictor_5_face_landmarks.dat"));
    ASSERT_TRUE(five.ok()) << five.error().toString();
    EXPECT_EQ((*five)->pointCount(), 5);
    auto many = LandmarkDetector::load(model("shape_predictor_68_face_landmarks.dat"));
    ASSERT_TRUE(many.ok()) << many.error().toString();
    EXPECT_EQ((*many)->pointCount(), 68);
}

TEST(Models, WrongFilesFailToLoadWithModelLoadFailed)
{
    test::TempDir dir;
    std::ofstream(dir.path() / "junk.dat") << "junk";
    auto landmarks = LandmarkDetector::load(dir.path() / "junk.dat");
    ASSERT_FALSE(landmarks.ok());
    EXPECT_EQ(landmarks.error().code, ErrorCode::ModelLoadFailed);
    // The 5-point predictor is a valid dlib file, but not the ResNet.
    auto net = FaceEmbedder::load(model("shape_predictor_5_face_landmarks.dat"));
    ASSERT_FALSE(net.ok());
    EXPECT_EQ(net.error().code, ErrorCode::ModelLoadFailed);
    auto absent = FaceEmbedder::load(dir.path() / "absent.dat");
    EXPECT_FALSE(absent.ok());
}

TEST(Models, EmbedderRejectsWrongChipSizeAndIsDeterministic)
{
    auto net = FaceEmbedder::load(model("dlib_face_recognition_resnet_model_v1.dat"));
    ASSERT_TRUE(net.ok()) << net.error().toString();
    std::vector<std::uint8_t> small(10 * 10 * 3, 100);
    auto wrong = (*net)->compute(*Image::fromPixels(10, 10, 3, small));
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().code, ErrorCode::InvalidArgument);

    std::vector<std::uint8_t> px(static_cast<size_t>(kChipSize) * kChipSize * 3);
    for (size_t i = 0; i < px.size(); ++i)
        px[i] = static_cast<std::uint8_t>(i % 251);
    const Image chip = *Image::fromPixels(kChipSize, kChipSize, 3, px);
    auto a = (*net)->compute(chip);
    auto b = (*net)->compute(chip);
    ASSERT_TRUE(a.ok() && b.ok());
    double norm = 0;
    for (size_t i = 0; i < a->size(); ++i) {
        EXPECT_FLOAT_EQ((*a)[i], (*b)[i]);
        norm += static_cast<double>((*a)[i]) * (*a)[i];
    }
    EXPECT_TRUE(std::isfinite(norm));
    EXPECT_GT(norm, 0.0);
}

TEST(Models, AlignmentNeedsFiveOr68Points)
{
    std::vector<std::uint8_t> px(100 * 100 * 3, 50);
    const Image image = *Image::fromPixels(100, 100, 3, px);
    EXPECT_FALSE(alignFaceChip(image, Landmarks(3)).ok());
    Landmarks five{{30, 40}, {40, 40}, {70, 40}, {60, 40}, {50, 70}};
    auto chip = alignFaceChip(image, five);
    ASSERT_TRUE(chip.ok()) << chip.error().toString();
    EXPECT_EQ(chip->width(), kChipSize);
    EXPECT_EQ(chip->height(), kChipSize);
}

TEST(LibraryInfo, ReportsVersionsAndOpenBlas)
{
    EXPECT_EQ(opencvVersion().rfind("4.6", 0), 0u);
    EXPECT_EQ(dlibVersion(), "19.24.0");
    // Linking the ResNet pulls in libblas.so.3; setup installs OpenBLAS as its provider.
    const BlasInfo blas = blasInfo();
    EXPECT_EQ(blas.provider, "openblas") << blas.library;
}

} // namespace
} // namespace simkyc::vision
