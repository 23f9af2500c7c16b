#include "app/gui/settings_view_model.h"

#include "app/gui/gui_log.h"
#include "store/audit_log.h"
#include "store/retention.h"

#include <QCoreApplication>
#include <QVariantMap>

#include <algorithm>

namespace simkyc::app {

QString SettingsViewModel::label(const QString &key)
{
    if (key == QLatin1String("match.threshold"))
        return QCoreApplication::translate("SettingsViewModel",
                                           "Face match threshold (lower is stricter: fewer impostors, more refusals)");
    if (key == QLatin1String("liveness.challenges"))
        return QCoreApplication::translate("SettingsViewModel", "Gestures per face check");
    if (key == QLatin1String("liveness.timeout_s"))
        return QCoreApplication::translate("SettingsViewModel", "Seconds the customer has for each gesture");
    if (key == QLatin1String("liveness.max_sessions"))
        return QCoreApplication::translate("SettingsViewModel", "Face checks per customer in 10 minutes");
    if (key == QLatin1String("retention.review_extra_days"))
        return QCoreApplication::translate("SettingsViewModel",
                                           "Days the face pictures are kept for your review after upload");
    if (key == QLatin1String("retention.pii_days"))
        return QCoreApplication::translate("SettingsViewModel",
                                           "Days customer data is kept after the carrier confirmed it");
    return key;
}

void SettingsViewModel::setUp(KioskConfig fileConfig, std::filesystem::path dataDir, StoreSession *session,
                              Applied applied)
{
    m_file = std::move(fileConfig);
    m_dataDir = std::move(dataDir);
    m_session = session;
    m_applied = std::move(applied);
}

void SettingsViewModel::refresh(std::int64_t managerId)
{
    m_managerId = managerId;
    m_message.clear();
    m_failed = false;
    reload();
}

void SettingsViewModel::clear()
{
    m_managerId = 0;
    m_rows.clear();
    m_message.clear();
    m_failed = false;
    emit changed();
}

void SettingsViewModel::reload()
{
    m_rows.clear();
    auto effective = withManagerSettings(m_file, m_dataDir);
    if (!effective.ok()) {
        refused(QCoreApplication::translate("SettingsViewModel", "The saved settings cannot be read: %1")
                    .arg(QString::fromStdString(effective.error().message)));
        return;
    }
    for (const std::string &key : managerSettingKeys()) {
        const std::string value = configValueText(*effective, key);
        const std::string fileValue = configValueText(m_file, key);
        m_rows << QVariantMap{{QStringLiteral("key"), QString::fromStdString(key)},
                              {QStringLiteral("label"), label(QString::fromStdString(key))},
                              {QStringLiteral("value"), QString::fromStdString(value)},
                              {QStringLiteral("fileValue"), QString::fromStdString(fileValue)},
                              {QStringLiteral("range"), QString::fromStdString(configKeyRange(key))},
                              {QStringLiteral("changed"), value != fileValue}};
    }
    emit changed();
}

bool SettingsViewModel::refused(const QString &message)
{
    m_message = message;
    m_failed = true;
    emit changed();
    return false;
}

bool SettingsViewModel::change(const QString &key, const QString &value)
{
    return store(key.toStdString(), value.trimmed().toStdString());
}

bool SettingsViewModel::reset(const QString &key)
{
    return store(key.toStdString(), std::nullopt);
}

bool SettingsViewModel::store(const std::string &key, const std::optional<std::string> &value)
{
    if (!available() || m_managerId == 0)
        return refused(QCoreApplication::translate("SettingsViewModel", "Settings cannot be changed on this kiosk."));
    const auto &keys = managerSettingKeys();
    if (std::find(keys.begin(), keys.end(), key) == keys.end())
        return refused(QCoreApplication::translate("SettingsViewModel", "This setting cannot be changed here."));
    auto values = readManagerSettings(m_dataDir);
    if (!values.ok())
        return refused(QString::fromStdString(values.error().message));
    auto before = applyManagerValues(m_file, *values);
    if (!before.ok())
        return refused(QString::fromStdString(before.error().message));
    const std::string old = configValueText(*before, key);
    if (value)
        (*values)[key] = *value;
    else
        values->erase(key);
    if (Status written = writeManagerSettings(m_dataDir, *values); !written.ok()) {
        if (written.error().code == ErrorCode::InvalidArgument)
            return refused(
                QCoreApplication::translate("SettingsViewModel", "%1 must be within %2; nothing was changed.")
                    .arg(label(QString::fromStdString(key)), QString::fromStdString(configKeyRange(key))));
        return refused(QCoreApplication::translate("SettingsViewModel", "The setting could not be saved: %1")
                           .arg(QString::fromStdString(written.error().message)));
    }
    auto after = applyManagerValues(m_file, *values); // checked by the write
    if (!after.ok())
        return refused(QString::fromStdString(after.error().message));
    const std::string now = configValueText(*after, key);
    store::Database &db = m_session->db;
    if (key.rfind("retention.", 0) == 0) {
        auto policy = store::loadRetentionPolicy(db);
        store::RetentionPolicy wanted = policy.ok() ? *policy : store::RetentionPolicy{};
        wanted.reviewExtraDays = after->reviewExtraDays;
        wanted.piiDays = after->piiDays;
        if (Status saved = store::saveRetentionPolicy(db, wanted); !saved.ok())
            return refused(QCoreApplication::translate("SettingsViewModel", "The setting could not be saved: %1")
                               .arg(QString::fromStdString(saved.error().message)));
    }
    auto audited = store::appendAudit(db, {"staff:" + std::to_string(m_managerId), "settings.change", std::nullopt,
                                           key + "=" + now + ",was=" + old + (value ? "" : ",reset=1")});
    if (!audited.ok()) // the change holds; the manager is told that its audit entry is missing
        return refused(
            QCoreApplication::translate("SettingsViewModel", "Saved, but the audit log could not record it: %1")
                .arg(QString::fromStdString(audited.error().message)));
    qCInfo(lcGui).noquote() << "setting" << key.c_str() << "=" << now.c_str() << "(was" << old.c_str() << ")";
    if (m_applied)
        m_applied(*after);
    reload();
    m_message = QCoreApplication::translate("SettingsViewModel", "Saved: %1 is now %2 (was %3).")
                    .arg(label(QString::fromStdString(key)), QString::fromStdString(now), QString::fromStdString(old));
    m_failed = false;
    emit changed();
    return true;
}

} // namespace simkyc::app
