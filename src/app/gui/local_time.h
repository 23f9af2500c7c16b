// The kiosk's clock values (store::Clock, UTC) as the local date and time the screens show.
// Thread-safety: pure.
#pragma once

#include "store/record_id.h"

#include <QDateTime>

#include <chrono>

namespace simkyc::app {

[[nodiscard]] inline QDateTime localDateTime(store::Clock::time_point t)
{
    return QDateTime::fromMSecsSinceEpoch(
        std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count());
}

} // namespace simkyc::app
