#include "app/gui/customer_form_model.h"

#include "core/iccid.h"
#include "core/phone.h"

#include <QCoreApplication>

namespace simkyc::app {
namespace {

// Translation context "CustomerFormModel" named explicitly: tr() would use the qualified class name, which
// lupdate does not derive from `namespace simkyc::app`.

QString rulePrefixed(std::string_view rule, const QString &message)
{
    //: %1 is a stable rule code such as check_character, %2 the explanation.
    return QCoreApplication::translate("CustomerFormModel", "%2 (rule: %1)")
        .arg(QString::fromLatin1(rule.data(), qsizetype(rule.size())), message);
}

QString idRuleMessage(core::IdRule rule, int typedChars, int minimumAge)
{
    using R = core::IdRule;
    switch (rule) {
    case R::Length:
        return QCoreApplication::translate("CustomerFormModel", "An ID number has 18 characters; %1 typed.")
            .arg(typedChars);
    case R::Characters:
        return QCoreApplication::translate("CustomerFormModel", "Only digits, and X as the last character.");
    case R::RegionCode:
        return QCoreApplication::translate("CustomerFormModel", "The first two digits are not a province code.");
    case R::BirthDate:
        return QCoreApplication::translate("CustomerFormModel", "Digits 7 to 14 are not a real date of birth.");
    case R::FutureBirthDate:
        return QCoreApplication::translate("CustomerFormModel", "The date of birth lies in the future.");
    case R::MinimumAge:
        return QCoreApplication::translate("CustomerFormModel", "The customer must be at least %1 years old.")
            .arg(minimumAge);
    case R::CheckCharacter:
        return QCoreApplication::translate("CustomerFormModel",
                                           "The last character does not match the others: a character is mistyped.");
    }
    return {};
}

QString phoneRuleMessage(core::PhoneRule rule)
{
    using R = core::PhoneRule;
    switch (rule) {
    case R::Characters: return QCoreApplication::translate("CustomerFormModel", "Only digits, and one + in front.");
    case R::CountryCode: return QCoreApplication::translate("CustomerFormModel", "Only mainland China numbers (+86).");
    case R::Length: return QCoreApplication::translate("CustomerFormModel", "A mobile number has 11 digits.");
    case R::Prefix: return QCoreApplication::translate("CustomerFormModel", "A mobile number starts with 13 to 19.");
    }
    return {};
}

QString iccidRuleMessage(core::IccidRule rule)
{
    using R = core::IccidRule;
    switch (rule) {
    case R::Characters: return QCoreApplication::translate("CustomerFormModel", "Only digits.");
    case R::Length:
        return QCoreApplication::translate("CustomerFormModel", "A SIM number (ICCID) has 19 or 20 digits.");
    case R::IndustryPrefix:
        return QCoreApplication::translate("CustomerFormModel", "A SIM number (ICCID) starts with 89.");
    case R::CheckDigit:
        return QCoreApplication::translate("CustomerFormModel",
                                           "The last digit does not match the others: a digit is mistyped.");
    }
    return {};
}

template <typename Checked, typename NameOf, typename MessageOf>
void applyCheck(const Checked &checked, NameOf nameOf, MessageOf messageOf, QString &rule, QString &message)
{
    if (checked.ok()) {
        rule.clear();
        message.clear();
        return;
    }
    const auto failed = *checked.failedRule();
    const std::string_view name = nameOf(failed);
    rule = QString::fromLatin1(name.data(), qsizetype(name.size()));
    message = rulePrefixed(name, messageOf(failed));
}

// Free text: required and at most maxChars characters after trimming.
void checkFreeText(const QString &text, int maxChars, QString &rule, QString &message)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        rule = QStringLiteral("required");
        message =
            text.isEmpty()
                ? QString()
                : rulePrefixed("required", QCoreApplication::translate("CustomerFormModel", "This field is required."));
    } else if (trimmed.size() > maxChars) {
        rule = QStringLiteral("too_long");
        message = rulePrefixed(
            "too_long", QCoreApplication::translate("CustomerFormModel", "At most %1 characters.").arg(maxChars));
    } else {
        rule.clear();
        message.clear();
    }
}

bool isEmptyField(const QString &text, QString &rule, QString &message)
{
    if (!text.trimmed().isEmpty())
        return false;
    rule = QStringLiteral("required");
    message.clear();
    return true;
}

} // namespace

CustomerFormModel::CustomerFormModel(QObject *parent) : QObject(parent), m_today(QDate::currentDate()) {}

void CustomerFormModel::setToday(const QDate &today)
{
    m_today = today;
    validateAll();
}

void CustomerFormModel::setMinimumAgeYears(int years)
{
    m_minimumAgeYears = years;
    validateAll();
}

void CustomerFormModel::setField(Field &field, const QString &value, void (CustomerFormModel::*validate)())
{
    if (value == field.text)
        return;
    field.text = value;
    (this->*validate)();
    emit changed();
}

void CustomerFormModel::setName(const QString &value)
{
    setField(m_name, value, &CustomerFormModel::validateName);
}

void CustomerFormModel::setIdNumber(const QString &value)
{
    setField(m_idNumber, value, &CustomerFormModel::validateIdNumber);
}

void CustomerFormModel::setAddress(const QString &value)
{
    setField(m_address, value, &CustomerFormModel::validateAddress);
}

void CustomerFormModel::setPhone(const QString &value)
{
    setField(m_phone, value, &CustomerFormModel::validatePhone);
}

void CustomerFormModel::setIccid(const QString &value)
{
    setField(m_iccid, value, &CustomerFormModel::validateIccid);
}

void CustomerFormModel::validateName()
{
    checkFreeText(m_name.text, kMaxCustomerNameChars, m_name.rule, m_name.message);
}

void CustomerFormModel::validateAddress()
{
    checkFreeText(m_address.text, kMaxAddressChars, m_address.rule, m_address.message);
}

void CustomerFormModel::validateIdNumber()
{
    m_parsedId.reset();
    if (isEmptyField(m_idNumber.text, m_idNumber.rule, m_idNumber.message))
        return;
    const std::string utf8 = m_idNumber.text.toStdString();
    const core::Date today{m_today.year(), m_today.month(), m_today.day()};
    auto checked = core::checkIdNumber(utf8, today, m_minimumAgeYears);
    const int typed = int(core::normaliseIdNumber(utf8).size());
    applyCheck(
        checked, core::idRuleName, [&](core::IdRule rule) { return idRuleMessage(rule, typed, m_minimumAgeYears); },
        m_idNumber.rule, m_idNumber.message);
    if (checked.ok())
        m_parsedId = checked.value();
}

void CustomerFormModel::validatePhone()
{
    if (isEmptyField(m_phone.text, m_phone.rule, m_phone.message))
        return;
    applyCheck(core::checkPhoneNumber(m_phone.text.toStdString()), core::phoneRuleName, phoneRuleMessage, m_phone.rule,
               m_phone.message);
}

void CustomerFormModel::validateIccid()
{
    if (isEmptyField(m_iccid.text, m_iccid.rule, m_iccid.message))
        return;
    applyCheck(core::checkIccid(m_iccid.text.toStdString()), core::iccidRuleName, iccidRuleMessage, m_iccid.rule,
               m_iccid.message);
}

void CustomerFormModel::validateAll()
{
    validateName();
    validateIdNumber();
    validateAddress();
    validatePhone();
    validateIccid();
    emit changed();
}

QString CustomerFormModel::birthDate() const
{
    return m_parsedId ? QString::fromStdString(m_parsedId->birthDate.toIsoString()) : QString();
}

QString CustomerFormModel::sex() const
{
    if (!m_parsedId)
        return {};
    return m_parsedId->sex == core::Sex::Male ? QCoreApplication::translate("CustomerFormModel", "Male")
                                              : QCoreApplication::translate("CustomerFormModel", "Female");
}

QString CustomerFormModel::sexCode() const
{
    if (!m_parsedId)
        return {};
    const std::string_view name = core::sexName(m_parsedId->sex);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

bool CustomerFormModel::valid() const
{
    for (const Field *f : {&m_name, &m_idNumber, &m_address, &m_phone, &m_iccid})
        if (!f->rule.isEmpty())
            return false;
    return m_parsedId.has_value();
}

void CustomerFormModel::clear()
{
    for (Field *f : {&m_name, &m_idNumber, &m_address, &m_phone, &m_iccid}) {
        f->text.fill(QChar(u' ')); // best effort: overwrite before release
        f->text.clear();
    }
    validateAll();
}

} // namespace simkyc::app
