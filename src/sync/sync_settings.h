// The kiosk's upstream settings in the store's settings table: the store id and the enrolment
// (the upstream's URL, its receipt-signing key, and the carrier's quota key, wrapped under the store
// key: setting "sync.quota_key_wrapped", which key rotation re-wraps).
// Thread-safety: free functions; that of the Database.
#pragma once

#include "crypto/secure_bytes.h"
#include "crypto/signing.h"
#include "store/keyring.h"
#include "sync/payload_builder.h"

#include <optional>
#include <string>

namespace simkyc::store {
class Database;
}

namespace simkyc::sync {

inline constexpr const char *kDefaultStoreId = "store-1";

// "sync.store_id", default kDefaultStoreId.
[[nodiscard]] Result<std::string> storeIdOf(store::Database &db);
// InvalidArgument unless 1-64 characters of [A-Za-z0-9._-].
[[nodiscard]] Status setStoreId(store::Database &db, std::string_view storeId);

struct UpstreamEnrolment {
    std::string url;
    std::string enrolledAt;
    crypto::Ed25519PublicKey receiptKey{};
    crypto::SecureBytes quotaKey;
};

[[nodiscard]] Result<std::optional<UpstreamEnrolment>> loadEnrolment(store::Database &db, const store::Keyring &keys);
[[nodiscard]] Status saveEnrolment(store::Database &db, const store::Keyring &keys, const UpstreamEnrolment &enrolment);
[[nodiscard]] Status forgetEnrolment(store::Database &db);

// The builder every registration insert of the kiosk uses (store id and quota key from settings).
[[nodiscard]] Result<UpstreamPayloadBuilder> payloadBuilderFor(store::Database &db, const store::Keyring &keys);

} // namespace simkyc::sync
