// `simkyc-upstream serve`: the HTTPS endpoint until SIGTERM or SIGINT.
#include "upstream/api.h"
#include "upstream/cli.h"
#include "upstream/https_server.h"
#include "upstream/tls_folder.h"

#include "crypto/digest.h"
#include "protocol/protocol.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace simkyc::upstream {
namespace {

Q_LOGGING_CATEGORY(lcServe, "simkyc.upstream.serve")

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

// SIGTERM and SIGINT quit the event loop (through a pipe: a signal handler may only write()).
Status installStopSignals()
{
    if (::pipe(g_signalPipe) != 0)
        return Error{ErrorCode::IoError, "cannot create the signal pipe"};
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, QCoreApplication::instance(), [] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(g_signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    return {};
}

Result<std::pair<QHostAddress, quint16>> parseListen(const std::string &text)
{
    const auto colon = text.rfind(':');
    const QHostAddress address(QString::fromStdString(text.substr(0, colon == std::string::npos ? 0 : colon)));
    if (colon == std::string::npos || address.isNull())
        return Error{ErrorCode::InvalidArgument, "--listen must be HOST:PORT with a numeric host (127.0.0.1:8443)"};
    Args port;
    port.values["listen port"] = text.substr(colon + 1);
    auto number = intValue(port, "listen port", 0, 0, 65535);
    if (!number)
        return number.error();
    return std::pair{address, static_cast<quint16>(*number)};
}

} // namespace

int runServe(const Args &args)
{
    const auto listenText = args.value("listen");
    const auto tlsText = args.value("tls");
    if (!listenText || !tlsText || !args.value("db"))
        return fail(args, Error{ErrorCode::InvalidArgument, "serve needs --listen, --db and --tls"}, kExitUsage);
    auto listen = parseListen(*listenText);
    const std::string tlsMin = args.value("tls-min").value_or("1.3");
    auto maxBatch = intValue(args, "max-batch", 200, 1, 100000);
    auto maxBody = intValue(args, "max-body-bytes", 64LL * 1024 * 1024, 1024, 1LL << 31);
    auto idle = intValue(args, "idle-timeout-ms", 60000, 100, 3600000);
    auto handshake = intValue(args, "handshake-timeout-ms", 10000, 100, 600000);
    const ConnectionLimitOptions defaults;
    auto maxConnections = intValue(args, "max-connections", defaults.maxTotal, 1, 1000000);
    auto maxPerIp = intValue(args, "max-connections-per-ip", defaults.maxPerIp, 1, 1000000);
    auto delay = intValue(args, "delay-ms", 0, 0, 600000);
    auto seed = intValue(args, "fault-seed", 0, 0, 0xffffffffLL);
    auto r500 = rateValue(args, "fault-rate-500");
    auto r429 = rateValue(args, "fault-rate-429");
    auto rDrop = rateValue(args, "fault-drop-after-commit");
    auto rGarble = rateValue(args, "fault-garble-after-commit");
    if (!listen)
        return fail(args, listen.error(), kExitUsage);
    for (const auto *r : {&maxBatch, &maxBody, &idle, &handshake, &maxConnections, &maxPerIp, &delay, &seed})
        if (!*r)
            return fail(args, r->error(), kExitUsage);
    for (const auto *r : {&r500, &r429, &rDrop, &rGarble})
        if (!*r)
            return fail(args, r->error(), kExitUsage);
    if (tlsMin != "1.2" && tlsMin != "1.3")
        return fail(args, Error{ErrorCode::InvalidArgument, "--tls-min must be 1.2 or 1.3"}, kExitUsage);
    if (args.flag("quiet"))
        QLoggingCategory::setFilterRules(QStringLiteral("simkyc.upstream.*.info=false"));

    const std::filesystem::path tlsDir = *tlsText;
    auto tls = serverTlsConfiguration(tlsDir, tlsMin == "1.2" ? TlsMinimum::V1_2 : TlsMinimum::V1_3);
    if (!tls)
        return fail(args, tls.error());
    auto receiptKey = loadReceiptKey(tlsDir);
    if (!receiptKey)
        return fail(args, receiptKey.error());
    auto token = loadEnrolmentToken(tlsDir);
    if (!token)
        return fail(args, token.error());
    auto db = openDatabase(args);
    if (!db)
        return fail(args, db.error());
    Repository repo(**db);
    auto quotaKey = quotaKeyOf(repo);
    if (!quotaKey)
        return fail(args, quotaKey.error());
    if (Status s = repo.rememberReceiptKey(receiptKey->publicKey); !s)
        return fail(args, s.error());
    const ServiceKeys keys{std::move(receiptKey).value(), std::move(quotaKey).value()};

    ServerOptions options;
    options.limits.maxBodyBytes = *maxBody;
    options.idleTimeoutMs = static_cast<int>(*idle);
    options.handshakeTimeoutMs = static_cast<int>(*handshake);
    options.connections = ConnectionLimitOptions{static_cast<int>(*maxConnections), static_cast<int>(*maxPerIp)};
    options.faults =
        FaultOptions{*r500, *r429, *rDrop, *rGarble, static_cast<int>(*delay), static_cast<std::uint32_t>(*seed)};
    Api api(**db, keys, ApiConfig{static_cast<int>(*maxBatch), *maxBody, *token});
    HttpsServer server(*tls, options,
                       [&api](const HttpRequest &request, const Peer &peer) { return api.handle(request, peer); });
    if (Status s = installStopSignals(); !s)
        return fail(args, s.error());
    if (Status s = server.listen(listen->first, listen->second); !s)
        return fail(args, s.error());

    qCInfo(lcServe).noquote() << "simkyc-upstream" << QString::fromLatin1(kVersionText.data(), kVersionText.size())
                              << "db" << QString::fromStdString((*db)->dialectName().data()) << "schema"
                              << kSchemaVersion << "tls-min" << QString::fromStdString(tlsMin) << "max-batch"
                              << *maxBatch << "max-body-bytes" << *maxBody << "max-connections" << *maxConnections
                              << "max-connections-per-ip" << *maxPerIp << "receipt key id"
                              << QString::fromStdString(protocol::keyIdOf(keys.receipt.publicKey)) << "enrolment token"
                              << (*token ? "required" : "not required") << "openssl"
                              << QString::fromStdString(crypto::opensslVersion());
    if (*r500 > 0 || *r429 > 0 || *rDrop > 0 || *delay > 0)
        qCWarning(lcServe).noquote() << "FAULT INJECTION ON: 500" << *r500 << "429" << *r429 << "drop-after-commit"
                                     << *rDrop << "delay-ms" << *delay;
    std::printf("listening on %s:%u\n", listen->first.toString().toStdString().c_str(),
                static_cast<unsigned>(server.port()));
    std::fflush(stdout);
    const int code = QCoreApplication::exec();
    server.close();
    const ConnectionCounts &connections = server.connectionCounts();
    qCInfo(lcServe).noquote() << "stopped; connections refused over the limits since start:" << connections.refusedPerIp
                              << "over max-connections-per-ip," << connections.refusedTotal << "over max-connections";
    return code == 0 ? kExitOk : kExitFailure;
}

} // namespace simkyc::upstream
