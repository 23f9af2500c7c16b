// ScreenLight: does the face in front of the kiosk reflect the light of the kiosk's own screen the way skin does?
// During the face check the screen shows a random sequence of full-screen colours (ColourSchedule). Skin lit by it
// reflects it diffusely: each camera channel changes in proportion to the skin's own brightness in that channel
// (Lambertian), more on the face than on the wall behind it (inverse square of the distance), and unevenly over the
// face's relief (the cosine of each surface's angle to the screen, against the ambient light's own pattern). A phone
// or monitor replaying a video emits its picture: the kiosk's light only adds a uniform reflection on its glass, the
// same for a dark and a bright pixel. A matte print reflects diffusely but is flat (every part responds alike) and
// usually carries its own background at the face's distance; a glossy print adds a uniform reflection.
//
// Measured per frame (ScreenLightMeter; measureScreenLight for a single frame), from the 68 landmarks, each region an
// anti-aliased coverage mask (its mean moves smoothly as the face moves by a fraction of a pixel), mean linear R, G, B
// (sRGB decoded with a 256-entry table):
// - front: under the eyes, the nose bridge, the inner cheeks, the skin above the upper lip, without the nostrils;
// - its texture (the frontal area without the nose): each pixel's luminance over the mean of its
//   neighbourhood (sigma 0.05 face widths; shading varies slowly and cancels, the skin's albedo is left), split at
//   its median into a bright and a dark side, each pixel weighted by its distance from the median (frontBright,
//   frontDark). The meter draws this split once, on the mean of the first frames while the screen rests, and carries
//   it onto each frame (ScreenLightMeter): drawn on the lit frame itself it would follow the light being measured;
// - four zones of different orientation: under the eyes, the nose bridge, the chin, the outer cheeks (side);
// - ring: two bands beside the face, 0.7 to 1.0 face widths from its centre, from above the brows to the chin
//   (nothing below the chin, where the neck and shoulders are as near as the face);
// - border: the top 8% of the frame and its outer 8% down to two thirds of its height, outside twice the face box,
//   clipped pixels left out: the farthest background, away from the face and the torso.
//
// Judged over the sequence (judgeScreenLight):
// 1. Each region's channel is divided by the border's same channel in the same frame: auto-exposure and
//    auto-white-balance are gains applied to the whole frame (per channel) and cancel. Assumes the border is far from
//    the screen (it responds with the room's small factor) and the camera does no local tone mapping.
// 2. The screen's emission per channel is averaged over each frame's exposure window [t - d - exposureMs, t - d]; the
//    delay d (display plus camera latency) is searched over [0, maxDelayMs]. For a region and channel, a least-squares
//    fit y = alpha + beta_R e_R + beta_G e_G + beta_B e_B (a camera channel also sees the other primaries). d
//    maximises the pooled R^2 of the texture's two sides' three channels (fitR2).
// 3. At that d, each region's three channels summed and fitted again: its strength is its change from a black to a
//    white screen over its level under black (sum of the betas over alpha), with a standard error from the residuals.
//    - strength: the frontal area's; no response below minStrength (or fitR2 below minR2);
//    - elasticity: the slope of the change against the level across the texture's two sides, over the slope of a
//      proportional change: 1 diffuse, 0 a uniform reflection, below 0 when the border responds more;
//    - ringToFace: the ring's strength over the frontal area's (~0 a face before a far wall, ~1 a print's paper);
//    - relief: (strongest - weakest zone) / their mean; judged on reliefLow, relief less 2 standard errors of that
//      difference. Not front against side alone: with ambient light from the front-above, a face's outer cheeks
//      respond as much as its middle in relative terms (sideToFront is reported, not judged).
// Failures: "insufficient" (fewer than minSamples frames, less than minCoverage of the sequence, or no valid schedule:
// not a pass; retry), "no_response" (the ratios are then not judged), "not_diffuse" (elasticity),
// "not_nearer_than_background" (ringToFace), "flat" (reliefLow). Any failure: kScreenLightMismatch.
//
// On the simulated sweeps of tests/vision/screen_light_test.cpp (ScreenLightSimulator, docs/accuracy.md), worst case
// of each side (live skin of four tones at kappa 0.1-0.4, with and without auto-exposure and white balance, noise 1-3,
// delays 30-250 ms, ambient light up to 75% from above, skin sheen up to 0.02, crosstalk 0.15, a rolling shutter):
// fitR2 >= 0.997 (no response <= 0.13), strength >= 0.069 (no response <= 0.001), elasticity >= 0.72 (phone <= -0.05,
// monitor <= -0.02), ringToFace <= 0.09 (a print's own paper >= 0.53), reliefLow >= 0.37 (matte print
// <= 0.00). Not stopped: a print cut to the head's outline and bent like a face (it has the relief); a cut-out print
// with a light gloss may reach the relief through its gloss; a mask; a replay or an injected stream that relights its
// face in time with the kiosk's colours (the sequence is on the kiosk's screen for anyone to film).
// Thread-safety: the functions are pure (drawColourSchedule reads the kernel's random source); the meter: see there.
#pragma once

#include "core/result.h"
#include "vision/image.h"
#include "vision/types.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace simkyc::vision {

// A full-screen colour, 8-bit sRGB. The palette: each channel 0 or 255 (the primaries, secondaries, white, black).
struct ScreenColour {
    std::uint8_t r = 0, g = 0, b = 0;
    bool operator==(const ScreenColour &) const = default;
};
struct ColourStep {
    ScreenColour colour;
    int durationMs = 0;
    bool operator==(const ColourStep &) const = default;
};
struct ColourSchedule {
    std::vector<ColourStep> steps;
    bool operator==(const ColourSchedule &) const = default;
    [[nodiscard]] int totalMs() const;
};

inline constexpr int kMinColourSteps = 4;
inline constexpr int kMaxColourSteps = 8;
inline constexpr int kMinColourStepMs = 150;
inline constexpr int kMaxColourStepMs = 400;
// Before and after the sequence the screen shows a uniform mid grey: linear emission 0.5 in every channel
// (sRGB #bcbcbc). The UI must do so for screenEmission to hold outside the sequence.
inline constexpr double kScreenRestEmission = 0.5;
inline constexpr std::string_view kScreenLightMismatch = "screen_light_mismatch";

// Why the schedule breaks the rule, empty when it keeps it. The rule: 4..8 steps of 150..400 ms, palette colours,
// consecutive colours differ, each of R, G, B changes level at least twice, and the colours separate the channels
// (the rows [1, r, g, b] of the steps have rank 4: each channel's response can be fitted on its own).
std::string colourScheduleProblem(const ColourSchedule &schedule);
bool isValidColourSchedule(const ColourSchedule &schedule);

// A valid schedule from the kernel's CSPRNG (getrandom), redrawn until valid; durations in 10 ms steps.
// Errors: Internal (the random source failed).
Result<ColourSchedule> drawColourSchedule();
// The same drawing from a deterministic generator (SplitMix64): for tests and simulations, never for a session.
ColourSchedule colourScheduleFromSeed(std::uint64_t seed);

// "ff0000:250,00ffff:300,...": lower-case hex colour, ':', duration in ms, comma separated.
std::string colourScheduleText(const ColourSchedule &schedule);
// Errors: InvalidFormat naming the bad item ("item 3 'ff00:250': ...") or the rule it breaks.
Result<ColourSchedule> parseColourSchedule(std::string_view text);

// The screen's linear emission 0..1 of channel (0 R, 1 G, 2 B) at tMs from the start of the sequence;
// kScreenRestEmission outside [0, totalMs).
double screenEmission(const ColourSchedule &schedule, double tMs, int channel);
// Its mean over [fromMs, toMs] (the emission at fromMs when the window is empty).
double meanScreenEmission(const ColourSchedule &schedule, double fromMs, double toMs, int channel);

struct RegionMean {
    std::array<double, 3> rgb{}; // mean linear R, G, B
    int pixels = 0;
};
struct ScreenLightSample {
    double tMs = 0.0; // the frame's time on the sequence's clock (the end of its exposure, before the delay)
    RegionMean front; // the frontal area
    RegionMean frontDark, frontBright; // its texture's two sides, weighted by their distance from the median
    RegionMean upper, nose, lower;     // zones: under the eyes; the nose bridge; the chin
    RegionMean side;                   // the outer cheeks
    RegionMean ring, border;
};
// One frame on its own, its regions drawn from its own landmarks (their jitter moves the regions).
// nullopt: not 68 landmarks, not a colour frame, or a region too small (a face under ~80 px wide, a face so large
// that the ring or the border leaves the frame) or a border too dark to divide by.
std::optional<ScreenLightSample> measureScreenLight(const Image &frame, const Landmarks &landmarks68, double tMs);

// The frames of one sequence. The first kReferenceFrames frames (fed while the screen rests at its uniform grey, before
// the sequence) yield no sample: their landmarks and luminance, mapped onto the first frame's by a least-squares affine
// fit of the landmarks, are averaged into a reference shape and picture, on which the texture's split is drawn once.
// Each later frame's regions and texture split are the reference's, carried onto the frame by the affine fit of its 68
// landmarks: one point's jitter is averaged over all 68, and the split follows neither the frame's noise nor the
// light being measured. Follows a face that moves, turns in the image plane or changes its distance; not one that
// turns its head or changes its expression. reset() starts over (done by itself when the frame size changes).
// Thread-safety: one instance per sequence.
class ScreenLightMeter {
public:
    static constexpr int kReferenceFrames = 4;
    std::optional<ScreenLightSample> measure(const Image &frame, const Landmarks &landmarks68, double tMs);
    void reset() { *this = ScreenLightMeter{}; }

private:
    int m_referenceFrames = 0;
    int m_width = 0, m_height = 0;
    Landmarks m_first;              // the first frame's landmarks: the reference's coordinates
    Landmarks m_reference;          // the mean landmarks, in those coordinates
    std::vector<float> m_luminance; // the warm-up frames' mean linear luminance, in those coordinates
    std::vector<float> m_contrast;  // its texture's local contrast (the median outside the texture)
    float m_median = 0.0f;          // the contrast's median
};

// Set on the simulated sweeps (the header's comment has the worst cases of each side).
struct ScreenLightConfig {
    double exposureMs = 16.0;     // the frame's assumed exposure window
    double maxDelayMs = 400.0;    // screen-to-frame delays searched, [0, maxDelayMs]
    double delayStepMs = 5.0;     //
    int minSamples = 12;          // frames with their whole exposure window inside the sequence
    double minCoverage = 0.7;     // share of the sequence within coverageHalfMs of a used frame's exposure
    double coverageHalfMs = 50.0; //
    double minR2 = 0.5;           // skin >= 0.997, a stream that does not react <= 0.13
    double minStrength = 0.03;    // skin >= 0.069 (kappa 0.1), no response <= 0.001
    double minElasticity = 0.4;   // skin >= 0.72, replays <= -0.02 (glossy prints up to 0.72: their paper is diffuse)
    double maxRingToFace = 0.35;  // skin <= 0.09, a print's own paper >= 0.53
    double minRelief = 0.15;      // on reliefLow: skin >= 0.37, a flat matte print <= 0.00
};

struct ScreenLightReport {
    bool passed = false;
    bool insufficient = false; // not judged: too few frames or no valid schedule (a retry, not an attack)
    int samplesUsed = 0;
    double coverage = 0.0;
    double delayMs = 0.0;
    double fitR2 = 0.0;
    double strength = 0.0;
    double elasticity = 0.0;  // NaN when not measurable (no texture, no response)
    double contrast = 0.0;    // the texture's bright side's level over its dark side's
    double ringToFace = 0.0;  // NaN when the frontal strength is not positive (also sideToFront)
    double relief = 0.0;      // NaN when the zones' mean strength is not positive (also reliefLow)
    double reliefLow = 0.0;   // what "flat" is judged on
    double sideToFront = 0.0; // reported, not judged
    // "insufficient", or "no_response", or any of "not_diffuse", "not_nearer_than_background", "flat".
    std::vector<std::string> failures;
    [[nodiscard]] std::string_view reason() const { return passed ? std::string_view{} : kScreenLightMismatch; }
};
ScreenLightReport judgeScreenLight(const std::vector<ScreenLightSample> &samples, const ColourSchedule &schedule,
                                   const ScreenLightConfig &config = {});

} // namespace simkyc::vision
