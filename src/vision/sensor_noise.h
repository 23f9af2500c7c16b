// SensorNoise: does a stream carry a camera sensor's temporal noise? A real sensor's pixels
// differ from one frame to the next even where nothing moves: photon shot noise and read noise
// are larger than one 8-bit step at the gains a webcam runs indoors. Frames rendered by software
// (a face animated over a still picture, a still photo) repeat those pixels exactly, however
// their brightness is stepped.
// Measured on consecutive frames, in 8x8 blocks aligned with JPEG's (every blockStride-th row and
// column of them), on the blocks that are not clipped and still: their mean moved by at most
// stillMean beyond the picture's own change (the median of the blocks' rounded mean changes: a
// brightness step of the whole frame), and a textured block (a channel beyond flatRange) also
// changed by no more than noise does (maxTexturedChange). Per kind, flat and textured, the share
// of their pixels whose channels all moved by exactly the picture's change, against the frame
// before or the one before that (two noise patterns taking turns), whichever is larger. A stream has no sensor noise
// ("no_sensor_noise") when each kind measured in at least minPairs pairs has a median share at or above
// maxUnchangedShare. Both kinds are needed: JPEG at a low quality reduces a real sensor's flat blocks to their mean,
// which noise then rarely moves, while it keeps flipping the coefficients of textured ones. What passes: a source that
// adds fresh noise to every frame, a picture that moves (interpolation changes its pixels), a replay whose encoding
// kept the original noise, and one with no still, unclipped part (nothing is measured: a blown-out background, a
// picture that flickers block by block); a frozen noise pattern does not. docs/threat-model.md (row 5) says what this
// stops and what it does not; docs/accuracy.md has the simulated sensors and MJPEG qualities it was set on and the
// recordings it was measured on. Thread-safety: one instance per stream.
#pragma once

#include "vision/image.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace simkyc::vision {

struct SensorNoiseConfig {
    int flatRange = 16;              // max - min of each channel within a flat 8x8 block
    double stillMean = 1.5;          // a block's per-channel mean moving more than this beyond the picture's: motion
    double maxTexturedChange = 4.0;  // a textured block's mean |difference| above this: it moved
    int blockStride = 2;             // every Nth block row and column (1: all; 2: a quarter of the cost)
    int minBlocks = 16;              // still blocks of one kind a pair needs for that kind to be measured
    int minPairs = 10;               // measured pairs a kind needs before it is judged
    double maxUnchangedShare = 0.92; // median share of unchanged pixels at or above this: no sensor noise
};

// One pair of frames: nullopt when the frames differ in size or neither kind of block was found
// often enough; a share of -1: that kind was not measured.
struct NoisePair {
    int flatBlocks = 0;
    int texturedBlocks = 0;
    double flatShare = -1.0;     // of the flat blocks' pixels, unchanged but for the picture's offset
    double texturedShare = -1.0; // of the textured blocks'
};
std::optional<NoisePair> measureNoisePair(const Image &previous, const Image &current,
                                          const SensorNoiseConfig &config = {});

struct SensorNoiseReport {
    std::int64_t flatPairs = 0; // pairs where flat blocks were measured
    std::int64_t texturedPairs = 0;
    double medianFlatShare = -1.0; // -1: not measured
    double medianTexturedShare = -1.0;
    // At least one kind judged (minPairs measured), and every judged kind at or above maxUnchangedShare.
    bool noiseless = false;
};

class SensorNoise {
public:
    explicit SensorNoise(SensorNoiseConfig config = {}) : m_config(config) {}
    void feed(const Image &frame);
    [[nodiscard]] SensorNoiseReport report() const;

private:
    SensorNoiseConfig m_config;
    Image m_previous;
    Image m_beforePrevious;
    std::vector<double> m_flat;     // per measured pair, the flat blocks' unchanged share
    std::vector<double> m_textured; // the textured blocks'
};

} // namespace simkyc::vision
