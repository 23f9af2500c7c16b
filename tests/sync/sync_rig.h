// The upstream sync as a user runs it, for end-to-end tests: a test PKI (scripts/test-pki), the
// real simkyc-upstream on loopback (stderr to a file, so it never blocks), the fault proxy, and
// simkyc-cli runs of demo and sync.
// Thread-safety: one instance per test.
#pragma once

#include "support/test_env.h"

#include <QJsonObject>
#include <QProcess>
#include <QStringList>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace simkyc::sync::test {

namespace fs = std::filesystem;

QString qpath(const fs::path &path);
const fs::path &pkiDir(); // made once per test binary
quint16 freePort();

struct ProgramRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    [[nodiscard]] QJsonObject json() const; // the last line of stdout
};
ProgramRun runProgram(const std::string &program, const QStringList &args, int timeoutMs = 300000);
ProgramRun kiosk(const QStringList &args, int timeoutMs = 300000);   // simkyc-cli
ProgramRun upstream(const QStringList &args, int timeoutMs = 60000); // simkyc-upstream

// A background program that prints "listening on HOST:PORT" when ready.
class Service {
public:
    Service(const std::string &program, const QStringList &args, const fs::path &logFile);
    ~Service();
    Service(const Service &) = delete;
    Service &operator=(const Service &) = delete;
    [[nodiscard]] bool ok() const { return m_port != 0; }
    [[nodiscard]] quint16 port() const { return m_port; }
    void kill(); // SIGKILL, no goodbye
    void stop(); // SIGTERM and wait
    [[nodiscard]] QByteArray output();

private:
    QProcess m_process;
    quint16 m_port = 0;
    fs::path m_log;
};

std::unique_ptr<Service> startServer(const std::string &db, quint16 port, const fs::path &logFile,
                                     const QStringList &extra = {}, const fs::path &tls = pkiDir());
std::unique_ptr<Service> startProxy(const std::vector<quint16> &targets, const fs::path &logFile,
                                    const QStringList &faults);

// `demo --manual-check` registrations in a fresh data folder (fast: no camera, cheap staff KDF).
void makeRecords(const fs::path &dataDir, int records);
QStringList syncArgs(const fs::path &dataDir, quint16 port, const QStringList &extra = {},
                     const fs::path &tls = pkiDir());

} // namespace simkyc::sync::test
