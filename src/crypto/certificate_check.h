// A local check of a TLS certificate before it is used: that it is within its validity period and
// signed by the given CA. The kiosk runs it on its own device certificate, so that an expired or
// foreign certificate is reported as such instead of as the bare connection reset a server's
// refusal looks like on the wire.
// Thread-safety: reentrant.
#pragma once

#include "core/result.h"

#include <chrono>
#include <string>
#include <string_view>

namespace simkyc::crypto {

struct CertificateInfo {
    std::string subject;  // one line, RFC 2253
    std::string notAfter; // "Nov 28 02:00:00 2027 GMT"
};

// InvalidFormat for a PEM that does not parse; InvalidArgument "expired on ..." / "not valid before
// ..." / "not issued by the CA in ..." when the check fails.
[[nodiscard]] Result<CertificateInfo> checkCertificate(std::string_view certificatePem, std::string_view caPem,
                                                       std::chrono::system_clock::time_point now);

} // namespace simkyc::crypto
