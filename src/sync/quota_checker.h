// The kiosk's side of the quota check (POST /v1/quota-checks, protocol/quota_check.h): before the
// face check, the carrier is asked how many of the ID number's places are taken across all its
// shops. The question carries the quota index (HMAC under the carrier's quota key: the ID number
// itself never leaves the kiosk), a fresh nonce and the device's signature; the answer counts only
// when it verifies under the receipt key learnt at enrolment, for that index and nonce.
// Guarantees: done is called exactly once, on the client's thread. The verdict is Allowed or Refused
// only on a verified answer; anything else (not enrolled yet, no network, a server error, an answer
// that does not verify) is Unconfirmed with the reason: the kiosk then goes by its own count and
// marks the registration as not confirmed by the carrier.
// Thread-safety: the thread of the UpstreamClient; the database and keys must outlive the check.
#pragma once

#include "store/database.h"
#include "store/keyring.h"
#include "sync/upstream_client.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace simkyc::sync {

enum class QuotaVerdict { Allowed, Refused, Unconfirmed };
[[nodiscard]] std::string_view quotaVerdictName(QuotaVerdict verdict); // "allowed", "refused", "unconfirmed"

struct QuotaCheckResult {
    QuotaVerdict verdict = QuotaVerdict::Unconfirmed;
    std::int64_t activeCount = 0; // the carrier's count (Allowed, Refused)
    std::int64_t limit = 0;
    std::string why; // Unconfirmed: "not_enrolled", "network: ...", "http_503", "answer_invalid: ..."
};

void checkQuotaOnline(store::Database &db, const store::Keyring &keys, UpstreamClient &client,
                      std::string_view idNumber, std::function<void(const QuotaCheckResult &)> done);

} // namespace simkyc::sync
