// The HTTP endpoints of docs/upstream-api.md: enrolment, submissions, batches, reviews, deactivations,
// quota checks, status, findings, health.
// Guarantees: every answer is JSON; errors carry the documented codes; bodies, keys and
// customer data never reach the log (only the device id does); the handler keeps no state between
// requests beyond its constant keys, so any number of instances can share one database.
// Thread-safety: one instance per thread, with its Database.
#pragma once

#include "crypto/secure_bytes.h"
#include "crypto/signing.h"
#include "upstream/database.h"
#include "upstream/https_server.h"
#include "upstream/intake.h"
#include "upstream/repository.h"
#include "upstream/review_intake.h"

#include <optional>
#include <string>

namespace simkyc::upstream {

inline constexpr std::string_view kVersionText = "1.0.0";

// The keys a serving instance holds: the receipt key from the TLS folder, the carrier's quota key
// from the database (the same for every instance on it).
struct ServiceKeys {
    crypto::Ed25519KeyPair receipt;
    crypto::SecureBytes quotaKey;
};

struct ApiConfig {
    int maxBatch = 200;
    qsizetype maxBodyBytes = 64 * 1024 * 1024;
    std::optional<std::string> enrolmentToken; // none: enrolment needs only the client certificate
};

class Api {
public:
    Api(Database &db, const ServiceKeys &keys, ApiConfig config)
        : m_db(db), m_repo(db), m_keys(keys), m_config(std::move(config)), m_intake(db, keys.receipt),
          m_reviews(db, keys.receipt)
    {
    }

    [[nodiscard]] HttpResponse handle(const HttpRequest &request, const Peer &peer);

private:
    [[nodiscard]] HttpResponse route(const HttpRequest &request, const Peer &peer);
    [[nodiscard]] HttpResponse enrol(const HttpRequest &request, const Peer &peer);
    [[nodiscard]] HttpResponse submit(const HttpRequest &request, const Peer &peer);
    [[nodiscard]] HttpResponse batch(const HttpRequest &request, const Peer &peer);
    [[nodiscard]] HttpResponse review(const HttpRequest &request, const Peer &peer, ReviewEndpoint endpoint);
    [[nodiscard]] HttpResponse quotaCheck(const HttpRequest &request, const Peer &peer);
    [[nodiscard]] HttpResponse status(const std::string &recordId, const Peer &peer);
    [[nodiscard]] HttpResponse findings(const std::string &deviceId, const Peer &peer);
    [[nodiscard]] HttpResponse health();

    Database &m_db;
    Repository m_repo;
    const ServiceKeys &m_keys;
    ApiConfig m_config;
    Intake m_intake;
    ReviewIntake m_reviews;
};

// Reads the quota key from the database, generating it on first use (the first writer wins).
[[nodiscard]] Result<crypto::SecureBytes> quotaKeyOf(Repository &repo);

} // namespace simkyc::upstream
