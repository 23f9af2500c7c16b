// ScreenLightSimulator: renders what a webcam sees while the kiosk's screen plays a ColourSchedule, for a live face
// and for the attacks the screen-light check must refuse. For the tests now, later for a tool that renders attack
// clips and for a GUI test's camera source. Simulation only: std::mt19937 / cv::RNG seeds, not security.
//
// The model (linear light, channels R, G, B; e_c(t) the screen's emission, screenEmission()):
// - The base image is the scene under the ambient light alone: L0 = sRGB-decoded base.
// - Crosstalk: the camera's channel c sees e'_c = (1 - x) e_c + x/2 (sum of the other two), x = crosstalk
//   (white stays 1 in every channel).
// - Skin (inside the head ellipse from the landmarks): a depth map, an ellipsoid fitted to the jaw contour
//   (half width a from points 0 and 16, down to the chin, as far above the ear line as below it, depth 0.8 a)
//   plus a nose ridge from point 27 to the tip 30 that falls to the nostrils' base 33; normals n from its gradient.
//   The screen is just below the camera: light direction l = normalize(0, 0.2, 1) (image y points down).
//   Albedo: L0 / shade, shade = (1 - w) + w max(0, n.l_amb) / (n_front.l_amb), l_amb from 45 deg above, w =
//   ambientFromAbove (0: L0 is the albedo under uniform ambient light); shade is clamped at 0.25.
//   L_c = L0_c (1 + kappa e'_c max(0, n.l) / shade) + sheen e'_c max(0, n.h)^8 (h: half vector, the skin's oily
//   specular reflection of the screen, additive).
// - Room (everything outside the head, the phone, the print): L0_c (1 + kappa backgroundFactor e'_c).
// - PhoneReplay: a device deviceWidthFactor x the face's width, deviceAspect tall, centred on the face, with a black
//   bezel (5% of its width): inside, the replayed picture is emitted (L0, not lit by the kiosk), plus a uniform
//   reflection on the glass glassReflectance e'_c over the whole device (bezel too). The room outside.
// - MonitorReplay: the same device filling the whole frame (no room).
// - MattePrint: the print (the device's rectangle, or the head ellipse when printCutOut) reflects diffusely:
//   L0_c (1 + kappa e'_c cos(printTilt) bend(x)), bend = 1 when flat, else the cosine on a vertical cylinder of radius
//   a / printBend (printBend 1: wrapped like the face). GlossyPrint adds glassReflectance e'_c uniform.
// - Camera: frame n at t_n = -leadMs + n 1000 / fps on the sequence's clock; row y integrates e over
//   [t - delay - exposure - readout (1 - y/H), t - delay - readout (1 - y/H)] (rolling shutter: readoutMs; 0 global).
//   Auto-exposure: a global gain toward the rest scene's mean luminance, first-order lag aeTauMs, updated from each
//   frame's statistics for the next; auto-white-balance: per-channel gains toward the rest's grey-world ratios, lag
//   awbTauMs (both 1 at rest). The subject sways over the still room (a smooth sub-pixel shift of swayPx, bicubic
//   resampled; the subject: the head, the phone, the print, or the person in a monitor's picture) and the landmarks
//   carry the detector's jitter (landmarkJitterPx). sRGB encoding, Gaussian noise of noiseSigma 8-bit steps (read
//   from a bank drawn once, at a random offset per frame), rounding, clipping.
// Not modelled: the neck, shoulders and hair outside the head ellipse respond like the room (they are as near as the
// face); a head turned (yaw or pitch), or changing its expression; cast shadows and inter-reflections; the screen's
// extent (a point-like source on the camera axis); skin's subsurface scattering (its response blurred and reddened);
// a mirror image of the kiosk on the glass (uniform here); the parts of a bent print turned away from the camera
// (drawn as if flat, unlit by the screen); the camera's local tone mapping, noise reduction, sharpening,
// compression, demosaicing, dropped frames; noise that differs from a real sensor's in more than its variance.
// Thread-safety: one instance per thread.
#pragma once

#include "core/result.h"
#include "vision/image.h"
#include "vision/screen_light.h"
#include "vision/types.h"

#include <array>
#include <cstdint>
#include <random>
#include <vector>

namespace simkyc::vision {

enum class ScreenLightSceneKind { Skin, PhoneReplay, MonitorReplay, MattePrint, GlossyPrint };

struct ScreenLightScene {
    ScreenLightSceneKind kind = ScreenLightSceneKind::Skin;
    double kappa = 0.2;             // screen irradiance at full white over the ambient's, on the face (or print)
    double backgroundFactor = 0.1;  // the room's response relative to the face's (inverse square of distances)
    double glassReflectance = 0.04; // phone/monitor glass or glossy print: added linear level at full white
    double skinSheen = 0.0;         // skin's specular peak, same units (0 matte, ~0.01-0.02 oily)
    double ambientFromAbove = 0.0;  // share of the ambient that comes from above, 0..0.75
    double crosstalk = 0.0;         // share of a channel's response coming from the other two primaries
    double printTiltDeg = 0.0;      // print tilted about a horizontal axis
    double printBend = 0.0;         // 0 flat; 1 wrapped on a cylinder of the face's half width
    bool printCutOut = false;       // print cut to the head's outline (no paper background around it)
    double deviceWidthFactor = 2.2; // phone / print width over the face's width
    double deviceAspect = 1.5;      // phone / print height over its width
    double delayMs = 100.0;         // screen to frame
    double exposureMs = 16.0;
    double readoutMs = 0.0; // rolling shutter: top row to bottom row
    double fps = 30.0;
    double leadMs = 200.0; // frames from -leadMs ...
    double tailMs = 100.0; // ... to the sequence's end + delayMs + tailMs
    bool autoExposure = true;
    double aeTauMs = 200.0;
    bool autoWhiteBalance = true;
    double awbTauMs = 400.0;
    double noiseSigma = 2.0;       // 8-bit steps
    double landmarkJitterPx = 0.5; // per point, per frame
    double swayPx = 1.0;           // amplitude of the subject's slow shift
    std::uint32_t seed = 1;
};

struct SimulatedFrame {
    Image image;
    Landmarks landmarks;
    double tMs = 0.0;
};

class ScreenLightSimulator {
public:
    // Errors: InvalidArgument (empty or non-colour base, not 68 landmarks, a face under 20 px, fps or times out of
    // range).
    static Result<ScreenLightSimulator> create(const Image &base, const Landmarks &landmarks68, ColourSchedule schedule,
                                               const ScreenLightScene &scene);
    [[nodiscard]] int frameCount() const { return m_frames; }
    [[nodiscard]] bool done() const { return m_index >= m_frames; }
    // The next frame, in order (the camera's gains depend on the frames before). An empty Image once done().
    SimulatedFrame next();

private:
    ScreenLightSimulator() = default;
    ColourSchedule m_schedule;
    ScreenLightScene m_scene;
    int m_width = 0, m_height = 0;
    Landmarks m_landmarks;
    std::vector<float> m_l0;       // linear R, G, B
    std::vector<float> m_diffuse;  // per pixel: L = L0 (1 + diffuse e') + additive e'
    std::vector<float> m_additive; //
    std::vector<float> m_subject;  // 0..1: the layer that sways (head, phone, print)
    FaceBox m_subjectBox;          // its bounding box with a margin
    std::vector<float> m_noise;    // a bank of unit Gaussian samples; each frame reads it from a random offset
    std::vector<float> m_radiance; // the frame being rendered
    std::vector<float> m_response; // L0 diffuse + additive: the change at full emission, per channel
    std::vector<std::array<double, 6>> m_rowSums; // per row: sums of L0 (R, G, B) and of the response
    std::array<double, 3> m_restMean{};
    double m_gain = 1.0;
    std::array<double, 3> m_balance{1.0, 1.0, 1.0};
    int m_frames = 0;
    int m_index = 0;
    std::mt19937 m_rng;
    std::array<double, 2> m_swayPhase{};
};

// All frames of the scene. Errors: those of create().
Result<std::vector<SimulatedFrame>> simulateScreenLight(const Image &base, const Landmarks &landmarks68,
                                                        const ColourSchedule &schedule, const ScreenLightScene &scene);

} // namespace simkyc::vision
