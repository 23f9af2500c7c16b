#include "support/test_env.h"

#include <cstdlib>
#include <random>
#include <system_error>

namespace fs = std::filesystem;

namespace simkyc::test {
namespace {

fs::path envPath(const char *name, const char *fallback)
{
    const char *value = std::getenv(name);
    return value != nullptr && *value != '\0' ? fs::path(value) : fs::path(fallback);
}

} // namespace

std::optional<fs::path> sharedDataDir()
{
    fs::path dir = envPath("SIMKYC_SHARED_DATA", SIMKYC_DEFAULT_SHARED_DATA);
    std::error_code ec;
    if (dir.empty() || !fs::is_directory(dir / "labels", ec))
        return std::nullopt;
    return dir;
}

fs::path modelsDir()
{
    return envPath("SIMKYC_MODELS_DIR", SIMKYC_DEFAULT_MODELS_DIR);
}
fs::path sourceDir()
{
    return envPath("SIMKYC_SOURCE_DIR", SIMKYC_DEFAULT_SOURCE_DIR);
}
fs::path binDir()
{
    return envPath("SIMKYC_BIN_DIR", SIMKYC_DEFAULT_BIN_DIR);
}

TempDir::TempDir()
{
    std::random_device rd;
    const auto base = fs::temp_directory_path();
    for (int attempt = 0; attempt < 100; ++attempt) {
        fs::path candidate = base / ("simkyc-test-" + std::to_string(rd()));
        std::error_code ec;
        if (fs::create_directory(candidate, ec)) {
            m_path = candidate;
            return;
        }
    }
    throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir()
{
    std::error_code ec;
    fs::remove_all(m_path, ec);
}

} // namespace simkyc::test
