// Versions of the vision libraries and the BLAS that dlib's DNN runs on, for selftest and logs.
// Thread-safety: reentrant.
#pragma once

#include <string>

namespace simkyc::vision {

std::string opencvVersion(); // "4.6.0"
std::string dlibVersion();   // "19.24.0"

struct BlasInfo {
    std::string library;  // resolved path of the libblas.so.3 in this process, e.g. .../openblas-pthread/libblas.so.3
    std::string provider; // "openblas", "reference" or "unknown"
    std::string config;   // openblas_get_config() when OpenBLAS is the provider
    int threads = 0;      // openblas_get_num_threads() when available
};
BlasInfo blasInfo();

} // namespace simkyc::vision
