// Key providers and the keyring: passphrase and key-file unlock, wrong secrets, file permissions,
// device identity and the carrier key.
#include "store/atomic_file.h"
#include "store/bytes.h"
#include "store/keyring.h"
#include "store_fixture.h"
#include "store_test_helpers.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

namespace simkyc::store {
namespace {

namespace fs = std::filesystem;

crypto::SecureBytes secret(std::string_view text)
{
    return crypto::SecureBytes(textBytes(text));
}

KeyInitOptions passphraseOptions(const fs::path &carrierDir, std::string_view passphrase = "manager passphrase")
{
    KeyInitOptions o;
    o.protection = KeyInitOptions::Protection::Passphrase;
    o.passphrase = secret(passphrase);
    o.scrypt = test::kCheapScrypt;
    o.demoCarrierDir = carrierDir;
    return o;
}

TEST(Keys, PassphraseUnlocksAndDerivesTheSameKeys)
{
    simkyc::test::TempDir data, carrier;
    auto summary = initKeys(data.path(), passphraseOptions(carrier.path()));
    ASSERT_TRUE(summary) << summary.error().toString();
    EXPECT_EQ(summary->protection, "passphrase");
    EXPECT_EQ(summary->keys.carrierFingerprint.size(), 64u);
    PassphraseKeyProvider a(keysDirOf(data.path()) / kPassphraseKeyFileName, secret("manager passphrase"));
    PassphraseKeyProvider b(keysDirOf(data.path()) / kPassphraseKeyFileName, secret("manager passphrase"));
    auto ka = unlockKeyring(data.path(), a);
    auto kb = unlockKeyring(data.path(), b);
    ASSERT_TRUE(ka && kb);
    EXPECT_TRUE(ka->storeKey.equals(kb->storeKey.span()));
    EXPECT_FALSE(ka->storeKey.equals(ka->blindIndexKey.span()));
    EXPECT_EQ(ka->publicKeys.device, summary->keys.device);
    auto pub = readPublicKeys(data.path());
    ASSERT_TRUE(pub);
    EXPECT_EQ(pub->carrierHex, summary->keys.carrierHex);
}

TEST(Keys, WrongPassphraseIsAClearErrorAndChangesNothing)
{
    simkyc::test::TempDir data, carrier;
    ASSERT_TRUE(initKeys(data.path(), passphraseOptions(carrier.path())));
    const fs::path keyFile = keysDirOf(data.path()) / kPassphraseKeyFileName;
    const auto before = test::readBytes(keyFile);
    PassphraseKeyProvider wrong(keyFile, secret("manager passphrasf"));
    auto keys = unlockKeyring(data.path(), wrong);
    ASSERT_FALSE(keys);
    EXPECT_EQ(keys.error().code, ErrorCode::CryptoFailure);
    EXPECT_EQ(keys.error().message, "wrong passphrase");
    EXPECT_EQ(test::readBytes(keyFile), before);
    EXPECT_FALSE(fs::exists(data.path() / "simkyc.db"));
}

TEST(Keys, DamagedPassphraseFileIsInvalidFormat)
{
    simkyc::test::TempDir data, carrier;
    ASSERT_TRUE(initKeys(data.path(), passphraseOptions(carrier.path())));
    const fs::path keyFile = keysDirOf(data.path()) / kPassphraseKeyFileName;
    test::writeText(keyFile, "simkyc-store-key 1\nscrypt ln=99 r=8 p=1\nsalt 00\nwrapped 00\n");
    PassphraseKeyProvider provider(keyFile, secret("manager passphrase"));
    auto key = provider.unlockStoreKey();
    ASSERT_FALSE(key);
    EXPECT_EQ(key.error().code, ErrorCode::InvalidFormat);
}

TEST(Keys, RawKeyFileMustBeOwnerOnlyAndRightKey)
{
    simkyc::test::TempDir data, carrier;
    KeyInitOptions o;
    o.protection = KeyInitOptions::Protection::KeyFile;
    o.demoCarrierDir = carrier.path();
    ASSERT_TRUE(initKeys(data.path(), o));
    const fs::path raw = keysDirOf(data.path()) / kRawKeyFileName;
    struct stat info {};
    ASSERT_EQ(::stat(raw.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    fs::permissions(raw, fs::perms::group_read, fs::perm_options::add);
    KeyFileProvider provider(raw);
    auto open = provider.unlockStoreKey();
    ASSERT_FALSE(open);
    EXPECT_NE(open.error().message.find("chmod 600"), std::string::npos);
    fs::permissions(raw, kOwnerOnly, fs::perm_options::replace);
    // A different key of the right size: the device key does not unwrap, nothing is opened.
    std::vector<char> other(32, 0x11);
    test::writeBytes(raw, other);
    fs::permissions(raw, kOwnerOnly, fs::perm_options::replace);
    auto keys = unlockKeyring(data.path(), provider);
    ASSERT_FALSE(keys);
    EXPECT_EQ(keys.error().code, ErrorCode::CryptoFailure);
}

TEST(Keys, InitRefusesToOverwriteAndKeepsCarrierPrivateKeyOutside)
{
    simkyc::test::TempDir data, carrier;
    ASSERT_TRUE(initKeys(data.path(), passphraseOptions(carrier.path())));
    auto again = initKeys(data.path(), passphraseOptions(carrier.path() / "second"));
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(fs::exists(carrier.path() / "carrier-x25519.key"));
    for (const auto &entry : fs::recursive_directory_iterator(data.path()))
        EXPECT_EQ(entry.path().filename().string().find("x25519"), std::string::npos) << entry.path();

    simkyc::test::TempDir other;
    auto inside = initKeys(other.path(), passphraseOptions(other.path() / "carrier"));
    ASSERT_FALSE(inside);
    EXPECT_NE(inside.error().message.find("outside the data folder"), std::string::npos);
}

TEST(Keys, ImportsCarrierPublicKeyFromHexFile)
{
    simkyc::test::TempDir data, dir;
    auto carrier = crypto::generateX25519KeyPair();
    ASSERT_TRUE(carrier);
    const fs::path pubFile = dir.path() / "carrier.pub";
    test::writeText(pubFile, hexEncode(carrier->publicKey) + "\n");
    KeyInitOptions o = passphraseOptions(dir.path());
    o.demoCarrierDir.reset();
    o.carrierPublicFile = pubFile;
    auto summary = initKeys(data.path(), o);
    ASSERT_TRUE(summary) << summary.error().toString();
    EXPECT_EQ(summary->keys.carrier, carrier->publicKey);
    EXPECT_FALSE(summary->demoCarrierKey);

    test::writeText(pubFile, "not hex");
    simkyc::test::TempDir data2;
    auto bad = initKeys(data2.path(), o);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::InvalidFormat);
}

TEST(Keys, PassphraseIsRequiredWhenTheKeyIsWrapped)
{
    simkyc::test::TempDir data, carrier;
    ASSERT_TRUE(initKeys(data.path(), passphraseOptions(carrier.path())));
    auto none = detectKeyProvider(keysDirOf(data.path()), std::nullopt);
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().code, ErrorCode::InvalidArgument);
    auto provider = detectKeyProvider(keysDirOf(data.path()), secret("manager passphrase"));
    ASSERT_TRUE(provider);
    EXPECT_EQ((*provider)->kind(), "passphrase");
    simkyc::test::TempDir empty;
    EXPECT_EQ(detectKeyProvider(empty.path(), std::nullopt).error().code, ErrorCode::NotFound);
}

TEST(AtomicFile, WritesWithModeAndRefusesOverwriteUnlessAsked)
{
    simkyc::test::TempDir dir;
    const fs::path file = dir.path() / "x.bin";
    const std::vector<std::uint8_t> one{1, 2, 3};
    ASSERT_TRUE(writeFileAtomically(file, one));
    EXPECT_FALSE(writeFileAtomically(file, one));
    const std::vector<std::uint8_t> two{4, 5};
    ASSERT_TRUE(writeFileAtomically(file, two, kOwnerOnly, true));
    EXPECT_EQ(*readSmallFile(file), two);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1); // no temp left
}

} // namespace
} // namespace simkyc::store
