// Simulates an ID-chip portrait: the image resized to width x height and re-encoded as JPEG at the
// given quality (default 102x126, quality 60, as a chip-reader portrait). Used by the evaluation.
#pragma once

#include "core/result.h"
#include "vision/image.h"

namespace simkyc::vision {

struct DegradeSpec {
    int width = 102;
    int height = 126;
    int jpegQuality = 60;
};

Result<Image> degradeLikeChipPortrait(const Image &image, const DegradeSpec &spec = {});

} // namespace simkyc::vision
