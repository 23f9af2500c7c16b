// The quota check's messages: signed both ways, and an answer only counts for the question asked.
#include "protocol/quota_check.h"

#include "protocol/protocol.h"

#include <gtest/gtest.h>

namespace simkyc::protocol {
namespace {

const std::string kIndex(64, 'a');

struct QuotaCheckTest : ::testing::Test {
    crypto::Ed25519KeyPair device = crypto::generateEd25519KeyPair().value();
    crypto::Ed25519KeyPair carrier = crypto::generateEd25519KeyPair().value();

    QuotaAnswer answerTo(const QuotaCheckRequest &asked, std::int64_t count)
    {
        QuotaAnswer a{asked.quotaIndex, asked.nonce, count, 5, count < 5, "2026-12-07T09:00:00.000Z", {}, {}};
        EXPECT_TRUE(signQuotaAnswer(a, carrier.privateKey, carrier.publicKey));
        return a;
    }
};

TEST_F(QuotaCheckTest, ARequestAndItsAnswerRoundTripAndVerify)
{
    auto asked = signQuotaCheck(device.privateKey, deviceIdOf(device.publicKey), kIndex);
    ASSERT_TRUE(asked) << asked.error().toString();
    auto parsed = quotaCheckRequestFromJson(toJson(*asked));
    ASSERT_TRUE(parsed) << parsed.error().toString();
    EXPECT_TRUE(verifyQuotaCheck(*parsed, device.publicKey));
    EXPECT_EQ(parsed->nonce.size(), 32U);

    auto answer = quotaAnswerFromJson(toJson(answerTo(*parsed, 4)));
    ASSERT_TRUE(answer) << answer.error().toString();
    EXPECT_TRUE(verifyQuotaAnswer(*answer, carrier.publicKey, *asked));
    EXPECT_TRUE(answer->allowed);
}

TEST_F(QuotaCheckTest, ForgedRequestsAndAnswersDoNotVerify)
{
    auto asked = signQuotaCheck(device.privateKey, deviceIdOf(device.publicKey), kIndex);
    ASSERT_TRUE(asked);
    // Another index under the same signature: somebody else's count asked with this device's name.
    QuotaCheckRequest other = *asked;
    other.quotaIndex = std::string(64, 'b');
    EXPECT_EQ(verifyQuotaCheck(other, device.publicKey).error().code, ErrorCode::CryptoFailure);
    auto otherDevice = crypto::generateEd25519KeyPair().value();
    EXPECT_FALSE(verifyQuotaCheck(*asked, otherDevice.publicKey));

    // A full count dressed up as room: the signature no longer holds.
    QuotaAnswer full = answerTo(*asked, 5);
    full.allowed = true;
    EXPECT_EQ(verifyQuotaAnswer(full, carrier.publicKey, *asked).error().code, ErrorCode::CryptoFailure);
    // An answer signed by anyone but the carrier.
    QuotaAnswer self{kIndex, asked->nonce, 0, 5, true, "2026-12-07T09:00:00.000Z", {}, {}};
    ASSERT_TRUE(signQuotaAnswer(self, device.privateKey, device.publicKey));
    EXPECT_EQ(verifyQuotaAnswer(self, carrier.publicKey, *asked).error().code, ErrorCode::CryptoFailure);
}

TEST_F(QuotaCheckTest, AnAnswerRecordedEarlierDoesNotAnswerANewCheck)
{
    // The replay: an "allowed" answer kept from a check when the person had room, played back to
    // the kiosk (a proxy in the shop) after the person's fifth number.
    auto earlier = signQuotaCheck(device.privateKey, deviceIdOf(device.publicKey), kIndex);
    auto now = signQuotaCheck(device.privateKey, deviceIdOf(device.publicKey), kIndex);
    ASSERT_TRUE(earlier && now);
    EXPECT_NE(earlier->nonce, now->nonce);
    const QuotaAnswer recorded = answerTo(*earlier, 1);
    EXPECT_EQ(verifyQuotaAnswer(recorded, carrier.publicKey, *now).error().code, ErrorCode::InvalidArgument);
    // Nor an answer about somebody else.
    QuotaCheckRequest someoneElse = *now;
    someoneElse.quotaIndex = std::string(64, 'c');
    EXPECT_EQ(verifyQuotaAnswer(answerTo(someoneElse, 0), carrier.publicKey, *now).error().code,
              ErrorCode::InvalidArgument);
    // A carrier that signs a contradiction is not believed either.
    QuotaAnswer odd{kIndex, now->nonce, 5, 5, true, "2026-12-07T09:00:00.000Z", {}, {}};
    ASSERT_TRUE(signQuotaAnswer(odd, carrier.privateKey, carrier.publicKey));
    EXPECT_EQ(verifyQuotaAnswer(odd, carrier.publicKey, *now).error().code, ErrorCode::InvalidArgument);
}

TEST_F(QuotaCheckTest, MalformedBodiesAreRefused)
{
    auto asked = signQuotaCheck(device.privateKey, deviceIdOf(device.publicKey), kIndex);
    ASSERT_TRUE(asked);
    QJsonObject json = toJson(*asked);
    json["quota_index"] = QStringLiteral("ABC");
    EXPECT_EQ(quotaCheckRequestFromJson(json).error().code, ErrorCode::InvalidFormat);
    json = toJson(answerTo(*asked, 1));
    json.remove(QStringLiteral("allowed"));
    EXPECT_EQ(quotaAnswerFromJson(json).error().code, ErrorCode::InvalidFormat);
}

} // namespace
} // namespace simkyc::protocol
