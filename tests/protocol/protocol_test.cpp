#include "protocol/protocol.h"

#include "crypto/seal.h"

#include <gtest/gtest.h>

#include <QJsonArray>

#include <cstring>

namespace simkyc::protocol {
namespace {

struct Fixture : ::testing::Test {
    crypto::Ed25519KeyPair device = crypto::generateEd25519KeyPair().value();
    crypto::Ed25519KeyPair server = crypto::generateEd25519KeyPair().value();
    Bytes pii = Bytes(300, 7);
    Bytes biometrics = Bytes(5000, 9);

    RegistrationPayload payload() const
    {
        RegistrationPayload p;
        p.recordId = "019d3c4e-8a1b-7c2d-9e3f-0a1b2c3d4e5f";
        p.deviceId = deviceIdOf(device.publicKey);
        p.storeId = "store-1";
        p.createdAt = "2026-11-28T02:00:00.000Z";
        p.clerk = "staff:3";
        p.status = "recorded";
        p.outcome = "match";
        p.reasonCodes = {"liveness_ok", "match_ok"};
        p.matchDistance = 0.4125;
        p.liveness = "passed";
        p.piiSha256 = crypto::toHex(crypto::sha256(pii));
        p.piiSize = static_cast<std::int64_t>(pii.size());
        p.biometricsSha256 = crypto::toHex(crypto::sha256(biometrics));
        p.biometricsSize = static_cast<std::int64_t>(biometrics.size());
        return p;
    }

    Submission submission(std::optional<std::string> quota = std::string(64, 'a')) const
    {
        return signSubmission(device.privateKey, serialisePayload(payload()), pii, biometrics, quota).value();
    }
};

TEST_F(Fixture, PayloadRoundTripsThroughItsBytes)
{
    const Bytes bytes = serialisePayload(payload());
    auto parsed = parsePayload(bytes);
    ASSERT_TRUE(parsed) << parsed.error().toString();
    EXPECT_EQ(parsed->recordId, payload().recordId);
    EXPECT_EQ(parsed->reasonCodes, payload().reasonCodes);
    EXPECT_EQ(parsed->matchDistance, 0.4125);
    EXPECT_EQ(parsed->outcome, "match");
    EXPECT_EQ(serialisePayload(*parsed), bytes); // deterministic
}

TEST_F(Fixture, APayloadWithAStatusOrOutcomeOutsideTheRegistryIsMalformed)
{
    // The carrier counts a person's numbers from these two fields (core/quota.h): a forged "approved"
    // or an empty outcome must not pass as something the quota rule has not heard of.
    RegistrationPayload p = payload();
    p.outcome = "approved";
    EXPECT_EQ(parsePayload(serialisePayload(p)).error().code, ErrorCode::InvalidFormat);
    p = payload();
    p.status = "issued";
    EXPECT_EQ(parsePayload(serialisePayload(p)).error().code, ErrorCode::InvalidFormat);
    p.status = "manual_review";
    EXPECT_EQ(parsePayload(serialisePayload(p)).error().code, ErrorCode::InvalidFormat)
        << "a hand-over with a failure outcome would be stored uncounted, then approved";
    p.outcome.reset();
    EXPECT_TRUE(parsePayload(serialisePayload(p)).ok());
    p.status = "recorded";
    EXPECT_EQ(parsePayload(serialisePayload(p)).error().code, ErrorCode::InvalidFormat) << "recorded, no outcome";
}

TEST_F(Fixture, PayloadWithoutFaceDataHasNullFields)
{
    RegistrationPayload p = payload();
    p.status = "manual_review"; // the manual check: no face data, no outcome yet
    p.outcome.reset();
    p.matchDistance.reset();
    p.biometricsSha256.reset();
    p.biometricsSize = 0;
    auto parsed = parsePayload(serialisePayload(p));
    ASSERT_TRUE(parsed) << parsed.error().toString();
    EXPECT_FALSE(parsed->outcome);
    EXPECT_FALSE(parsed->matchDistance);
    EXPECT_FALSE(parsed->biometricsSha256);
}

TEST_F(Fixture, MalformedPayloadsAreRejected)
{
    for (const char *text : {"", "[]", "{}", "{\"v\":2}", "not json"})
        EXPECT_FALSE(parsePayload(Bytes(text, text + std::strlen(text)))) << text;
    QJsonObject o = parseObject(QByteArray::fromStdString(
                                    std::string(reinterpret_cast<const char *>(serialisePayload(payload()).data()),
                                                serialisePayload(payload()).size())))
                        .value();
    o["pii_sha256"] = "XYZ";
    const QByteArray bad = compact(o);
    EXPECT_FALSE(parsePayload(Bytes(bad.begin(), bad.end())));
}

TEST_F(Fixture, SubmissionVerifiesAfterAJsonRoundTrip)
{
    auto parsed = submissionFromJson(parseObject(compact(toJson(submission()))).value());
    ASSERT_TRUE(parsed) << parsed.error().toString();
    auto verified = verifySubmission(*parsed, device.publicKey);
    ASSERT_TRUE(verified) << verified.error().toString();
    EXPECT_EQ(verified->recordId, payload().recordId);
}

TEST_F(Fixture, TamperedSubmissionsFail)
{
    {
        Submission s = submission();
        s.payload[10] ^= 1;
        EXPECT_EQ(verifySubmission(s, device.publicKey).error().code, ErrorCode::CryptoFailure);
    }
    {
        Submission s = submission();
        s.quotaIndex = std::string(64, 'b');
        EXPECT_EQ(verifySubmission(s, device.publicKey).error().code, ErrorCode::CryptoFailure);
    }
    {
        Submission s = submission();
        s.pii[0] ^= 1;
        EXPECT_EQ(verifySubmission(s, device.publicKey).error().code, ErrorCode::InvalidFormat);
    }
    {
        Submission s = submission();
        s.biometrics.reset();
        EXPECT_EQ(verifySubmission(s, device.publicKey).error().code, ErrorCode::InvalidFormat);
    }
    // Signed by another device.
    EXPECT_EQ(verifySubmission(submission(), server.publicKey).error().code, ErrorCode::CryptoFailure);
}

TEST_F(Fixture, SubmissionJsonRejectsBadFields)
{
    QJsonObject o = toJson(submission());
    o["signature"] = "AAAA";
    EXPECT_FALSE(submissionFromJson(o));
    o = toJson(submission());
    o["payload"] = "***";
    EXPECT_FALSE(submissionFromJson(o));
    o = toJson(submission());
    o["quota_index"] = "12";
    EXPECT_FALSE(submissionFromJson(o));
    o = toJson(submission(std::nullopt));
    auto noQuota = submissionFromJson(o);
    ASSERT_TRUE(noQuota);
    EXPECT_FALSE(noQuota->quotaIndex);
    EXPECT_TRUE(verifySubmission(*noQuota, device.publicKey));
}

TEST_F(Fixture, ReceiptSignsVerifiesAndBindsRecordAndPayload)
{
    const Submission s = submission();
    Receipt r{payload().recordId,
              Decision::Accepted,
              1,
              "2026-11-28T02:00:01.000Z",
              crypto::toHex(crypto::sha256(s.payload)),
              "",
              {}};
    ASSERT_TRUE(signReceipt(r, server.privateKey, server.publicKey));
    auto parsed = receiptFromJson(parseObject(compact(toJson(r))).value());
    ASSERT_TRUE(parsed) << parsed.error().toString();
    EXPECT_TRUE(verifyReceipt(*parsed, server.publicKey, payload().recordId, s.payload));
    EXPECT_EQ(verifyReceipt(*parsed, device.publicKey, payload().recordId, s.payload).error().code,
              ErrorCode::CryptoFailure);
    EXPECT_EQ(verifyReceipt(*parsed, server.publicKey, "other", s.payload).error().code, ErrorCode::InvalidArgument);
    Bytes other = s.payload;
    other.push_back(' ');
    EXPECT_EQ(verifyReceipt(*parsed, server.publicKey, payload().recordId, other).error().code,
              ErrorCode::InvalidArgument);
    Receipt altered = *parsed;
    altered.decision = Decision::QuotaExceeded;
    EXPECT_FALSE(verifyReceipt(altered, server.publicKey, payload().recordId, s.payload));
    altered = *parsed;
    altered.activeCount = 2;
    EXPECT_FALSE(verifyReceipt(altered, server.publicKey, payload().recordId, s.payload));
}

TEST_F(Fixture, EnrolmentRoundTrips)
{
    EnrolmentRequest request{deviceIdOf(device.publicKey), "store-1", device.publicKey, "tok"};
    auto parsed = enrolmentRequestFromJson(toJson(request));
    ASSERT_TRUE(parsed) << parsed.error().toString();
    EXPECT_EQ(parsed->signingKey, device.publicKey);
    request.deviceId = deviceIdOf(server.publicKey);
    EXPECT_FALSE(enrolmentRequestFromJson(toJson(request)));

    EnrolmentResponse response{"dev-x", "store-1", "2026-11-28T02:00:00.000Z", server.publicKey,
                               crypto::SecureBytes(Bytes(32, 5))};
    auto back = enrolmentResponseFromJson(toJson(response));
    ASSERT_TRUE(back) << back.error().toString();
    EXPECT_EQ(back->receiptKey, server.publicKey);
    EXPECT_TRUE(back->quotaKey.equals(Bytes(32, 5)));
}

TEST_F(Fixture, QuotaIndexIsKeyedAndNormalised)
{
    const crypto::SecureBytes k1(Bytes(32, 1));
    const crypto::SecureBytes k2(Bytes(32, 2));
    EXPECT_EQ(quotaIndexOf(k1, "11010519491231002x").value(), quotaIndexOf(k1, "11010519491231002X").value());
    EXPECT_NE(quotaIndexOf(k1, "11010519491231002X").value(), quotaIndexOf(k2, "11010519491231002X").value());
    EXPECT_EQ(quotaIndexOf(k1, "11010519491231002X")->size(), 64U);
}

TEST(DeviceId, IsDerivedFromTheKey)
{
    const auto a = crypto::generateEd25519KeyPair().value();
    EXPECT_EQ(deviceIdOf(a.publicKey).size(), 36U);
    EXPECT_EQ(deviceIdOf(a.publicKey).rfind("dev-", 0), 0U);
    EXPECT_EQ(keyIdOf(a.publicKey).size(), 16U);
}

ReviewPayload sampleReview(const crypto::Ed25519PublicKey &device)
{
    return ReviewPayload{"019d3c4f-0000-7000-8000-000000000001",
                         "019d3c4e-8a1b-7c2d-9e3f-0a1b2c3d4e5f",
                         deviceIdOf(device),
                         "store-1",
                         "2026-11-28T18:00:00.000Z",
                         "staff:2",
                         "manual_approved",
                         "documents_checked_in_person"};
}

TEST_F(Fixture, AReviewRoundTripsDeterministicallyAndItsSignatureBindsTheBytes)
{
    const Bytes bytes = serialiseReview(sampleReview(device.publicKey));
    auto parsed = parseReview(bytes);
    ASSERT_TRUE(parsed) << parsed.error().toString();
    EXPECT_EQ(parsed->decision, "manual_approved");
    EXPECT_EQ(serialiseReview(*parsed), bytes) << "the same bytes on every try";
    auto signedReview = signReview(device.privateKey, bytes);
    ASSERT_TRUE(signedReview);
    auto back = reviewSubmissionFromJson(toJson(*signedReview));
    ASSERT_TRUE(back) << back.error().toString();
    auto verified = verifyReviewSubmission(*back, device.publicKey);
    ASSERT_TRUE(verified) << verified.error().toString();
    EXPECT_EQ(verified->reviewId, sampleReview(device.publicKey).reviewId);
    // Another key, or one changed byte, does not verify.
    EXPECT_EQ(verifyReviewSubmission(*back, server.publicKey).error().code, ErrorCode::CryptoFailure);
    ReviewSubmission tampered = *back;
    tampered.review[tampered.review.size() / 2] ^= 1;
    EXPECT_FALSE(verifyReviewSubmission(tampered, device.publicKey));
}

TEST_F(Fixture, AReviewWithAnUnknownDecisionOrFreeTextIsRefused)
{
    ReviewPayload r = sampleReview(device.publicKey);
    r.decision = "deleted";
    EXPECT_FALSE(parseReview(serialiseReview(r)));
    r = sampleReview(device.publicKey);
    r.reason = "Looked fine to me";
    EXPECT_FALSE(parseReview(serialiseReview(r)));
    r = sampleReview(device.publicKey);
    r.recordId.clear();
    EXPECT_FALSE(parseReview(serialiseReview(r)));
    // Another device's review, signed with this device's key: refused.
    r = sampleReview(server.publicKey);
    auto other = signReview(device.privateKey, serialiseReview(r));
    ASSERT_TRUE(other);
    EXPECT_FALSE(verifyReviewSubmission(*other, device.publicKey));
    EXPECT_FALSE(parseReview(Bytes{'{', '}'}));
}

TEST_F(Fixture, AReviewReceiptVerifiesOnlyForTheReviewAndBytesSent)
{
    const ReviewPayload sent = sampleReview(device.publicKey);
    const Bytes bytes = serialiseReview(sent);
    ReviewReceipt receipt{
        sent.reviewId, sent.recordId, "2026-11-28T18:00:02.000Z", crypto::toHex(crypto::sha256(bytes)), {}, {}};
    ASSERT_TRUE(signReviewReceipt(receipt, server.privateKey, server.publicKey));
    auto back = reviewReceiptFromJson(toJson(receipt));
    ASSERT_TRUE(back) << back.error().toString();
    EXPECT_TRUE(verifyReviewReceipt(*back, server.publicKey, sent, bytes));
    EXPECT_EQ(verifyReviewReceipt(*back, device.publicKey, sent, bytes).error().code, ErrorCode::CryptoFailure);
    ReviewPayload other = sent;
    other.reviewId = "019d3c4f-0000-7000-8000-000000000002";
    EXPECT_EQ(verifyReviewReceipt(*back, server.publicKey, other, serialiseReview(other)).error().code,
              ErrorCode::InvalidArgument);
    Bytes changed = bytes;
    changed.push_back(' ');
    EXPECT_EQ(verifyReviewReceipt(*back, server.publicKey, sent, changed).error().code, ErrorCode::InvalidArgument);
    ReviewReceipt forged = *back;
    forged.serverTime = "2026-11-29T00:00:00.000Z";
    EXPECT_FALSE(verifyReviewReceipt(forged, server.publicKey, sent, bytes));
}

} // namespace
} // namespace simkyc::protocol
