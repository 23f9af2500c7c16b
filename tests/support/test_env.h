// Test helpers: where the shared labelled data and the provisioned models are, and a temporary
// folder that removes itself. Thread-safety: one instance per test.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace simkyc::test {

// ../shared/data (CMake cache variable SIMKYC_SHARED_DATA compiled in; the environment variable of the
// same name overrides it), or
// nullopt when it is absent. Tests that need it call SIMKYC_REQUIRE_SHARED_DATA().
std::optional<std::filesystem::path> sharedDataDir();

// The build tree's provisioned model folder (build/models).
std::filesystem::path modelsDir();

// The source tree and the build's bin/ folder.
std::filesystem::path sourceDir();
std::filesystem::path binDir();

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;
    [[nodiscard]] const std::filesystem::path &path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

} // namespace simkyc::test

// Skips (never fails) the current test with a clear message when the shared data is absent.
#define SIMKYC_REQUIRE_SHARED_DATA()                                                                                   \
    do {                                                                                                               \
        if (!::simkyc::test::sharedDataDir())                                                                          \
            GTEST_SKIP() << "shared data not found (set -DSIMKYC_SHARED_DATA=... or SIMKYC_SHARED_DATA); skipping";    \
    } while (false)
