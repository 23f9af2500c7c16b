#include "store/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace simkyc::store {
namespace fs = std::filesystem;
namespace {

Error ioError(std::string_view what, const fs::path &path, int err)
{
    return Error{ErrorCode::IoError, std::string(what) + " " + path.string() + ": " + std::strerror(err)};
}

class Fd {
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    [[nodiscard]] int get() const { return m_fd; }
    int release()
    {
        const int fd = m_fd;
        m_fd = -1;
        return ::close(fd);
    }

private:
    int m_fd;
};

Status syncDirectory(const fs::path &dir)
{
    Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0)
        return ioError("cannot sync folder", dir, errno);
    return {};
}

} // namespace

Status writeFileAtomically(const fs::path &file, std::span<const std::uint8_t> bytes, fs::perms mode, bool replace)
{
    std::error_code ec;
    if (!replace && fs::exists(file, ec))
        return Error{ErrorCode::InvalidArgument, "refusing to overwrite " + file.string()};
    const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
    const fs::path temp = dir / ("." + file.filename().string() + ".tmp-" + std::to_string(::getpid()));
    ::unlink(temp.c_str());
    Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(mode)));
    if (fd.get() < 0)
        return ioError("cannot create", temp, errno);
    auto cleanup = [&](Error error) {
        ::unlink(temp.c_str());
        return error;
    };
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return cleanup(ioError("cannot write", temp, errno));
        done += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd.get(), static_cast<mode_t>(mode)) != 0 || ::fsync(fd.get()) != 0)
        return cleanup(ioError("cannot sync", temp, errno));
    if (fd.release() != 0)
        return cleanup(ioError("cannot close", temp, errno));
    if (::rename(temp.c_str(), file.c_str()) != 0)
        return cleanup(ioError("cannot rename into place", file, errno));
    return syncDirectory(dir);
}

Status renameDurably(const fs::path &from, const fs::path &to)
{
    if (::rename(from.c_str(), to.c_str()) != 0)
        return ioError("cannot rename into place", to, errno);
    return syncDirectory(to.has_parent_path() ? to.parent_path() : fs::path("."));
}

Result<std::vector<std::uint8_t>> readSmallFile(const fs::path &file, std::size_t maxBytes)
{
    Fd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        if (errno == ENOENT)
            return Error{ErrorCode::NotFound, "file not found: " + file.string()};
        return ioError("cannot open", file, errno);
    }
    std::vector<std::uint8_t> out;
    std::uint8_t buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return ioError("cannot read", file, errno);
        if (n == 0)
            break;
        out.insert(out.end(), buffer, buffer + n);
        if (out.size() > maxBytes)
            return Error{ErrorCode::InvalidFormat, "file is too large: " + file.string()};
    }
    return out;
}

Status ensurePrivateDirectory(const fs::path &dir)
{
    std::error_code ec;
    if (fs::is_directory(dir, ec))
        return {};
    fs::create_directories(dir, ec);
    if (ec)
        return Error{ErrorCode::IoError, "cannot create folder " + dir.string() + ": " + ec.message()};
    fs::permissions(dir, fs::perms::owner_all, ec);
    if (ec)
        return Error{ErrorCode::IoError, "cannot set permissions of " + dir.string() + ": " + ec.message()};
    return {};
}

} // namespace simkyc::store
