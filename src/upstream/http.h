// A minimal HTTP/1.1 message layer for the upstream server: an incremental request parser
// (Content-Length bodies only, no chunked encoding, size limits) and response serialisation.
// Guarantees: the parser never buffers more than maxHeaderBytes of header nor accepts a body over
// maxBodyBytes; after an error the connection must be closed (the stream is out of step).
// Thread-safety: one parser per connection.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

#include <optional>
#include <string>

namespace simkyc::upstream {

struct HttpRequest {
    QByteArray method;
    QByteArray path;                              // without the query string
    QList<QPair<QByteArray, QByteArray>> headers; // names lowercased
    QByteArray body;
    bool keepAlive = true;
    [[nodiscard]] QByteArray header(const QByteArray &lowercaseName) const;
};

struct HttpResponse {
    int status = 200;
    QByteArray body; // JSON
    QList<QPair<QByteArray, QByteArray>> headers;
    bool committed = false; // a write reached the database (the drop-after-commit fault applies)
    bool close = false;     // close the connection after this response
    std::string deviceId;   // for the request log
};

struct HttpLimits {
    qsizetype maxHeaderBytes = 16 * 1024;
    qsizetype maxBodyBytes = 64 * 1024 * 1024;
};

class RequestParser {
public:
    enum class State { NeedMore, Ready, Malformed, TooLarge, Unsupported };

    explicit RequestParser(HttpLimits limits) : m_limits(limits) {}
    void feed(const QByteArray &data) { m_buffer.append(data); }
    // Ready: `out` holds the next request and it is consumed from the buffer.
    [[nodiscard]] State next(HttpRequest &out);
    [[nodiscard]] bool hasBufferedData() const { return !m_buffer.isEmpty(); }
    // True once per request whose header asked "Expect: 100-continue" and whose body is still to
    // come: the caller answers "HTTP/1.1 100 Continue" so the client sends it.
    [[nodiscard]] bool takeContinue();

private:
    HttpLimits m_limits;
    QByteArray m_buffer;
    bool m_continuePending = false;
    bool m_continueGiven = false;
};

[[nodiscard]] QByteArray reasonPhrase(int status);
[[nodiscard]] QByteArray serialise(const HttpResponse &response, bool keepAlive);

} // namespace simkyc::upstream
