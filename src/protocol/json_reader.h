// Internal to src/protocol: the typed JSON field reader and the small conversions the message
// codecs share (protocol.cpp, quota_check.cpp). Not part of the library's interface.
// Thread-safety: value types and pure functions.
#pragma once

#include "core/result.h"
#include "protocol/protocol.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace simkyc::protocol::detail {

inline Error malformed(std::string_view what)
{
    return Error{ErrorCode::InvalidFormat, "malformed " + std::string(what)};
}

inline QByteArray qbytes(const Bytes &b)
{
    return QByteArray(reinterpret_cast<const char *>(b.data()), static_cast<qsizetype>(b.size()));
}

inline Bytes bytesOf(const QByteArray &b)
{
    return Bytes(b.begin(), b.end());
}

inline QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

inline std::string str(const QString &s)
{
    return s.toStdString();
}

inline bool isLowerHex(const QString &s, qsizetype length)
{
    if (s.size() != length)
        return false;
    for (QChar c : s)
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    return true;
}

// Reads required/optional typed fields; the first failure is kept and reported once.
class Reader {
public:
    Reader(const QJsonObject &json, std::string_view what) : m_json(json), m_what(what) {}

    std::string text(const char *key)
    {
        const QJsonValue v = m_json.value(QLatin1String(key));
        if (!v.isString())
            return fail(key), std::string();
        return str(v.toString());
    }
    std::optional<std::string> optionalText(const char *key)
    {
        const QJsonValue v = m_json.value(QLatin1String(key));
        if (v.isNull() || v.isUndefined())
            return std::nullopt;
        if (!v.isString())
            return fail(key), std::nullopt;
        return str(v.toString());
    }
    std::string hex(const char *key, qsizetype length)
    {
        const QJsonValue v = m_json.value(QLatin1String(key));
        if (!v.isString() || !isLowerHex(v.toString(), length))
            return fail(key), std::string();
        return str(v.toString());
    }
    std::int64_t integer(const char *key)
    {
        const QJsonValue v = m_json.value(QLatin1String(key));
        if (!v.isDouble() || v.toDouble() != static_cast<double>(v.toInteger()) || v.toInteger() < 0)
            return fail(key), 0;
        return v.toInteger();
    }
    std::optional<double> optionalNumber(const char *key)
    {
        const QJsonValue v = m_json.value(QLatin1String(key));
        if (v.isNull() || v.isUndefined())
            return std::nullopt;
        if (!v.isDouble())
            return fail(key), std::nullopt;
        return v.toDouble();
    }
    std::vector<std::string> texts(const char *key)
    {
        const QJsonValue v = m_json.value(QLatin1String(key));
        std::vector<std::string> out;
        if (!v.isArray())
            return fail(key), out;
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString())
                return fail(key), out;
            out.push_back(str(item.toString()));
        }
        return out;
    }
    Bytes blob(const char *key)
    {
        auto b = fromBase64(m_json.value(QLatin1String(key)), key);
        if (!b)
            return fail(key), Bytes();
        return std::move(b).value();
    }
    template <std::size_t N>
    std::array<std::uint8_t, N> fixed(const char *key, bool base64Encoded)
    {
        std::array<std::uint8_t, N> out{};
        const QJsonValue v = m_json.value(QLatin1String(key));
        if (!v.isString())
            return fail(key), out;
        const QByteArray decoded =
            base64Encoded ? QByteArray::fromBase64(v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors)
                          : QByteArray::fromHex(v.toString().toLatin1());
        if (decoded.size() != static_cast<qsizetype>(N) ||
            (!base64Encoded && !isLowerHex(v.toString(), static_cast<qsizetype>(2 * N))))
            return fail(key), out;
        std::copy(decoded.begin(), decoded.end(), out.begin());
        return out;
    }
    void requireVersion()
    {
        if (integer("v") != kVersion && !m_failed)
            m_failed = std::string(m_what) + ": unsupported version";
    }
    Status status() const
    {
        if (m_failed)
            return Error{ErrorCode::InvalidFormat, *m_failed};
        return {};
    }

private:
    void fail(const char *key)
    {
        if (!m_failed)
            m_failed = std::string(m_what) + ": field '" + key + "' missing or invalid";
    }

    const QJsonObject &m_json;
    std::string_view m_what;
    std::optional<std::string> m_failed;
};

} // namespace simkyc::protocol::detail
