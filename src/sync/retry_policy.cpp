#include "sync/retry_policy.h"

#include "protocol/protocol.h"

#include <algorithm>
#include <cmath>

namespace simkyc::sync {

std::chrono::milliseconds backoffDelay(const BackoffPolicy &p, long long attempts, double random01)
{
    const double exponent = static_cast<double>(std::clamp<long long>(attempts, 0, 60));
    const double raw = static_cast<double>(p.base.count()) * std::pow(p.factor, exponent);
    const double capped = std::min(raw, static_cast<double>(p.cap.count()));
    const double scale = 1.0 - p.jitter + 2.0 * p.jitter * std::clamp(random01, 0.0, 1.0);
    return std::chrono::milliseconds(static_cast<long long>(std::max(1.0, capped * scale)));
}

Classified classifyItem(int status, const QString &errorCode, const QString &message)
{
    const std::string text = (errorCode.isEmpty() ? QStringLiteral("http_%1").arg(status) : errorCode).toStdString() +
                             ": " + message.left(200).toStdString();
    if (status == 200 || status == 201)
        return {Verdict::Acknowledge, {}, std::nullopt};
    if (status == 403 && errorCode == QLatin1String("device_not_enrolled"))
        return {Verdict::Reenrol, text, std::nullopt};
    if (status == 413)
        return {Verdict::ShrinkBatch, text, std::nullopt};
    if (status == 408 || status == 429 || status >= 500 || status == 0)
        return {Verdict::Retry, text, std::nullopt};
    // 400 bad_request, 403 certificate_mismatch, 404, 409 conflict, 422 bad_signature, other 4xx.
    return {Verdict::Park, text, std::nullopt};
}

Classified classify(const HttpResponse &r)
{
    if (r.serverUntrusted)
        return {Verdict::StopRun, "upstream_certificate_untrusted: " + r.errorText.toStdString(), std::nullopt};
    if (r.networkError && r.status == 0)
        return {Verdict::Retry, "network: " + r.errorText.toStdString(), std::nullopt};
    QString code;
    QString message;
    if (auto body = protocol::parseObject(r.body)) {
        code = body->value("error").toString();
        message = body->value("message").toString();
    }
    Classified c = classifyItem(r.status, code, message);
    if (r.retryAfterS && c.verdict == Verdict::Retry)
        c.retryAfter = std::chrono::seconds(std::clamp(*r.retryAfterS, 0, 3600));
    return c;
}

} // namespace simkyc::sync
