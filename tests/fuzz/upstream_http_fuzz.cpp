// simkyc-upstream's HTTP/1.1 request parser on an arbitrary byte stream, with small limits.
// The first byte picks how the stream is cut into reads (1..256 bytes, at most 64 reads); the requests parsed must be
// the same as when the whole stream arrives at once, and no body may exceed the limit.
#include "fuzz_util.h"
#include "upstream/http.h"

#include <algorithm>
#include <vector>

using namespace simkyc;

namespace {

struct Parsed {
    std::vector<upstream::HttpRequest> requests;
    upstream::RequestParser::State last = upstream::RequestParser::State::NeedMore;
};

void drain(upstream::RequestParser &parser, Parsed &out, const upstream::HttpLimits &limits)
{
    for (;;) {
        upstream::HttpRequest request;
        out.last = parser.next(request);
        if (out.last != upstream::RequestParser::State::Ready)
            return;
        FUZZ_CHECK(request.body.size() <= limits.maxBodyBytes);
        (void)parser.takeContinue();
        out.requests.push_back(std::move(request));
    }
}

bool same(const upstream::HttpRequest &a, const upstream::HttpRequest &b)
{
    return a.method == b.method && a.path == b.path && a.headers == b.headers && a.body == b.body &&
           a.keepAlive == b.keepAlive;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // Past one request at the limits the stream teaches nothing new, and each one-byte read
    // re-parses the pending header, so long inputs would only slow the fuzzer down.
    if (size == 0 || size > 8192)
        return 0;
    const upstream::HttpLimits limits{.maxHeaderBytes = 1024, .maxBodyBytes = 4096};
    // At most 64 reads: each read with a body pending re-parses the header (cheap for the server,
    // whose reads are TLS records, but a slow fuzzer when a 4 KiB body arrives byte by byte).
    const std::size_t chunk = std::max(static_cast<std::size_t>(data[0]) + 1, size / 64);
    const QByteArray stream(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));

    Parsed whole;
    upstream::RequestParser wholeParser(limits);
    wholeParser.feed(stream);
    drain(wholeParser, whole, limits);

    Parsed pieces;
    upstream::RequestParser piecesParser(limits);
    for (qsizetype at = 0; at < stream.size(); at += static_cast<qsizetype>(chunk)) {
        piecesParser.feed(stream.mid(at, static_cast<qsizetype>(chunk)));
        drain(piecesParser, pieces, limits);
        if (pieces.last != upstream::RequestParser::State::NeedMore)
            break; // the server closes the connection on an error
    }
    // A stream cut into pieces may fail earlier (a header over the limit is seen before its end)
    // but it never yields a different request.
    const std::size_t common = std::min(whole.requests.size(), pieces.requests.size());
    for (std::size_t i = 0; i < common; ++i)
        FUZZ_CHECK(same(whole.requests[i], pieces.requests[i]));
    if (whole.last == upstream::RequestParser::State::NeedMore && pieces.last == whole.last)
        FUZZ_CHECK(whole.requests.size() == pieces.requests.size());
    return 0;
}
