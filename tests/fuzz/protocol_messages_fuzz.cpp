// Every message body of the kiosk <-> carrier protocol, from arbitrary bytes, through every parser:
// what the carrier's server parses from a kiosk (the submission envelope of POST /v1/registrations,
// the enrolment request) and what the kiosk parses from the carrier (the signed receipt, the
// enrolment response). Parsed submissions and receipts are then verified against fixed keys as
// intake and the sync do; they must fail cleanly (the fuzzer cannot sign). Property: whatever a
// parser accepts, toJson gives back and the parser accepts again unchanged.
#include "fuzz_util.h"
#include "protocol/protocol.h"

#include <QByteArray>

using namespace simkyc;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto json = protocol::parseObject(body);
    if (!json)
        return 0;
    // The carrier's side.
    if (auto submission = protocol::submissionFromJson(*json)) {
        const crypto::Ed25519PublicKey deviceKey{};
        (void)protocol::verifySubmission(*submission, deviceKey);
        auto again = protocol::submissionFromJson(protocol::toJson(*submission));
        FUZZ_CHECK(again && again->payload == submission->payload && again->pii == submission->pii &&
                   again->biometrics == submission->biometrics && again->quotaIndex == submission->quotaIndex &&
                   again->signature == submission->signature);
    }
    if (auto request = protocol::enrolmentRequestFromJson(*json)) {
        FUZZ_CHECK(request->deviceId == protocol::deviceIdOf(request->signingKey));
        auto again = protocol::enrolmentRequestFromJson(protocol::toJson(*request));
        FUZZ_CHECK(again && again->deviceId == request->deviceId && again->storeId == request->storeId &&
                   again->signingKey == request->signingKey && again->token == request->token);
    }
    // The kiosk's side.
    if (auto receipt = protocol::receiptFromJson(*json)) {
        const crypto::Ed25519PublicKey receiptKey{};
        (void)protocol::verifyReceipt(*receipt, receiptKey, receipt->recordId, protocol::Bytes{});
        auto again = protocol::receiptFromJson(protocol::toJson(*receipt));
        FUZZ_CHECK(again && again->recordId == receipt->recordId && again->decision == receipt->decision &&
                   again->activeCount == receipt->activeCount && again->serverTime == receipt->serverTime &&
                   again->storedSha256 == receipt->storedSha256 && again->keyId == receipt->keyId &&
                   again->signature == receipt->signature);
    }
    if (auto response = protocol::enrolmentResponseFromJson(*json)) {
        FUZZ_CHECK(response->quotaKey.size() == 32);
        auto again = protocol::enrolmentResponseFromJson(protocol::toJson(*response));
        FUZZ_CHECK(again && again->deviceId == response->deviceId && again->receiptKey == response->receiptKey);
    }
    return 0;
}
