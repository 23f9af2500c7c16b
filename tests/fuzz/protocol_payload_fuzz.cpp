// The registration payload parser (both sides read it: the kiosk before sending, the carrier on
// intake). Property: a payload that parses serialises to bytes that parse to the same payload.
#include "fuzz_util.h"
#include "protocol/protocol.h"

using namespace simkyc;

namespace {

bool samePayload(const protocol::RegistrationPayload &a, const protocol::RegistrationPayload &b)
{
    return a.recordId == b.recordId && a.deviceId == b.deviceId && a.storeId == b.storeId &&
           a.createdAt == b.createdAt && a.clerk == b.clerk && a.status == b.status && a.outcome == b.outcome &&
           a.reasonCodes == b.reasonCodes && a.liveness == b.liveness && a.piiSha256 == b.piiSha256 &&
           a.piiSize == b.piiSize && a.biometricsSha256 == b.biometricsSha256 && a.biometricsSize == b.biometricsSize &&
           a.matchDistance.has_value() == b.matchDistance.has_value();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const protocol::Bytes input(data, data + size);
    auto payload = protocol::parsePayload(input);
    if (!payload)
        return 0;
    auto again = protocol::parsePayload(protocol::serialisePayload(*payload));
    FUZZ_CHECK(again && samePayload(*again, *payload));
    return 0;
}
