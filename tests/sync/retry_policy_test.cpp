#include "sync/retry_policy.h"

#include <gtest/gtest.h>

namespace simkyc::sync {
namespace {

using std::chrono::milliseconds;

TEST(Backoff, GrowsGeometricallyUpToTheCap)
{
    const BackoffPolicy p{milliseconds(100), milliseconds(5000), 2.0, 0.0};
    EXPECT_EQ(backoffDelay(p, 0, 0.5), milliseconds(100));
    EXPECT_EQ(backoffDelay(p, 1, 0.5), milliseconds(200));
    EXPECT_EQ(backoffDelay(p, 3, 0.5), milliseconds(800));
    EXPECT_EQ(backoffDelay(p, 10, 0.5), milliseconds(5000));
    EXPECT_EQ(backoffDelay(p, 1000000, 0.5), milliseconds(5000));
}

TEST(Backoff, JitterStaysWithinItsBand)
{
    const BackoffPolicy p{milliseconds(1000), milliseconds(60000), 2.0, 0.5};
    EXPECT_EQ(backoffDelay(p, 2, 0.0), milliseconds(2000));
    EXPECT_EQ(backoffDelay(p, 2, 0.5), milliseconds(4000));
    EXPECT_NEAR(static_cast<double>(backoffDelay(p, 2, 0.999).count()), 6000.0, 10.0);
}

HttpResponse answer(int status, const char *body, std::optional<int> retryAfter = std::nullopt)
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    r.retryAfterS = retryAfter;
    return r;
}

TEST(Classify, FollowsTheErrorTableOfTheProtocol)
{
    EXPECT_EQ(classify(answer(200, "{}")).verdict, Verdict::Acknowledge);
    EXPECT_EQ(classify(answer(500, R"({"error":"internal","message":"x"})")).verdict, Verdict::Retry);
    EXPECT_EQ(classify(answer(503, "not json")).verdict, Verdict::Retry);
    const Classified limited = classify(answer(429, R"({"error":"rate_limited"})", 7));
    EXPECT_EQ(limited.verdict, Verdict::Retry);
    ASSERT_TRUE(limited.retryAfter);
    EXPECT_EQ(limited.retryAfter->count(), 7);
    EXPECT_EQ(classify(answer(403, R"({"error":"device_not_enrolled"})")).verdict, Verdict::Reenrol);
    EXPECT_EQ(classify(answer(403, R"({"error":"certificate_mismatch"})")).verdict, Verdict::Park);
    const Classified conflict = classify(answer(409, R"({"error":"conflict","message":"another body"})"));
    EXPECT_EQ(conflict.verdict, Verdict::Park);
    EXPECT_EQ(conflict.error, "conflict: another body");
    EXPECT_EQ(classify(answer(422, R"({"error":"bad_signature"})")).verdict, Verdict::Park);
    EXPECT_EQ(classify(answer(400, R"({"error":"bad_request"})")).verdict, Verdict::Park);
    EXPECT_EQ(classify(answer(413, R"({"error":"too_large"})")).verdict, Verdict::ShrinkBatch);
}

TEST(Classify, TransportFailuresRetryAndAnUntrustedServerStopsTheRun)
{
    HttpResponse refused;
    refused.networkError = true;
    refused.errorText = "Connection refused";
    EXPECT_EQ(classify(refused).verdict, Verdict::Retry);
    HttpResponse untrusted = refused;
    untrusted.serverUntrusted = true;
    untrusted.errorText = "The issuer certificate of a locally looked up certificate could not be found";
    const Classified c = classify(untrusted);
    EXPECT_EQ(c.verdict, Verdict::StopRun);
    EXPECT_EQ(c.error.rfind("upstream_certificate_untrusted", 0), 0U);
}

} // namespace
} // namespace simkyc::sync
