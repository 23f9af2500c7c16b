// The carrier's signed findings (protocol/finding.h): what a kiosk may believe and store.
#include "protocol/finding.h"

#include <gtest/gtest.h>

namespace simkyc::protocol {
namespace {

struct FindingTest : ::testing::Test {
    crypto::Ed25519KeyPair receipt = crypto::generateEd25519KeyPair().value();
    Finding finding{
        "0190f000-0000-7000-8000-000000000001", std::string(kDuplicateFace), "2026-12-07T04:00:00.000Z", {}, {}};
    void SetUp() override { ASSERT_TRUE(signFinding(finding, receipt.privateKey, receipt.publicKey)); }
};

TEST_F(FindingTest, ASignedFindingSurvivesJsonAndVerifies)
{
    auto back = findingFromJson(toJson(finding));
    ASSERT_TRUE(back) << back.error().toString();
    EXPECT_EQ(back->recordId, finding.recordId);
    EXPECT_TRUE(verifyFinding(*back, receipt.publicKey));
}

TEST_F(FindingTest, AFindingMovedToAnotherRecordOrForgedDoesNotVerify)
{
    // The attack: a colluding clerk (or anyone on the path) plants a "duplicate" on an honest
    // customer's record, or copies a real one onto another record.
    Finding moved = finding;
    moved.recordId = "0190f000-0000-7000-8000-000000000002";
    EXPECT_EQ(verifyFinding(moved, receipt.publicKey).error().code, ErrorCode::CryptoFailure);
    const auto other = crypto::generateEd25519KeyPair().value();
    Finding forged = finding;
    ASSERT_TRUE(signFinding(forged, other.privateKey, other.publicKey));
    EXPECT_FALSE(verifyFinding(forged, receipt.publicKey)) << "signed, but not by the carrier";
}

TEST_F(FindingTest, UnknownKindsAndMissingFieldsAreRefused)
{
    QJsonObject json = toJson(finding);
    json["kind"] = "something_else";
    EXPECT_EQ(findingFromJson(json).error().code, ErrorCode::InvalidFormat);
    json = toJson(finding);
    json.remove("found_at");
    EXPECT_EQ(findingFromJson(json).error().code, ErrorCode::InvalidFormat);
}

} // namespace
} // namespace simkyc::protocol
