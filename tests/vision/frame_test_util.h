// Helpers of the frame-analysis tests: OpenCV <-> Image copies, the shared data, a loaded analyzer.
// Thread-safety: one test at a time.
#pragma once

#include "vision/frame_analyzer.h"
#include "vision/image.h"
#include "vision/landmarks.h"

#include <opencv2/core.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace simkyc::vision::testutil {

cv::Mat toMat(const Image &image); // a BGR copy
Image fromMat(const cv::Mat &bgr); // 8-bit, 1 or 3 channels

std::filesystem::path model68(); // build/models/shape_predictor_68_face_landmarks.dat (fails the test if absent)
std::unique_ptr<FrameAnalyzer> makeAnalyzer(FrameAnalyzerOptions options = {});
std::unique_ptr<LandmarkDetector> makeLandmarks68();

// A shared-data file (call SIMKYC_REQUIRE_SHARED_DATA() first).
std::filesystem::path shared(const std::string &relative);
Image loadShared(const std::string &relative);

// Rows of a shared-data label table (labels/NAME), split on commas; the header row is skipped.
std::vector<std::vector<std::string>> readLabels(const std::string &name);

// Decodes up to maxFrames frames of a video (all when maxFrames <= 0).
std::vector<Image> decodeVideo(const std::filesystem::path &path, int maxFrames = 0);

// Writes `count` synthetic frames (a moving bright square on a gradient) as an MJPG .avi.
bool writeSyntheticVideo(const std::filesystem::path &path, int count, int width, int height, double fps);

} // namespace simkyc::vision::testutil
