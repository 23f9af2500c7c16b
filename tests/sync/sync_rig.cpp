#include "sync_rig.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTcpServer>
#include <QThread>

namespace simkyc::sync::test {
namespace {

// QProcess and QTcpServer want an application object. It lives until the process exits (never
// destroyed: Qt's own statics outlive the test framework's environment teardown).
class QtEnvironment : public ::testing::Environment {
public:
    void SetUp() override
    {
        static int argc = 1;
        static char name[] = "sync_e2e_tests";
        static char *argv[] = {name, nullptr};
        if (QCoreApplication::instance() == nullptr)
            new QCoreApplication(argc, argv);
    }
};

[[maybe_unused]] const auto *const kQt = ::testing::AddGlobalTestEnvironment(new QtEnvironment);

} // namespace

QString qpath(const fs::path &path)
{
    return QString::fromStdString(path.string());
}

const fs::path &pkiDir()
{
    static simkyc::test::TempDir dir;
    static const fs::path pki = [] {
        const fs::path out = dir.path() / "pki";
        const ProgramRun r = runProgram((simkyc::test::sourceDir() / "scripts" / "test-pki").string(), {qpath(out)});
        if (r.exitCode != 0)
            ADD_FAILURE() << "scripts/test-pki failed: " << r.err.toStdString();
        return out;
    }();
    return pki;
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QJsonObject ProgramRun::json() const
{
    const QList<QByteArray> lines = out.trimmed().split('\n');
    return QJsonDocument::fromJson(lines.isEmpty() ? QByteArray() : lines.back()).object();
}

ProgramRun runProgram(const std::string &program, const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.start(QString::fromStdString(program), args);
    ProgramRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out: " + QByteArray::fromStdString(program);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

ProgramRun kiosk(const QStringList &args, int timeoutMs)
{
    return runProgram((simkyc::test::binDir() / "simkyc-cli").string(), args, timeoutMs);
}

ProgramRun upstream(const QStringList &args, int timeoutMs)
{
    return runProgram((simkyc::test::binDir() / "simkyc-upstream").string(), args, timeoutMs);
}

Service::Service(const std::string &program, const QStringList &args, const fs::path &logFile) : m_log(logFile)
{
    m_process.setStandardErrorFile(qpath(logFile), QIODevice::Append);
    m_process.start(QString::fromStdString(program), args);
    QByteArray out;
    while (m_process.waitForReadyRead(30000)) {
        out += m_process.readAllStandardOutput();
        const qsizetype at = out.indexOf("listening on ");
        const qsizetype colon = at < 0 ? -1 : out.indexOf(':', at);
        const qsizetype end = colon < 0 ? -1 : out.indexOf('\n', colon);
        if (end > colon && colon > 0) {
            m_port = static_cast<quint16>(out.mid(colon + 1, end - colon - 1).trimmed().toUInt());
            return;
        }
    }
    ADD_FAILURE() << program << " did not start; its log: " << output().toStdString();
}

Service::~Service()
{
    stop();
}

void Service::kill()
{
    m_process.kill();
    m_process.waitForFinished(10000);
}

void Service::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000))
        kill();
}

QByteArray Service::output()
{
    QFile f(qpath(m_log));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::unique_ptr<Service> startServer(const std::string &db, quint16 port, const fs::path &logFile,
                                     const QStringList &extra, const fs::path &tls)
{
    QStringList args{"serve", "--listen", QStringLiteral("127.0.0.1:%1").arg(port), "--db", QString::fromStdString(db),
                     "--tls", qpath(tls)};
    return std::make_unique<Service>((simkyc::test::binDir() / "simkyc-upstream").string(), args + extra, logFile);
}

std::unique_ptr<Service> startProxy(const std::vector<quint16> &targets, const fs::path &logFile,
                                    const QStringList &faults)
{
    QStringList args{"--listen", "127.0.0.1:0"};
    for (quint16 t : targets)
        args << "--target" << QStringLiteral("127.0.0.1:%1").arg(t);
    return std::make_unique<Service>((simkyc::test::binDir() / "simkyc-fault-proxy").string(), args + faults, logFile);
}

void makeRecords(const fs::path &dataDir, int records)
{
    const ProgramRun r = kiosk({"demo", "--data-dir", qpath(dataDir), "--records", QString::number(records),
                                "--manual-check", "--kdf-cost-log2", "10", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
}

QStringList syncArgs(const fs::path &dataDir, quint16 port, const QStringList &extra, const fs::path &tls)
{
    return QStringList{"sync",         "run",        "--data-dir",
                       qpath(dataDir), "--upstream", QStringLiteral("https://127.0.0.1:%1").arg(port),
                       "--tls",        qpath(tls),   "--json"} +
           extra;
}

} // namespace simkyc::sync::test
