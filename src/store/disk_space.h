// Free-space guard: the kiosk refuses new registrations while the data folder's file system has less
// than a configurable minimum free, so a registration is never half-captured and then lost to a
// full disk. Guarantees: IoError "not enough free disk space" names the folder and both amounts
// (MiB, or KiB below one MiB), never anything else; the check only reads (statvfs).
// Thread-safety: free functions, reentrant.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <filesystem>

namespace simkyc::store {

inline constexpr std::uint64_t kDefaultMinimumFreeBytes = 64ull * 1024 * 1024;

// Bytes available to an unprivileged writer (f_bavail * f_frsize) on dir's file system.
// IoError when statvfs fails.
[[nodiscard]] Result<std::uint64_t> availableBytes(const std::filesystem::path &dir);

// The decision alone (for tests and callers that measured already): IoError when available < minimum.
[[nodiscard]] Status checkFreeSpace(const std::filesystem::path &dir, std::uint64_t availableBytes,
                                    std::uint64_t minimumBytes);

// availableBytes + checkFreeSpace: call before starting a registration.
[[nodiscard]] Status requireFreeSpace(const std::filesystem::path &dir,
                                      std::uint64_t minimumBytes = kDefaultMinimumFreeBytes);

} // namespace simkyc::store
