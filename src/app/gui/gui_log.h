// The kiosk GUI's logging category, simkyc.app.gui. Never logs customer data or passwords.
// Thread-safety: Qt logging categories are thread-safe.
#pragma once

#include <QLoggingCategory>

namespace simkyc::app {

Q_DECLARE_LOGGING_CATEGORY(lcGui)

} // namespace simkyc::app
