#include "sync/submissions.h"

#include "store/database.h"
#include "store/registration_repository.h"
#include "store/transaction.h"

#include <algorithm>

namespace simkyc::sync {

Status fillQuotaIndexes(store::Database &db, const store::Keyring &keys,
                        const std::optional<UpstreamEnrolment> &enrolment, std::vector<store::OutboxItem> &items)
{
    const bool missing = std::any_of(items.begin(), items.end(),
                                     [](const store::OutboxItem &i) { return !i.quotaIndex && !i.payload.empty(); });
    if (!missing || !enrolment)
        return {};
    auto tx = store::Transaction::begin(db);
    if (!tx)
        return tx.error();
    store::RegistrationRepository repo(db, keys);
    store::OutboxRepository outbox(db);
    for (store::OutboxItem &item : items) {
        if (item.quotaIndex || item.payload.empty())
            continue;
        auto customer = repo.readCustomer(item.recordId, "device:sync", "quota_index");
        if (!customer)
            return customer.error();
        auto index = protocol::quotaIndexOf(enrolment->quotaKey, customer->idNumber);
        if (!index)
            return index.error();
        if (Status s = outbox.setQuotaIndex(item.recordId, *index); !s)
            return s;
        item.quotaIndex = std::move(index).value();
    }
    return tx->commit();
}

Result<protocol::Submission> signedSubmission(const store::Keyring &keys, const store::OutboxItem &item)
{
    return protocol::signSubmission(keys.devicePrivate, item.payload, item.sealedPii,
                                    item.sealedBiometrics ? std::optional(*item.sealedBiometrics) : std::nullopt,
                                    item.quotaIndex);
}

Result<store::Acknowledgement> acknowledgementFor(const store::OutboxItem &item, const QJsonObject &receiptJson,
                                                  const crypto::Ed25519PublicKey &receiptKey)
{
    auto receipt = protocol::receiptFromJson(receiptJson);
    if (!receipt)
        return receipt.error();
    if (Status ok = protocol::verifyReceipt(*receipt, receiptKey, item.recordId, item.payload); !ok)
        return ok.error();
    return store::Acknowledgement{item.recordId, std::string(protocol::decisionName(receipt->decision)),
                                  receipt->activeCount, protocol::compact(receiptJson).toStdString()};
}

protocol::ReviewPayload reviewPayloadOf(const store::Review &review, const store::Keyring &keys,
                                        const std::string &storeId)
{
    return protocol::ReviewPayload{review.reviewId,
                                   review.registrationId,
                                   protocol::deviceIdOf(keys.publicKeys.device),
                                   storeId,
                                   review.decidedAt,
                                   "staff:" + std::to_string(review.reviewerId),
                                   std::string(core::reviewDecisionName(review.decision)),
                                   review.reason};
}

} // namespace simkyc::sync
