// Known-answer self-tests run at start: one official vector each for SHA-256 (FIPS 180-2),
// AES-256-GCM (GCM spec test case 14), X25519 (RFC 7748 6.1), Ed25519 (RFC 8032 7.1 TEST 2,
// sign and verify) and scrypt (RFC 7914 12, N=16). Also checks RFC 3394 AES-KW and HKDF-SHA256.
// Guarantees: ok only if every vector matches; otherwise CryptoFailure naming the first failing
// primitive ("self-test failed: X25519"). Logs one line with the outcome and OpenSSL version.
// Thread-safety: reentrant; takes a few milliseconds.
#pragma once

#include "core/result.h"

#include <string_view>

namespace simkyc::crypto {

[[nodiscard]] Status runSelfTests();

namespace detail {
// Test hook: runs the self-tests with the expected answer of the named primitive corrupted
// ("SHA-256", "AES-256-GCM", "X25519", "Ed25519", "scrypt", "AES-KW", "HKDF-SHA256").
[[nodiscard]] Status runSelfTestsCorrupting(std::string_view primitive);
} // namespace detail

} // namespace simkyc::crypto
