#include "vision/sensor_noise.h"

#include "core/statistics.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace simkyc::vision {

namespace {

constexpr int kBlock = 8;
constexpr int kClipLow = 6; // values this close to 0 or 255 may be clipped: clipped pixels have no noise
constexpr int kClipHigh = 249;

} // namespace

std::optional<NoisePair> measureNoisePair(const Image &previous, const Image &current, const SensorNoiseConfig &config)
{
    if (previous.empty() || current.empty() || previous.width() != current.width() ||
        previous.height() != current.height() || previous.channels() != current.channels())
        return std::nullopt;
    const int channels = current.channels();
    const size_t stride = current.stride();
    constexpr int kPixels = kBlock * kBlock;
    // Pass 1: the unclipped blocks, flat or textured, with their sums per channel.
    struct Block {
        int x, y;
        bool flat;
        std::array<int, 3> change; // sum(now) - sum(before), per channel
    };
    std::vector<Block> blocks;
    const int step = kBlock * std::max(1, config.blockStride);
    for (int by = 0; by + kBlock <= current.height(); by += step) {
        for (int bx = 0; bx + kBlock <= current.width(); bx += step) {
            std::array<int, 3> lo{255, 255, 255}, hi{0, 0, 0};
            std::array<int, 3> sumNow{}, sumBefore{};
            for (int y = by; y < by + kBlock; ++y) {
                const std::uint8_t *now = current.data() + static_cast<size_t>(y) * stride;
                const std::uint8_t *before = previous.data() + static_cast<size_t>(y) * stride;
                for (int x = bx; x < bx + kBlock; ++x)
                    for (int c = 0; c < channels; ++c) {
                        const size_t i = static_cast<size_t>(x * channels + c);
                        lo[c] = std::min<int>(lo[c], now[i]);
                        hi[c] = std::max<int>(hi[c], now[i]);
                        sumNow[c] += now[i];
                        sumBefore[c] += before[i];
                    }
            }
            Block block{bx, by, true, {}};
            bool clipped = false;
            for (int c = 0; c < channels; ++c) {
                block.change[static_cast<size_t>(c)] = sumNow[c] - sumBefore[c];
                block.flat = block.flat && hi[c] - lo[c] <= config.flatRange;
                clipped = clipped || lo[c] < kClipLow || hi[c] > kClipHigh;
            }
            if (!clipped)
                blocks.push_back(block);
        }
    }
    if (blocks.empty())
        return std::nullopt;
    // The picture's own change per channel: the median of the blocks' mean changes, rounded. A
    // brightness step applied to the whole frame is no noise, and a block is still when it moved
    // by no more than stillMean beyond that step. A sensor's noise, even after JPEG has reduced a
    // flat block to its mean, moves each block on its own.
    std::array<int, 3> offset{};
    for (int c = 0; c < channels; ++c) {
        std::vector<int> changes;
        changes.reserve(blocks.size());
        for (const Block &b : blocks)
            changes.push_back(b.change[static_cast<size_t>(c)]);
        std::nth_element(changes.begin(), changes.begin() + static_cast<long>(changes.size() / 2), changes.end());
        offset[static_cast<size_t>(c)] = static_cast<int>(std::lround(changes[changes.size() / 2] / double{kPixels}));
    }
    // Pass 2: per kind, the pixels of the still blocks that moved by exactly the picture's offset.
    // A textured block that moved even a little changes a lot: it is still only when it changed
    // by no more than noise does (maxTexturedChange, beyond the offset).
    std::array<std::int64_t, 2> unchanged{}, counted{}; // [0] flat, [1] textured
    for (const Block &b : blocks) {
        bool still = true;
        for (int c = 0; c < channels; ++c)
            still = still && std::abs(b.change[static_cast<size_t>(c)] - offset[static_cast<size_t>(c)] * kPixels) <=
                                 config.stillMean * kPixels;
        if (!still)
            continue;
        int same = 0;
        int sumAbs = 0;
        for (int y = b.y; y < b.y + kBlock; ++y) {
            const std::uint8_t *now = current.data() + static_cast<size_t>(y) * stride;
            const std::uint8_t *before = previous.data() + static_cast<size_t>(y) * stride;
            for (int x = b.x; x < b.x + kBlock; ++x) {
                bool equal = true;
                for (int c = 0; c < channels; ++c) {
                    const size_t i = static_cast<size_t>(x * channels + c);
                    const int d = now[i] - before[i] - offset[static_cast<size_t>(c)];
                    sumAbs += std::abs(d);
                    equal = equal && d == 0;
                }
                same += equal ? 1 : 0;
            }
        }
        if (!b.flat && sumAbs > config.maxTexturedChange * kPixels * channels)
            continue;
        const size_t k = b.flat ? 0 : 1;
        counted[k] += kPixels;
        unchanged[k] += same;
    }
    NoisePair pair;
    pair.flatBlocks = static_cast<int>(counted[0] / kPixels);
    pair.texturedBlocks = static_cast<int>(counted[1] / kPixels);
    if (pair.flatBlocks >= config.minBlocks)
        pair.flatShare = static_cast<double>(unchanged[0]) / static_cast<double>(counted[0]);
    if (pair.texturedBlocks >= config.minBlocks)
        pair.texturedShare = static_cast<double>(unchanged[1]) / static_cast<double>(counted[1]);
    if (pair.flatShare < 0.0 && pair.texturedShare < 0.0)
        return std::nullopt;
    return pair;
}

void SensorNoise::feed(const Image &frame)
{
    // Against the frame before and the one before that: two noise patterns taking turns leave
    // every other frame unchanged.
    std::optional<NoisePair> worst;
    for (const Image *earlier : {&m_previous, &m_beforePrevious}) {
        const auto pair = measureNoisePair(*earlier, frame, m_config);
        if (!pair)
            continue;
        if (!worst) {
            worst = pair;
            continue;
        }
        worst->flatShare = std::max(worst->flatShare, pair->flatShare);
        worst->texturedShare = std::max(worst->texturedShare, pair->texturedShare);
    }
    if (worst && worst->flatShare >= 0.0)
        m_flat.push_back(worst->flatShare);
    if (worst && worst->texturedShare >= 0.0)
        m_textured.push_back(worst->texturedShare);
    m_beforePrevious = m_previous;
    m_previous = frame;
}

SensorNoiseReport SensorNoise::report() const
{
    SensorNoiseReport r;
    r.flatPairs = static_cast<std::int64_t>(m_flat.size());
    r.texturedPairs = static_cast<std::int64_t>(m_textured.size());
    r.medianFlatShare = core::median(m_flat).value_or(-1.0);
    r.medianTexturedShare = core::median(m_textured).value_or(-1.0);
    // Judged on each kind of block measured often enough; noiseless only when every judged kind
    // is: JPEG at a low quality can leave a real sensor's flat blocks unchanged, never its
    // textured ones.
    const bool flatJudged = r.flatPairs >= m_config.minPairs;
    const bool texturedJudged = r.texturedPairs >= m_config.minPairs;
    r.noiseless = (flatJudged || texturedJudged) && (!flatJudged || r.medianFlatShare >= m_config.maxUnchangedShare) &&
                  (!texturedJudged || r.medianTexturedShare >= m_config.maxUnchangedShare);
    return r;
}

} // namespace simkyc::vision
