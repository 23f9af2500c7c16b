// Defences against video injection (CEN/TS 18099 territory, outside ISO 30107-3): a virtual camera
// driver feeding prepared video, or a stream whose timing or noise no real sensor produces.
// - queryCamera(): the V4L2 identity of a device (VIDIOC_QUERYCAP: driver, card, bus, capabilities);
//   isVirtualCamera() recognises loopback and virtual-camera drivers (v4l2loopback, OBS, akvcam...)
//   by name and by capabilities (a device that can both capture and output video is a loopback).
// - usbCameraId(): the USB vendor:product:serial of a camera, from sysfs; core::cameraAllowed()
//   (core/camera_pin.h) checks it against the kiosk's allow-list (camera.allowed). USB descriptors
//   can be forged by a device made for it (a USB gadget posing as the camera): the pin stops a
//   swapped or added camera, not a prepared impostor device (docs/threat-model.md).
// - StreamPlausibility: fed with every frame's arrival time, its sensor (V4L2 buffer) timestamp
//   when the camera gives one, and a cheap pixel fingerprint, it reports bit-identical consecutive
//   frames (a real sensor always has noise), timestamps with no jitter at all (a sensor's clock
//   jitters; a file played at its nominal rate does not), sensor timestamps that go backwards or lie
//   in the future of their arrival, and frames that arrive long after their capture (a buffer of
//   prepared frames fed on cue), and a stream without a sensor's temporal noise where the picture
//   is still, flat or textured (vision/sensor_noise.h: rendered frames).
// For file sources (demo and tests) the findings are reported, not enforced.
// Thread-safety: queryCamera is reentrant; one StreamPlausibility per stream.
#pragma once

#include "core/camera_pin.h"
#include "core/result.h"
#include "vision/image.h"
#include "vision/sensor_noise.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace simkyc::vision {

struct CameraIdentity {
    std::string device; // /dev/videoN
    std::string driver; // e.g. "uvcvideo", "v4l2 loopback"
    std::string card;   // e.g. "HD Webcam", "OBS Virtual Camera"
    std::string busInfo;
    std::uint32_t capabilities = 0; // V4L2_CAP_* of the device node (device_caps when reported)
};

// Errors: NotFound (no such device), IoError (not a V4L2 device or cannot be opened).
Result<CameraIdentity> queryCamera(const std::string &device);
// True for loopback / virtual camera drivers and cards; `why` names the match.
bool isVirtualCamera(const CameraIdentity &identity, std::string *why = nullptr);

// The USB identity of a V4L2 device (/dev/videoN or a link to it, e.g. /dev/v4l/by-id/...), read
// from sysRoot/class/video4linux/videoN/device and its parents. Errors: NotFound (no such video
// node in sysfs), Unsupported (not a USB device: a platform or virtual one has no USB identity).
Result<core::UsbCameraId> usbCameraId(const std::string &device, const std::filesystem::path &sysRoot = "/sys");

// The first camera to use when none is configured (the demo): the lowest-numbered /dev/videoN under
// devRoot that captures video, is not virtual (unless allowVirtual: camera.allow_virtual) and, with
// a non-empty allow-list, is on it. Errors: NotFound (none; the message names what was looked at).
Result<std::string> findCamera(const std::vector<std::string> &allowed, bool allowVirtual = false,
                               const std::filesystem::path &devRoot = "/dev",
                               const std::filesystem::path &sysRoot = "/sys");

struct PlausibilityReport {
    std::int64_t frames = 0;
    std::int64_t identicalFrames = 0; // bit-identical (by fingerprint) to the previous frame
    double intervalJitterMs = 0.0;    // standard deviation of the frame intervals
    bool suspicious = false;
    double maxLatencyMs = 0.0; // sensor timestamps: the longest time from capture to arrival
    SensorNoiseReport sensorNoise;
    // "identical_frames", "no_timing_jitter", "timestamps_out_of_order", "late_frames", "no_sensor_noise",
    // "frame_size_changed"
    std::vector<std::string> findings;
};

class StreamPlausibility {
public:
    // A frame arriving at timestampNs (steady clock); sensorTimestampNs: the camera's capture time
    // on the same clock (Frame::sensorTimestampNs), -1 when the source has none.
    void feed(std::int64_t timestampNs, const Image &frame, std::int64_t sensorTimestampNs = -1);
    static constexpr double kMaxLatencyMs = 250.0; // capture to arrival, more is late
    [[nodiscard]] PlausibilityReport report() const;

private:
    std::int64_t m_frames = 0;
    std::int64_t m_identical = 0;
    std::uint64_t m_lastFingerprint = 0;
    std::int64_t m_lastTimestampNs = -1;
    std::int64_t m_lastSensorNs = -1;
    std::int64_t m_outOfOrder = 0;
    std::int64_t m_late = 0;
    double m_maxLatencyMs = 0.0;
    std::vector<double> m_intervalsMs;
    SensorNoise m_noise;
    int m_lastWidth = 0;
    int m_lastHeight = 0;
    std::int64_t m_sizeChanges = 0;
};

// A 64-bit FNV-1a over a sparse grid of pixels: equal frames give equal fingerprints; sensor
// noise changes it. Exposed for tests.
std::uint64_t frameFingerprint(const Image &frame);

} // namespace simkyc::vision
