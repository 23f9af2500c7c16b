// SecureBytes: a move-only byte buffer for keys and decrypted secrets.
// Guarantees: the contents are wiped (OPENSSL_cleanse) on destruction, on move-assignment over it,
// on resize() and clear(); buffers up to kKeySizedMax bytes are page-backed and excluded from core
// dumps (madvise MADV_DONTDUMP, best effort). Never copied implicitly; clone() copies explicitly.
// Thread-safety: value type; one instance must not be mutated from two threads at once.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace simkyc::crypto {

class SecureBytes {
public:
    static constexpr std::size_t kKeySizedMax = 256; // page-backed, excluded from core dumps

    SecureBytes() = default;
    explicit SecureBytes(std::size_t size); // zero-filled
    explicit SecureBytes(std::span<const std::uint8_t> data);
    ~SecureBytes();
    SecureBytes(SecureBytes &&other) noexcept;
    SecureBytes &operator=(SecureBytes &&other) noexcept;
    SecureBytes(const SecureBytes &) = delete;
    SecureBytes &operator=(const SecureBytes &) = delete;

    // size random bytes from the OpenSSL DRBG (RAND_bytes); CryptoFailure if it is not seeded.
    [[nodiscard]] static Result<SecureBytes> random(std::size_t size);

    [[nodiscard]] SecureBytes clone() const { return SecureBytes(span()); }

    [[nodiscard]] std::uint8_t *data() { return m_data; }
    [[nodiscard]] const std::uint8_t *data() const { return m_data; }
    [[nodiscard]] std::size_t size() const { return m_size; }
    [[nodiscard]] bool empty() const { return m_size == 0; }
    [[nodiscard]] std::span<std::uint8_t> span() { return {m_data, m_size}; }
    [[nodiscard]] std::span<const std::uint8_t> span() const { return {m_data, m_size}; }
    [[nodiscard]] std::string_view view() const { return {reinterpret_cast<const char *>(m_data), m_size}; }
    [[nodiscard]] bool dumpExcluded() const { return m_dontDump; } // madvise succeeded

    // New size; keeps the common prefix, zero-fills growth, wipes the old storage.
    void resize(std::size_t size);
    void clear() { resize(0); }

    // Constant-time comparison of contents (CRYPTO_memcmp); sizes are not secret.
    [[nodiscard]] bool equals(std::span<const std::uint8_t> other) const;

private:
    void release();

    std::uint8_t *m_data = nullptr;
    std::size_t m_size = 0;
    bool m_pageBacked = false;
    bool m_dontDump = false;
};

// Fills out with random bytes from RAND_bytes; CryptoFailure if the DRBG fails.
[[nodiscard]] Status fillRandom(std::span<std::uint8_t> out);

} // namespace simkyc::crypto
