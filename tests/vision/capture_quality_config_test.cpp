#include "support/test_env.h"
#include "vision/capture_quality.h"
#include "vision/capture_quality_config.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace simkyc::vision {
namespace {

::testing::AssertionResult failsWith(std::string_view text, ErrorCode code, std::initializer_list<std::string> parts)
{
    auto parsed = parseCaptureQualityConfig(text, "override.conf");
    if (parsed.ok())
        return ::testing::AssertionFailure() << "parsed without error";
    if (parsed.error().code != code)
        return ::testing::AssertionFailure() << "wrong code: " << parsed.error().toString();
    for (const auto &part : parts)
        if (parsed.error().message.find(part) == std::string::npos)
            return ::testing::AssertionFailure() << "'" << part << "' not in: " << parsed.error().message;
    return ::testing::AssertionSuccess();
}

TEST(CaptureQualityConfig, BuiltInDefaultsAreTheCheckedInFile)
{
    std::ifstream in(test::sourceDir() / "src/vision/capture_quality_v1.conf");
    ASSERT_TRUE(in.is_open());
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(defaultCaptureQualityConfigText(), text.str());
    const auto &config = defaultCaptureQualityConfig();
    EXPECT_EQ(config.version, 1);
    EXPECT_GT(config.minSharpness, 0.0);
    EXPECT_LT(config.minInterocularRatio, config.maxInterocularRatio);
    // Every key round-trips through the formatter.
    auto again = parseCaptureQualityConfig(formatCaptureQualityConfig(config));
    ASSERT_TRUE(again.ok()) << again.error().toString();
    EXPECT_EQ(formatCaptureQualityConfig(*again), formatCaptureQualityConfig(config));
}

TEST(CaptureQualityConfig, OverrideChangesOnlyTheGivenKeys)
{
    auto parsed = parseCaptureQualityConfig("# stricter pose\nversion = 1\n  max_yaw_deg=12.5  # comment\n\n");
    ASSERT_TRUE(parsed.ok()) << parsed.error().toString();
    EXPECT_DOUBLE_EQ(parsed->maxYawDeg, 12.5);
    EXPECT_DOUBLE_EQ(parsed->maxPitchDeg, defaultCaptureQualityConfig().maxPitchDeg);
}

TEST(CaptureQualityConfig, BadInputNamesTheKeyLineAndRange)
{
    EXPECT_TRUE(failsWith("version = 1\nmax_yaw = 10\n", ErrorCode::InvalidFormat,
                          {"override.conf:2", "unknown key 'max_yaw'", "max_yaw_deg"}));
    EXPECT_TRUE(failsWith("version = 1\nmax_yaw_deg = 120\n", ErrorCode::InvalidFormat,
                          {"override.conf:2", "max_yaw_deg", "[0, 90]"}));
    EXPECT_TRUE(
        failsWith("version = 1\nmin_face_luma = -3\n", ErrorCode::InvalidFormat, {"min_face_luma", "[0, 255]"}));
    EXPECT_TRUE(failsWith("version = 1\nmin_sharpness = lots\n", ErrorCode::InvalidFormat,
                          {"min_sharpness", "'lots' is not a number"}));
    EXPECT_TRUE(failsWith("version = 1\nmin_sharpness = 5 6\n", ErrorCode::InvalidFormat, {"not a number"}));
    EXPECT_TRUE(failsWith("version = 1\nmin_sharpness\n", ErrorCode::InvalidFormat, {"expected 'key = value'"}));
    EXPECT_TRUE(failsWith("version = 1\nmax_roll_deg = 5\nmax_roll_deg = 6\n", ErrorCode::InvalidFormat,
                          {"override.conf:3", "appears twice"}));
    EXPECT_TRUE(failsWith("max_roll_deg = 5\n", ErrorCode::InvalidFormat, {"missing 'version = 1'"}));
    EXPECT_TRUE(failsWith("version = 2\n", ErrorCode::Unsupported, {"version 2 is not supported"}));
    EXPECT_TRUE(failsWith("version = 1\nmin_face_luma = 210\n", ErrorCode::InvalidFormat,
                          {"min_face_luma", "must be less than", "max_face_luma"}));
}

TEST(CaptureQualityConfig, LoadsFilesAndReportsMissingOnes)
{
    test::TempDir dir;
    std::ofstream(dir.path() / "q.conf") << "version = 1\nmin_eye_aspect_ratio = 0.2\n";
    auto loaded = loadCaptureQualityConfig(dir.path() / "q.conf");
    ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
    EXPECT_DOUBLE_EQ(loaded->minEyeAspectRatio, 0.2);
    std::ofstream(dir.path() / "bad.conf") << "version = 1\nmax_centre_offset = 0.9\n";
    auto bad = loadCaptureQualityConfig(dir.path() / "bad.conf");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("bad.conf:2"), std::string::npos) << bad.error().message;
    EXPECT_EQ(loadCaptureQualityConfig(dir.path() / "absent.conf").error().code, ErrorCode::NotFound);
}

TEST(CaptureQualityConfig, HintNamesAreStable)
{
    const char *expected[] = {"no_face",  "several_faces", "too_far", "too_close", "off_centre", "not_frontal",
                              "too_dark", "too_bright",    "backlit", "blurred",   "eyes_closed"};
    for (int i = 0; i < kQualityHintCount; ++i) {
        const auto hint = static_cast<QualityHint>(i);
        EXPECT_EQ(qualityHintName(hint), expected[i]);
        EXPECT_EQ(qualityHintFromName(expected[i]), hint);
    }
    EXPECT_EQ(qualityHintFromName("sleepy"), std::nullopt);
}

} // namespace
} // namespace simkyc::vision
