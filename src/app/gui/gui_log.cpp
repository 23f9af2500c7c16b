#include "app/gui/gui_log.h"

namespace simkyc::app {

Q_LOGGING_CATEGORY(lcGui, "simkyc.app.gui")

} // namespace simkyc::app
