#include "store/registration_guard.h"

#include "store/database.h"
#include "store/disk_space.h"
#include "store/settings.h"

#include <charconv>
#include <string>

namespace simkyc::store {

Result<std::uint64_t> minimumFreeBytes(Database &db)
{
    auto text = readSetting(db, kMinFreeMibSetting);
    if (!text)
        return text.error();
    if (!*text)
        return kDefaultMinimumFreeBytes;
    std::uint64_t mib = 0;
    const std::string &v = **text;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), mib);
    if (ec != std::errc() || end != v.data() + v.size() || mib < kMinFreeMibLow || mib > kMinFreeMibHigh)
        return Error{ErrorCode::InvalidArgument, "setting " + std::string(kMinFreeMibSetting) + " must be " +
                                                     std::to_string(kMinFreeMibLow) + ".." +
                                                     std::to_string(kMinFreeMibHigh) + " (MiB)"};
    return mib * 1024 * 1024;
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
