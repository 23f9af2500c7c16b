// RegistrationWorkflow against a real store (scrypt hashes, the repository's lockout): sign-in,
// lockout with its countdown, idle sign-out, the customer form and the honest end of this build.
#include "app/gui/registration_workflow.h"
#include "gui_fixture.h"

#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

namespace simkyc::app {
namespace {

using namespace std::chrono_literals;
using Screen = RegistrationWorkflow::Screen;

class RegistrationWorkflowTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { test::ensureCoreApplication(); }
    void SetUp() override
    {
        ASSERT_TRUE(demo.ok()) << demo.error();
        checker = std::make_unique<DirectLoginChecker>(demo.staff());
    }

    std::unique_ptr<RegistrationWorkflow> make(std::chrono::milliseconds idle = kDefaultIdleLock)
    {
        return std::make_unique<RegistrationWorkflow>(*checker, finder, QStringLiteral("hint"), idle,
                                                      [this] { return now; });
    }
    QString name() const { return QString::fromStdString(demo.account().name); }
    QString password() const { return QString::fromStdString(demo.account().password); }

    void fillValid(CustomerFormModel &form)
    {
        form.setName(QStringLiteral("Zhang San"));
        form.setIdNumber(test::kValidIdNumber);
        form.setAddress(QStringLiteral("1 Renmin Road"));
        form.setPhone(test::kValidPhone);
        form.setIccid(test::validIccid());
    }

    // The direct checker answers before login() returns: true when that signed the clerk in.
    static bool signIn(RegistrationWorkflow &w, const QString &name, const QString &password)
    {
        w.login(name, password);
        EXPECT_FALSE(w.busy());
        return w.screen() == Screen::Home;
    }

    test::DemoStore demo;
    std::unique_ptr<DirectLoginChecker> checker;
    DirectIdPortraitFinder finder;
    store::Clock::time_point now = store::Clock::now();
};

TEST_F(RegistrationWorkflowTest, WrongPasswordIsRefusedThenTheRightOneSignsIn)
{
    auto w = make();
    EXPECT_EQ(w->screen(), Screen::Login);
    EXPECT_EQ(w->screenName(), "login");
    EXPECT_FALSE(signIn(*w, name(), QStringLiteral("not-the-password")));
    EXPECT_EQ(w->loginErrorCode(), "wrong_credentials");
    EXPECT_FALSE(w->loginError().isEmpty());
    EXPECT_FALSE(signIn(*w, QStringLiteral("nobody"), password()));
    EXPECT_EQ(w->loginErrorCode(), "wrong_credentials") << "unknown names look like wrong passwords";
    EXPECT_FALSE(signIn(*w, name(), QString()));
    EXPECT_EQ(w->loginErrorCode(), "missing_input");

    QSignalSpy screens(w.get(), &RegistrationWorkflow::screenChanged);
    EXPECT_TRUE(signIn(*w, name(), password()));
    EXPECT_EQ(w->screen(), Screen::Home);
    EXPECT_EQ(w->screenName(), "home");
    EXPECT_EQ(w->clerkName(), name());
    EXPECT_EQ(w->loginErrorCode(), "");
    EXPECT_EQ(screens.count(), 1);
}

TEST_F(RegistrationWorkflowTest, FiveFailuresLockTheAccountWithACountdown)
{
    auto w = make();
    for (int i = 0; i < 4; ++i) {
        EXPECT_FALSE(signIn(*w, name(), QStringLiteral("wrong-password")));
        EXPECT_EQ(w->loginErrorCode(), "wrong_credentials") << i;
    }
    EXPECT_FALSE(signIn(*w, name(), QStringLiteral("wrong-password")));
    EXPECT_EQ(w->loginErrorCode(), "locked");
    EXPECT_EQ(w->lockSecondsRemaining(), 15 * 60);
    EXPECT_TRUE(w->loginError().contains(QStringLiteral("15:00"))) << w->loginError().toStdString();

    now += 61s;
    w->updateLockCountdown();
    EXPECT_EQ(w->lockSecondsRemaining(), 15 * 60 - 61);
    EXPECT_TRUE(w->loginError().contains(QStringLiteral("13:59"))) << w->loginError().toStdString();

    EXPECT_FALSE(signIn(*w, name(), password())) << "the right password does not open a locked account";
    EXPECT_EQ(w->loginErrorCode(), "locked");
    EXPECT_EQ(w->screen(), Screen::Login);

    now += 15min;
    w->updateLockCountdown();
    EXPECT_EQ(w->loginErrorCode(), "");
    EXPECT_EQ(w->lockSecondsRemaining(), 0);
    EXPECT_TRUE(signIn(*w, name(), password()));
}

TEST_F(RegistrationWorkflowTest, AManagersLongLockShowsHours)
{
    ASSERT_TRUE(demo.staff().lock(demo.account().name, now + 2h, now).ok());
    auto w = make();
    EXPECT_FALSE(signIn(*w, name(), password()));
    EXPECT_EQ(w->loginErrorCode(), "locked");
    EXPECT_EQ(w->lockSecondsRemaining(), 2 * 3600);
    EXPECT_TRUE(w->loginError().contains(QStringLiteral("2:00:00"))) << w->loginError().toStdString();
}

TEST_F(RegistrationWorkflowTest, TransitionsOnlyFromTheRightScreen)
{
    auto w = make();
    w->startRegistration();
    EXPECT_EQ(w->screen(), Screen::Login) << "no registration before sign-in";
    ASSERT_TRUE(signIn(*w, name(), password()));
    EXPECT_FALSE(w->continueRegistration());
    w->startRegistration();
    EXPECT_EQ(w->screen(), Screen::CustomerForm);
    ASSERT_TRUE(w->registration().has_value());
    EXPECT_EQ(w->registration()->state(), core::RegistrationState::Draft);

    EXPECT_FALSE(w->continueRegistration()) << "an empty form does not continue";
    EXPECT_EQ(w->screen(), Screen::CustomerForm);
    fillValid(*w->form());
    w->form()->setIccid(QStringLiteral("89860"));
    EXPECT_FALSE(w->continueRegistration()) << "one invalid field is enough to stay";
    w->form()->setIccid(test::validIccid());
    EXPECT_TRUE(w->continueRegistration());
    EXPECT_EQ(w->screen(), Screen::IdPhoto);
    EXPECT_EQ(w->screenName(), "id_photo");
    EXPECT_FALSE(w->acceptIdPhoto()) << "no portrait found yet";
    EXPECT_FALSE(w->agreeToFaceCheck()) << "no consent before the ID photo";
    EXPECT_EQ(w->screen(), Screen::IdPhoto);
    EXPECT_EQ(w->registration()->state(), core::RegistrationState::Draft);

    w->cancelRegistration();
    EXPECT_EQ(w->screen(), Screen::Home);
    EXPECT_FALSE(w->registration().has_value());
    EXPECT_TRUE(w->form()->name().isEmpty()) << "customer data does not outlive the registration";
}

TEST_F(RegistrationWorkflowTest, CancelAndLogoutWipeTheForm)
{
    auto w = make();
    ASSERT_TRUE(signIn(*w, name(), password()));
    w->startRegistration();
    fillValid(*w->form());
    w->cancelRegistration();
    EXPECT_EQ(w->screen(), Screen::Home);
    EXPECT_TRUE(w->form()->idNumber().isEmpty());

    w->startRegistration();
    fillValid(*w->form());
    w->logout();
    EXPECT_EQ(w->screen(), Screen::Login);
    EXPECT_TRUE(w->clerkName().isEmpty());
    EXPECT_TRUE(w->form()->idNumber().isEmpty());
    EXPECT_FALSE(w->registration().has_value());
}

TEST_F(RegistrationWorkflowTest, TodayComesFromTheClock)
{
    now = store::Clock::from_time_t(1000000000); // 2001-09-09: a 1991 birth is under 16
    auto w = make();
    ASSERT_TRUE(signIn(*w, name(), password()));
    w->startRegistration();
    w->form()->setIdNumber(test::kValidIdNumber);
    EXPECT_EQ(w->form()->idNumberRule(), "minimum_age");
}

TEST_F(RegistrationWorkflowTest, IdleTimerSignsOutAndActivityPostponesIt)
{
    auto w = make(1000ms);
    ASSERT_TRUE(signIn(*w, name(), password()));
    w->startRegistration();
    fillValid(*w->form());
    for (int i = 0; i < 6; ++i) { // 6 x 300 ms of activity: longer than the limit, never idle
        QTest::qWait(300);
        w->noteActivity();
    }
    EXPECT_EQ(w->screen(), Screen::CustomerForm);
    QSignalSpy screens(w.get(), &RegistrationWorkflow::screenChanged);
    ASSERT_TRUE(screens.wait(4000));
    EXPECT_EQ(w->screen(), Screen::Login);
    EXPECT_EQ(w->loginErrorCode(), "idle_timeout");
    EXPECT_TRUE(w->form()->idNumber().isEmpty());
    EXPECT_EQ(w->idleLockMinutes(), 1);
}

// The program's checker: the hash runs on its own thread with its own connection to the store.
TEST_F(RegistrationWorkflowTest, ThreadedCheckLeavesTheCallerFree)
{
    ThreadedLoginChecker threaded(demo.dataDir(), crypto::ScryptParams{test::kCheapScryptLog2, 8, 1});
    RegistrationWorkflow w(threaded, finder, {}, kDefaultIdleLock, [this] { return now; });
    QSignalSpy busy(&w, &RegistrationWorkflow::busyChanged);
    w.login(name(), QStringLiteral("wrong-password"));
    EXPECT_TRUE(w.busy()) << "login() returns before the check";
    w.login(name(), password()); // ignored while busy
    ASSERT_TRUE(QTest::qWaitFor([&] { return !w.busy(); }, 5000));
    EXPECT_EQ(w.loginErrorCode(), "wrong_credentials");
    EXPECT_EQ(w.screen(), Screen::Login);
    EXPECT_EQ(busy.count(), 2);

    w.login(name(), password());
    ASSERT_TRUE(QTest::qWaitFor([&] { return w.screen() == Screen::Home; }, 5000));
    EXPECT_EQ(w.clerkName(), name());
}

TEST_F(RegistrationWorkflowTest, AnUnreadableStoreIsSaidAsSuch)
{
    test::TempDir empty;
    ThreadedLoginChecker threaded(empty.path() / "no-such-folder", crypto::ScryptParams{test::kCheapScryptLog2, 8, 1});
    RegistrationWorkflow w(threaded, finder);
    w.login(name(), password());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !w.busy(); }, 5000));
    EXPECT_EQ(w.loginErrorCode(), "store_error");
    EXPECT_TRUE(w.loginError().contains(QStringLiteral("Ask the manager"))) << w.loginError().toStdString();
    EXPECT_EQ(w.screen(), Screen::Login);
}

} // namespace
} // namespace simkyc::app
