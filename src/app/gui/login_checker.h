// LoginChecker: checks a clerk's name and password against the staff table (store::StaffRepository:
// scrypt, lockout) and reports the outcome with the signal checked(), as a value.
//  - DirectLoginChecker runs on the caller's thread with the caller's repository: checked() is
//    emitted before check() returns (tests, tools);
//  - ThreadedLoginChecker runs on a thread of its own with its own connection to the store, so the
//    window keeps drawing during the ~250 ms hash; checked() arrives queued on the owner's thread.
// Guarantees: exactly one checked() per check(); the password is not kept after the check (its
// copies are overwritten, best effort: QString may have copied it before).
// Thread-safety: call check() from the thread that owns the checker (the GUI thread).
#pragma once

#include "core/result.h"
#include "store/record_id.h"
#include "store/staff_repository.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThread>

#include <filesystem>
#include <memory>
#include <optional>

namespace simkyc::app {

// One check's outcome; error is set when the store could not be read (outcome is meaningless then).
struct LoginReply {
    store::LoginResult result;
    std::optional<Error> error;
};

class LoginChecker : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void check(const QString &name, const QString &password, store::Clock::time_point now) = 0;

signals:
    void checked(const simkyc::app::LoginReply &reply);
};

class DirectLoginChecker : public LoginChecker {
    Q_OBJECT
public:
    // staff must outlive the checker.
    explicit DirectLoginChecker(store::StaffRepository &staff, QObject *parent = nullptr);
    void check(const QString &name, const QString &password, store::Clock::time_point now) override;

private:
    store::StaffRepository &m_staff;
};

class ThreadedLoginChecker : public LoginChecker {
    Q_OBJECT
public:
    // Opens <dataDir>/simkyc.db on its thread at the first check (staff rows are not encrypted: no
    // key is needed there). params: the cost of the dummy hash for unknown names.
    ThreadedLoginChecker(std::filesystem::path dataDir, crypto::ScryptParams params, QObject *parent = nullptr);
    ~ThreadedLoginChecker() override; // waits for a running check, then stops the thread
    void check(const QString &name, const QString &password, store::Clock::time_point now) override;

private:
    QThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread, deleted when it finishes
    std::filesystem::path m_dataDir;
    crypto::ScryptParams m_params;
};

// The check itself, shared by both checkers.
[[nodiscard]] LoginReply checkLogin(store::StaffRepository &staff, const QString &name, QString password,
                                    store::Clock::time_point now);

} // namespace simkyc::app

Q_DECLARE_METATYPE(simkyc::app::LoginReply)
