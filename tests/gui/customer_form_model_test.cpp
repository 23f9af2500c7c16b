// CustomerFormModel: every field is checked by core's rules as it is typed, the failing rule is
// named, the derived birth date and sex appear only for a valid ID number, and the form is valid
// only when every field holds.
#include "app/gui/customer_form_model.h"
#include "gui_fixture.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

namespace simkyc::app {
namespace {

class CustomerFormModelTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { test::ensureCoreApplication(); }
    void SetUp() override { form.setToday(QDate(2025, 6, 1)); }

    void fillValid()
    {
        form.setName(QStringLiteral("张三"));
        form.setIdNumber(test::kValidIdNumber);
        form.setAddress(QStringLiteral("1 Renmin Road, Nanchang"));
        form.setPhone(test::kValidPhone);
        form.setIccid(test::validIccid());
    }

    CustomerFormModel form;
};

TEST_F(CustomerFormModelTest, EmptyFormIsInvalidAndShowsNoMessages)
{
    EXPECT_FALSE(form.valid());
    EXPECT_EQ(form.idNumberRule(), "required");
    EXPECT_EQ(form.nameRule(), "required");
    EXPECT_TRUE(form.idNumberError().isEmpty());
    EXPECT_TRUE(form.phoneError().isEmpty());
    EXPECT_TRUE(form.birthDate().isEmpty());
}

TEST_F(CustomerFormModelTest, IdNumberNamesTheFirstFailingRule)
{
    const struct {
        const char *input;
        const char *rule;
    } cases[] = {
        {"36042619910101007", "length"},
        {"36042619910101007A", "characters"},
        {"990426199101010071", "region_code"},
        {"360426199102300071", "birth_date"},
        {"360426203001010071", "future_birth_date"},
        {"360426201501010071", "minimum_age"},
        {"360426199101010072", "check_character"},
    };
    for (const auto &c : cases) {
        form.setIdNumber(QString::fromLatin1(c.input));
        EXPECT_EQ(form.idNumberRule(), QString::fromLatin1(c.rule)) << c.input;
        EXPECT_TRUE(form.idNumberError().contains(QStringLiteral("(rule: %1)").arg(QLatin1String(c.rule))))
            << form.idNumberError().toStdString();
        EXPECT_FALSE(form.idNumberError().contains(QString::fromLatin1(c.input))) << "the number is not repeated";
        EXPECT_TRUE(form.birthDate().isEmpty());
    }
}

TEST_F(CustomerFormModelTest, LengthMessageCountsTypedCharacters)
{
    form.setIdNumber(QStringLiteral("36042619"));
    EXPECT_TRUE(form.idNumberError().contains(QStringLiteral("8 typed"))) << form.idNumberError().toStdString();
}

TEST_F(CustomerFormModelTest, ValidIdNumberShowsBirthDateAndSex)
{
    form.setIdNumber(test::kValidIdNumber);
    EXPECT_EQ(form.idNumberRule(), "");
    EXPECT_EQ(form.idNumberError(), "");
    EXPECT_EQ(form.birthDate(), "1991-01-01");
    EXPECT_EQ(form.sexCode(), "male");
    EXPECT_EQ(form.sex(), "Male");

    form.setIdNumber(QStringLiteral("11010519491231002x")); // lower-case x is folded
    EXPECT_EQ(form.birthDate(), "1949-12-31");
    EXPECT_EQ(form.sexCode(), "female");
}

TEST_F(CustomerFormModelTest, FullWidthDigitsFromAnImeAreAccepted)
{
    form.setIdNumber(QStringLiteral("３６０４２６１９９１０１０１００７１"));
    EXPECT_EQ(form.idNumberRule(), "");
    EXPECT_EQ(form.birthDate(), "1991-01-01");
}

TEST_F(CustomerFormModelTest, TodayDecidesFutureAndAge)
{
    form.setIdNumber(QStringLiteral("36042620100101007X")); // born 2010-01-01
    form.setToday(QDate(2005, 1, 1));
    EXPECT_EQ(form.idNumberRule(), "future_birth_date");
}

TEST_F(CustomerFormModelTest, PhoneAndIccidNameTheirRules)
{
    form.setPhone(QStringLiteral("12345678901"));
    EXPECT_EQ(form.phoneRule(), "prefix");
    form.setPhone(QStringLiteral("+1 202 555 0100"));
    EXPECT_EQ(form.phoneRule(), "country_code");
    form.setPhone(QStringLiteral("1381234567"));
    EXPECT_EQ(form.phoneRule(), "length");
    EXPECT_TRUE(form.phoneError().contains(QStringLiteral("(rule: length)")));
    form.setPhone(QStringLiteral("+86 138-1234-5678"));
    EXPECT_EQ(form.phoneRule(), "");

    QString iccid = test::validIccid();
    form.setIccid(iccid);
    EXPECT_EQ(form.iccidRule(), "");
    iccid[iccid.size() - 1] = QChar(u'0' + (iccid.back().digitValue() + 1) % 10);
    form.setIccid(iccid);
    EXPECT_EQ(form.iccidRule(), "check_digit");
    form.setIccid(QStringLiteral("1234567890123456789"));
    EXPECT_EQ(form.iccidRule(), "industry_prefix");
    form.setIccid(QStringLiteral("89860"));
    EXPECT_EQ(form.iccidRule(), "length");
}

TEST_F(CustomerFormModelTest, FreeTextIsRequiredAndLimited)
{
    form.setName(QStringLiteral("   "));
    EXPECT_EQ(form.nameRule(), "required");
    EXPECT_FALSE(form.nameError().isEmpty()) << "typed blanks are shown as an error";
    form.setName(QString(kMaxCustomerNameChars + 1, QChar(u'a')));
    EXPECT_EQ(form.nameRule(), "too_long");
    form.setAddress(QString(kMaxAddressChars + 1, QChar(u'a')));
    EXPECT_EQ(form.addressRule(), "too_long");
}

TEST_F(CustomerFormModelTest, ValidOnlyWhenEveryFieldHolds)
{
    fillValid();
    EXPECT_TRUE(form.valid());
    form.setAddress(QString());
    EXPECT_FALSE(form.valid());
    form.setAddress(QStringLiteral("x"));
    EXPECT_TRUE(form.valid());
    form.setPhone(QStringLiteral("1"));
    EXPECT_FALSE(form.valid());
}

TEST_F(CustomerFormModelTest, ChangesAreSignalledAndClearWipesEverything)
{
    QSignalSpy spy(&form, &CustomerFormModel::changed);
    fillValid();
    EXPECT_EQ(spy.count(), 5);
    form.setName(QStringLiteral("张三")); // unchanged: no signal
    EXPECT_EQ(spy.count(), 5);
    form.clear();
    EXPECT_FALSE(form.valid());
    for (const QString &v :
         {form.name(), form.idNumber(), form.address(), form.phone(), form.iccid(), form.birthDate()})
        EXPECT_TRUE(v.isEmpty());
    EXPECT_TRUE(form.parsedIdNumber() == std::nullopt);
}

} // namespace
} // namespace simkyc::app
