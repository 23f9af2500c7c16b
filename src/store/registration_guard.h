// The gate before a new registration: the kiosk refuses to start one on a nearly full disk, so a
// customer is never half-captured and then lost to a full disk (the "disk full" rule).
// Threshold: setting "store.min_free_mib" (16..65536 MiB, default 64), free space measured with
// statvfs on the database's folder (disk_space.h).
// Guarantees: only reads; refused is IoError whose message starts with "disk_low: " (the stable code
// the UI and the operator guide key on), then both amounts and the folder, never anything else.
// Thread-safety: free functions; that of the Database.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <string_view>

namespace simkyc::store {

class Database;

inline constexpr std::string_view kMinFreeMibSetting = "store.min_free_mib";
inline constexpr std::string_view kDiskLowCode = "disk_low";
inline constexpr std::int64_t kMinFreeMibLow = 16;
inline constexpr std::int64_t kMinFreeMibHigh = 65536;

// The configured minimum in bytes; InvalidArgument for a setting outside 16..65536 MiB.
[[nodiscard]] Result<std::uint64_t> minimumFreeBytes(Database &db);

// Call before each registration (and after the disk was full: it says when space is back).
[[nodiscard]] Status checkCanRegister(Database &db);

} // namespace simkyc::store
