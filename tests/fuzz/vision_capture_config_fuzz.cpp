// The capture-quality configuration parser (an operator-supplied override file) on arbitrary text.
// Property: what it accepts is in range and formats to text that parses to the same values.
#include "fuzz_util.h"
#include "vision/capture_quality_config.h"

using namespace simkyc;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    auto config = vision::parseCaptureQualityConfig(fuzz::text(data, size), "fuzz.conf");
    if (!config)
        return 0;
    FUZZ_CHECK(config->version == vision::kCaptureQualityConfigVersion);
    FUZZ_CHECK(config->minInterocularRatio < config->maxInterocularRatio);
    const std::string text = vision::formatCaptureQualityConfig(*config);
    auto again = vision::parseCaptureQualityConfig(text, "formatted");
    FUZZ_CHECK(again.ok());
    return 0;
}
