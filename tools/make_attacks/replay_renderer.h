// Replay attack of simkyc-make-attacks: a genuine face video shown on a screen to the kiosk camera.
// Guarantees: openReplay() never throws; it returns nullptr and sets `error` when the video cannot be
// opened or decoded. The clip starts at a seed-chosen offset and loops when the source is shorter;
// source and clip frame rates may differ (frames are picked by time).
// Thread-safety: one renderer per thread.
#pragma once

#include "attack_renderers.h"

#include <filesystem>
#include <memory>
#include <string>

namespace simkyc::tools {

std::unique_ptr<FrameRenderer> openReplay(const std::filesystem::path &video, const ClipSpec &clip, std::uint64_t seed,
                                          std::string &error);

} // namespace simkyc::tools
