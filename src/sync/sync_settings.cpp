#include "sync/sync_settings.h"

#include "crypto/digest.h"
#include "crypto/key_wrap.h"
#include "store/database.h"
#include "store/settings.h"
#include "store/transaction.h"

#include <algorithm>

namespace simkyc::sync {
namespace {

constexpr const char *kStoreId = "sync.store_id";
constexpr const char *kUrl = "sync.upstream_url";
constexpr const char *kEnrolledAt = "sync.enrolled_at";
constexpr const char *kReceiptKey = "sync.receipt_key";
constexpr const char *kQuotaKeyWrapped = "sync.quota_key_wrapped";

} // namespace

Result<std::string> storeIdOf(store::Database &db)
{
    auto v = store::readSetting(db, kStoreId);
    if (!v)
        return v.error();
    return v->value_or(kDefaultStoreId);
}

Status setStoreId(store::Database &db, std::string_view storeId)
{
    const bool ok = !storeId.empty() && storeId.size() <= 64 && std::all_of(storeId.begin(), storeId.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
               c == '-';
    });
    if (!ok)
        return Error{ErrorCode::InvalidArgument, "a store id is 1-64 characters of A-Z a-z 0-9 . _ -"};
    return store::writeSetting(db, kStoreId, storeId);
}

Result<std::optional<UpstreamEnrolment>> loadEnrolment(store::Database &db, const store::Keyring &keys)
{
    auto url = store::readSetting(db, kUrl);
    auto at = store::readSetting(db, kEnrolledAt);
    auto receipt = store::readSetting(db, kReceiptKey);
    auto quota = store::readSetting(db, kQuotaKeyWrapped);
    for (const auto *r : {&url, &at, &receipt, &quota})
        if (!*r)
            return r->error();
    if (!*url || !*at || !*receipt || !*quota)
        return std::optional<UpstreamEnrolment>();
    auto receiptBytes = crypto::fromHex(**receipt);
    auto wrapped = crypto::fromHex(**quota);
    if (!receiptBytes || receiptBytes->size() != crypto::kEd25519KeySize || !wrapped)
        return Error{ErrorCode::InvalidFormat, "the stored upstream enrolment is damaged; enrol again"};
    auto quotaKey = crypto::unwrapKey(keys.storeKey, *wrapped);
    if (!quotaKey)
        return Error{ErrorCode::CryptoFailure, "the carrier quota key does not unwrap under this store key"};
    UpstreamEnrolment e{**url, **at, {}, std::move(quotaKey).value()};
    std::copy(receiptBytes->begin(), receiptBytes->end(), e.receiptKey.begin());
    return std::optional<UpstreamEnrolment>(std::move(e));
}

Status saveEnrolment(store::Database &db, const store::Keyring &keys, const UpstreamEnrolment &e)
{
    auto wrapped = crypto::wrapKey(keys.storeKey, e.quotaKey);
    if (!wrapped)
        return wrapped.error();
    auto tx = store::Transaction::begin(db);
    if (!tx)
        return tx.error();
    for (Status s : {store::writeSetting(db, kUrl, e.url), store::writeSetting(db, kEnrolledAt, e.enrolledAt),
                     store::writeSetting(db, kReceiptKey, crypto::toHex(e.receiptKey)),
                     store::writeSetting(db, kQuotaKeyWrapped, crypto::toHex(*wrapped))})
        if (!s)
            return s;
    return tx->commit();
}

Status forgetEnrolment(store::Database &db)
{
    return db.exec("DELETE FROM settings WHERE key IN ('sync.upstream_url', 'sync.enrolled_at', 'sync.receipt_key', "
                   "'sync.quota_key_wrapped')");
}

Result<UpstreamPayloadBuilder> payloadBuilderFor(store::Database &db, const store::Keyring &keys)
{
    auto storeId = storeIdOf(db);
    if (!storeId)
        return storeId.error();
    auto enrolment = loadEnrolment(db, keys);
    if (!enrolment)
        return enrolment.error();
    std::optional<crypto::SecureBytes> quotaKey;
    if (*enrolment)
        quotaKey = std::move((*enrolment)->quotaKey);
    return UpstreamPayloadBuilder(keys.publicKeys.carrier, keys.publicKeys.device, *storeId, std::move(quotaKey));
}

} // namespace simkyc::sync
