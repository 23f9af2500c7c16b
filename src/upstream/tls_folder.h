// What the server reads from its TLS folder (docs/upstream-api.md, "Transport"): ca.crt,
// server.crt/server.key, receipt.key (Ed25519 PEM) and the optional enrolment-token.
// Guarantees: the TLS configuration verifies clients against ca.crt only (never the system
// store) and requires a client certificate; TLS 1.3 unless 1.2 is explicitly allowed. Errors
// name files, never contents.
// Thread-safety: free functions; reentrant.
#pragma once

#include "core/result.h"
#include "crypto/signing.h"

#include <QSslConfiguration>

#include <filesystem>
#include <optional>
#include <string>

namespace simkyc::upstream {

enum class TlsMinimum { V1_2, V1_3 };

[[nodiscard]] Result<QSslConfiguration> serverTlsConfiguration(const std::filesystem::path &dir, TlsMinimum minimum);
[[nodiscard]] Result<crypto::Ed25519KeyPair> loadReceiptKey(const std::filesystem::path &dir);
// The trimmed contents of DIR/enrolment-token, or nullopt when the file does not exist.
[[nodiscard]] Result<std::optional<std::string>> loadEnrolmentToken(const std::filesystem::path &dir);

} // namespace simkyc::upstream
