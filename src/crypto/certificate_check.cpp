#include "crypto/certificate_check.h"

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace simkyc::crypto {
namespace {

struct X509Free {
    void operator()(X509 *x) const { X509_free(x); }
};
struct BioFree {
    void operator()(BIO *b) const { BIO_free(b); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;
using BioPtr = std::unique_ptr<BIO, BioFree>;

X509Ptr parse(std::string_view pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    return X509Ptr(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

std::string text(const ASN1_TIME *time)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || ASN1_TIME_print(bio.get(), time) != 1)
        return "?";
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

std::string subjectOf(X509 *cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), X509_get_subject_name(cert), 0, XN_FLAG_RFC2253) < 0)
        return "?";
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

} // namespace

Result<CertificateInfo> checkCertificate(std::string_view certificatePem, std::string_view caPem,
                                         std::chrono::system_clock::time_point now)
{
    X509Ptr cert = parse(certificatePem);
    X509Ptr ca = parse(caPem);
    if (!cert || !ca)
        return Error{ErrorCode::InvalidFormat, "not a PEM X.509 certificate"};
    CertificateInfo info{subjectOf(cert.get()), text(X509_get0_notAfter(cert.get()))};
    time_t at = std::chrono::system_clock::to_time_t(now);
    if (X509_cmp_time(X509_get0_notAfter(cert.get()), &at) < 0)
        return Error{ErrorCode::InvalidArgument, "the certificate " + info.subject + " expired on " + info.notAfter};
    if (X509_cmp_time(X509_get0_notBefore(cert.get()), &at) > 0)
        return Error{ErrorCode::InvalidArgument, "the certificate " + info.subject + " is not valid before " +
                                                     text(X509_get0_notBefore(cert.get()))};
    EVP_PKEY *caKey = X509_get0_pubkey(ca.get());
    if (caKey == nullptr || X509_verify(cert.get(), caKey) != 1)
        return Error{ErrorCode::InvalidArgument, "the certificate " + info.subject + " is not issued by the CA"};
    return info;
}

} // namespace simkyc::crypto
