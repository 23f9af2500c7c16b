#include "support/test_env.h"
#include "vision/face_detector.h"
#include "vision/spoof_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <optional>

namespace simkyc::vision {
namespace {

// The optional MiniFASNet models: build/models (provisioned links) first, then the labelled data folder.
std::optional<std::filesystem::path> findModel(const char *file)
{
    std::vector<std::filesystem::path> candidates{test::modelsDir() / file};
    if (auto data = test::sharedDataDir())
        candidates.push_back(*data / "spoof" / "models" / file);
    for (const auto &path : candidates)
        if (std::filesystem::is_regular_file(path))
            return path;
    return std::nullopt;
}

std::optional<SpoofModelFiles> modelFiles()
{
    auto v2 = findModel("MiniFASNetV2.onnx");
    auto v1se = findModel("MiniFASNetV1SE.onnx");
    if (!v2 || !v1se)
        return std::nullopt;
    return SpoofModelFiles{*v2, *v1se};
}

#define REQUIRE_SPOOF_MODELS()                                                                                         \
    do {                                                                                                               \
        if (!modelFiles())                                                                                             \
            GTEST_SKIP() << "MiniFASNet models absent (optional; they come with the labelled data); skipping";         \
    } while (false)

struct Sample {
    Image image;
    FaceBox face;
};

std::optional<Sample> loadSample(const char *name)
{
    auto image = loadImage(*test::sharedDataDir() / "spoof" / "silent-face" / name);
    if (!image.ok()) {
        ADD_FAILURE() << name << ": " << image.error().toString();
        return std::nullopt;
    }
    FaceDetector detector;
    auto search = detector.findFaces(*image);
    if (search.faces.empty()) {
        ADD_FAILURE() << name << ": no face found";
        return std::nullopt;
    }
    const auto largest =
        std::max_element(search.faces.begin(), search.faces.end(),
                         [](const Detection &a, const Detection &b) { return a.box.area() < b.box.area(); });
    return Sample{*image, largest->box};
}

TEST(SpoofContextBox, ScalesAboutTheCentreAndStaysInsideTheImage)
{
    // Room for the full 2.7x: 100x100 box centred at (320, 240) in 640x480 -> 270x270.
    FaceBox b = spoofContextBox(640, 480, FaceBox{270, 190, 100, 100}, 2.7);
    EXPECT_EQ(b.x, 185);
    EXPECT_EQ(b.y, 105);
    EXPECT_EQ(b.width, 271); // upstream slices the right/bottom corner inclusively
    EXPECT_EQ(b.height, 271);
    // Limited by the image height: scale = 479 / 200.
    b = spoofContextBox(640, 480, FaceBox{220, 140, 200, 200}, 4.0);
    EXPECT_EQ(b.y, 0);
    EXPECT_EQ(b.height, 480);
    EXPECT_NEAR(b.width, 480, 1);
    // A face at the corner: the box is shifted inside, not shrunk.
    b = spoofContextBox(640, 480, FaceBox{-20, -10, 100, 100}, 2.7);
    EXPECT_EQ(b.x, 0);
    EXPECT_EQ(b.y, 0);
    EXPECT_EQ(b.width, 271);
    EXPECT_EQ(b.height, 271);
    b = spoofContextBox(640, 480, FaceBox{600, 450, 100, 100}, 2.7);
    EXPECT_EQ(b.x + b.width, 640);
    EXPECT_EQ(b.y + b.height, 480);
}

TEST(SpoofModel, SilentFaceSamplesLiveIsRealPrintAndScreenAreSpoof)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    REQUIRE_SPOOF_MODELS();
    auto model = SpoofModel::load(*modelFiles());
    ASSERT_TRUE(model.ok()) << model.error().toString();
    ASSERT_EQ((*model)->nets().size(), 2u);

    struct Case {
        const char *file;
        bool real;
    };
    for (const Case c : {Case{"image_T1.jpg", true}, Case{"image_F1.jpg", false}, Case{"image_F2.jpg", false}}) {
        SCOPED_TRACE(c.file);
        auto sample = loadSample(c.file);
        ASSERT_TRUE(sample.has_value());
        auto score = (*model)->score(sample->image, sample->face);
        ASSERT_TRUE(score.ok()) << score.error().toString();
        ASSERT_EQ(score->perModel.size(), 2u);
        if (c.real) {
            EXPECT_GT(score->realProbability, 0.5);
            EXPECT_EQ(score->spoofClass, 1);
        } else {
            EXPECT_LT(score->realProbability, 0.5);
            EXPECT_NE(score->spoofClass, 1);
        }
        for (double p : score->perModel) {
            EXPECT_GE(p, 0.0);
            EXPECT_LE(p, 1.0);
        }
        // Deterministic on the same input.
        auto again = (*model)->score(sample->image, sample->face);
        ASSERT_TRUE(again.ok());
        EXPECT_DOUBLE_EQ(again->realProbability, score->realProbability);
    }
}

TEST(SpoofModel, EachNetAloneGivesItsOwnScore)
{
    SIMKYC_REQUIRE_SHARED_DATA();
    REQUIRE_SPOOF_MODELS();
    const auto files = *modelFiles();
    auto both = SpoofModel::load(files);
    auto v2 = SpoofModel::load(SpoofModelFiles{files.miniFasNetV2, {}});
    ASSERT_TRUE(both.ok() && v2.ok());
    ASSERT_EQ((*v2)->nets(), std::vector<SpoofNet>{SpoofNet::MiniFASNetV2});
    auto sample = loadSample("image_T1.jpg");
    ASSERT_TRUE(sample.has_value());
    auto all = (*both)->score(sample->image, sample->face);
    auto one = (*v2)->score(sample->image, sample->face);
    ASSERT_TRUE(all.ok() && one.ok());
    ASSERT_EQ(one->perModel.size(), 1u);
    EXPECT_DOUBLE_EQ(one->perModel[0], all->perModel[0]);
    EXPECT_DOUBLE_EQ(one->realProbability, one->perModel[0]);
    EXPECT_NEAR(all->realProbability, (all->perModel[0] + all->perModel[1]) / 2.0, 1e-12);
}

TEST(SpoofModel, WrongOrAbsentFilesFailToLoad)
{
    test::TempDir dir;
    std::ofstream(dir.path() / "notes.onnx") << "this is a text file, not a network\n";
    auto text = SpoofModel::load(SpoofModelFiles{dir.path() / "notes.onnx", {}});
    ASSERT_FALSE(text.ok());
    EXPECT_EQ(text.error().code, ErrorCode::ModelLoadFailed);

    auto absent = SpoofModel::load(SpoofModelFiles{{}, dir.path() / "absent.onnx"});
    ASSERT_FALSE(absent.ok());
    EXPECT_EQ(absent.error().code, ErrorCode::NotFound);

    auto none = SpoofModel::load(SpoofModelFiles{});
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().code, ErrorCode::InvalidArgument);
}

TEST(SpoofModel, BadFaceBoxesAreInvalidArgumentsNotCrashes)
{
    REQUIRE_SPOOF_MODELS();
    auto model = SpoofModel::load(*modelFiles());
    ASSERT_TRUE(model.ok()) << model.error().toString();
    std::vector<std::uint8_t> px(64 * 48 * 3, 128);
    const Image image = *Image::fromPixels(64, 48, 3, px);
    for (const FaceBox box :
         {FaceBox{100, 10, 20, 20}, FaceBox{-40, 10, 20, 20}, FaceBox{10, 48, 20, 20}, FaceBox{10, -30, 20, 20},
          FaceBox{10, 10, 0, 20}, FaceBox{10, 10, 20, -5}, FaceBox{2147483000, 2147483000, 2000, 2000}}) {
        auto score = (*model)->score(image, box);
        ASSERT_FALSE(score.ok()) << box.x << "," << box.y << " " << box.width << "x" << box.height;
        EXPECT_EQ(score.error().code, ErrorCode::InvalidArgument);
    }
    auto empty = (*model)->score(Image{}, FaceBox{0, 0, 10, 10});
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().code, ErrorCode::InvalidArgument);

    // Boxes that overlap the image only partly, or are larger than it, are scored (kept inside).
    for (const FaceBox box : {FaceBox{-10, -10, 30, 30}, FaceBox{50, 40, 30, 30}, FaceBox{-100, -100, 400, 400}}) {
        auto score = (*model)->score(image, box);
        ASSERT_TRUE(score.ok()) << score.error().toString();
    }
    // A grey image is expanded to BGR.
    std::vector<std::uint8_t> grey(64 * 48, 90);
    auto g = (*model)->score(*Image::fromPixels(64, 48, 1, grey), FaceBox{20, 10, 20, 20});
    EXPECT_TRUE(g.ok());
}

} // namespace
} // namespace simkyc::vision
