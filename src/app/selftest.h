// SelfTest: what `simkyc-cli selftest` and the kiosk's start-up check report: library versions,
// the BLAS dlib runs on, the crypto known-answer tests, and every model in the manifest (found,
// SHA-256, loaded).
// Guarantees: run() never throws; report.ok is true only when the crypto known-answer tests pass and
// every required model is present, has the manifest's hash and loads (the face ResNet also computes one embedding).
// Thread-safety: run() is reentrant; it loads its own model instances.
#pragma once

#include "app/model_catalog.h"

#include <QJsonObject>

#include <string>
#include <vector>

namespace simkyc::app {

struct ModelCheck {
    ModelStatus status;
    bool loadAttempted = false;
    bool loaded = false;
    double loadMs = 0.0;
    std::string loadError;
};

struct SelfTestReport {
    std::string programVersion;
    std::vector<std::pair<std::string, std::string>> libraries; // name -> version
    std::string blasLibrary;
    std::string blasProvider;
    std::string blasConfig;
    std::vector<std::string> modelSearchPath;
    std::vector<ModelCheck> models;
    bool cryptoKnownAnswersOk = false; // SHA-256, AES-GCM, AES-KW, HKDF, X25519, Ed25519, scrypt vectors
    // The passive anti-spoofing cue's models (optional in the manifest): empty when they are there,
    // else why the cue is off, in one sentence. Not a problem of the self-test (the program works),
    // but a kiosk with liveness.require_passive_model = true refuses face checks without them.
    std::string passiveCueOff;
    std::vector<std::string> problems; // one human sentence each; empty when ok
    bool ok = false;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] std::string toText() const;
};

SelfTestReport runSelfTest(const ModelCatalog &catalog);

// name -> version of Qt, OpenCV, dlib, SQLite and OpenSSL as loaded at run time.
std::vector<std::pair<std::string, std::string>> libraryVersions();

} // namespace simkyc::app
