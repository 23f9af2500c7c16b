// ModelCatalog: the models SimKYC knows (models/manifest.txt, embedded at build time), where to
// find them and whether each file is the one the manifest names.
// Search order for every model: --models-dir (or $SIMKYC_MODELS_DIR), the install prefix
// (share/simkyc/models), the build tree (build/models), then the model's own origin: the path a
// Debian package installs it to, or the labelled data folder for optional data models.
// Guarantees: verify() hashes each file in full (SHA-256) and never throws.
// Thread-safety: const methods are reentrant.
#pragma once

#include "core/result.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace simkyc::app {

struct ModelEntry {
    std::string id;     // "face_resnet"
    std::string file;   // "dlib_face_recognition_resnet_model_v1.dat"
    std::string sha256; // expected, lowercase hex
    long long bytes = 0;
    bool required = false;
    std::string license;
    std::string source; // deb:..., deb-src:..., data:...
};

enum class ModelState { Ok, Missing, HashMismatch, Unreadable };
std::string_view modelStateName(ModelState state); // "ok", "missing", "hash_mismatch", "unreadable"

struct ModelStatus {
    ModelEntry entry;
    ModelState state = ModelState::Missing;
    std::filesystem::path path;                  // where it was found (empty when missing)
    std::string actualSha256;                    // when it was hashed
    std::vector<std::filesystem::path> searched; // every folder looked in, for the error message
    [[nodiscard]] std::string problem() const;   // empty when ok; otherwise what is wrong and how to fix it
};

// Parses manifest text (the format of models/manifest.txt). Errors name the bad line.
Result<std::vector<ModelEntry>> parseModelManifest(std::string_view text);

class ModelCatalog {
public:
    // The catalog built into this program. Search path: modelsDir (else $SIMKYC_MODELS_DIR), then
    // <the program's folder>/../share/simkyc/models (where the package installs them beside
    // /usr/bin), the install prefix's folder compiled in, the build tree's models/.
    // dataDir is the labelled data folder (optional models).
    static ModelCatalog builtIn(std::optional<std::filesystem::path> modelsDir = std::nullopt,
                                std::optional<std::filesystem::path> dataDir = std::nullopt);
    ModelCatalog(std::vector<ModelEntry> entries, std::vector<std::filesystem::path> searchDirs,
                 std::optional<std::filesystem::path> dataDir);

    [[nodiscard]] const std::vector<ModelEntry> &entries() const { return m_entries; }
    [[nodiscard]] const std::vector<std::filesystem::path> &searchDirs() const { return m_searchDirs; }
    [[nodiscard]] const ModelEntry *find(std::string_view id) const;

    // Where the file is (first match on the search path), without hashing it.
    [[nodiscard]] ModelStatus locate(const ModelEntry &entry) const;
    // locate() + SHA-256 against the manifest.
    [[nodiscard]] ModelStatus verify(const ModelEntry &entry) const;
    // The verified path of a model, or ModelMissing / ModelHashMismatch with the fix in the message.
    [[nodiscard]] Result<std::filesystem::path> require(std::string_view id) const;

private:
    std::vector<ModelEntry> m_entries;
    std::vector<std::filesystem::path> m_searchDirs;
    std::optional<std::filesystem::path> m_dataDir;
};

} // namespace simkyc::app
