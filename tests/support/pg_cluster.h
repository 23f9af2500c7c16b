// A throwaway PostgreSQL cluster for tests: initdb and pg_ctl from Debian's postgresql package
// (/usr/lib/postgresql/*/bin) in a temporary folder, listening only on a unix socket in that
// folder, stopped (pg_ctl stop -m fast) and removed in the destructor. When the test runs as
// root, the server runs as the `postgres` user (runuser), which owns the temporary folder.
// Thread-safety: one instance per test (or per suite).
#pragma once

#include "support/test_env.h"

#include <filesystem>
#include <optional>
#include <string>

namespace simkyc::test {

class PgCluster {
public:
    // The newest installed PostgreSQL bin folder holding initdb and pg_ctl, or nullopt.
    static std::optional<std::filesystem::path> installedBinDir();

    PgCluster(); // initdb + start; check ok()
    ~PgCluster();
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    [[nodiscard]] bool ok() const { return m_running; }
    [[nodiscard]] const std::string &error() const { return m_error; }
    [[nodiscard]] int port() const { return m_port; }
    // Creates a database; false (and error()) on failure.
    [[nodiscard]] bool createDatabase(const std::string &name);
    // pg_ctl restart -m fast: every client connection breaks.
    [[nodiscard]] bool restart();
    // postgresql://postgres@localhost/NAME?host=SOCKET_DIR&port=PORT (the socket folder wins over localhost)
    [[nodiscard]] std::string url(const std::string &database) const;

private:
    [[nodiscard]] bool run(const std::string &tool, const std::string &arguments);

    TempDir m_dir;
    std::filesystem::path m_bin;
    int m_port = 0;
    bool m_asPostgresUser = false;
    bool m_running = false;
    std::string m_error;
};

} // namespace simkyc::test

// Skips (never fails) the current test when PostgreSQL is not installed.
#define SIMKYC_REQUIRE_POSTGRES()                                                                                      \
    do {                                                                                                               \
        if (!::simkyc::test::PgCluster::installedBinDir())                                                             \
            GTEST_SKIP() << "PostgreSQL not installed (no /usr/lib/postgresql/*/bin/initdb; apt-get install "          \
                            "postgresql); skipping";                                                                   \
    } while (false)
