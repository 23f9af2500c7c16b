// CustomerFormModel: the customer's data as the clerk types it (name, ID number, address, phone
// number, SIM ICCID), validated on every change by core's rules (id_number.h, phone.h, iccid.h).
// Guarantees: each field exposes the code of the FIRST rule it fails ("" when it holds; "required"
// for an empty field) and a translatable message naming that rule, never repeating the input; an
// empty field has a rule but no message (nothing is shown before the clerk types); birthDate and
// sex are derived from the ID number only while it holds every rule; valid is true exactly when
// every field holds. clear() wipes every field (customer data never outlives a registration).
// The model holds no business rules of its own beyond length limits for free text.
// Thread-safety: GUI thread only (a QObject bound to QML). Depends on Qt Core only.
#pragma once

#include "core/id_number.h"

#include <QDate>
#include <QObject>
#include <QString>

#include <optional>

namespace simkyc::app {

inline constexpr int kMaxCustomerNameChars = 64;
inline constexpr int kMaxAddressChars = 200;

class CustomerFormModel : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY changed)
    Q_PROPERTY(QString idNumber READ idNumber WRITE setIdNumber NOTIFY changed)
    Q_PROPERTY(QString address READ address WRITE setAddress NOTIFY changed)
    Q_PROPERTY(QString phone READ phone WRITE setPhone NOTIFY changed)
    Q_PROPERTY(QString iccid READ iccid WRITE setIccid NOTIFY changed)
    Q_PROPERTY(QString nameRule READ nameRule NOTIFY changed)
    Q_PROPERTY(QString nameError READ nameError NOTIFY changed)
    Q_PROPERTY(QString idNumberRule READ idNumberRule NOTIFY changed)
    Q_PROPERTY(QString idNumberError READ idNumberError NOTIFY changed)
    Q_PROPERTY(QString addressRule READ addressRule NOTIFY changed)
    Q_PROPERTY(QString addressError READ addressError NOTIFY changed)
    Q_PROPERTY(QString phoneRule READ phoneRule NOTIFY changed)
    Q_PROPERTY(QString phoneError READ phoneError NOTIFY changed)
    Q_PROPERTY(QString iccidRule READ iccidRule NOTIFY changed)
    Q_PROPERTY(QString iccidError READ iccidError NOTIFY changed)
    Q_PROPERTY(QString birthDate READ birthDate NOTIFY changed) // "YYYY-MM-DD" or ""
    Q_PROPERTY(QString sex READ sex NOTIFY changed)             // translated "Male"/"Female" or ""
    Q_PROPERTY(QString sexCode READ sexCode NOTIFY changed)     // "male"/"female" or ""
    Q_PROPERTY(bool valid READ valid NOTIFY changed)

public:
    explicit CustomerFormModel(QObject *parent = nullptr);

    // The day ID numbers are checked against (birth date in the future, minimum age). Defaults to
    // QDate::currentDate() at construction; the workflow sets it at each new registration.
    void setToday(const QDate &today);
    void setMinimumAgeYears(int years);

    [[nodiscard]] QString name() const { return m_name.text; }
    [[nodiscard]] QString idNumber() const { return m_idNumber.text; }
    [[nodiscard]] QString address() const { return m_address.text; }
    [[nodiscard]] QString phone() const { return m_phone.text; }
    [[nodiscard]] QString iccid() const { return m_iccid.text; }
    void setName(const QString &value);
    void setIdNumber(const QString &value);
    void setAddress(const QString &value);
    void setPhone(const QString &value);
    void setIccid(const QString &value);

    [[nodiscard]] QString nameRule() const { return m_name.rule; }
    [[nodiscard]] QString nameError() const { return m_name.message; }
    [[nodiscard]] QString idNumberRule() const { return m_idNumber.rule; }
    [[nodiscard]] QString idNumberError() const { return m_idNumber.message; }
    [[nodiscard]] QString addressRule() const { return m_address.rule; }
    [[nodiscard]] QString addressError() const { return m_address.message; }
    [[nodiscard]] QString phoneRule() const { return m_phone.rule; }
    [[nodiscard]] QString phoneError() const { return m_phone.message; }
    [[nodiscard]] QString iccidRule() const { return m_iccid.rule; }
    [[nodiscard]] QString iccidError() const { return m_iccid.message; }

    [[nodiscard]] QString birthDate() const;
    [[nodiscard]] QString sex() const;
    [[nodiscard]] QString sexCode() const;
    [[nodiscard]] bool valid() const;

    // The parsed ID number while it holds every rule (for the next step of the workflow).
    [[nodiscard]] const std::optional<core::IdNumber> &parsedIdNumber() const { return m_parsedId; }

    Q_INVOKABLE void clear();

signals:
    void changed();

private:
    struct Field {
        QString text;
        QString rule = QStringLiteral("required");
        QString message;
    };

    void setField(Field &field, const QString &value, void (CustomerFormModel::*validate)());
    void validateName();
    void validateIdNumber();
    void validateAddress();
    void validatePhone();
    void validateIccid();
    void validateAll();

    Field m_name;
    Field m_idNumber;
    Field m_address;
    Field m_phone;
    Field m_iccid;
    std::optional<core::IdNumber> m_parsedId;
    QDate m_today;
    int m_minimumAgeYears = core::kDefaultMinimumAgeYears;
};

} // namespace simkyc::app
