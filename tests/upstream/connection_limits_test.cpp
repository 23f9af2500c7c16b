// Connection limits of simkyc-upstream: the accounting alone, then the real server on loopback,
// with clients from several loopback addresses (127.0.0.0/8) standing for several client IPs.
#include "upstream_fixture.h"

#include "upstream/connection_limits.h"

#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QThread>

#include <arpa/inet.h>
#include <cerrno>
#include <functional>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace simkyc::upstream::test {
namespace {

constexpr int kWaitMs = 10000; // generous: every wait below ends as soon as its condition holds

// --- The accounting ------------------------------------------------------------------------------

TEST(ConnectionLimits, PerIpAndTotalLimitsAndRelease)
{
    ConnectionLimits limits(ConnectionLimitOptions{3, 2});
    const QHostAddress a("10.0.0.1"), b("10.0.0.2"), c("2001:db8::1");
    EXPECT_EQ(limits.admit(a), Admission::Admitted);
    EXPECT_EQ(limits.admit(a), Admission::Admitted);
    EXPECT_EQ(limits.admit(a), Admission::OverPerIpLimit);
    EXPECT_EQ(limits.admit(b), Admission::Admitted);
    EXPECT_EQ(limits.admit(c), Admission::OverTotalLimit);
    EXPECT_EQ(limits.counts().open, 3);
    EXPECT_EQ(limits.counts().refusedPerIp, 1);
    EXPECT_EQ(limits.counts().refusedTotal, 1);

    limits.release(a);
    EXPECT_EQ(limits.openFrom(a), 1);
    EXPECT_EQ(limits.admit(c), Admission::Admitted);
    limits.release(b);
    limits.release(c);
    limits.release(a);
    EXPECT_EQ(limits.counts().open, 0);
    EXPECT_EQ(limits.openFrom(a), 0);
    EXPECT_EQ(limits.counts().refused(), 2);
}

TEST(ConnectionLimits, AnIpv4MappedAddressCountsAsItsIpv4Address)
{
    ConnectionLimits limits(ConnectionLimitOptions{10, 1});
    EXPECT_EQ(limits.admit(QHostAddress("192.0.2.7")), Admission::Admitted);
    EXPECT_EQ(limits.admit(QHostAddress("::ffff:192.0.2.7")), Admission::OverPerIpLimit);
    limits.release(QHostAddress("::ffff:192.0.2.7"));
    EXPECT_EQ(limits.counts().open, 0);
    EXPECT_EQ(limits.admit(QHostAddress("::ffff:192.0.2.7")), Admission::Admitted);
}

// --- The server ----------------------------------------------------------------------------------

// A TCP connection from a loopback address that never starts TLS.
class RawConnection {
public:
    RawConnection(quint16 port, const char *from)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in local{};
        local.sin_family = AF_INET;
        ::inet_pton(AF_INET, from, &local.sin_addr);
        sockaddr_in server{};
        server.sin_family = AF_INET;
        server.sin_port = htons(port);
        ::inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
        m_connected = m_fd >= 0 && ::bind(m_fd, reinterpret_cast<const sockaddr *>(&local), sizeof local) == 0 &&
                      ::connect(m_fd, reinterpret_cast<const sockaddr *>(&server), sizeof server) == 0;
    }
    ~RawConnection() { close(); }
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    [[nodiscard]] bool connected() const { return m_connected; }
    void send(const QByteArray &bytes) { EXPECT_EQ(::send(m_fd, bytes.constData(), bytes.size(), 0), bytes.size()); }
    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

    // Waits up to timeoutMs for the server to close (end of stream or reset); true if it did.
    bool closedByServerWithin(int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (!m_closed && timer.elapsed() < timeoutMs) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(timeoutMs - timer.elapsed())) > 0)
                readOnce();
        }
        return m_closed;
    }
    // Still open right now, as far as the kernel knows (does not wait).
    bool open()
    {
        pollfd p{m_fd, POLLIN, 0};
        if (!m_closed && ::poll(&p, 1, 0) > 0)
            readOnce();
        return !m_closed;
    }
    [[nodiscard]] qsizetype received() const { return m_received; }

private:
    void readOnce()
    {
        char buffer[4096];
        const ssize_t got = ::recv(m_fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (got > 0)
            m_received += got;
        else if (got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
            m_closed = true;
    }

    int m_fd = -1;
    bool m_connected = false;
    bool m_closed = false;
    qsizetype m_received = 0;
};

struct ConnectionLimitTest : ::testing::Test {
    simkyc::test::TempDir dir;
    std::string db = "sqlite:" + (dir.path() / "upstream.db").string();

    static std::unique_ptr<HttpsClient> client(quint16 port, const std::string &from,
                                               const std::string &identity = "device")
    {
        auto c = std::make_unique<HttpsClient>(port, deviceIdentity(identity));
        c->setSource(from);
        return c;
    }

    static bool healthy(HttpsClient &c)
    {
        auto reply = c.request("GET", "/v1/health");
        return reply && reply->status == 200;
    }

    // Waits until a client from `from` is served (a slot was freed); that client, or the last refused one.
    static std::unique_ptr<HttpsClient> servedOnceFree(quint16 port, const std::string &from)
    {
        QElapsedTimer timer;
        timer.start();
        auto c = client(port, from);
        while (!healthy(*c) && timer.elapsed() < kWaitMs) {
            QThread::msleep(20);
            c = client(port, from);
        }
        return c;
    }

    // Waits until `count` clients from `from` are served at once (each answers while all are held
    // open) and one more is refused meanwhile; false if that never happened within kWaitMs.
    static bool servesExactly(quint16 port, const std::string &from, int count)
    {
        QElapsedTimer timer;
        timer.start();
        while (true) {
            std::vector<std::unique_ptr<HttpsClient>> held;
            bool all = true;
            for (int i = 0; i < count && all; ++i) {
                held.push_back(client(port, from));
                all = healthy(*held.back());
            }
            // (One more served: a bug, or one held was idle-closed meanwhile on a slow machine.)
            if (all && !healthy(*client(port, from)))
                return true;
            if (timer.elapsed() > kWaitMs)
                return false;
            QThread::msleep(20);
        }
    }

    // The number in the server's "stopped; connections refused ..." line before `what`, or -1.
    static int refusedAtStop(const QByteArray &log, const char *what)
    {
        const QRegularExpression re(QStringLiteral("(\\d+) over %1(?![-\\w])").arg(QLatin1String(what)));
        const auto stopped = log.mid(log.indexOf("stopped; connections refused"));
        const auto match = re.match(QString::fromUtf8(stopped));
        return match.hasMatch() ? match.captured(1).toInt() : -1;
    }
};

// The default per-IP limit, 32: above the 30 handshakes QSslServer would hold by default.
TEST_F(ConnectionLimitTest, OverThePerIpLimitTheExtraConnectionIsClosedBeforeTls)
{
    ServerProcess server(db, {"--max-connections", "100"});
    ASSERT_TRUE(server.ok());
    const quint16 port = server.port();
    auto served = client(port, "127.0.0.1");
    ASSERT_TRUE(healthy(*served)) << served->lastError().toStdString();
    std::vector<std::unique_ptr<RawConnection>> handshaking; // 31 more, in their handshake for 10 s
    for (int i = 0; i < 31; ++i) {
        handshaking.push_back(std::make_unique<RawConnection>(port, "127.0.0.1"));
        ASSERT_TRUE(handshaking.back()->connected());
    }

    // The 33rd from 127.0.0.1: closed at once, nothing sent (no TLS); the first 32 stay.
    RawConnection extra(port, "127.0.0.1");
    ASSERT_TRUE(extra.connected());
    EXPECT_TRUE(extra.closedByServerWithin(kWaitMs));
    EXPECT_EQ(extra.received(), 0);
    for (const auto &r : handshaking)
        EXPECT_TRUE(r->open());
    EXPECT_FALSE(healthy(*client(port, "127.0.0.1")));
    EXPECT_TRUE(healthy(*served)); // on its first connection still
    EXPECT_EQ(served->connectionsOpened(), 1);
    // Another address is not limited by 127.0.0.1's connections.
    auto other = client(port, "127.0.0.2");
    EXPECT_TRUE(healthy(*other)) << other->lastError().toStdString();

    // A connection closes: its slot is taken again (no leak), and the limit holds again after.
    handshaking.front()->close();
    auto again = servedOnceFree(port, "127.0.0.1");
    EXPECT_TRUE(healthy(*again)) << again->lastError().toStdString();
    RawConnection overAgain(port, "127.0.0.1");
    EXPECT_TRUE(overAgain.closedByServerWithin(kWaitMs));
    EXPECT_EQ(overAgain.received(), 0);
    EXPECT_TRUE(healthy(*served));
    EXPECT_EQ(served->connectionsOpened(), 1);

    ASSERT_EQ(server.stop(), 0);
    const QByteArray log = server.stderrText();
    // Rate-limited: the first refusal is logged, the next ones (within 10 s) only counted.
    EXPECT_EQ(log.count("refused a connection from"), 1) << log.toStdString();
    EXPECT_TRUE(
        log.contains("refused a connection from 127.0.0.1 before TLS: it has 32 open, the limit per IP address"))
        << log.toStdString();
    EXPECT_GE(refusedAtStop(log, "max-connections-per-ip"), 3) << log.toStdString();
    EXPECT_EQ(refusedAtStop(log, "max-connections"), 0) << log.toStdString();
}

TEST_F(ConnectionLimitTest, TheTotalLimitCountsConnectionsFromEveryAddress)
{
    ServerProcess server(db, {"--max-connections", "4", "--max-connections-per-ip", "3"});
    ASSERT_TRUE(server.ok());
    const quint16 port = server.port();
    auto served = client(port, "127.0.0.1");
    ASSERT_TRUE(healthy(*served)) << served->lastError().toStdString();
    RawConnection a1(port, "127.0.0.1"), a2(port, "127.0.0.1"), b1(port, "127.0.0.2");

    // Four are open: 127.0.0.2 is under its own limit, 127.0.0.3 has none open, both are refused.
    RawConnection b2(port, "127.0.0.2"), c1(port, "127.0.0.3");
    EXPECT_TRUE(b2.closedByServerWithin(kWaitMs));
    EXPECT_TRUE(c1.closedByServerWithin(kWaitMs));
    EXPECT_EQ(b2.received() + c1.received(), 0);
    EXPECT_FALSE(healthy(*client(port, "127.0.0.3")));
    for (RawConnection *r : {&a1, &a2, &b1})
        EXPECT_TRUE(r->open());
    EXPECT_TRUE(healthy(*served));
    EXPECT_EQ(served->connectionsOpened(), 1);

    b1.close();
    auto third = servedOnceFree(port, "127.0.0.3");
    EXPECT_TRUE(healthy(*third)) << third->lastError().toStdString();
    RawConnection d1(port, "127.0.0.4");
    EXPECT_TRUE(d1.closedByServerWithin(kWaitMs));

    ASSERT_EQ(server.stop(), 0);
    const QByteArray log = server.stderrText();
    EXPECT_TRUE(log.contains("before TLS: 4 connections are open, the limit (--max-connections)")) << log.toStdString();
    EXPECT_GE(refusedAtStop(log, "max-connections"), 4) << log.toStdString();
    EXPECT_EQ(refusedAtStop(log, "max-connections-per-ip"), 0) << log.toStdString();
}

// Each way a connection can end, twice from a fresh address (so both are admitted) with a limit of
// two per address: afterwards two clients from that address are served again, and a third is not.
TEST_F(ConnectionLimitTest, SlotsAreReleasedHoweverAConnectionEnds)
{
    ServerProcess server(db, {"--max-connections-per-ip", "2", "--handshake-timeout-ms", "300", "--idle-timeout-ms",
                              "500", "--fault-drop-after-commit", "1", "--quiet"});
    ASSERT_TRUE(server.ok());
    const quint16 port = server.port();
    using Ending = std::function<void(const std::string &from)>;
    auto raw = [port](const QByteArray &bytes) {
        return [port, bytes](const std::string &from) {
            RawConnection a(port, from.c_str()), b(port, from.c_str());
            if (!bytes.isEmpty()) {
                a.send(bytes);
                b.send(bytes);
            }
            EXPECT_TRUE(a.closedByServerWithin(kWaitMs) && b.closedByServerWithin(kWaitMs)) << bytes.toStdString();
        };
    };
    auto https = [port](const std::function<void(HttpsClient &)> &use) {
        return [port, use](const std::string &from) {
            auto a = client(port, from), b = client(port, from);
            use(*a);
            use(*b);
        };
    };
    const std::vector<std::pair<std::string, Ending>> endings{
        {"handshake timeout", raw({})},
        {"not TLS", raw("GET /v1/health HTTP/1.1\r\n\r\n")},
        {"broken ClientHello", raw(QByteArray("\x16\x03\x01\x00\x08", 5) + "garbage!")},
        {"peer gone during the handshake",
         [port](const std::string &from) { RawConnection a(port, from.c_str()), b(port, from.c_str()); }},
        {"untrusted client certificate",
         [port](const std::string &from) {
             auto a = client(port, from, "rogue/device"), b = client(port, from, "expired/device");
             EXPECT_FALSE(healthy(*a));
             EXPECT_FALSE(healthy(*b));
         }},
        {"peer close", https([](HttpsClient &c) { EXPECT_TRUE(healthy(c)); })},
        {"Connection: close", https([](HttpsClient &c) {
             auto reply = c.raw("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
             EXPECT_TRUE(reply && reply->status == 200);
         })},
        {"malformed request", https([](HttpsClient &c) {
             auto reply = c.raw("NONSENSE\r\n\r\n");
             EXPECT_TRUE(reply && reply->status == 400);
         })},
        {"idle timeout, client still there",
         [port](const std::string &from) {
             auto a = client(port, from), b = client(port, from);
             EXPECT_TRUE(healthy(*a) && healthy(*b));
             EXPECT_TRUE(servesExactly(port, from, 2)); // while a and b are still open on this side
         }},
        {"dropped after commit (fault)",
         https([](HttpsClient &c) { EXPECT_FALSE(c.post("/v1/devices", Kiosk().enrolment(enrolmentToken()))); })},
    };
    int host = 10;
    for (const auto &[name, end] : endings) {
        SCOPED_TRACE(name);
        const std::string from = "127.0.0." + std::to_string(host++);
        end(from);
        EXPECT_TRUE(servesExactly(port, from, 2));
    }
}

// A client that sends requests and reads no answer: the idle timeout's close cannot flush, so the
// connection is reset one idle period later and its slot released.
TEST_F(ConnectionLimitTest, AClientThatReadsNothingDoesNotKeepItsSlot)
{
    ServerProcess server(db, {"--max-connections-per-ip", "1", "--idle-timeout-ms", "300", "--quiet"});
    ASSERT_TRUE(server.ok());
    HttpsClient stuck(server.port(), deviceIdentity());
    stuck.setSource("127.0.0.20", 4096);
    QByteArray requests; // 1.8 MB of requests, 7 MB of answers: more than the kernel's buffers take
    for (int i = 0; i < 40000; ++i)
        requests += "GET /v1/nothing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    ASSERT_TRUE(stuck.sendOnly(requests)) << stuck.lastError().toStdString();
    EXPECT_TRUE(servesExactly(server.port(), "127.0.0.20", 1)); // while `stuck` is still open
}

} // namespace
} // namespace simkyc::upstream::test
