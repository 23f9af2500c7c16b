#include "app/gui/login_checker.h"

#include "app/gui/gui_log.h"
#include "app/store_session.h"
#include "store/database.h"
#include "store/open_store.h"

#include <algorithm>

namespace simkyc::app {

LoginReply checkLogin(store::StaffRepository &staff, const QString &name, QString password,
                      store::Clock::time_point now)
{
    std::string passwordUtf8 = password.toStdString();
    password.fill(QChar(u' '));
    auto result = staff.verifyLogin(name.trimmed().toStdString(), passwordUtf8, now);
    std::fill(passwordUtf8.begin(), passwordUtf8.end(), '\0');
    if (!result.ok())
        return LoginReply{{}, result.error()};
    return LoginReply{std::move(result).value(), std::nullopt};
}

DirectLoginChecker::DirectLoginChecker(store::StaffRepository &staff, QObject *parent)
    : LoginChecker(parent), m_staff(staff)
{
}

void DirectLoginChecker::check(const QString &name, const QString &password, store::Clock::time_point now)
{
    emit checked(checkLogin(m_staff, name, password, now));
}

namespace {

// Lives on the checker's thread; owns that thread's connection to the store.
class LoginWorker : public QObject {
    Q_OBJECT
public:
    LoginWorker(std::filesystem::path dataDir, crypto::ScryptParams params)
        : m_dataDir(std::move(dataDir)), m_params(params)
    {
    }

    void check(const QString &name, const QString &password, store::Clock::time_point now)
    {
        if (!m_db) {
            auto db = store::openStore(storeFileOf(m_dataDir));
            if (!db.ok()) {
                emit checked(LoginReply{{}, db.error()});
                return;
            }
            m_db = std::make_unique<store::Database>(std::move(db).value());
            m_staff = std::make_unique<store::StaffRepository>(*m_db, m_params);
        }
        emit checked(checkLogin(*m_staff, name, password, now));
    }

signals:
    void checked(const simkyc::app::LoginReply &reply);

private:
    std::filesystem::path m_dataDir;
    crypto::ScryptParams m_params;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<store::StaffRepository> m_staff; // declared after m_db: destroyed first
};

} // namespace

ThreadedLoginChecker::ThreadedLoginChecker(std::filesystem::path dataDir, crypto::ScryptParams params, QObject *parent)
    : LoginChecker(parent), m_dataDir(std::move(dataDir)), m_params(params)
{
    qRegisterMetaType<LoginReply>();
    auto *worker = new LoginWorker(m_dataDir, m_params);
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &LoginWorker::checked, this, &LoginChecker::checked, Qt::QueuedConnection);
    m_worker = worker;
    m_thread.setObjectName(QStringLiteral("simkyc-login"));
    m_thread.start();
}

ThreadedLoginChecker::~ThreadedLoginChecker()
{
    m_thread.quit();
    m_thread.wait();
}

void ThreadedLoginChecker::check(const QString &name, const QString &password, store::Clock::time_point now)
{
    auto *worker = static_cast<LoginWorker *>(m_worker);
    QMetaObject::invokeMethod(
        worker, [worker, name, password, now] { worker->check(name, password, now); }, Qt::QueuedConnection);
}

} // namespace simkyc::app

#include "login_checker.moc"
