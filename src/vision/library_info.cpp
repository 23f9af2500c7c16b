#include "vision/library_info.h"

#include <dlib/revision.h>
#include <opencv2/core/version.hpp>

#include <dlfcn.h>
#include <link.h>

#include <filesystem>
#include <string_view>

namespace simkyc::vision {
namespace {

int collectBlas(dl_phdr_info *info, size_t, void *data)
{
    auto *out = static_cast<std::string *>(data);
    const std::string_view name = info->dlpi_name != nullptr ? info->dlpi_name : "";
    if (out->empty() && name.find("libblas.so") != std::string_view::npos)
        *out = std::string(name);
    return 0;
}

} // namespace

std::string opencvVersion()
{
    return CV_VERSION;
}

std::string dlibVersion()
{
    return std::to_string(DLIB_MAJOR_VERSION) + "." + std::to_string(DLIB_MINOR_VERSION) + "." +
           std::to_string(DLIB_PATCH_VERSION);
}

BlasInfo blasInfo()
{
    BlasInfo info;
    std::string loaded;
    dl_iterate_phdr(&collectBlas, &loaded);
    if (!loaded.empty()) {
        std::error_code ec;
        const auto resolved = std::filesystem::canonical(loaded, ec);
        info.library = ec ? loaded : resolved.string();
    }
    // OpenBLAS exports these from its libblas.so.3; the reference BLAS does not.
    using ConfigFn = char *(*)();
    using ThreadsFn = int (*)();
    auto config = reinterpret_cast<ConfigFn>(dlsym(RTLD_DEFAULT, "openblas_get_config"));
    auto threads = reinterpret_cast<ThreadsFn>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
    if (config != nullptr) {
        info.provider = "openblas";
        info.config = config();
        info.threads = threads != nullptr ? threads() : 0;
    } else if (info.library.find("/blas/") != std::string::npos) {
        info.provider = "reference";
    } else {
        info.provider = "unknown";
    }
    return info;
}

} // namespace simkyc::vision
