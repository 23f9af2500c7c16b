// The sealed-payload reader (crypto::openSealed, used by simkyc-upstream to open a record's PII and
// biometrics) on arbitrary blobs under a fixed recipient key. Property: whatever is sealed to the
// key opens to the same bytes, and a blob that was not sealed to it never opens.
#include "crypto/seal.h"
#include "fuzz_util.h"

#include <algorithm>
#include <array>

using namespace simkyc;

namespace {

const crypto::X25519KeyPair &recipient()
{
    static const crypto::X25519KeyPair pair = [] {
        std::array<std::uint8_t, crypto::kX25519KeySize> scalar{};
        for (std::size_t i = 0; i < scalar.size(); ++i)
            scalar[i] = static_cast<std::uint8_t>(i * 7 + 1);
        auto made = crypto::x25519KeyPairFromPrivate(crypto::SecureBytes(std::span<const std::uint8_t>(scalar)));
        FUZZ_CHECK(made.ok());
        return std::move(made).value();
    }();
    return pair;
}

constexpr std::string_view kAd = "rec-1\npii";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto ad = fuzz::bytes(reinterpret_cast<const std::uint8_t *>(kAd.data()), kAd.size());
    const auto blob = fuzz::bytes(data, size);
    auto opened = crypto::openSealed(recipient().privateKey, blob, ad);
    FUZZ_CHECK(!opened.ok()); // forging a blob for this key would need the AEAD key

    if (size <= 4096) {
        auto sealed = crypto::sealTo(recipient().publicKey, blob, ad);
        FUZZ_CHECK(sealed && sealed->size() == size + crypto::kSealOverhead);
        auto back = crypto::openSealed(recipient().privateKey, *sealed, ad);
        FUZZ_CHECK(back && std::equal(back->span().begin(), back->span().end(), blob.begin(), blob.end()));
    }
    return 0;
}
