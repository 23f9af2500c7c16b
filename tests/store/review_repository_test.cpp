// The manager's reviews: manual decisions move a manual_review record to its outcome, approve/flag
// leave the outcome; only managers; reasons from the list; append-only; audited; all or nothing.
// And the review thumbnail's audited read.
#include "store/audit_log.h"
#include "store/review_repository.h"
#include "store_fixture.h"

#include <gtest/gtest.h>

namespace simkyc::store {
namespace {

using core::ReviewDecision;
using test::sampleRegistration;

class ReviewTest : public test::StoreFixture {
protected:
    void SetUp() override
    {
        test::StoreFixture::SetUp();
        StaffRepository staff(*m_db, test::kCheapScrypt);
        auto manager = staff.add("manager1", StaffRole::Manager, "manager-password");
        ASSERT_TRUE(manager) << manager.error().toString();
        m_managerId = manager->id;
    }

    std::string insert(core::RegistrationState status, std::optional<core::Decision> outcome)
    {
        NewRegistration r = sampleRegistration(m_clerkId);
        r.status = status;
        r.outcome = outcome;
        auto id = repository().insert(r);
        EXPECT_TRUE(id) << id.error().toString();
        return id ? *id : std::string();
    }

    std::int64_t m_managerId = 0;
};

TEST_F(ReviewTest, AManualDecisionGivesTheHandedOverRecordItsOutcome)
{
    const std::string id = insert(core::RegistrationState::ManualReview, std::nullopt);
    ReviewRepository reviews(*m_db);
    auto review = reviews.record(id, m_managerId, ReviewDecision::ManualApproved, "documents_checked_in_person");
    ASSERT_TRUE(review) << review.error().toString();
    EXPECT_GT(review->id, 0);
    auto summary = repository().summary(id);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->status, "recorded");
    EXPECT_EQ(summary->outcome, "manual_approved");
    // Decided once: a second manual decision does not fit a recorded record; approve/flag does.
    EXPECT_FALSE(reviews.record(id, m_managerId, ReviewDecision::ManualRejected, "customer_left"));
    ASSERT_TRUE(reviews.record(id, m_managerId, ReviewDecision::Flagged, "document_suspect"));
    auto all = reviews.forRecord(id);
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[0].decision, ReviewDecision::ManualApproved);
    EXPECT_EQ((*all)[1].decision, ReviewDecision::Flagged);
    EXPECT_EQ((*all)[1].reason, "document_suspect");
    EXPECT_EQ((*all)[1].reviewerId, m_managerId);
    auto latest = reviews.latest(id);
    ASSERT_TRUE(latest && latest->has_value());
    EXPECT_EQ((*latest)->id, (*all)[1].id);
}

TEST_F(ReviewTest, ApproveAndFlagLeaveTheKiosksOutcome)
{
    const std::string id = insert(core::RegistrationState::Recorded, core::Decision::NoMatch);
    ReviewRepository reviews(*m_db);
    ASSERT_TRUE(reviews.record(id, m_managerId, ReviewDecision::Approved, "checked"));
    auto summary = repository().summary(id);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->status, "recorded");
    EXPECT_EQ(summary->outcome, "no_match");
    // A kiosk-decided record cannot be given a manual outcome.
    auto manual = reviews.record(id, m_managerId, ReviewDecision::ManualApproved, "documents_checked_in_person");
    ASSERT_FALSE(manual);
    EXPECT_EQ(manual.error().code, ErrorCode::InvalidArgument);
}

TEST_F(ReviewTest, RefusedReviewsWriteNothing)
{
    const std::string handed = insert(core::RegistrationState::ManualReview, std::nullopt);
    ReviewRepository reviews(*m_db);
    const std::int64_t audits = *m_db->queryInt64("SELECT COUNT(*) FROM audit_log");
    // A clerk may not review; an unknown reviewer neither.
    EXPECT_FALSE(reviews.record(handed, m_clerkId, ReviewDecision::ManualApproved, "documents_checked_in_person"));
    EXPECT_FALSE(reviews.record(handed, 9999, ReviewDecision::ManualApproved, "documents_checked_in_person"));
    // A handed-over record needs the manual decision, with one of its reasons.
    EXPECT_FALSE(reviews.record(handed, m_managerId, ReviewDecision::Approved, "checked"));
    EXPECT_FALSE(reviews.record(handed, m_managerId, ReviewDecision::ManualRejected, "checked"));
    EXPECT_FALSE(reviews.record(handed, m_managerId, ReviewDecision::ManualRejected, "because I say so"));
    auto unknown =
        reviews.record("0190f000-0000-7000-8000-000000000000", m_managerId, ReviewDecision::Approved, "checked");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::NotFound);
    EXPECT_EQ(*m_db->queryInt64("SELECT COUNT(*) FROM reviews"), 0);
    EXPECT_EQ(*m_db->queryInt64("SELECT COUNT(*) FROM audit_log"), audits);
    EXPECT_EQ(repository().summary(handed)->status, "manual_review");
}

TEST_F(ReviewTest, EveryDecisionIsAuditedAndReviewsCannotBeEdited)
{
    const std::string id = insert(core::RegistrationState::Recorded, core::Decision::Match);
    ReviewRepository reviews(*m_db);
    ASSERT_TRUE(reviews.record(id, m_managerId, ReviewDecision::Flagged, "photo_mismatch"));
    auto s =
        m_db->prepare("SELECT actor, detail FROM audit_log WHERE action = 'registration.review' AND record_id = ?");
    ASSERT_TRUE(s);
    ASSERT_TRUE(s->bindText(1, id));
    ASSERT_EQ(*s->step(), StepResult::Row);
    EXPECT_EQ(s->columnText(0), "staff:" + std::to_string(m_managerId));
    EXPECT_EQ(s->columnText(1), "decision=flagged,reason=photo_mismatch");
    EXPECT_FALSE(m_db->exec("UPDATE reviews SET decision = 'approved'"));
    EXPECT_EQ(reviews.latest(id)->value().decision, ReviewDecision::Flagged);
    auto chain = verifyAuditChain(*m_db);
    ASSERT_TRUE(chain);
    EXPECT_TRUE(chain->ok);
}

TEST_F(ReviewTest, TheReviewThumbnailIsReadOnlyWithAnAuditEntry)
{
    const std::string id = insert(core::RegistrationState::Recorded, core::Decision::Match);
    RegistrationRepository repo = repository();
    auto thumbnail = repo.readReviewThumbnail(id, "staff:2", "record_detail");
    ASSERT_TRUE(thumbnail) << thumbnail.error().toString();
    ASSERT_TRUE(thumbnail->has_value());
    EXPECT_EQ(**thumbnail, sampleRegistration(m_clerkId).reviewThumbnail);
    EXPECT_EQ(*m_db->queryInt64("SELECT COUNT(*) FROM audit_log WHERE action = 'biometrics.read' AND "
                                "detail = 'reason=record_detail'"),
              1);
    EXPECT_FALSE(repo.readReviewThumbnail(id, "staff:2", "")); // no reason, no picture
    // Gone once the biometrics expired (retention deletes the row): nothing read, nothing audited.
    ASSERT_TRUE(m_db->exec("DELETE FROM biometrics"));
    auto gone = repo.readReviewThumbnail(id, "staff:2", "record_detail");
    ASSERT_TRUE(gone);
    EXPECT_FALSE(gone->has_value());
    EXPECT_EQ(*m_db->queryInt64("SELECT COUNT(*) FROM audit_log WHERE action = 'biometrics.read'"), 1);
    EXPECT_EQ(repo.readReviewThumbnail("0190f000-0000-7000-8000-000000000000", "staff:2", "record_detail").error().code,
              ErrorCode::NotFound);
}

TEST_F(ReviewTest, AReviewIsUploadedOnlyAfterItsRegistrationAndItsStateMovesOnce)
{
    const std::string id = insert(core::RegistrationState::ManualReview, std::nullopt);
    ReviewRepository reviews(*m_db);
    auto review = reviews.record(id, m_managerId, ReviewDecision::ManualRejected, "customer_left");
    ASSERT_TRUE(review) << review.error().toString();
    EXPECT_EQ(review->reviewId.size(), 36u);
    EXPECT_EQ(reviews.upload(review->reviewId)->state, "pending");
    const auto later = Clock::now() + std::chrono::seconds(1);
    // The carrier does not hold the registration yet: nothing to send.
    EXPECT_TRUE(reviews.dueForUpload(later, 10)->empty());
    ASSERT_TRUE(m_db->exec("UPDATE registrations SET sync_state = 'acknowledged'"));
    auto due = reviews.dueForUpload(later, 10);
    ASSERT_TRUE(due);
    ASSERT_EQ(due->size(), 1u);
    EXPECT_EQ((*due)[0].reviewId, review->reviewId);
    EXPECT_EQ((*due)[0].decision, ReviewDecision::ManualRejected);

    // A retry waits until its time; parking and acknowledging end it.
    ASSERT_TRUE(reviews.retryUpload(review->reviewId, "unavailable", later + std::chrono::minutes(1)));
    EXPECT_TRUE(reviews.dueForUpload(later, 10)->empty());
    EXPECT_EQ(reviews.dueForUpload(later + std::chrono::minutes(2), 10)->size(), 1u);
    EXPECT_EQ(reviews.upload(review->reviewId)->attempts, 1);
    ASSERT_TRUE(reviews.acknowledgeUpload(review->reviewId, "{\"v\":1}"));
    EXPECT_EQ(reviews.upload(review->reviewId)->state, "acknowledged");
    EXPECT_TRUE(reviews.dueForUpload(later + std::chrono::minutes(2), 10)->empty());
    EXPECT_FALSE(reviews.parkUpload(review->reviewId, "conflict")) << "an acknowledged review stays so";
    EXPECT_EQ(reviews.upload(review->reviewId)->state, "acknowledged");
    EXPECT_EQ(reviews.upload("0190f000-0000-7000-8000-000000000000").error().code, ErrorCode::NotFound);
}

TEST_F(ReviewTest, AParkedReviewIsNotSentAgain)
{
    const std::string id = insert(core::RegistrationState::Recorded, core::Decision::Match);
    ReviewRepository reviews(*m_db);
    auto review = reviews.record(id, m_managerId, ReviewDecision::Approved, "checked");
    ASSERT_TRUE(review);
    ASSERT_TRUE(m_db->exec("UPDATE registrations SET sync_state = 'quota_exceeded'"));
    ASSERT_EQ(reviews.dueForUpload(Clock::now() + std::chrono::seconds(1), 10)->size(), 1u);
    ASSERT_TRUE(reviews.parkUpload(review->reviewId, "bad_request: decision does not fit"));
    EXPECT_EQ(reviews.upload(review->reviewId)->state, "parked");
    EXPECT_TRUE(reviews.dueForUpload(Clock::now() + std::chrono::hours(1), 10)->empty());
    ASSERT_TRUE(reviews.record(id, m_managerId, ReviewDecision::Flagged, "other"));
    auto counts = reviews.uploadCounts();
    ASSERT_TRUE(counts);
    EXPECT_EQ(counts->pending, 1);
    EXPECT_EQ(counts->parked, 1);
    EXPECT_EQ(counts->acknowledged, 0);
}

TEST_F(ReviewTest, ARecordsReviewsAreUploadedInTheOrderTheyWereMade)
{
    const std::string id = insert(core::RegistrationState::ManualReview, std::nullopt);
    ReviewRepository reviews(*m_db);
    auto first = reviews.record(id, m_managerId, ReviewDecision::ManualApproved, "documents_checked_in_person");
    auto second = reviews.record(id, m_managerId, ReviewDecision::Flagged, "document_suspect");
    ASSERT_TRUE(first && second);
    ASSERT_TRUE(m_db->exec("UPDATE registrations SET sync_state = 'acknowledged'"));
    const auto later = Clock::now() + std::chrono::seconds(1);
    auto due = reviews.dueForUpload(later, 10);
    ASSERT_EQ(due->size(), 1u) << "the flag waits for the identity decision";
    EXPECT_EQ((*due)[0].reviewId, first->reviewId);
    ASSERT_TRUE(reviews.retryUpload(first->reviewId, "unavailable", later));
    due = reviews.dueForUpload(later, 10);
    ASSERT_EQ(due->size(), 1u) << "still waiting while the first is retried";
    EXPECT_EQ((*due)[0].reviewId, first->reviewId);
    ASSERT_TRUE(reviews.acknowledgeUpload(first->reviewId, "{}"));
    due = reviews.dueForUpload(later, 10);
    ASSERT_EQ(due->size(), 1u);
    EXPECT_EQ((*due)[0].reviewId, second->reviewId);
}

} // namespace
} // namespace simkyc::store
