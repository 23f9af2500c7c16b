// The manager's reviews: manual decisions move a manual_review record to its outcome, approve/flag
// leave the outcome; only managers; reasons from the list; append-only; audited; all or nothing.
// And the review thumbnail's audited read.
#include "store/audit_log.h"
#include "store/builtin_migrations.h"
#include "store/open_store.h"
#include "store/review_repository.h"
#include "store/staff_repository.h"
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

// Four eyes: a manager who works the counter hands their own registration over (the face did not
// match the ID photo) and approves it themselves; the SIM would go out on one person's word.
TEST_F(ReviewTest, AManagerCannotApproveTheirOwnHandOver)
{
    NewRegistration own = sampleRegistration(m_managerId);
    own.status = core::RegistrationState::ManualReview;
    auto id = repository().insert(own);
    ASSERT_TRUE(id) << id.error().toString();
    ReviewRepository reviews(*m_db);
    auto self = reviews.record(*id, m_managerId, ReviewDecision::ManualApproved, "documents_checked_in_person");
    ASSERT_FALSE(self) << "the manager approved the hand-over they made themselves";
    EXPECT_EQ(self.error().code, ErrorCode::InvalidArgument);
    EXPECT_NE(self.error().message.find("another manager"), std::string::npos) << self.error().message;
    auto summary = repository().summary(*id);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->status, "manual_review") << "nothing written";
    auto none = reviews.forRecord(*id);
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());
    // Rejecting one's own hand-over issues no SIM; a second manager may approve it.
    StaffRepository staff(*m_db, test::kCheapScrypt);
    auto second = staff.add("manager2", StaffRole::Manager, "manager-password");
    ASSERT_TRUE(second);
    ASSERT_TRUE(reviews.record(*id, second->id, ReviewDecision::ManualApproved, "documents_checked_in_person"));
    const std::string other = insert(core::RegistrationState::ManualReview, std::nullopt);
    EXPECT_TRUE(reviews.record(other, m_managerId, ReviewDecision::ManualApproved, "documents_checked_in_person"))
        << "a clerk's hand-over is the manager's to decide";
    NewRegistration rejected = sampleRegistration(m_managerId);
    rejected.status = core::RegistrationState::ManualReview;
    auto rejectedId = repository().insert(rejected);
    ASSERT_TRUE(rejectedId);
    EXPECT_TRUE(reviews.record(*rejectedId, m_managerId, ReviewDecision::ManualRejected, "customer_left"));
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

TEST_F(ReviewTest, ACancelledNumberFreesItsPersonsPlaceOnce)
{
    // What a deactivation is for: the customer gave a number up, so it no longer counts against the
    // five. The attack it must not open: a "cancellation" of something that never was a number, or
    // the same number cancelled twice to free two places.
    RegistrationRepository repo = repository();
    const std::string person = "11010519491231002X";
    auto first = repo.insert(sampleRegistration(m_clerkId, "ZZTESTNAME Qwerty", person));
    auto second = repo.insert(sampleRegistration(m_clerkId, "ZZTESTNAME Qwerty", person));
    ASSERT_TRUE(first && second);
    EXPECT_EQ(*repo.countActiveForIdNumber(person), 2);

    ReviewRepository reviews(*m_db);
    EXPECT_EQ(reviews.record(*first, m_clerkId, ReviewDecision::Cancelled, "customer_request").error().code,
              ErrorCode::InvalidArgument)
        << "a clerk cannot cancel a number";
    auto cancelled = reviews.record(*first, m_managerId, ReviewDecision::Cancelled, "customer_request");
    ASSERT_TRUE(cancelled) << cancelled.error().toString();
    // Not before the carrier agrees: an offline kiosk would otherwise issue a sixth number the carrier
    // still counts as the fifth (and a refused cancellation would lower the count for ever).
    EXPECT_EQ(*repo.countActiveForIdNumber(person), 2) << "counted until the carrier acknowledged it";
    ASSERT_TRUE(reviews.parkUpload(cancelled->reviewId, "bad_request"));
    EXPECT_EQ(*repo.countActiveForIdNumber(person), 2) << "a refused cancellation frees nothing";
    ASSERT_TRUE(
        m_db->exec("UPDATE review_uploads SET state = 'pending' WHERE review_id = '" + cancelled->reviewId + "'"));
    ASSERT_TRUE(reviews.acknowledgeUpload(cancelled->reviewId, "{\"v\":1}"));
    EXPECT_EQ(*repo.countActiveForIdNumber(person), 1) << "the cancelled number's place is free";
    auto again = reviews.record(*first, m_managerId, ReviewDecision::Cancelled, "lost_or_stolen");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().message, "the number was cancelled already");
    EXPECT_EQ(*repo.countActiveForIdNumber(person), 1);
    EXPECT_FALSE(reviews.record(*second, m_managerId, ReviewDecision::Cancelled, "checked")) << "not its reason";

    // Nothing was issued for a failed attempt or an undecided hand-over: nothing to cancel.
    NewRegistration failed = sampleRegistration(m_clerkId, "ZZTESTNAME Qwerty", person);
    failed.outcome = core::Decision::NoMatch;
    auto failedId = repo.insert(failed);
    ASSERT_TRUE(failedId);
    EXPECT_FALSE(reviews.record(*failedId, m_managerId, ReviewDecision::Cancelled, "customer_request"));
    const std::string handed = insert(core::RegistrationState::ManualReview, std::nullopt);
    EXPECT_FALSE(reviews.record(handed, m_managerId, ReviewDecision::Cancelled, "customer_request"));
    ASSERT_TRUE(reviews.record(handed, m_managerId, ReviewDecision::ManualApproved, "documents_checked_in_person"));
    EXPECT_TRUE(reviews.record(handed, m_managerId, ReviewDecision::Cancelled, "fraud_suspected"))
        << "a number the manager approved was issued";
    // The database holds the rule too: a second cancellation written around the repository fails.
    EXPECT_FALSE(m_db->exec("INSERT INTO reviews (review_id, registration_id, decided_at, reviewer_id, decision, "
                            "reason) VALUES ('x', '" +
                            *first + "', '2026-01-01T00:00:00Z', " + std::to_string(m_managerId) +
                            ", 'cancelled', 'customer_request')"));

    // It goes to the carrier like every review, once the registration is there.
    ASSERT_TRUE(m_db->exec("UPDATE registrations SET sync_state = 'acknowledged'"));
    auto later = reviews.record(*second, m_managerId, ReviewDecision::Cancelled, "lost_or_stolen");
    ASSERT_TRUE(later);
    auto due = reviews.dueForUpload(Clock::now() + std::chrono::seconds(1), 10);
    ASSERT_TRUE(due);
    EXPECT_TRUE(std::any_of(due->begin(), due->end(), [&](const Review &r) {
        return r.reviewId == later->reviewId && r.decision == ReviewDecision::Cancelled;
    }));
    // A number the carrier refused (quota_exceeded) never was the person's: nothing to cancel.
    auto refusedId = repo.insert(sampleRegistration(m_clerkId, "ZZTESTNAME Qwerty", person));
    ASSERT_TRUE(refusedId);
    ASSERT_TRUE(m_db->exec("UPDATE registrations SET sync_state = 'quota_exceeded' WHERE id = '" + *refusedId + "'"));
    EXPECT_FALSE(reviews.record(*refusedId, m_managerId, ReviewDecision::Cancelled, "customer_request"));
}

TEST_F(ReviewTest, TheCancellationMigrationKeepsEveryReviewAndItsUpload)
{
    // A kiosk on schema 6 with reviews in every upload state moves to 7: the reviews table is rebuilt
    // (SQLite cannot change its CHECK), and dropping it would cascade into review_uploads.
    const simkyc::test::TempDir dir;
    const auto file = dir.path() / "v6.db";
    std::vector<Migration> upTo6 = builtInMigrations();
    upTo6.resize(6);
    std::vector<std::string> reviewIds;
    {
        auto v6 = openDatabase(file, upTo6);
        ASSERT_TRUE(v6) << v6.error().toString();
        StaffRepository staff(*v6, test::kCheapScrypt);
        auto clerk = staff.add("clerk1", StaffRole::Clerk, "clerk-password");
        auto manager = staff.add("manager1", StaffRole::Manager, "manager-password");
        ASSERT_TRUE(clerk && manager);
        RegistrationRepository registrations(*v6, *m_keys);
        ReviewRepository reviews(*v6);
        for (int i = 0; i < 3; ++i) {
            auto id = registrations.insert(sampleRegistration(clerk->id));
            ASSERT_TRUE(id);
            auto review = reviews.record(*id, manager->id, i == 1 ? ReviewDecision::Flagged : ReviewDecision::Approved,
                                         i == 1 ? "photo_mismatch" : "checked");
            ASSERT_TRUE(review) << review.error().toString();
            reviewIds.push_back(review->reviewId);
        }
        ASSERT_TRUE(reviews.acknowledgeUpload(reviewIds[0], "{\"v\":1}"));
        ASSERT_TRUE(reviews.parkUpload(reviewIds[1], "conflict"));
        ASSERT_TRUE(v6->exec("INSERT INTO reviews (review_id, registration_id, decided_at, reviewer_id, decision, "
                             "reason) SELECT 'y', registration_id, decided_at, reviewer_id, 'cancelled', "
                             "'customer_request' FROM reviews LIMIT 1")
                        .ok() == false)
            << "schema 6 knows no cancellation";
    }
    auto v7 = openStore(file);
    ASSERT_TRUE(v7) << v7.error().toString();
    EXPECT_GE(*v7->queryInt64("PRAGMA user_version"), 7);
    ReviewRepository reviews(*v7);
    const auto uploadState = [&reviews](const std::string &reviewId) {
        auto upload = reviews.upload(reviewId);
        return upload ? upload->state : "lost: " + upload.error().toString();
    };
    EXPECT_EQ(uploadState(reviewIds[0]), "acknowledged");
    EXPECT_EQ(uploadState(reviewIds[1]), "parked");
    EXPECT_EQ(uploadState(reviewIds[2]), "pending");
    EXPECT_EQ(*v7->queryInt64("SELECT COUNT(*) FROM reviews"), 3);
    EXPECT_EQ(*v7->queryInt64("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'review_uploads_kept'"), 0);
    EXPECT_FALSE(v7->exec("UPDATE reviews SET reason = 'other'")) << "still append-only";
    EXPECT_EQ(*v7->queryInt64("SELECT COUNT(*) FROM pragma_foreign_key_check"), 0);
}

} // namespace
} // namespace simkyc::store
