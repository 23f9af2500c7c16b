// simkyc-fault-proxy: a faulty network between the kiosk and the upstream, for tests and soaks.
//   simkyc-fault-proxy --listen 127.0.0.1:0 --target 127.0.0.1:8443 [--target ...] [--drop P] [--reset P]
//                      [--cut-response P] [--delay-max-ms N] [--seed S]
// Prints "listening on 127.0.0.1:PORT" when ready; on SIGTERM/SIGINT prints the fault counts (stderr) as
// one JSON line and exits 0.
#include "fault_proxy.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalFd[2] = {-1, -1};

void onSignal(int)
{
    const char b = 1;
    (void)!::write(g_signalFd[0], &b, 1);
}

bool splitHostPort(const QString &text, QHostAddress &host, quint16 &port)
{
    const qsizetype colon = text.lastIndexOf(':');
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    host = QHostAddress(text.left(colon));
    port = static_cast<quint16>(p);
    return colon > 0 && ok && p <= 65535 && !host.isNull();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription("A faulty TCP proxy on loopback (tests of the upstream sync).");
    parser.addHelpOption();
    parser.addOption({"listen", "Address to listen on (port 0: any free port).", "HOST:PORT", "127.0.0.1:0"});
    parser.addOption({"target", "The server to forward to (repeat: round robin).", "HOST:PORT"});
    parser.addOption({"drop", "Probability a connection is closed on accept.", "P", "0"});
    parser.addOption({"reset", "Probability per forwarded chunk that the connection is reset.", "P", "0"});
    parser.addOption({"cut-response", "Probability a connection's answer to a request is cut off.", "P", "0"});
    parser.addOption({"delay-max-ms", "Hold each chunk for up to this long.", "MS", "0"});
    parser.addOption({"seed", "Random seed.", "S", "1"});
    parser.process(app);
    QHostAddress listenHost;
    quint16 listenPort = 0;
    QList<QPair<QHostAddress, quint16>> targets;
    bool ok = splitHostPort(parser.value("listen"), listenHost, listenPort) && parser.isSet("target");
    for (const QString &target : parser.values("target")) {
        QHostAddress host;
        quint16 port = 0;
        ok = ok && splitHostPort(target, host, port);
        targets.append({host, port});
    }
    if (!ok) {
        std::fprintf(stderr, "simkyc-fault-proxy: --listen and --target take HOST:PORT\n");
        return 2;
    }
    simkyc::tools::FaultOptions o;
    o.drop = parser.value("drop").toDouble();
    o.reset = parser.value("reset").toDouble();
    o.cutResponse = parser.value("cut-response").toDouble();
    o.delayMaxMs = parser.value("delay-max-ms").toInt();
    o.seed = parser.value("seed").toUInt();
    simkyc::tools::FaultProxy proxy(targets, o);
    if (!proxy.listen(listenHost, listenPort)) {
        std::fprintf(stderr, "simkyc-fault-proxy: cannot listen on %s\n", qPrintable(parser.value("listen")));
        return 1;
    }
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) != 0)
        return 1;
    QSocketNotifier notifier(g_signalFd[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    std::printf("listening on %s:%u\n", qPrintable(listenHost.toString()), proxy.port());
    std::fflush(stdout);
    const int rc = app.exec();
    const auto &c = proxy.counts();
    const QJsonObject counts{{"connections", c.connections},
                             {"dropped", c.dropped},
                             {"resets", c.resets},
                             {"cuts", c.cuts},
                             {"delayed", c.delayed}};
    std::fprintf(stderr, "%s\n", QJsonDocument(counts).toJson(QJsonDocument::Compact).constData());
    return rc;
}
