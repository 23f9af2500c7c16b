// Identification of the SQLite library in use, for selftest and start-up logs.
#pragma once

#include <string>

namespace simkyc::store {

std::string sqliteVersion();  // run-time library version, e.g. "3.40.1"
std::string sqliteSourceId(); // sqlite3_sourceid()
bool sqliteThreadsafe();      // compiled with SQLITE_THREADSAFE != 0

} // namespace simkyc::store
