// simkyc-cli keys init | show-public.
#include "app/cli/command_list.h"
#include "app/store_session.h"
#include "crypto/password_hash.h"
#include "store/keyring.h"

namespace simkyc::app::cli {
namespace {

std::optional<std::filesystem::path> pathOption(const QCommandLineParser &parser, const QString &name)
{
    if (!parser.isSet(name))
        return std::nullopt;
    return std::filesystem::path(parser.value(name).toStdString());
}

QJsonObject publicKeysJson(const store::PublicKeys &keys)
{
    return QJsonObject{{"device_public_key", QString::fromStdString(keys.deviceHex)},
                       {"carrier_public_key", QString::fromStdString(keys.carrierHex)},
                       {"carrier_fingerprint", QString::fromStdString(keys.carrierFingerprint)}};
}

// --kdf-cost-log2 N (tests only) or calibrated.
Result<crypto::ScryptParams> scryptParams(const QCommandLineParser &parser)
{
    std::optional<unsigned> logN;
    if (parser.isSet("kdf-cost-log2")) {
        bool ok = false;
        logN = parser.value("kdf-cost-log2").toUInt(&ok);
        if (!ok)
            return Error{ErrorCode::InvalidArgument, "--kdf-cost-log2 must be a number 10..22"};
    }
    return scryptParamsFor(logN);
}

int runInit(const QCommandLineParser &parser, const CommonOptions &options)
{
    const std::filesystem::path dataDir = options.dataDir.toStdString();
    store::KeyInitOptions init;
    init.carrierPublicFile = pathOption(parser, "carrier-public");
    init.demoCarrierDir = pathOption(parser, "demo-carrier");
    if (parser.isSet("key-file")) {
        if (parser.isSet("passphrase-file"))
            return fail(options, "invalid_argument", "give --key-file or --passphrase-file, not both");
        init.protection = store::KeyInitOptions::Protection::KeyFile;
    } else {
        auto passphrase = readSecret(pathOption(parser, "passphrase-file"));
        if (!passphrase)
            return fail(options, passphrase.error());
        if (!passphrase->has_value())
            return fail(options, "invalid_argument",
                        "give --passphrase-file FILE (or set SIMKYC_PASSPHRASE), or --key-file for a demo kiosk");
        init.passphrase = std::move(passphrase).value();
        auto params = scryptParams(parser);
        if (!params)
            return fail(options, params.error());
        init.scrypt = *params;
    }
    auto summary = store::initKeys(dataDir, init);
    if (!summary)
        return fail(options, summary.error());
    QJsonObject out = publicKeysJson(summary->keys);
    out.insert("protection", QString::fromStdString(summary->protection));
    out.insert("keys_dir", QString::fromStdString(store::keysDirOf(dataDir).string()));
    if (summary->demoCarrierKey)
        out.insert("demo_carrier_private_key", QString::fromStdString(summary->demoCarrierKey->string()));
    if (options.json) {
        printJson(out);
    } else {
        printText(QStringLiteral("keys created in %1 (%2)\ndevice public key: %3\ncarrier fingerprint: %4\n")
                      .arg(out["keys_dir"].toString(), out["protection"].toString(),
                           out["device_public_key"].toString(), out["carrier_fingerprint"].toString()));
        if (summary->demoCarrierKey)
            printText(QStringLiteral("demo carrier private key (keep it away from the kiosk): %1\n")
                          .arg(out["demo_carrier_private_key"].toString()));
    }
    return kExitOk;
}

int runShowPublic(const CommonOptions &options)
{
    auto keys = store::readPublicKeys(options.dataDir.toStdString());
    if (!keys)
        return fail(options, keys.error());
    const QJsonObject out = publicKeysJson(*keys);
    if (options.json)
        printJson(out);
    else
        printText(QStringLiteral("device public key: %1\ncarrier public key: %2\ncarrier fingerprint: %3\n")
                      .arg(out["device_public_key"].toString(), out["carrier_public_key"].toString(),
                           out["carrier_fingerprint"].toString()));
    return kExitOk;
}

} // namespace

Command keysCommand()
{
    Command c;
    c.name = "keys";
    c.summary = "Create the kiosk's keys (init) or print its public keys (show-public).";
    c.declare = [](QCommandLineParser &parser) {
        parser.addPositionalArgument("action", "init | show-public");
        parser.addOption({"passphrase-file",
                          "Protect the store key with the passphrase in FILE "
                          "(or set SIMKYC_PASSPHRASE).",
                          "FILE"});
        parser.addOption({"key-file", "Keep the store key in a raw 0600 key file (tests, unattended demo)."});
        parser.addOption({"carrier-public", "The carrier's X25519 public key (64 hex characters).", "FILE"});
        parser.addOption({"demo-carrier", "Generate a demo carrier key pair in DIR (outside the data folder).", "DIR"});
        parser.addOption({"kdf-cost-log2", "scrypt cost N = 2^VALUE instead of calibrating (tests only).", "VALUE"});
    };
    c.run = [](const QCommandLineParser &parser, const CommonOptions &options) {
        const QStringList args = parser.positionalArguments();
        if (args.size() == 1 && args[0] == "init")
            return runInit(parser, options);
        if (args.size() == 1 && args[0] == "show-public")
            return runShowPublic(options);
        return fail(options, "invalid_argument", "usage: simkyc-cli keys init|show-public [options]");
    };
    return c;
}

} // namespace simkyc::app::cli
