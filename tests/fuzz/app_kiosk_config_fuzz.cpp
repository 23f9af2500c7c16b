// The kiosk configuration parser (/etc/simkyc/simkyc.conf, edited by hand) and the manager's settings
// file (<data dir>/manager-settings.conf) on arbitrary text.
// Properties: what the parser accepts has every numeric key inside its documented range; the
// manager's file, parsed over the accepted configuration, keeps them there too.
#include "app/kiosk_config.h"
#include "fuzz_util.h"

#include <charconv>
#include <string>

using namespace simkyc;

namespace {

// Every "lo..hi" key of the accepted configuration holds a value in [lo, hi].
void checkRanges(const app::KioskConfig &config)
{
    for (const auto &key : app::kioskConfigKeys()) {
        const auto dots = key.range.find("..");
        if (dots == std::string::npos)
            continue;
        double lo = 0, hi = 0, value = 0;
        const std::string loText = key.range.substr(0, dots), hiText = key.range.substr(dots + 2);
        const std::string valueText = app::configValueText(config, key.name);
        if (std::from_chars(loText.data(), loText.data() + loText.size(), lo).ec != std::errc() ||
            std::from_chars(hiText.data(), hiText.data() + hiText.size(), hi).ec != std::errc())
            continue; // not a numeric range
        FUZZ_CHECK(std::from_chars(valueText.data(), valueText.data() + valueText.size(), value).ec == std::errc());
        FUZZ_CHECK(value >= lo - 1e-9 && value <= hi + 1e-9);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text = fuzz::text(data, size);
    auto config = app::parseKioskConfig(text, "fuzz.conf");
    if (config.ok())
        checkRanges(*config);
    auto managed = app::applyManagerSettings(config.ok() ? *config : app::KioskConfig{}, text, "fuzz-manager.conf");
    if (managed.ok())
        checkRanges(*managed);
    return 0;
}
