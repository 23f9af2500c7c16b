#include "core/camera_pin.h"

#include <algorithm>
#include <cctype>

namespace simkyc::core {
namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

} // namespace

std::string allowListEntryProblem(const std::string &entry)
{
    const auto hex4 = [](const std::string &s) {
        return s.size() == 4 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isxdigit(c); });
    };
    const size_t a = entry.find(':');
    const size_t b = a == std::string::npos ? a : entry.find(':', a + 1);
    if (b == std::string::npos)
        return "'" + entry + "' is not vendor:product:serial";
    if (!hex4(entry.substr(0, a)) || !hex4(entry.substr(a + 1, b - a - 1)))
        return "'" + entry + "': vendor and product are 4 hex digits each";
    const std::string serial = entry.substr(b + 1);
    if (!std::all_of(serial.begin(), serial.end(), [](unsigned char c) { return std::isgraph(c) && c != ','; }))
        return "'" + entry + "': the serial has spaces or commas";
    return {};
}

bool cameraAllowed(const UsbCameraId &id, const std::vector<std::string> &allowed)
{
    if (allowed.empty())
        return true;
    const std::string mine = lower(id.vendor) + ":" + lower(id.product) + ":" + id.serial;
    return std::any_of(allowed.begin(), allowed.end(), [&mine](const std::string &entry) {
        const size_t b = entry.find(':', entry.find(':') + 1);
        return b != std::string::npos && lower(entry.substr(0, b)) + entry.substr(b) == mine;
    });
}

} // namespace simkyc::core
