// The hook through which a registration's upstream payload is built inside the insert transaction
// (docs/upstream-api.md): the store knows the clear record only at insert, and the payload must be
// built exactly once, so RegistrationRepository::insert calls an OutboxPayloadBuilder (implemented
// by src/sync, which owns the wire format) and stores what it returns in the outbox row.
// Thread-safety: a builder is called on the inserting thread; implementations hold no mutable state.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace simkyc::store {

struct CustomerPii;

struct OutboxSource {
    std::string_view recordId;
    std::string_view createdAt;
    std::int64_t clerkId = 0;
    std::string_view status;
    std::optional<std::string_view> outcome;
    const std::vector<std::string> *reasonCodes = nullptr;
    std::optional<double> matchDistance;
    std::string_view liveness;
    const CustomerPii *customer = nullptr; // clear, ID number normalised
    std::span<const std::uint8_t> sealedBiometrics;
};

struct OutboxPayload {
    std::vector<std::uint8_t> payload;     // serialised once; sent as is
    std::vector<std::uint8_t> sealedPii;   // sealed to the carrier
    std::optional<std::string> quotaIndex; // when the builder has the carrier's quota key
};

class OutboxPayloadBuilder {
public:
    virtual ~OutboxPayloadBuilder() = default;
    [[nodiscard]] virtual Result<OutboxPayload> build(const OutboxSource &source) const = 0;
};

} // namespace simkyc::store
