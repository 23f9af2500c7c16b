#include "vision/injection_check.h"

#include <fcntl.h>
#include <linux/videodev2.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>

namespace simkyc::vision {
namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string fixedString(const __u8 *text, size_t size)
{
    const auto *end = static_cast<const __u8 *>(std::memchr(text, 0, size));
    return std::string(reinterpret_cast<const char *>(text), end != nullptr ? static_cast<size_t>(end - text) : size);
}

} // namespace

Result<CameraIdentity> queryCamera(const std::string &device)
{
    const int fd = ::open(device.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        return {err == ENOENT ? ErrorCode::NotFound : ErrorCode::IoError, device + ": " + std::strerror(err)};
    }
    v4l2_capability caps{};
    const int rc = ::ioctl(fd, VIDIOC_QUERYCAP, &caps);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        return {ErrorCode::IoError, device + ": not a V4L2 device (" + std::strerror(err) + ")"};
    return CameraIdentity{device, fixedString(caps.driver, sizeof caps.driver),
                          fixedString(caps.card, sizeof caps.card), fixedString(caps.bus_info, sizeof caps.bus_info)};
}

bool isVirtualCamera(const CameraIdentity &identity, std::string *why)
{
    static const char *const kMarkers[] = {"v4l2 loopback", "v4l2loopback", "loopback", "virtual",     "obs",
                                           "akvcam",        "droidcam",     "manycam",  "snap camera", "fake"};
    const std::string driver = lower(identity.driver), card = lower(identity.card), bus = lower(identity.busInfo);
    for (const char *marker : kMarkers) {
        for (const std::string *field : {&driver, &card, &bus}) {
            if (field->find(marker) != std::string::npos) {
                if (why != nullptr)
                    *why = "'" + std::string(marker) + "' in driver/card/bus \"" + identity.driver + "/" +
                           identity.card + "/" + identity.busInfo + "\"";
                return true;
            }
        }
    }
    return false;
}

std::uint64_t frameFingerprint(const Image &frame)
{
    std::uint64_t hash = 1469598103934665603ULL;
    if (frame.empty())
        return hash;
    const size_t rowBytes = frame.stride();
    for (int y = 0; y < frame.height(); y += std::max(1, frame.height() / 32)) {
        const std::uint8_t *row = frame.data() + static_cast<size_t>(y) * rowBytes;
        for (size_t x = 0; x < rowBytes; x += std::max<size_t>(1, rowBytes / 64)) {
            hash ^= row[x];
            hash *= 1099511628211ULL;
        }
    }
    return hash;
}

void StreamPlausibility::feed(std::int64_t timestampNs, const Image &frame)
{
    const std::uint64_t fingerprint = frameFingerprint(frame);
    if (m_frames > 0 && fingerprint == m_lastFingerprint)
        ++m_identical;
    if (m_lastTimestampNs >= 0 && timestampNs > m_lastTimestampNs)
        m_intervalsMs.push_back(static_cast<double>(timestampNs - m_lastTimestampNs) / 1e6);
    m_lastFingerprint = fingerprint;
    m_lastTimestampNs = timestampNs;
    ++m_frames;
}

PlausibilityReport StreamPlausibility::report() const
{
    PlausibilityReport r;
    r.frames = m_frames;
    r.identicalFrames = m_identical;
    if (m_intervalsMs.size() >= 2) {
        double mean = 0.0;
        for (double v : m_intervalsMs)
            mean += v;
        mean /= static_cast<double>(m_intervalsMs.size());
        double var = 0.0;
        for (double v : m_intervalsMs)
            var += (v - mean) * (v - mean);
        r.intervalJitterMs = std::sqrt(var / static_cast<double>(m_intervalsMs.size()));
    }
    // A real sensor's frames are never bit-identical twice in a row for long, and its capture
    // clock jitters by tens of microseconds at least.
    if (m_frames >= 10 && m_identical * 10 >= m_frames)
        r.findings.emplace_back("identical_frames");
    if (m_intervalsMs.size() >= 10 && r.intervalJitterMs < 0.01)
        r.findings.emplace_back("no_timing_jitter");
    r.suspicious = !r.findings.empty();
    return r;
}

} // namespace simkyc::vision
