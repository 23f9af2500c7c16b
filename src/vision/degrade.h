// Simulates an ID-chip portrait: a head-and-shoulders crop around the face (face box width about
// 55 % of the portrait's width, the portrait's aspect ratio), resized to width x height and
// re-encoded as JPEG at the given quality (default 102x126, quality 60, as a chip reader gives).
// Parts of the crop outside the image are filled with the border colour. Used by the evaluation.
#pragma once

#include "core/result.h"
#include "vision/image.h"
#include "vision/types.h"

namespace simkyc::vision {

struct DegradeSpec {
    int width = 102;
    int height = 126;
    int jpegQuality = 60;
};

Result<Image> degradeLikeChipPortrait(const Image &image, const FaceBox &face, const DegradeSpec &spec = {});

} // namespace simkyc::vision
