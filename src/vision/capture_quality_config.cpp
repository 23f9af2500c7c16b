#include "vision/capture_quality_config.h"

#include "core/log.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

namespace simkyc::vision {
namespace embedded {
extern const std::string_view kCaptureQualityV1; // generated from capture_quality_v1.conf
} // namespace embedded

namespace {

struct KeySpec {
    const char *name;
    double CaptureQualityConfig::*member;
    double min;
    double max;
};

constexpr KeySpec kKeys[] = {
    {"min_interocular_ratio", &CaptureQualityConfig::minInterocularRatio, 0.01, 1.0},
    {"max_interocular_ratio", &CaptureQualityConfig::maxInterocularRatio, 0.01, 1.0},
    {"max_centre_offset", &CaptureQualityConfig::maxCentreOffset, 0.0, 0.5},
    {"max_yaw_deg", &CaptureQualityConfig::maxYawDeg, 0.0, 90.0},
    {"max_pitch_deg", &CaptureQualityConfig::maxPitchDeg, 0.0, 90.0},
    {"max_roll_deg", &CaptureQualityConfig::maxRollDeg, 0.0, 90.0},
    {"min_face_luma", &CaptureQualityConfig::minFaceLuma, 0.0, 255.0},
    {"max_face_luma", &CaptureQualityConfig::maxFaceLuma, 0.0, 255.0},
    {"max_saturated_fraction", &CaptureQualityConfig::maxSaturatedFraction, 0.0, 1.0},
    {"max_backlight_ratio", &CaptureQualityConfig::maxBacklightRatio, 1.0, 100.0},
    {"sharpness_face_width_px", &CaptureQualityConfig::sharpnessFaceWidthPx, 32.0, 512.0},
    {"min_sharpness", &CaptureQualityConfig::minSharpness, 0.0, 100000.0},
    {"min_eye_aspect_ratio", &CaptureQualityConfig::minEyeAspectRatio, 0.0, 1.0},
};

std::string_view trim(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r");
    return s.substr(first, last - first + 1);
}

std::string number(double v)
{
    std::ostringstream out;
    out << v;
    return out.str();
}

Result<CaptureQualityConfig> parseInto(std::string_view text, std::string_view origin, CaptureQualityConfig config,
                                       bool requireAllKeys)
{
    const std::string where(origin);
    std::set<std::string> seen;
    bool hasVersion = false;
    int lineNo = 0;
    while (!text.empty()) {
        ++lineNo;
        const auto eol = text.find('\n');
        std::string_view line = text.substr(0, eol);
        text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
        if (const auto hash = line.find('#'); hash != std::string_view::npos)
            line = line.substr(0, hash);
        line = trim(line);
        if (line.empty())
            continue;
        const std::string at = where + ":" + std::to_string(lineNo) + ": ";
        const auto eq = line.find('=');
        if (eq == std::string_view::npos)
            return {ErrorCode::InvalidFormat, at + "expected 'key = value', got '" + std::string(line) + "'"};
        const std::string key(trim(line.substr(0, eq)));
        const std::string_view valueText = trim(line.substr(eq + 1));
        if (!seen.insert(key).second)
            return {ErrorCode::InvalidFormat, at + "key '" + key + "' appears twice"};
        double value = 0.0;
        const auto [end, ec] = std::from_chars(valueText.data(), valueText.data() + valueText.size(), value);
        if (valueText.empty() || ec != std::errc() || end != valueText.data() + valueText.size() ||
            !std::isfinite(value))
            return {ErrorCode::InvalidFormat, at + key + ": '" + std::string(valueText) + "' is not a number"};
        if (key == "version") {
            if (value != kCaptureQualityConfigVersion)
                return {ErrorCode::Unsupported, at + "version " + std::string(valueText) +
                                                    " is not supported (this build reads version " +
                                                    std::to_string(kCaptureQualityConfigVersion) + ")"};
            config.version = kCaptureQualityConfigVersion;
            hasVersion = true;
            continue;
        }
        const KeySpec *spec = nullptr;
        for (const auto &k : kKeys)
            if (key == k.name)
                spec = &k;
        if (spec == nullptr) {
            std::string known;
            for (const auto &k : kKeys)
                known += (known.empty() ? "" : ", ") + std::string(k.name);
            return {ErrorCode::InvalidFormat, at + "unknown key '" + key + "' (known keys: version, " + known + ")"};
        }
        if (value < spec->min || value > spec->max)
            return {ErrorCode::InvalidFormat, at + key + " = " + std::string(valueText) +
                                                  " is outside the allowed range [" + number(spec->min) + ", " +
                                                  number(spec->max) + "]"};
        config.*(spec->member) = value;
    }
    if (!hasVersion)
        return {ErrorCode::InvalidFormat,
                where + ": missing 'version = " + std::to_string(kCaptureQualityConfigVersion) + "' line"};
    if (requireAllKeys)
        for (const auto &k : kKeys)
            if (seen.count(k.name) == 0)
                return {ErrorCode::InvalidFormat, where + ": key '" + std::string(k.name) + "' is missing"};
    auto ordered = [&](double lo, double hi, const char *loKey, const char *hiKey) -> Status {
        if (lo < hi)
            return {};
        return {ErrorCode::InvalidFormat,
                where + ": " + loKey + " (" + number(lo) + ") must be less than " + hiKey + " (" + number(hi) + ")"};
    };
    if (auto s = ordered(config.minInterocularRatio, config.maxInterocularRatio, "min_interocular_ratio",
                         "max_interocular_ratio");
        !s.ok())
        return s.error();
    if (auto s = ordered(config.minFaceLuma, config.maxFaceLuma, "min_face_luma", "max_face_luma"); !s.ok())
        return s.error();
    return config;
}

} // namespace

std::string_view defaultCaptureQualityConfigText()
{
    return embedded::kCaptureQualityV1;
}

const CaptureQualityConfig &defaultCaptureQualityConfig()
{
    static const CaptureQualityConfig config = [] {
        auto parsed = parseInto(embedded::kCaptureQualityV1, "capture_quality_v1.conf", {}, true);
        if (!parsed.ok()) { // a build defect; tests catch it. Never throw from here.
            log::critical(log::kVision, "built-in capture-quality defaults: " + parsed.error().message);
            return CaptureQualityConfig{};
        }
        return *parsed;
    }();
    return config;
}

Result<CaptureQualityConfig> parseCaptureQualityConfig(std::string_view text, std::string_view origin)
{
    return parseInto(text, origin, defaultCaptureQualityConfig(), false);
}

Result<CaptureQualityConfig> loadCaptureQualityConfig(const std::filesystem::path &path)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return {ErrorCode::NotFound, path.string() + ": no such configuration file"};
    std::ifstream in(path, std::ios::binary);
    if (!in.is_open())
        return {ErrorCode::IoError, path.string() + ": cannot open the file"};
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        return {ErrorCode::IoError, path.string() + ": cannot read the file"};
    return parseCaptureQualityConfig(text.str(), path.string());
}

std::string formatCaptureQualityConfig(const CaptureQualityConfig &config)
{
    std::string out = "version = " + std::to_string(config.version) + "\n";
    for (const auto &k : kKeys)
        out += std::string(k.name) + " = " + number(config.*(k.member)) + "\n";
    return out;
}

} // namespace simkyc::vision
