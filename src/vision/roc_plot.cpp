#include "vision/roc_plot.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstdio>

namespace simkyc::vision {

Status writeRocPlot(const VerificationMetrics &metrics, const std::string &title, const std::filesystem::path &png)
{
    constexpr int kW = 800, kH = 600, kLeft = 80, kRight = 30, kTop = 50, kBottom = 70;
    constexpr double kLogMin = -5.0; // FAR axis from 1e-5 to 1
    cv::Mat img(kH, kW, CV_8UC3, cv::Scalar(255, 255, 255));
    const int plotW = kW - kLeft - kRight, plotH = kH - kTop - kBottom;
    auto px = [&](double far, double tar) {
        const double lf = std::log10(std::max(far, std::pow(10.0, kLogMin)));
        const double x = kLeft + (lf - kLogMin) / -kLogMin * plotW;
        const double y = kTop + (1.0 - tar) * plotH;
        return cv::Point(static_cast<int>(x), static_cast<int>(y));
    };
    const cv::Scalar grid(220, 220, 220), ink(40, 40, 40);
    for (int e = static_cast<int>(kLogMin); e <= 0; ++e) {
        cv::line(img, px(std::pow(10.0, e), 0.0), px(std::pow(10.0, e), 1.0), grid);
        cv::putText(img, "1e" + std::to_string(e), px(std::pow(10.0, e), 0.0) + cv::Point(-14, 22),
                    cv::FONT_HERSHEY_SIMPLEX, 0.45, ink);
    }
    for (int t = 0; t <= 10; ++t) {
        const double tar = t / 10.0;
        cv::line(img, px(std::pow(10.0, kLogMin), tar), px(1.0, tar), grid);
        char label[16];
        std::snprintf(label, sizeof label, "%.1f", tar);
        cv::putText(img, label, px(std::pow(10.0, kLogMin), tar) + cv::Point(-40, 5), cv::FONT_HERSHEY_SIMPLEX, 0.45,
                    ink);
    }
    cv::rectangle(img, cv::Rect(kLeft, kTop, plotW, plotH), ink);
    std::vector<cv::Point> curve;
    for (const auto &p : metrics.roc)
        curve.push_back(px(p.far, p.tar));
    if (curve.size() > 1)
        cv::polylines(img, curve, false, cv::Scalar(200, 80, 0), 2, cv::LINE_AA);
    char caption[200];
    std::snprintf(caption, sizeof caption, "EER %.2f%%  TAR@FAR1e-3 %.3f  genuine %zu  impostor %zu",
                  metrics.eer * 100.0, metrics.tarAtFar1e3, metrics.genuinePairs, metrics.impostorPairs);
    cv::putText(img, title, cv::Point(kLeft, 30), cv::FONT_HERSHEY_SIMPLEX, 0.65, ink, 1, cv::LINE_AA);
    cv::putText(img, caption, cv::Point(kLeft, kH - 20), cv::FONT_HERSHEY_SIMPLEX, 0.5, ink, 1, cv::LINE_AA);
    cv::putText(img, "FAR (log)", cv::Point(kW / 2 - 30, kH - 42), cv::FONT_HERSHEY_SIMPLEX, 0.45, ink);
    try {
        if (!cv::imwrite(png.string(), img))
            return {ErrorCode::IoError, png.string() + ": cannot write the ROC plot"};
    } catch (const cv::Exception &e) {
        return {ErrorCode::IoError, png.string() + ": " + e.what()};
    }
    return {};
}

} // namespace simkyc::vision
