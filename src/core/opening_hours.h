// OpeningHours: the hours a shop serves customers, "HH:MM-HH:MM" in the kiosk's local time
// (configuration key store.opening_hours). A registration made outside them is one of the per-clerk
// signals (core/clerk_signals.h): a colluding clerk registers where no manager and no queue watches.
// Guarantees: parseOpeningHours accepts exactly two 24-hour times "HH:MM" joined by '-', opening
// different from closing; a closing time earlier than the opening time spans midnight
// ("18:00-02:00"). The opening minute is inside, the closing minute is not.
// Pure (no I/O, no clock). Thread-safety: value type.
#pragma once

#include "core/result.h"

#include <string>
#include <string_view>

namespace simkyc::core {

struct OpeningHours {
    int openMinute = 0;  // minutes after local midnight, 0..1439
    int closeMinute = 0; // 0..1439, != openMinute

    // minuteOfDay: minutes after local midnight, 0..1439 (anything else is outside).
    [[nodiscard]] bool contains(int minuteOfDay) const;
    // "HH:MM-HH:MM", as parsed.
    [[nodiscard]] std::string toString() const;
};

// InvalidFormat for anything but "HH:MM-HH:MM" with hours 00..23, minutes 00..59 and two different times.
[[nodiscard]] Result<OpeningHours> parseOpeningHours(std::string_view text);

} // namespace simkyc::core
