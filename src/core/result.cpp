#include "core/result.h"

namespace simkyc {

std::string_view errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return "invalid_argument";
    case ErrorCode::InvalidFormat: return "invalid_format";
    case ErrorCode::ChecksumMismatch: return "checksum_mismatch";
    case ErrorCode::InvalidDate: return "invalid_date";
    case ErrorCode::Underage: return "underage";
    case ErrorCode::NotFound: return "not_found";
    case ErrorCode::Unreadable: return "unreadable";
    case ErrorCode::IoError: return "io_error";
    case ErrorCode::ModelMissing: return "model_missing";
    case ErrorCode::ModelHashMismatch: return "model_hash_mismatch";
    case ErrorCode::ModelLoadFailed: return "model_load_failed";
    case ErrorCode::NoFace: return "no_face";
    case ErrorCode::SeveralFaces: return "several_faces";
    case ErrorCode::Unsupported: return "unsupported";
    case ErrorCode::CryptoFailure: return "crypto_failure";
    case ErrorCode::DatabaseError: return "database_error";
    case ErrorCode::Internal: return "internal";
    case ErrorCode::InvalidTransition: return "invalid_transition";
    }
    return "internal";
}

std::string Error::toString() const
{
    std::string out(errorCodeName(code));
    if (!message.empty()) {
        out += ": ";
        out += message;
    }
    return out;
}

} // namespace simkyc
