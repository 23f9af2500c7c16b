#include "crypto/secure_bytes.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <new>
#include <utility>

namespace simkyc::crypto {
namespace {

std::size_t pageSize()
{
    static const std::size_t size = [] {
        const long value = sysconf(_SC_PAGESIZE);
        return value > 0 ? static_cast<std::size_t>(value) : std::size_t{4096};
    }();
    return size;
}

} // namespace

SecureBytes::SecureBytes(std::size_t size)
{
    resize(size);
}

SecureBytes::SecureBytes(std::span<const std::uint8_t> data) : SecureBytes(data.size())
{
    if (!data.empty())
        std::memcpy(m_data, data.data(), data.size());
}

SecureBytes::~SecureBytes()
{
    release();
}

SecureBytes::SecureBytes(SecureBytes &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0)),
      m_pageBacked(std::exchange(other.m_pageBacked, false)), m_dontDump(std::exchange(other.m_dontDump, false))
{
}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        release();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_pageBacked = std::exchange(other.m_pageBacked, false);
        m_dontDump = std::exchange(other.m_dontDump, false);
    }
    return *this;
}

Result<SecureBytes> SecureBytes::random(std::size_t size)
{
    SecureBytes out(size);
    if (auto status = fillRandom(out.span()); !status)
        return status.error();
    return out;
}

void SecureBytes::resize(std::size_t size)
{
    if (size == m_size)
        return;
    SecureBytes next;
    if (size > 0) {
        const bool pageBacked = size <= kKeySizedMax;
        void *memory = pageBacked ? std::aligned_alloc(pageSize(), pageSize()) : std::malloc(size);
        if (memory == nullptr)
            throw std::bad_alloc(); // like std::vector: allocation failure is not a recoverable error here
        next.m_data = static_cast<std::uint8_t *>(memory);
        next.m_size = size;
        next.m_pageBacked = pageBacked;
        // Best effort: a kernel without MADV_DONTDUMP only loses the core-dump exclusion.
        next.m_dontDump = pageBacked && madvise(memory, pageSize(), MADV_DONTDUMP) == 0;
        std::memset(next.m_data, 0, size);
        if (m_size > 0)
            std::memcpy(next.m_data, m_data, std::min(size, m_size));
    }
    *this = std::move(next); // wipes and frees the old storage
}

bool SecureBytes::equals(std::span<const std::uint8_t> other) const
{
    if (other.size() != m_size)
        return false;
    return m_size == 0 || CRYPTO_memcmp(m_data, other.data(), m_size) == 0;
}

void SecureBytes::release()
{
    if (m_data == nullptr)
        return;
    OPENSSL_cleanse(m_data, m_size);
    if (m_dontDump)
        madvise(m_data, pageSize(), MADV_DODUMP); // the page returns to the general heap
    std::free(m_data);
    m_data = nullptr;
    m_size = 0;
    m_pageBacked = false;
    m_dontDump = false;
}

Status fillRandom(std::span<std::uint8_t> out)
{
    std::size_t done = 0;
    while (done < out.size()) {
        const int chunk = static_cast<int>(std::min<std::size_t>(out.size() - done, INT_MAX));
        if (RAND_bytes(out.data() + done, chunk) != 1)
            return {ErrorCode::CryptoFailure, "random number generator failed"};
        done += static_cast<std::size_t>(chunk);
    }
    return {};
}

} // namespace simkyc::crypto
