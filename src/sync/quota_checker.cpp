#include "sync/quota_checker.h"

#include "protocol/protocol.h"
#include "protocol/quota_check.h"
#include "sync/sync_settings.h"

namespace simkyc::sync {

std::string_view quotaVerdictName(QuotaVerdict verdict)
{
    switch (verdict) {
    case QuotaVerdict::Allowed: return "allowed";
    case QuotaVerdict::Refused: return "refused";
    case QuotaVerdict::Unconfirmed: return "unconfirmed";
    }
    return "unconfirmed";
}

void checkQuotaOnline(store::Database &db, const store::Keyring &keys, UpstreamClient &client,
                      std::string_view idNumber, std::function<void(const QuotaCheckResult &)> done)
{
    const auto unconfirmed = [&done](std::string why) {
        done(QuotaCheckResult{QuotaVerdict::Unconfirmed, 0, 0, std::move(why)});
    };
    auto enrolment = loadEnrolment(db, keys);
    if (!enrolment)
        return unconfirmed("store: " + enrolment.error().message);
    if (!*enrolment)
        return unconfirmed("not_enrolled");
    auto index = protocol::quotaIndexOf((*enrolment)->quotaKey, idNumber);
    if (!index)
        return unconfirmed("quota_index: " + index.error().message);
    auto asked = protocol::signQuotaCheck(keys.devicePrivate, protocol::deviceIdOf(keys.publicKeys.device), *index);
    if (!asked)
        return unconfirmed("sign: " + asked.error().message);
    const crypto::Ed25519PublicKey receiptKey = (*enrolment)->receiptKey;
    client.post(QStringLiteral("/v1/quota-checks"), protocol::compact(protocol::toJson(*asked)),
                [done = std::move(done), asked = *asked, receiptKey](const HttpResponse &response) {
                    QuotaCheckResult result;
                    if (response.status != 200) {
                        result.why = response.status == 0 ? "network: " + response.errorText.toStdString()
                                                          : "http_" + std::to_string(response.status);
                        return done(result);
                    }
                    auto body = protocol::parseObject(response.body);
                    auto answer =
                        body ? protocol::quotaAnswerFromJson(*body) : Result<protocol::QuotaAnswer>(body.error());
                    Status verified =
                        answer ? protocol::verifyQuotaAnswer(*answer, receiptKey, asked) : Status(answer.error());
                    if (!verified) {
                        result.why = "answer_invalid: " + verified.error().message;
                        return done(result);
                    }
                    result.verdict = answer->allowed ? QuotaVerdict::Allowed : QuotaVerdict::Refused;
                    result.activeCount = answer->activeCount;
                    result.limit = answer->limit;
                    done(result);
                });
}

} // namespace simkyc::sync
