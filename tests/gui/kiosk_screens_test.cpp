// The real kiosk QML (the same module and window class as `simkyc`) on the offscreen platform with
// the software scene graph, driven by objectName as a clerk would: keyboard and clicks. Every
// screen reached is saved as a PNG into build/screenshots/ (docs/screenshots/ holds a copy).
#include "kiosk_screen_fixture.h"

namespace simkyc::app {
namespace {

TEST_F(KioskScreensTest, SignInFillTheFormAndReachTheIdPhotoStep)
{
    test::ScreenDriver &d = *driver;
    EXPECT_TRUE(d.hasFocus(QStringLiteral("loginName"))) << "the name field has the keyboard focus";
    EXPECT_TRUE(d.text(QStringLiteral("demoHint")).contains(clerk()));
    ASSERT_TRUE(d.screenshot(QStringLiteral("01-login")));

    // Wrong password, submitted with Enter: the error is shown, the screen stays.
    d.type(clerk());
    d.key(Qt::Key_Tab);
    EXPECT_TRUE(d.hasFocus(QStringLiteral("loginPassword")));
    d.type(QStringLiteral("wrong-password"));
    d.key(Qt::Key_Return);
    settle();
    ASSERT_TRUE(d.waitFor(QStringLiteral("loginError")));
    EXPECT_EQ(workflow->loginErrorCode(), "wrong_credentials");
    EXPECT_FALSE(d.text(QStringLiteral("loginError")).isEmpty());
    EXPECT_TRUE(d.text(QStringLiteral("loginPassword")).isEmpty()) << "the wrong password is cleared";
    ASSERT_TRUE(d.screenshot(QStringLiteral("02-login-wrong-password")));

    // The right password, with the button.
    ASSERT_TRUE(d.typeInto(QStringLiteral("loginPassword"), password()));
    ASSERT_TRUE(d.click(QStringLiteral("loginButton")));
    settle();
    ASSERT_TRUE(d.waitFor(QStringLiteral("homeScreen")));
    EXPECT_TRUE(d.text(QStringLiteral("signedInAs")).contains(clerk()));
    ASSERT_TRUE(d.screenshot(QStringLiteral("03-home")));

    ASSERT_TRUE(d.click(QStringLiteral("newRegistrationButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("customerFormScreen")));
    EXPECT_TRUE(d.hasFocus(QStringLiteral("customerName")));
    EXPECT_FALSE(d.isEnabled(QStringLiteral("continueButton")));
    d.type(QStringLiteral("张三"));
    d.key(Qt::Key_Tab);
    EXPECT_TRUE(d.hasFocus(QStringLiteral("customerIdNumber"))) << "Tab goes from name to ID number";

    // A mistyped last character: the failing rule is named as it is typed.
    d.type(QStringLiteral("360426199101010072"));
    EXPECT_TRUE(d.text(QStringLiteral("customerIdNumberError")).contains(QStringLiteral("rule: check_character")))
        << d.text(QStringLiteral("customerIdNumberError")).toStdString();
    EXPECT_EQ(d.find(QStringLiteral("birthDateText")), nullptr) << "no birth date for an invalid number";
    ASSERT_TRUE(d.screenshot(QStringLiteral("04-form-invalid-id")));

    d.key(Qt::Key_Backspace);
    d.type(QStringLiteral("1"));
    EXPECT_EQ(d.find(QStringLiteral("customerIdNumberError")), nullptr);
    EXPECT_TRUE(d.text(QStringLiteral("birthDateText")).contains(QStringLiteral("1991-01-01")));
    EXPECT_TRUE(d.text(QStringLiteral("sexText")).contains(QStringLiteral("Male")));

    d.key(Qt::Key_Return); // Enter moves on to the next field
    EXPECT_TRUE(d.hasFocus(QStringLiteral("customerAddress")));
    d.type(QStringLiteral("1 Renmin Road, Nanchang"));
    d.key(Qt::Key_Return);
    d.type(QStringLiteral("12345678901"));
    EXPECT_TRUE(d.text(QStringLiteral("customerPhoneError")).contains(QStringLiteral("rule: prefix")));
    ASSERT_TRUE(d.typeInto(QStringLiteral("customerPhone"), test::kValidPhone));
    EXPECT_EQ(d.find(QStringLiteral("customerPhoneError")), nullptr);
    d.key(Qt::Key_Return);
    EXPECT_TRUE(d.hasFocus(QStringLiteral("customerIccid")));
    d.type(test::validIccid());
    EXPECT_TRUE(d.isEnabled(QStringLiteral("continueButton")));
    ASSERT_TRUE(d.screenshot(QStringLiteral("05-form-valid")));

    d.key(Qt::Key_Return); // Enter on the last field continues to the ID photo step
    ASSERT_TRUE(d.waitFor(QStringLiteral("idPhotoScreen")));
    EXPECT_TRUE(d.text(QStringLiteral("noIdCamera")).contains(QStringLiteral("camera.id_card")));
    EXPECT_NE(d.find(QStringLiteral("noScanFiles")), nullptr) << "the empty scan folder is said as such";
    EXPECT_FALSE(d.isEnabled(QStringLiteral("usePhotoButton")));

    ASSERT_TRUE(d.click(QStringLiteral("cancelButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("homeScreen")));
    EXPECT_TRUE(workflow->form()->idNumber().isEmpty());
    ASSERT_TRUE(d.click(QStringLiteral("logoutButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("loginScreen")));
}

TEST_F(KioskScreensTest, AnIdNumberWithFiveNumbersStaysOnTheFormAndSaysWhy)
{
    // Five numbers issued to the sample customer at this kiosk (issue 20): a sixth is refused at the
    // form, before any photo or face is taken.
    auto clerkRow = demo.staff().find(demo.account().name);
    ASSERT_TRUE(clerkRow.ok() && clerkRow->has_value());
    for (int i = 0; i < 5; ++i) {
        auto saved = test::storeTestRecord(
            *recorder, (*clerkRow)->id,
            {core::RegistrationState::Recorded, core::Decision::Match, {"face_match"}, 0.4, "passed", {}});
        ASSERT_TRUE(saved.ok()) << saved.error().toString();
    }
    test::ScreenDriver &d = *driver;
    ASSERT_NO_FATAL_FAILURE(signIn());
    ASSERT_TRUE(d.click(QStringLiteral("newRegistrationButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("customerFormScreen")));
    for (const auto &[field, value] :
         {std::pair{"customerName", QStringLiteral("Zhang San")}, std::pair{"customerIdNumber", test::kValidIdNumber},
          std::pair{"customerAddress", QStringLiteral("1 Renmin Road, Nanchang")},
          std::pair{"customerPhone", test::kValidPhone}, std::pair{"customerIccid", test::validIccid()}})
        ASSERT_TRUE(d.typeInto(QString::fromLatin1(field), value)) << field;
    ASSERT_TRUE(d.click(QStringLiteral("continueButton")));
    ASSERT_TRUE(d.waitFor(QStringLiteral("formRefusal")));
    EXPECT_NE(d.find(QStringLiteral("customerFormScreen")), nullptr) << "still on the form";
    EXPECT_TRUE(d.text(QStringLiteral("formRefusal")).contains(QStringLiteral("5 SIM registrations")))
        << d.text(QStringLiteral("formRefusal")).toStdString();
    ASSERT_TRUE(d.screenshot(QStringLiteral("06-form-quota-reached")));
    // Correcting the number takes the message away.
    ASSERT_TRUE(d.typeInto(QStringLiteral("customerIdNumber"), QStringLiteral("11010519491231002X")));
    EXPECT_EQ(d.find(QStringLiteral("formRefusal")), nullptr);
}

TEST_F(KioskScreensTest, FiveWrongPasswordsLockTheAccount)
{
    test::ScreenDriver &d = *driver;
    ASSERT_TRUE(d.typeInto(QStringLiteral("loginName"), clerk()));
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(d.typeInto(QStringLiteral("loginPassword"), QStringLiteral("wrong-password")));
        d.key(Qt::Key_Return);
        settle();
    }
    EXPECT_EQ(workflow->loginErrorCode(), "locked");
    EXPECT_TRUE(d.text(QStringLiteral("loginError")).contains(QStringLiteral("locked")));
    EXPECT_TRUE(d.text(QStringLiteral("loginError")).contains(QStringLiteral("15:00")) ||
                d.text(QStringLiteral("loginError")).contains(QStringLiteral("14:5")))
        << d.text(QStringLiteral("loginError")).toStdString();
    ASSERT_TRUE(d.screenshot(QStringLiteral("07-login-locked")));

    ASSERT_TRUE(d.typeInto(QStringLiteral("loginPassword"), password()));
    d.key(Qt::Key_Return);
    settle();
    EXPECT_TRUE(d.waitFor(QStringLiteral("loginScreen"), 100));
    EXPECT_EQ(d.find(QStringLiteral("homeScreen")), nullptr) << "the right password does not open a locked account";
}

// Input reaches the workflow's idle timer through the window: keys postpone the sign-out, and
// without them the clerk is signed out with a message.
class KioskIdleTest : public KioskScreensTest {
protected:
    KioskIdleTest() { idleLock = std::chrono::milliseconds(1500); }
};

TEST_F(KioskIdleTest, TypingPostponesTheIdleSignOut)
{
    test::ScreenDriver &d = *driver;
    ASSERT_NO_FATAL_FAILURE(signIn());
    for (int i = 0; i < 8; ++i) { // 8 x 400 ms: twice the limit, with a key each time
        QTest::qWait(400);
        d.key(Qt::Key_Tab);
    }
    EXPECT_NE(d.find(QStringLiteral("homeScreen")), nullptr) << "signed out although keys were pressed";
    ASSERT_TRUE(d.waitFor(QStringLiteral("loginScreen"), 6000));
    EXPECT_EQ(workflow->loginErrorCode(), "idle_timeout");
    EXPECT_TRUE(d.text(QStringLiteral("loginError")).contains(QStringLiteral("without activity")));
    ASSERT_TRUE(d.screenshot(QStringLiteral("08-login-idle-sign-out")));
}

// The same screens in Chinese: the compiled-in translation reaches QML (qsTr) and the view-models
// (the rule messages); the rule codes stay as they are.
class KioskChineseTest : public KioskScreensTest {
protected:
    KioskChineseTest() { language = QStringLiteral("zh_CN"); }
};

TEST_F(KioskChineseTest, SignInAndTheFormAreTranslated)
{
    test::ScreenDriver &d = *driver;
    EXPECT_EQ(d.text(QStringLiteral("loginButton")), QStringLiteral("登录"));
    d.type(clerk());
    d.key(Qt::Key_Tab);
    d.type(QStringLiteral("wrong-password"));
    d.key(Qt::Key_Return);
    settle();
    EXPECT_EQ(d.text(QStringLiteral("loginError")), QStringLiteral("用户名或密码错误。"));
    ASSERT_TRUE(d.screenshot(QStringLiteral("09-login-zh_CN")));
    ASSERT_TRUE(d.typeInto(QStringLiteral("loginPassword"), password()));
    d.key(Qt::Key_Return);
    settle();
    ASSERT_TRUE(d.waitFor(QStringLiteral("homeScreen")));
    d.key(Qt::Key_Return); // "New registration" has the focus
    ASSERT_TRUE(d.waitFor(QStringLiteral("customerFormScreen")));
    d.type(QStringLiteral("张三"));
    d.key(Qt::Key_Tab);
    d.type(QStringLiteral("36042619910101007"));
    EXPECT_EQ(d.text(QStringLiteral("customerIdNumberError")),
              QStringLiteral("身份证号码为 18 位；已输入 17 位。（规则：length）"));
    ASSERT_TRUE(d.screenshot(QStringLiteral("10-form-zh_CN")));
}

} // namespace
} // namespace simkyc::app
