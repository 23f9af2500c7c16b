#include "gui_fixture.h"

#include "core/iccid.h"

#include <QCoreApplication>

namespace simkyc::test {

QString validIccid()
{
    const std::string payload = "898601234567890123";
    return QString::fromStdString(payload + *core::luhnCheckDigit(payload));
}

void ensureCoreApplication()
{
    if (QCoreApplication::instance() != nullptr)
        return;
    static int argc = 1;
    static char name[] = "simkyc-gui-test";
    static char *argv[] = {name, nullptr};
    new QCoreApplication(argc, argv);
}

DemoStore::DemoStore()
{
    const auto dataDir = this->dataDir();
    auto account = app::prepareDemoDataFolder(dataDir, kCheapScryptLog2);
    if (!account.ok()) {
        m_error = account.error().toString();
        return;
    }
    m_account = *account;
    auto session = app::openSession(dataDir, std::nullopt, true);
    if (!session.ok()) {
        m_error = session.error().toString();
        return;
    }
    m_session = std::make_unique<app::StoreSession>(std::move(session).value());
    m_staff = std::make_unique<store::StaffRepository>(m_session->db, crypto::ScryptParams{kCheapScryptLog2, 8, 1});
}

} // namespace simkyc::test
