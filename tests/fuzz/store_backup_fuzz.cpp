// The backup-file reader (store::restoreStore) on arbitrary files under a fixed store key.
// The first byte picks the shape: odd = the rest is a database image sealed as a real backup is
// (so the fuzzer reaches the in-memory integrity check, the schema check and the write of the
// restored file), even = the rest is the backup file itself (magic, framing, decryption).
// Everything happens in a private folder under /dev/shm (or TMPDIR) made for each input and removed
// after it, so restores never touch anything else.
#include "crypto/aead.h"
#include "fuzz_util.h"
#include "store/backup.h"
#include "store/bytes.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace simkyc;
namespace fs = std::filesystem;

namespace {

// A fresh folder per input, removed after it: libFuzzer ends with _Exit, so no exit hook would run.
fs::path makeWorkDir()
{
    std::string pattern = (fs::exists("/dev/shm") ? std::string("/dev/shm") : fs::temp_directory_path().string()) +
                          "/simkyc-fuzz-backup-XXXXXX";
    FUZZ_CHECK(mkdtemp(pattern.data()) != nullptr);
    return pattern;
}

const store::Keyring &keys()
{
    static const store::Keyring keyring = [] {
        store::Keyring k;
        k.storeKey = crypto::SecureBytes(crypto::kAeadKeySize);
        for (std::size_t i = 0; i < k.storeKey.size(); ++i)
            k.storeKey.data()[i] = static_cast<std::uint8_t>(0xA0 + i);
        return k;
    }();
    return keyring;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const bool sealImage = (data[0] & 1) != 0;
    const auto rest = fuzz::bytes(data + 1, size - 1);
    std::vector<std::uint8_t> file;
    if (sealImage) {
        auto sealed = crypto::aeadSeal(keys().storeKey, rest, store::textBytes(store::kBackupAssociatedData));
        FUZZ_CHECK(sealed.ok());
        file.assign(store::kBackupMagic.begin(), store::kBackupMagic.end());
        file.insert(file.end(), sealed->begin(), sealed->end());
    } else {
        file.assign(rest.begin(), rest.end());
    }
    const fs::path work = makeWorkDir();
    const fs::path backup = work / "in.backup";
    {
        std::ofstream out(backup, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char *>(file.data()), static_cast<std::streamsize>(file.size()));
        FUZZ_CHECK(out.good());
    }
    const fs::path restoredDir = work / "restored";
    auto report = store::restoreStore(backup, keys(), restoredDir / "simkyc.db");
    if (report)
        FUZZ_CHECK(sealImage && report->bytes == rest.size());
    fs::remove_all(work);
    return 0;
}
