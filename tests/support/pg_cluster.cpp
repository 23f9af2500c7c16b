#include "support/pg_cluster.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

namespace simkyc::test {
namespace {

int freeTcpPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

std::string tail(const fs::path &file)
{
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    const std::string all = text.str();
    return all.size() > 2000 ? all.substr(all.size() - 2000) : all;
}

} // namespace

std::optional<fs::path> PgCluster::installedBinDir()
{
    std::error_code ec;
    std::vector<fs::path> candidates;
    for (const auto &entry : fs::directory_iterator("/usr/lib/postgresql", ec))
        if (fs::exists(entry.path() / "bin" / "initdb", ec) && fs::exists(entry.path() / "bin" / "pg_ctl", ec))
            candidates.push_back(entry.path() / "bin");
    if (candidates.empty())
        return std::nullopt;
    std::sort(candidates.begin(), candidates.end(), [](const fs::path &a, const fs::path &b) {
        return std::stoi(a.parent_path().filename().string()) < std::stoi(b.parent_path().filename().string());
    });
    return candidates.back();
}

PgCluster::PgCluster()
{
    const auto bin = installedBinDir();
    if (!bin) {
        m_error = "PostgreSQL is not installed";
        return;
    }
    m_bin = *bin;
    m_port = freeTcpPort();
    if (::geteuid() == 0) {
        const passwd *pw = ::getpwnam("postgres");
        if (pw == nullptr) {
            m_error = "running as root and there is no postgres user";
            return;
        }
        m_asPostgresUser = true;
        if (::chown(m_dir.path().c_str(), pw->pw_uid, pw->pw_gid) != 0) {
            m_error = "cannot chown the cluster folder to postgres";
            return;
        }
    }
    const std::string dir = m_dir.path().string();
    if (!run("initdb", "-D " + dir + "/data -U postgres -A trust --no-sync --no-locale -E UTF8"))
        return;
    if (!run("pg_ctl", "-D " + dir + "/data -l " + dir + "/server.log -w -t 60 -o \"-p " + std::to_string(m_port) +
                           " -k " + dir + " -c listen_addresses='' -c fsync=off -c max_connections=50\" start")) {
        m_error += "\n" + tail(m_dir.path() / "server.log");
        return;
    }
    m_running = true;
}

PgCluster::~PgCluster()
{
    if (m_running)
        (void)run("pg_ctl", "-D " + m_dir.path().string() + "/data -m fast -w -t 60 stop");
}

bool PgCluster::run(const std::string &tool, const std::string &arguments)
{
    const fs::path log = m_dir.path() / (tool + ".out");
    const std::string command = (m_asPostgresUser ? "runuser -u postgres -- " : "") + (m_bin / tool).string() + " " +
                                arguments + " >>" + log.string() + " 2>&1";
    if (std::system(command.c_str()) != 0) {
        m_error = tool + " failed: " + tail(log);
        return false;
    }
    return true;
}

bool PgCluster::restart()
{
    return run("pg_ctl", "-D " + m_dir.path().string() + "/data -m fast -w -t 60 restart");
}

bool PgCluster::createDatabase(const std::string &name)
{
    return run("createdb", "-h " + m_dir.path().string() + " -p " + std::to_string(m_port) + " -U postgres " + name);
}

std::string PgCluster::url(const std::string &database) const
{
    return "postgresql://postgres@localhost/" + database + "?host=" + m_dir.path().string() +
           "&port=" + std::to_string(m_port);
}

} // namespace simkyc::test
