#include "core/camera_pin.h"

#include <gtest/gtest.h>

namespace simkyc::core {
namespace {

TEST(CameraPin, OnlyTheCamerasOnTheAllowListAreAccepted)
{
    const UsbCameraId mine{"046d", "0825", "A1B2C3"};
    EXPECT_TRUE(cameraAllowed(mine, {})) << "no pin configured";
    EXPECT_TRUE(cameraAllowed(mine, {"1bcf:2284:", "046D:0825:A1B2C3"})) << "hex digits in either case";
    // The attack: the counter camera unplugged and another one (or the same model, another unit)
    // plugged in its place.
    EXPECT_FALSE(cameraAllowed(mine, {"046d:0825:FFFF00"})) << "the same model, another unit";
    EXPECT_FALSE(cameraAllowed(mine, {"046d:0826:A1B2C3"}));
    EXPECT_FALSE(cameraAllowed(mine, {"046d:0825:a1b2c3"})) << "the serial is compared exactly";
    EXPECT_TRUE(cameraAllowed({"1bcf", "2284", ""}, {"1bcf:2284:"})) << "a camera without a serial";
    EXPECT_EQ(allowListEntryProblem("046d:0825:A1B2C3"), "");
    EXPECT_EQ(allowListEntryProblem("1bcf:2284:"), "");
    EXPECT_NE(allowListEntryProblem("046d:0825"), "");
    EXPECT_NE(allowListEntryProblem("46d:0825:x"), "");
    EXPECT_NE(allowListEntryProblem("046d:zz25:x"), "");
    EXPECT_NE(allowListEntryProblem("046d:0825:a b"), "");
}

} // namespace
} // namespace simkyc::core
