#include "store/disk_space.h"

#include <sys/statvfs.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace simkyc::store {
namespace {

// "12 MiB", or "300 KiB" below one MiB (so a small minimum never reads as "0 MiB").
std::string amount(std::uint64_t bytes)
{
    constexpr std::uint64_t kMiB = 1024 * 1024;
    return bytes >= kMiB ? std::to_string(bytes / kMiB) + " MiB" : std::to_string(bytes / 1024) + " KiB";
}

} // namespace

Result<std::uint64_t> availableBytes(const std::filesystem::path &dir)
{
    struct statvfs info {};
    if (::statvfs(dir.c_str(), &info) != 0)
        return Error{ErrorCode::IoError, "cannot read free space of " + dir.string() + ": " + std::strerror(errno)};
    return static_cast<std::uint64_t>(info.f_bavail) * static_cast<std::uint64_t>(info.f_frsize);
}

Status checkFreeSpace(const std::filesystem::path &dir, std::uint64_t available, std::uint64_t minimumBytes)
{
    if (available >= minimumBytes)
        return {};
    return Error{ErrorCode::IoError, "not enough free disk space: " + amount(available) + " free in " + dir.string() +
                                         ", at least " + amount(minimumBytes) +
                                         " needed; new registrations are refused until space is freed"};
}

Status requireFreeSpace(const std::filesystem::path &dir, std::uint64_t minimumBytes)
{
    auto available = availableBytes(dir);
    if (!available)
        return available.error();
    return checkFreeSpace(dir, *available, minimumBytes);
}

} // namespace simkyc::store
