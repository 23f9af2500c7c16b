// The settings table (0001): small key/value text. Keys are dotted codes ("sync.store_id"); values
// hold no customer data; a value wrapped under the store key has a key ending in "_wrapped" (hex),
// which key rotation re-wraps.
// Thread-safety: that of the Database.
#pragma once

#include "core/result.h"
#include "store/record_id.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace simkyc::store {

class Database;

[[nodiscard]] Result<std::optional<std::string>> readSetting(Database &db, std::string_view key);
// A whole-number setting: fallback when absent; InvalidArgument "setting KEY must be a whole number
// LOW..HIGH" for anything else out of range (never clamped).
[[nodiscard]] Result<std::int64_t> readIntSetting(Database &db, std::string_view key, std::int64_t fallback,
                                                  std::int64_t low, std::int64_t high);
[[nodiscard]] Status writeSetting(Database &db, std::string_view key, std::string_view value,
                                  Clock::time_point now = Clock::now());

} // namespace simkyc::store
