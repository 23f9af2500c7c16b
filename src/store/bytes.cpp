#include "store/bytes.h"

#include "crypto/digest.h"

namespace simkyc::store {

std::string hexEncode(std::span<const std::uint8_t> bytes)
{
    return crypto::toHex(bytes);
}

Result<std::vector<std::uint8_t>> hexDecode(std::string_view hex)
{
    return crypto::fromHex(hex);
}

} // namespace simkyc::store
