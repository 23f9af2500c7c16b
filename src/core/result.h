// Result<T>: a value or an Error, the only way failures cross a module boundary.
// Guarantees: never throws on access misuse in release builds is NOT promised: value() on an
// error asserts. Error codes are stable; their string names appear in JSON output and docs.
// Thread-safety: value type, no shared state.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace simkyc {

// Stable error codes. Append only; never renumber or rename (names are part of the CLI/JSON contract).
enum class ErrorCode {
    InvalidArgument,   // a caller passed something that can never be valid
    InvalidFormat,     // input text/file does not have the expected shape
    ChecksumMismatch,  // a check digit or checksum does not hold
    InvalidDate,       // a date that does not exist or lies in the future
    Underage,          // person younger than the configured minimum age
    NotFound,          // a file, record or device does not exist
    Unreadable,        // a file exists but cannot be read or decoded
    IoError,           // reading or writing failed (disk full, permissions, ...)
    ModelMissing,      // a model file was not found on the search path
    ModelHashMismatch, // a model file's SHA-256 differs from the manifest
    ModelLoadFailed,   // a model file could not be deserialised
    NoFace,            // no face found in an image
    SeveralFaces,      // more than one face where exactly one is required
    Unsupported,       // a feature or format this build does not support
    CryptoFailure,     // an OpenSSL operation failed
    DatabaseError,     // an SQLite operation failed
    Internal,          // a bug: an invariant did not hold
    InvalidTransition, // a workflow state change that the rules do not allow
};

// snake_case name of a code, e.g. "model_missing". Stable.
std::string_view errorCodeName(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message; // human readable, English, never contains secrets or customer data

    // "model_missing: shape_predictor_68_face_landmarks.dat not found in ..."
    [[nodiscard]] std::string toString() const;
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}     // NOLINT(google-explicit-constructor)
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {} // NOLINT(google-explicit-constructor)
    Result(ErrorCode code, std::string message) : Result(Error{code, std::move(message)}) {}

    [[nodiscard]] bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] const T &value() const &
    {
        assert(ok());
        return std::get<0>(m_data);
    }
    [[nodiscard]] T &value() &
    {
        assert(ok());
        return std::get<0>(m_data);
    }
    [[nodiscard]] T &&value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_data));
    }
    [[nodiscard]] const Error &error() const
    {
        assert(!ok());
        return std::get<1>(m_data);
    }

    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

private:
    std::variant<T, Error> m_data;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {} // NOLINT(google-explicit-constructor)
    Result(ErrorCode code, std::string message) : Result(Error{code, std::move(message)}) {}

    [[nodiscard]] bool ok() const { return m_ok; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error &error() const
    {
        assert(!ok());
        return m_error;
    }

private:
    Error m_error;
    bool m_ok = true;
};

using Status = Result<void>;

} // namespace simkyc
