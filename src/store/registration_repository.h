// RegistrationRepository: stores and reads registrations with envelope encryption.
// insert() in ONE transaction: a fresh data key per record (AES-KW-wrapped under the store key),
// each customer field AES-256-GCM-encrypted with fieldAssociatedData(recordId, column) so a
// ciphertext moved to another row or column fails to decrypt, the biometric payload sealed to the
// carrier (the kiosk cannot open it), the review thumbnail under the data key, the ID-number blind
// index, an outbox row and an audit entry: all or nothing.
// listDay()/count*() read clear metadata only; readCustomer() is the only decrypting read and always
// writes an audit entry (who, when, which record, why) before it returns data.
// Thread-safety: one instance per thread (that of its Database); the Keyring must outlive it.
#pragma once

#include "core/registration.h"
#include "core/result.h"
#include "store/keyring.h"
#include "store/outbox_payload.h"
#include "store/record_id.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace simkyc::store {

class Database;

struct CustomerPii {
    std::string name;
    std::string idNumber;  // any form; normalised (core::normaliseIdNumber) before storing
    std::string birthDate; // "YYYY-MM-DD"
    std::string address;
    std::string phone;
    std::string iccid;
};

struct NewRegistration {
    std::int64_t clerkId = 0; // staff.id
    core::RegistrationState status = core::RegistrationState::Recorded;
    std::optional<core::Decision> outcome;
    std::vector<std::string> reasonCodes; // codes such as "liveness_blink_missing"
    std::optional<double> matchDistance;
    std::string livenessSummary; // codes and numbers only
    CustomerPii customer;
    std::vector<std::uint8_t> biometricPayload; // sealed to the carrier
    std::vector<std::uint8_t> reviewThumbnail;  // optional; encrypted under the data key
    Clock::time_point biometricsExpireAt{};
};

struct RegistrationSummary {
    std::string id;
    std::string createdAt;
    std::int64_t clerkId = 0;
    std::string status;
    std::string outcome;
    std::vector<std::string> reasonCodes;
    std::optional<double> matchDistance;
    std::string livenessSummary;
    std::string syncState;
    std::optional<std::string> piiPurgedAt;   // set once retention shredded the customer data (retention.h)
    std::vector<std::string> carrierFindings; // verified kinds the carrier reported ("duplicate_face")
};

class RegistrationRepository {
public:
    // With an outbox builder, insert() stores the record's upstream payload in its outbox row (the
    // kiosk's programs always pass one); without, the row has none and the sync worker parks it.
    RegistrationRepository(Database &db, const Keyring &keys, const OutboxPayloadBuilder *outbox = nullptr)
        : m_db(db), m_keys(keys), m_outbox(outbox)
    {
    }

    // The new record's id. InvalidArgument for a missing field or a reason code with free text.
    [[nodiscard]] Result<std::string> insert(const NewRegistration &registration, Clock::time_point now = Clock::now());

    // Registrations whose normalised ID number equals idNumber's (via the blind index) that hold one
    // of the person's quota slots (core::holdsQuotaSlot: failed attempts do not; a cancelled number
    // does not once the carrier acknowledged the cancellation, so an offline kiosk never counts a
    // place free that the carrier still counts) and whose customer data is not purged yet.
    [[nodiscard]] Result<std::int64_t> countActiveForIdNumber(std::string_view idNumber);
    [[nodiscard]] Result<std::int64_t> count();

    // Registrations created on that UTC day ("YYYY-MM-DD"), oldest first, without decrypting anything.
    [[nodiscard]] Result<std::vector<RegistrationSummary>> listDay(std::string_view isoDate);
    // Every registration the carrier reported a finding about (carrier_findings), whatever its day:
    // a finding arrives days after the registration. Newest registration first, at most 1,000.
    [[nodiscard]] Result<std::vector<RegistrationSummary>> listWithCarrierFindings();
    // One registration's clear metadata (NotFound for an unknown id), without decrypting anything.
    [[nodiscard]] Result<RegistrationSummary> summary(std::string_view id);

    // Unwraps the record's data key (a wrong store key: CryptoFailure, nothing written), writes the
    // audit entry, then decrypts the customer fields. actor and reason are codes
    // ("staff:3", "manager_review"). NotFound for an unknown id, and NotFound "customer data purged by
    // retention on YYYY-MM-DD" (nothing written) once retention shredded it; CryptoFailure if a field fails.
    [[nodiscard]] Result<CustomerPii> readCustomer(std::string_view id, std::string_view actor, std::string_view reason,
                                                   Clock::time_point now = Clock::now());

    // The record's review thumbnail (the manager's side-by-side picture, see app/face_registration.h),
    // decrypted after an audit entry "biometrics.read" like readCustomer's; nullopt (nothing written)
    // when the record has none, or retention already deleted it. NotFound for an unknown id.
    [[nodiscard]] Result<std::optional<std::vector<std::uint8_t>>>
    readReviewThumbnail(std::string_view id, std::string_view actor, std::string_view reason,
                        Clock::time_point now = Clock::now());

    // The newest record whose customer data is still held, if any (for db verify's sample decryption).
    [[nodiscard]] Result<std::optional<std::string>> newestId();

private:
    Database &m_db;
    const Keyring &m_keys;
    const OutboxPayloadBuilder *m_outbox;
};

// The column names of the encrypted customer fields, in CustomerPii order (also the field names
// bound into their associated data).
inline constexpr std::array<std::string_view, 6> kCustomerColumns = {"name",    "id_number", "birth_date",
                                                                     "address", "phone",     "iccid"};

} // namespace simkyc::store
