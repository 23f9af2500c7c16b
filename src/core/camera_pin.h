// The kiosk's camera pin (config key camera.allowed): which USB cameras may film the customer.
// A camera is named by its USB descriptors, "vvvv:pppp:serial" (vendor and product as 4 hex
// digits, the serial as the camera reports it, empty when it reports none). Reading a camera's
// identity is I/O and lives in vision (usbCameraId); the rule of what is allowed lives here, so the
// configuration parser and the camera check share one definition of an entry.
// Pure (no I/O). Thread-safety: stateless functions.
#pragma once

#include <string>
#include <vector>

namespace simkyc::core {

struct UsbCameraId {
    std::string vendor;  // 4 hex digits, lower case
    std::string product; // 4 hex digits, lower case
    std::string serial;
    [[nodiscard]] std::string text() const { return vendor + ":" + product + ":" + serial; }
};

// True when `id` is on the allow-list (hex case does not matter; the serial is compared exactly).
// An empty list allows every camera (not pinned).
bool cameraAllowed(const UsbCameraId &id, const std::vector<std::string> &allowed);
// Checks one allow-list entry's form; returns what is wrong, or an empty string.
std::string allowListEntryProblem(const std::string &entry);

} // namespace simkyc::core
