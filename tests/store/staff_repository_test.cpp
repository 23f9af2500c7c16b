// Staff accounts: scrypt hashes, login, lockout after 5 failures, passwd, lock; every change audited.
#include "store/audit_log.h"
#include "store/open_store.h"
#include "store/staff_repository.h"
#include "store_fixture.h"

#include <gtest/gtest.h>

namespace simkyc::store {
namespace {

using namespace std::chrono_literals;

class StaffTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = openStore(m_dir.path() / "simkyc.db");
        ASSERT_TRUE(db) << db.error().toString();
        m_db = std::make_unique<Database>(std::move(db).value());
        m_staff = std::make_unique<StaffRepository>(*m_db, test::kCheapScrypt, LockoutPolicy{5, 600s});
        ASSERT_TRUE(m_staff->add("li.manager", StaffRole::Manager, "correct password", m_t0));
    }

    LoginOutcome login(std::string_view password, Clock::time_point at)
    {
        auto r = m_staff->verifyLogin("li.manager", password, at);
        EXPECT_TRUE(r) << r.error().toString();
        return r ? r->outcome : LoginOutcome::WrongCredentials;
    }

    simkyc::test::TempDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<StaffRepository> m_staff;
    Clock::time_point m_t0 = Clock::now();
};

TEST_F(StaffTest, StoresAnScryptHashNotThePassword)
{
    const std::string hash = *m_db->queryText("SELECT password_hash FROM staff WHERE name = 'li.manager'");
    EXPECT_TRUE(hash.starts_with("$scrypt$ln=10,")) << hash;
    EXPECT_EQ(hash.find("correct password"), std::string::npos);
    EXPECT_EQ(*m_db->queryText("SELECT role FROM staff"), "manager");
}

TEST_F(StaffTest, AllListsEveryMemberById)
{
    auto clerk = m_staff->add("wang.clerk", StaffRole::Clerk, "another password", m_t0);
    ASSERT_TRUE(clerk) << clerk.error().toString();
    auto all = m_staff->all();
    ASSERT_TRUE(all) << all.error().toString();
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ(all->at(clerk->id).name, "wang.clerk");
    EXPECT_EQ(all->at(clerk->id).role, StaffRole::Clerk);
    EXPECT_EQ(all->begin()->second.name, "li.manager");
    EXPECT_EQ(all->begin()->second.role, StaffRole::Manager);
}

TEST_F(StaffTest, AccountsShowTheLockoutStateAndChangesNameTheActor)
{
    ASSERT_TRUE(m_staff->add("wang.clerk", StaffRole::Clerk, "another password", m_t0));
    EXPECT_EQ(login("wrong", m_t0), LoginOutcome::WrongCredentials);
    auto accounts = m_staff->accounts();
    ASSERT_TRUE(accounts) << accounts.error().toString();
    ASSERT_EQ(accounts->size(), 2u);
    EXPECT_EQ((*accounts)[0].member.name, "li.manager"); // by name
    EXPECT_EQ((*accounts)[0].failedAttempts, 1);
    EXPECT_FALSE((*accounts)[0].lockedUntil.has_value());
    m_staff->setActor("staff:1");
    ASSERT_TRUE(m_staff->lock("wang.clerk", m_t0 + 3600s, m_t0));
    accounts = m_staff->accounts();
    ASSERT_TRUE((*accounts)[1].lockedUntil.has_value());
    EXPECT_EQ(*(*accounts)[1].lockedUntil, utcTimestamp(m_t0 + 3600s));
    EXPECT_EQ(*m_db->queryText("SELECT actor FROM audit_log WHERE action = 'staff.lock'"), "staff:1");
    EXPECT_EQ(*m_db->queryText("SELECT actor FROM audit_log WHERE action = 'staff.add' ORDER BY id LIMIT 1"), "cli");
}

TEST_F(StaffTest, LoginSucceedsAndFailsAndUnknownNameIsWrongCredentials)
{
    auto ok = m_staff->verifyLogin("li.manager", "correct password", m_t0);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->outcome, LoginOutcome::Ok);
    EXPECT_EQ(ok->member->role, StaffRole::Manager);
    EXPECT_EQ(login("wrong password", m_t0), LoginOutcome::WrongCredentials);
    auto unknown = m_staff->verifyLogin("nobody", "whatever password", m_t0);
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->outcome, LoginOutcome::WrongCredentials);
}

TEST_F(StaffTest, FiveFailuresLockUntilTheConfiguredTime)
{
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(login("wrong password", m_t0 + std::chrono::seconds(i)), LoginOutcome::WrongCredentials);
    EXPECT_EQ(login("wrong password", m_t0 + 5s), LoginOutcome::Locked);
    EXPECT_EQ(login("correct password", m_t0 + 6s), LoginOutcome::Locked); // the right password does not help
    EXPECT_EQ(login("correct password", m_t0 + 5s + 599s), LoginOutcome::Locked);
    EXPECT_EQ(login("correct password", m_t0 + 5s + 601s), LoginOutcome::Ok);
    EXPECT_EQ(*m_db->queryInt64("SELECT failed_attempts FROM staff"), 0);
}

TEST_F(StaffTest, SuccessResetsTheFailureCount)
{
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(login("wrong password", m_t0), LoginOutcome::WrongCredentials);
    EXPECT_EQ(login("correct password", m_t0), LoginOutcome::Ok);
    EXPECT_EQ(login("wrong password", m_t0), LoginOutcome::WrongCredentials);
    EXPECT_EQ(*m_db->queryInt64("SELECT failed_attempts FROM staff"), 1);
}

TEST_F(StaffTest, PasswdAndLock)
{
    ASSERT_TRUE(m_staff->changePassword("li.manager", "new password 2", m_t0));
    EXPECT_EQ(login("correct password", m_t0), LoginOutcome::WrongCredentials);
    EXPECT_EQ(login("new password 2", m_t0), LoginOutcome::Ok);
    ASSERT_TRUE(m_staff->lock("li.manager", m_t0 + 1h, m_t0));
    EXPECT_EQ(login("new password 2", m_t0 + 30min), LoginOutcome::Locked);
    EXPECT_EQ(m_staff->changePassword("nobody", "new password 2").error().code, ErrorCode::NotFound);
    auto report = verifyAuditChain(*m_db);
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->ok);
    EXPECT_GE(report->entries, 3);
}

TEST_F(StaffTest, RejectsBadNamesShortPasswordsAndDuplicates)
{
    EXPECT_EQ(m_staff->add("bad name!", StaffRole::Clerk, "long enough").error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(m_staff->add("clerk2", StaffRole::Clerk, "short").error().code, ErrorCode::InvalidArgument);
    auto dup = m_staff->add("li.manager", StaffRole::Clerk, "long enough");
    ASSERT_FALSE(dup);
    EXPECT_EQ(dup.error().code, ErrorCode::DatabaseError);
}

} // namespace
} // namespace simkyc::store
