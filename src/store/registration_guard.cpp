#include "store/registration_guard.h"

#include "store/database.h"
#include "store/disk_space.h"
#include "store/settings.h"

#include <string>

namespace simkyc::store {

Result<std::uint64_t> minimumFreeBytes(Database &db)
{
    auto mib =
        readIntSetting(db, kMinFreeMibSetting, static_cast<std::int64_t>(kDefaultMinimumFreeBytes / (1024 * 1024)),
                       kMinFreeMibLow, kMinFreeMibHigh);
    if (!mib)
        return mib.error();
    return static_cast<std::uint64_t>(*mib) * 1024 * 1024;
}

Status checkCanRegister(Database &db)
{
    auto minimum = minimumFreeBytes(db);
    if (!minimum)
        return minimum.error();
    const std::filesystem::path dir = db.path().has_parent_path() ? db.path().parent_path() : ".";
    auto available = availableBytes(dir);
    if (!available)
        return available.error();
    if (Status s = checkFreeSpace(dir, *available, *minimum); !s)
        return Error{s.error().code, std::string(kDiskLowCode) + ": " + s.error().message};
    return {};
}

} // namespace simkyc::store
