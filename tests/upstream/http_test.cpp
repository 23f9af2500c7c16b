// The HTTP/1.1 request parser: split reads, pipelining, limits, refusals.
#include "upstream/http.h"

#include <gtest/gtest.h>

namespace simkyc::upstream {
namespace {

using State = RequestParser::State;

TEST(RequestParser, ARequestArrivingByteByByteIsParsedOnce)
{
    RequestParser parser(HttpLimits{});
    const QByteArray text = "POST /v1/registrations?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello";
    HttpRequest request;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        parser.feed(text.mid(i, 1));
        ASSERT_EQ(parser.next(request), State::NeedMore) << i;
    }
    parser.feed(text.right(1));
    ASSERT_EQ(parser.next(request), State::Ready);
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.path, "/v1/registrations");
    EXPECT_EQ(request.header("host"), "a");
    EXPECT_EQ(request.body, "hello");
    EXPECT_TRUE(request.keepAlive);
    EXPECT_FALSE(parser.hasBufferedData());
}

TEST(RequestParser, PipelinedRequestsComeOutInOrder)
{
    RequestParser parser(HttpLimits{});
    parser.feed("GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\nConnection: close\r\n\r\nGET /c HTTP/1.0\r\n\r\n");
    HttpRequest r;
    ASSERT_EQ(parser.next(r), State::Ready);
    EXPECT_EQ(r.path, "/a");
    ASSERT_EQ(parser.next(r), State::Ready);
    EXPECT_EQ(r.path, "/b");
    EXPECT_FALSE(r.keepAlive);
    ASSERT_EQ(parser.next(r), State::Ready);
    EXPECT_EQ(r.path, "/c");
    EXPECT_FALSE(r.keepAlive); // HTTP/1.0 without keep-alive
    EXPECT_EQ(parser.next(r), State::NeedMore);
}

TEST(RequestParser, LimitsAndUnsupportedFramingAreRefused)
{
    HttpRequest r;
    {
        RequestParser parser(HttpLimits{1024, 10});
        parser.feed("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n");
        EXPECT_EQ(parser.next(r), State::TooLarge);
    }
    {
        RequestParser parser(HttpLimits{1024, 10});
        parser.feed("GET / HTTP/1.1\r\nX: " + QByteArray(2000, 'x'));
        EXPECT_EQ(parser.next(r), State::TooLarge); // no end of header within the limit
    }
    {
        RequestParser parser(HttpLimits{});
        parser.feed("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
        EXPECT_EQ(parser.next(r), State::Unsupported);
    }
    for (const char *bad :
         {"GARBAGE\r\n\r\n", "GET / SPDY/3\r\n\r\n", "GET / HTTP/1.1\r\nno colon\r\n\r\n",
          "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", "POST / HTTP/1.1\r\nContent-Length: 12abc\r\n\r\n"}) {
        RequestParser parser(HttpLimits{});
        parser.feed(bad);
        EXPECT_EQ(parser.next(r), State::Malformed) << bad;
    }
}

TEST(RequestParser, ExpectContinueIsOfferedOncePerRequest)
{
    RequestParser parser(HttpLimits{});
    HttpRequest r;
    parser.feed("POST /a HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
    EXPECT_EQ(parser.next(r), State::NeedMore);
    EXPECT_TRUE(parser.takeContinue());
    EXPECT_EQ(parser.next(r), State::NeedMore);
    EXPECT_FALSE(parser.takeContinue());
    parser.feed("body");
    ASSERT_EQ(parser.next(r), State::Ready);
    EXPECT_EQ(r.body, "body");
    parser.feed("POST /b HTTP/1.1\r\nContent-Length: 4\r\n\r\n");
    EXPECT_EQ(parser.next(r), State::NeedMore);
    EXPECT_FALSE(parser.takeContinue()); // not asked for
}

TEST(HttpResponse, SerialisationCarriesLengthConnectionAndHeaders)
{
    HttpResponse response;
    response.status = 429;
    response.body = "{}";
    response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
    const QByteArray text = serialise(response, false);
    EXPECT_TRUE(text.startsWith("HTTP/1.1 429 Too Many Requests\r\n"));
    EXPECT_TRUE(text.contains("Content-Length: 2\r\n"));
    EXPECT_TRUE(text.contains("Connection: close\r\n"));
    EXPECT_TRUE(text.contains("Retry-After: 1\r\n"));
    EXPECT_TRUE(text.endsWith("\r\n\r\n{}"));
}

} // namespace
} // namespace simkyc::upstream
