#include "app/model_install.h"

#include "crypto/digest.h"
#include "store/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace fs = std::filesystem;

namespace simkyc::app {
namespace {

// Removes the temporary copy unless it was renamed into place.
class TemporaryFile {
public:
    explicit TemporaryFile(fs::path path) : m_path(std::move(path)) {}
    ~TemporaryFile()
    {
        if (!m_path.empty())
            ::unlink(m_path.c_str());
    }
    TemporaryFile(const TemporaryFile &) = delete;
    TemporaryFile &operator=(const TemporaryFile &) = delete;
    [[nodiscard]] const fs::path &path() const { return m_path; }
    void release() { m_path.clear(); }

private:
    fs::path m_path;
};

Error ioError(const std::string &what, const fs::path &path)
{
    return {ErrorCode::IoError, what + " " + path.string() + ": " + std::strerror(errno)};
}

// Copies source into a new file `target` (mode 0644) and fsyncs it; returns the bytes copied.
Result<long long> copyInto(const fs::path &source, const fs::path &target, long long maxBytes)
{
    const int in = ::open(source.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (in < 0)
        return ioError("cannot read", source);
    struct stat info {};
    if (::fstat(in, &info) != 0 || !S_ISREG(info.st_mode)) { // what was opened, not what the path was
        ::close(in);
        return Error{ErrorCode::InvalidArgument, source.string() + " is not a regular file"};
    }
    const int out = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (out < 0) {
        Error e = ioError("cannot create", target);
        ::close(in);
        return e;
    }
    ::fchmod(out, 0644); // whatever the umask: the kiosk's service user reads the models
    std::array<char, 1 << 16> buffer{};
    long long total = 0;
    Result<long long> result = 0LL;
    for (;;) {
        const ssize_t n = ::read(in, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            result = ioError("cannot read", source);
            break;
        }
        if (n == 0) {
            result = total;
            break;
        }
        total += n;
        if (total > maxBytes) {
            result = Error{ErrorCode::InvalidArgument,
                           source.string() + " is larger than every model of the manifest: not a model SimKYC uses"};
            break;
        }
        for (ssize_t done = 0; done < n;) {
            const ssize_t w = ::write(out, buffer.data() + done, static_cast<size_t>(n - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0) {
                result = ioError("cannot write", target);
                break;
            }
            done += w;
        }
        if (!result.ok())
            break;
    }
    if (result.ok() && ::fsync(out) != 0)
        result = ioError("cannot flush", target);
    ::close(out);
    ::close(in);
    return result;
}

} // namespace

fs::path defaultModelInstallDir(const ModelCatalog &catalog)
{
    return catalog.searchDirs().empty() ? fs::path() : catalog.searchDirs().front();
}

Result<InstalledModel> installModel(const ModelCatalog &catalog, const fs::path &file, const fs::path &destinationDir)
{
    std::error_code ec;
    if (!fs::exists(file, ec))
        return Error{ErrorCode::NotFound, file.string() + " does not exist"};
    if (!fs::is_regular_file(file, ec))
        return Error{ErrorCode::InvalidArgument, file.string() + " is not a regular file"};
    if (destinationDir.empty())
        return Error{ErrorCode::InvalidArgument, "no folder to install into: give --to DIR"};
    fs::create_directories(destinationDir, ec);
    if (ec)
        return Error{ErrorCode::IoError, "cannot create " + destinationDir.string() + ": " + ec.message()};
    long long largest = 0;
    for (const ModelEntry &e : catalog.entries())
        largest = std::max(largest, e.bytes);

    TemporaryFile copy(destinationDir / (".install-" + std::to_string(::getpid()) + "-" + file.filename().string()));
    auto bytes = copyInto(file, copy.path(), largest);
    if (!bytes.ok())
        return bytes.error();
    // The copy is what gets installed, so the copy is what is hashed.
    auto digest = crypto::sha256File(copy.path());
    if (!digest.ok())
        return digest.error();
    const std::string sha = crypto::toHex(*digest);
    const auto &entries = catalog.entries();
    const auto match = std::find_if(entries.begin(), entries.end(),
                                    [&](const ModelEntry &e) { return e.sha256 == sha && e.bytes == *bytes; });
    if (match == entries.end())
        return Error{ErrorCode::InvalidArgument, file.string() + " (" + std::to_string(*bytes) + " bytes, SHA-256 " +
                                                     sha + ") is no model of the manifest: nothing installed"};
    InstalledModel installed;
    installed.entry = *match;
    installed.path = destinationDir / match->file;
    installed.replaced = fs::exists(installed.path, ec);
    if (Status renamed = store::renameDurably(copy.path(), installed.path); !renamed.ok())
        return renamed.error();
    copy.release();
    return installed;
}

} // namespace simkyc::app
