// Record ids and timestamps as stored: UUIDv7 text ids (RFC 9562: 48-bit Unix milliseconds, version
// 7, 74 random bits) that sort by creation time as plain text, and UTC ISO 8601 timestamps with
// milliseconds ("2025-01-31T14:25:01.042Z") that also sort as text.
// Thread-safety: reentrant (randomness from the OpenSSL DRBG).
#pragma once

#include "core/result.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace simkyc::store {

using Clock = std::chrono::system_clock;

// "0190f1a2-3b4c-7d5e-8f60-718293a4b5c6"; CryptoFailure if the DRBG fails.
[[nodiscard]] Result<std::string> newRecordId(Clock::time_point now = Clock::now());

// "2025-01-31T14:25:01.042Z".
[[nodiscard]] std::string utcTimestamp(Clock::time_point at);
// The inverse of utcTimestamp ("2025-01-31T14:25:01.042Z"); nullopt for any other shape.
[[nodiscard]] std::optional<Clock::time_point> parseUtcTimestamp(std::string_view text);

} // namespace simkyc::store
