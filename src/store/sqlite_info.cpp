#include "store/sqlite_info.h"

#include <sqlite3.h>

namespace simkyc::store {

std::string sqliteVersion()
{
    return sqlite3_libversion();
}
std::string sqliteSourceId()
{
    return sqlite3_sourceid();
}
bool sqliteThreadsafe()
{
    return sqlite3_threadsafe() != 0;
}

} // namespace simkyc::store
