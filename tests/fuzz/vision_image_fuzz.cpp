// The image loader (vision::decodeImage, what loadImage runs on a file's bytes) with kiosk-sized
// limits: what is over them must be refused, ideally before decoding (the header check), and
// anything accepted is a non-empty 8-bit BGR image within the limits.
#include "fuzz_util.h"
#include "vision/image.h"

using namespace simkyc;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    vision::ImageLimits limits;
    limits.maxSide = 4096;
    limits.maxPixels = 4'000'000;
    limits.maxFileBytes = 1 << 20;
    auto image = vision::decodeImage(fuzz::bytes(data, size), limits);
    if (!image)
        return 0;
    FUZZ_CHECK(!image->empty() && image->channels() == 3);
    FUZZ_CHECK(image->width() <= limits.maxSide && image->height() <= limits.maxSide);
    FUZZ_CHECK(static_cast<std::int64_t>(image->width()) * image->height() <= limits.maxPixels);
    return 0;
}
