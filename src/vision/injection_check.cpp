#include "vision/injection_check.h"

#include <fcntl.h>
#include <linux/videodev2.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>

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
    const std::uint32_t capabilities =
        (caps.capabilities & V4L2_CAP_DEVICE_CAPS) != 0 ? caps.device_caps : caps.capabilities;
    return CameraIdentity{device, fixedString(caps.driver, sizeof caps.driver),
                          fixedString(caps.card, sizeof caps.card), fixedString(caps.bus_info, sizeof caps.bus_info),
                          capabilities};
}

bool isVirtualCamera(const CameraIdentity &identity, std::string *why)
{
    static const char *const kMarkers[] = {"v4l2 loopback", "v4l2loopback", "loopback", "virtual",     "obs",
                                           "akvcam",        "droidcam",     "manycam",  "snap camera", "fake"};
    // A node that both captures and outputs video is a loopback whatever it calls itself: a real
    // camera has no output side (v4l2loopback sets both, unless exclusive_caps hides one: then the
    // names below are the check, and a renamed module passes both; docs/threat-model.md).
    constexpr std::uint32_t kCapture = V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_VIDEO_CAPTURE_MPLANE;
    constexpr std::uint32_t kOutput =
        V4L2_CAP_VIDEO_OUTPUT | V4L2_CAP_VIDEO_OUTPUT_MPLANE | V4L2_CAP_VIDEO_M2M | V4L2_CAP_VIDEO_M2M_MPLANE;
    if ((identity.capabilities & kCapture) != 0 && (identity.capabilities & kOutput) != 0) {
        if (why != nullptr)
            *why = "the device both captures and outputs video (a loopback), driver \"" + identity.driver + "\"";
        return true;
    }
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

Result<core::UsbCameraId> usbCameraId(const std::string &device, const std::filesystem::path &sysRoot)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path node = fs::weakly_canonical(device, ec); // /dev/v4l/by-id/... -> /dev/videoN
    const fs::path classNode = sysRoot / "class" / "video4linux" / (ec ? fs::path(device) : node).filename();
    if (!fs::exists(classNode / "device", ec))
        return {ErrorCode::NotFound, device + ": no video4linux node " + classNode.string()};
    // The interface the node belongs to, then up to the USB device that carries the descriptors.
    fs::path dir = fs::canonical(classNode / "device", ec);
    if (ec)
        return {ErrorCode::NotFound, device + ": " + ec.message()};
    const auto read = [](const fs::path &file) {
        std::ifstream in(file);
        std::string line;
        std::getline(in, line);
        while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back())))
            line.pop_back();
        return line;
    };
    for (int up = 0; up < 4 && !dir.empty() && dir != dir.root_path(); ++up, dir = dir.parent_path()) {
        if (!fs::exists(dir / "idVendor", ec) || !fs::exists(dir / "idProduct", ec))
            continue;
        core::UsbCameraId id{lower(read(dir / "idVendor")), lower(read(dir / "idProduct")), read(dir / "serial")};
        if (!core::allowListEntryProblem(id.text()).empty())
            return {ErrorCode::Unsupported, device + ": unreadable USB identity '" + id.text() + "'"};
        return id;
    }
    return {ErrorCode::Unsupported,
            device + ": not a USB camera (no idVendor/idProduct above " + (classNode / "device").string() + ")"};
}

Result<std::string> findCamera(const std::vector<std::string> &allowed, bool allowVirtual,
                               const std::filesystem::path &devRoot, const std::filesystem::path &sysRoot)
{
    namespace fs = std::filesystem;
    std::vector<std::pair<int, std::string>> nodes;
    std::error_code ec;
    for (fs::directory_iterator it(devRoot, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        int index = -1;
        const char *digits = name.c_str() + std::min<size_t>(5, name.size());
        const char *last = name.c_str() + name.size();
        if (name.rfind("video", 0) == 0 && digits != last && std::from_chars(digits, last, index).ptr == last &&
            index >= 0)
            nodes.emplace_back(index, it->path().string());
    }
    if (ec)
        return {ErrorCode::NotFound, "no camera found: " + devRoot.string() + ": " + ec.message()};
    std::sort(nodes.begin(), nodes.end());
    std::string seen;
    for (const auto &[index, device] : nodes) {
        auto id = queryCamera(device);
        std::string why;
        if (!id.ok())
            why = id.error().message;
        else if ((id->capabilities & (V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_VIDEO_CAPTURE_MPLANE)) == 0)
            why = device + ": does not capture video";
        else if (std::string virtualWhy; isVirtualCamera(*id, &virtualWhy) && !allowVirtual)
            why = device + ": virtual (" + virtualWhy + ")";
        else if (!allowed.empty()) {
            auto usb = usbCameraId(device, sysRoot);
            if (!usb.ok())
                why = usb.error().message;
            else if (!core::cameraAllowed(*usb, allowed))
                why = device + ": " + usb->text() + " is not on camera.allowed";
        }
        if (why.empty())
            return device;
        seen += (seen.empty() ? "" : "; ") + why;
    }
    return {ErrorCode::NotFound,
            "no camera connected (" + (seen.empty() ? "no " + (devRoot / "video*").string() : seen) + ")"};
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

void StreamPlausibility::feed(std::int64_t timestampNs, const Image &frame, std::int64_t sensorTimestampNs)
{
    const std::uint64_t fingerprint = frameFingerprint(frame);
    if (m_frames > 0 && fingerprint == m_lastFingerprint)
        ++m_identical;
    if (sensorTimestampNs >= 0) {
        // The sensor's clock is the one to judge regularity by; the arrival time says how late.
        if (m_lastSensorNs >= 0 && sensorTimestampNs <= m_lastSensorNs)
            ++m_outOfOrder;
        else if (m_lastSensorNs >= 0)
            m_intervalsMs.push_back(static_cast<double>(sensorTimestampNs - m_lastSensorNs) / 1e6);
        const double latencyMs = static_cast<double>(timestampNs - sensorTimestampNs) / 1e6;
        if (latencyMs < -1.0) // captured after it arrived: a made-up timestamp
            ++m_outOfOrder;
        if (latencyMs > kMaxLatencyMs)
            ++m_late;
        m_maxLatencyMs = std::max(m_maxLatencyMs, latencyMs);
        m_lastSensorNs = sensorTimestampNs;
    } else if (m_lastTimestampNs >= 0 && timestampNs > m_lastTimestampNs) {
        m_intervalsMs.push_back(static_cast<double>(timestampNs - m_lastTimestampNs) / 1e6);
    }
    m_noise.feed(frame);
    if (m_frames > 0 && (frame.width() != m_lastWidth || frame.height() != m_lastHeight))
        ++m_sizeChanges;
    m_lastWidth = frame.width();
    m_lastHeight = frame.height();
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
    r.maxLatencyMs = m_maxLatencyMs;
    if (m_outOfOrder > 0)
        r.findings.emplace_back("timestamps_out_of_order");
    if (m_frames >= 10 && m_late * 10 >= m_frames)
        r.findings.emplace_back("late_frames");
    if (m_sizeChanges > 0) // a camera streams one mode; frames changing size also go unmeasured
        r.findings.emplace_back("frame_size_changed");
    r.sensorNoise = m_noise.report();
    if (r.sensorNoise.noiseless)
        r.findings.emplace_back("no_sensor_noise");
    r.suspicious = !r.findings.empty();
    return r;
}

} // namespace simkyc::vision
