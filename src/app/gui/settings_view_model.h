// SettingsViewModel: the store manager's Settings screen: the settings a manager may change on the
// kiosk (app/kiosk_config.h managerSettingKeys(): the match threshold, the prompts per face check,
// the seconds per prompt, the face checks per customer in 10 minutes, and the two retention periods),
// each with its value, the configuration file's value and the allowed range.
// Guarantees: a value is checked against the same range as the configuration file and refused in
// words naming the range (nothing written); an accepted change is written atomically to
// <data dir>/manager-settings.conf, audited ("settings.change", the manager as actor, the key, the
// new and the old value), retention changes are written into the store at once (as `simkyc-cli
// config apply` does), and the new values are handed to the kiosk (applied()) so the next face check
// uses them; "reset" removes the manager's value (the file's applies again).
// Thread-safety: GUI thread only (the session's thread). Depends on Qt Core only.
#pragma once

#include "app/kiosk_config.h"
#include "app/store_session.h"

#include <QObject>
#include <QString>
#include <QVariantList>

#include <filesystem>
#include <functional>

namespace simkyc::app {

class SettingsViewModel : public QObject {
    Q_OBJECT
    // Per setting: key, label (in words), value, fileValue, range, changed (differs from the file).
    Q_PROPERTY(QVariantList rows READ rows NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed) // the outcome of the last change, in words
    Q_PROPERTY(bool failed READ failed NOTIFY changed)      // the last change was refused
    Q_PROPERTY(bool available READ available NOTIFY changed)

public:
    using Applied = std::function<void(const KioskConfig &effective)>;
    explicit SettingsViewModel(QObject *parent = nullptr) : QObject(parent) {}

    // fileConfig: the configuration file's values (defaults without a file); dataDir: where
    // manager-settings.conf lives; session: the store (audit, retention); applied: gets every new
    // effective configuration. Without a call the screen says settings cannot be changed here.
    void setUp(KioskConfig fileConfig, std::filesystem::path dataDir, StoreSession *session, Applied applied);
    [[nodiscard]] bool available() const { return m_session != nullptr && !m_dataDir.empty(); }

    [[nodiscard]] QVariantList rows() const { return m_rows; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] bool failed() const { return m_failed; }

    // Reads the values as manager `managerId` (the actor of the changes that follow).
    void refresh(std::int64_t managerId);
    void clear();
    Q_INVOKABLE bool change(const QString &key, const QString &value);
    Q_INVOKABLE bool reset(const QString &key);

    // The label of a setting key in words (translated).
    [[nodiscard]] static QString label(const QString &key);

signals:
    void changed();

private:
    bool store(const std::string &key, const std::optional<std::string> &value);
    bool refused(const QString &message);
    void reload();

    KioskConfig m_file;
    std::filesystem::path m_dataDir;
    StoreSession *m_session = nullptr;
    Applied m_applied;
    std::int64_t m_managerId = 0;
    QVariantList m_rows;
    QString m_message;
    bool m_failed = false;
};

} // namespace simkyc::app
