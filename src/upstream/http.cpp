#include "upstream/http.h"

namespace simkyc::upstream {

QByteArray HttpRequest::header(const QByteArray &lowercaseName) const
{
    for (const auto &[name, value] : headers)
        if (name == lowercaseName)
            return value;
    return {};
}

RequestParser::State RequestParser::next(HttpRequest &out)
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return m_buffer.size() > m_limits.maxHeaderBytes ? State::TooLarge : State::NeedMore;
    if (end > m_limits.maxHeaderBytes)
        return State::TooLarge;
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    const QList<QByteArray> start = lines.front().trimmed().split(' ');
    if (start.size() != 3 || !start[2].startsWith("HTTP/1."))
        return State::Malformed;
    HttpRequest request;
    request.method = start[0];
    request.path = start[1].left(start[1].indexOf('?') < 0 ? start[1].size() : start[1].indexOf('?'));
    request.keepAlive = start[2] != "HTTP/1.0";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon <= 0)
            return State::Malformed;
        request.headers.append({lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed()});
    }
    const QByteArray connection = request.header("connection").toLower();
    if (connection == "close")
        request.keepAlive = false;
    else if (connection == "keep-alive")
        request.keepAlive = true;
    if (!request.header("transfer-encoding").isEmpty())
        return State::Unsupported;
    qsizetype length = 0;
    if (const QByteArray value = request.header("content-length"); !value.isEmpty()) {
        bool ok = false;
        length = value.toLongLong(&ok);
        if (!ok || length < 0)
            return State::Malformed;
        if (length > m_limits.maxBodyBytes)
            return State::TooLarge;
    }
    const qsizetype total = end + 4 + length;
    if (m_buffer.size() < total) {
        if (!m_continueGiven && request.header("expect").toLower() == "100-continue")
            m_continuePending = true;
        return State::NeedMore;
    }
    request.body = m_buffer.mid(end + 4, length);
    m_buffer.remove(0, total);
    m_continuePending = m_continueGiven = false;
    out = std::move(request);
    return State::Ready;
}

bool RequestParser::takeContinue()
{
    if (!m_continuePending)
        return false;
    m_continuePending = false;
    m_continueGiven = true;
    return true;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

QByteArray serialise(const HttpResponse &response, bool keepAlive)
{
    QByteArray out;
    out.reserve(response.body.size() + 256);
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += "\r\n";
    out += response.body;
    return out;
}

} // namespace simkyc::upstream
