#include "app/model_catalog.h"

#include "crypto/digest.h"
#include "model_manifest.h"

#include <cstdlib>
#include <sstream>
#include <system_error>

namespace fs = std::filesystem;

namespace simkyc::app {

std::string_view modelStateName(ModelState state)
{
    switch (state) {
    case ModelState::Ok: return "ok";
    case ModelState::Missing: return "missing";
    case ModelState::HashMismatch: return "hash_mismatch";
    case ModelState::Unreadable: return "unreadable";
    }
    return "missing";
}

std::string ModelStatus::problem() const
{
    const std::string fix = " Run scripts/setup (or scripts/provision-models --dest DIR) to provision it.";
    switch (state) {
    case ModelState::Ok: return {};
    case ModelState::Missing: {
        std::string dirs;
        for (const auto &d : searched)
            dirs += (dirs.empty() ? "" : ", ") + d.string();
        return entry.file + " (" + entry.id + ") not found; searched: " + dirs + "." + fix;
    }
    case ModelState::HashMismatch:
        return path.string() + " has SHA-256 " + actualSha256 + ", expected " + entry.sha256 +
               " (damaged or a different model)." + fix;
    case ModelState::Unreadable: return path.string() + " cannot be read." + fix;
    }
    return {};
}

Result<std::vector<ModelEntry>> parseModelManifest(std::string_view text)
{
    std::vector<ModelEntry> entries;
    std::istringstream in{std::string(text)};
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos || line[first] == '#')
            continue;
        std::istringstream fields(line);
        ModelEntry e;
        std::string required;
        if (!(fields >> e.id >> e.file >> e.sha256 >> e.bytes >> required >> e.license >> e.source))
            return {ErrorCode::InvalidFormat, "model manifest line " + std::to_string(lineNo) + ": expected 7 fields"};
        if (e.sha256.size() != 64 || e.sha256.find_first_not_of("0123456789abcdef") != std::string::npos)
            return {ErrorCode::InvalidFormat, "model manifest line " + std::to_string(lineNo) + ": bad SHA-256"};
        if (required != "required" && required != "optional")
            return {ErrorCode::InvalidFormat,
                    "model manifest line " + std::to_string(lineNo) + ": expected required or optional"};
        e.required = required == "required";
        entries.push_back(std::move(e));
    }
    if (entries.empty())
        return {ErrorCode::InvalidFormat, "model manifest lists no model"};
    return entries;
}

ModelCatalog ModelCatalog::builtIn(std::optional<fs::path> modelsDir, std::optional<fs::path> dataDir)
{
    std::vector<fs::path> dirs;
    if (modelsDir) {
        dirs.push_back(*modelsDir);
    } else if (const char *env = std::getenv("SIMKYC_MODELS_DIR"); env != nullptr && *env != '\0') {
        dirs.emplace_back(env);
    }
    // Beside the running program, wherever the package put it (/usr/bin -> /usr/share/simkyc/models):
    // the install prefix compiled in is the build's (/usr/local by default), not the package's.
    std::error_code ec;
    if (const fs::path exe = fs::read_symlink("/proc/self/exe", ec); !ec && exe.has_parent_path()) {
        const fs::path beside = (exe.parent_path().parent_path() / "share" / "simkyc" / "models").lexically_normal();
        if (beside != fs::path(generated::kInstallModelsDir))
            dirs.push_back(beside);
    }
    dirs.emplace_back(generated::kInstallModelsDir);
    dirs.emplace_back(generated::kBuildModelsDir);
    if (!dataDir) {
        if (const char *env = std::getenv("SIMKYC_SHARED_DATA"); env != nullptr && *env != '\0')
            dataDir = fs::path(env);
        else
            dataDir = fs::path(generated::kSharedDataDir);
    }
    auto entries = parseModelManifest(generated::kModelManifest);
    // The embedded manifest is checked by the unit tests; a parse failure here is a build defect.
    return ModelCatalog(entries.ok() ? std::move(entries).value() : std::vector<ModelEntry>{}, std::move(dirs),
                        std::move(dataDir));
}

ModelCatalog::ModelCatalog(std::vector<ModelEntry> entries, std::vector<fs::path> searchDirs,
                           std::optional<fs::path> dataDir)
    : m_entries(std::move(entries)), m_searchDirs(std::move(searchDirs)), m_dataDir(std::move(dataDir))
{
}

const ModelEntry *ModelCatalog::find(std::string_view id) const
{
    for (const auto &e : m_entries)
        if (e.id == id)
            return &e;
    return nullptr;
}

ModelStatus ModelCatalog::locate(const ModelEntry &entry) const
{
    ModelStatus status;
    status.entry = entry;
    std::vector<fs::path> candidates;
    for (const auto &dir : m_searchDirs)
        candidates.push_back(dir / entry.file);
    // The model's own origin: a path installed by a Debian package, or the labelled data folder.
    if (entry.source.rfind("deb:", 0) == 0) {
        const auto colon = entry.source.find(':', 4);
        if (colon != std::string::npos)
            candidates.emplace_back(entry.source.substr(colon + 1));
    } else if (entry.source.rfind("data:", 0) == 0 && m_dataDir) {
        candidates.push_back(*m_dataDir / entry.source.substr(5));
    }
    for (const auto &candidate : candidates) {
        status.searched.push_back(candidate.parent_path());
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec)) {
            status.path = candidate;
            status.state = ModelState::Ok;
            return status;
        }
    }
    status.state = ModelState::Missing;
    return status;
}

ModelStatus ModelCatalog::verify(const ModelEntry &entry) const
{
    ModelStatus status = locate(entry);
    if (status.state != ModelState::Ok)
        return status;
    auto digest = crypto::sha256File(status.path);
    if (!digest.ok()) {
        status.state = ModelState::Unreadable;
        return status;
    }
    status.actualSha256 = crypto::toHex(*digest);
    status.state = status.actualSha256 == entry.sha256 ? ModelState::Ok : ModelState::HashMismatch;
    return status;
}

Result<fs::path> ModelCatalog::require(std::string_view id) const
{
    const ModelEntry *entry = find(id);
    if (entry == nullptr)
        return {ErrorCode::Internal, "no model with id " + std::string(id) + " in the manifest"};
    const ModelStatus status = verify(*entry);
    switch (status.state) {
    case ModelState::Ok: return status.path;
    case ModelState::Missing: return {ErrorCode::ModelMissing, status.problem()};
    case ModelState::HashMismatch: return {ErrorCode::ModelHashMismatch, status.problem()};
    case ModelState::Unreadable: return {ErrorCode::Unreadable, status.problem()};
    }
    return {ErrorCode::Internal, "unreachable"};
}

} // namespace simkyc::app
