// Routes the Qt-free modules' log (core/log.h) into Qt's logging categories of the same names, so
// QT_LOGGING_RULES, the journal and qInstallMessageHandler see one stream. Call once in main().
#pragma once

namespace simkyc::app {

void installQtLogSink();

} // namespace simkyc::app
