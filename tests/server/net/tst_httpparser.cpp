// SPDX-License-Identifier: MIT
// HttpParser: good, bad, partial and oversize request heads; Content-Length bodies.

#include "net/httpparser.h"
#include "net/httprequest.h"

#include <QTest>

using Status = HttpParser::Status;
Q_DECLARE_METATYPE(HttpParser::Status)

class TestHttpParser : public QObject
{
    Q_OBJECT

private slots:
    void heads_data();
    void heads();
    void everyPrefixOfAGoodRequestNeedsMore();
    void headerLookupIsCaseInsensitive();
    void keepAlive_data();
    void keepAlive();
    void body();
    void bodyOverCap();
    void headOverCap();
    void pipelinedRequestsAreSeparated();
    void queryValues();
    void webSocketUpgrade();
};

void TestHttpParser::heads_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Status>("status");
    QTest::addColumn<int>("errorStatus");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");

    QTest::newRow("get") << QByteArray("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n") << Status::Complete << 0
                         << QByteArray("GET") << QByteArray("/ping");
    QTest::newRow("http/1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << Status::Complete << 0
                              << QByteArray("GET") << QByteArray("/");
    QTest::newRow("query split") << QByteArray("GET /records?startKey=a&endKey=b HTTP/1.1\r\n\r\n")
                                 << Status::Complete << 0 << QByteArray("GET") << QByteArray("/records");
    QTest::newRow("leading blank lines") << QByteArray("\r\n\r\nGET /x HTTP/1.1\r\n\r\n") << Status::Complete
                                         << 0 << QByteArray("GET") << QByteArray("/x");
    QTest::newRow("empty") << QByteArray() << Status::NeedMore << 0 << QByteArray() << QByteArray();
    QTest::newRow("partial line") << QByteArray("GET /pi") << Status::NeedMore << 0 << QByteArray()
                                  << QByteArray();
    QTest::newRow("partial headers") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n") << Status::NeedMore << 0
                                     << QByteArray() << QByteArray();
    QTest::newRow("garbage") << QByteArray("garbage\r\n\r\n") << Status::Error << 400 << QByteArray()
                             << QByteArray();
    QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << Status::Error << 400
                                << QByteArray() << QByteArray();
    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << Status::Error << 400 << QByteArray()
                                << QByteArray();
    QTest::newRow("http/2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << Status::Error << 505 << QByteArray()
                            << QByteArray();
    QTest::newRow("not http") << QByteArray("GET / FTP/1.1\r\n\r\n") << Status::Error << 400 << QByteArray()
                              << QByteArray();
    QTest::newRow("bad method char") << QByteArray("G(T / HTTP/1.1\r\n\r\n") << Status::Error << 400
                                     << QByteArray() << QByteArray();
    QTest::newRow("control char in target")
        << QByteArray("GET /a\x01 HTTP/1.1\r\n\r\n") << Status::Error << 400 << QByteArray() << QByteArray();
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost x\r\n\r\n") << Status::Error
                                          << 400 << QByteArray() << QByteArray();
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << Status::Error
                                        << 400 << QByteArray() << QByteArray();
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << Status::Error
                                   << 400 << QByteArray() << QByteArray();
    QTest::newRow("bare LF lines") << QByteArray("GET / HTTP/1.1\nHost: x\n\n") << Status::Error << 400
                                   << QByteArray() << QByteArray();
    QTest::newRow("mixed line ends") << QByteArray("GET / HTTP/1.1\nHost: x\r\n\r\n") << Status::Error << 400
                                     << QByteArray() << QByteArray();
    QTest::newRow("bad content-length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n")
                                        << Status::Error << 400 << QByteArray() << QByteArray();
    QTest::newRow("negative content-length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n")
                                             << Status::Error << 400 << QByteArray() << QByteArray();
    QTest::newRow("conflicting content-length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") << Status::Error
        << 400 << QByteArray() << QByteArray();
    QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                             << Status::Error << 501 << QByteArray() << QByteArray();
}

void TestHttpParser::heads()
{
    QFETCH(QByteArray, input);
    QFETCH(Status, status);
    QFETCH(int, errorStatus);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);

    const HttpParser::Result result = HttpParser().parseHead(input);
    QCOMPARE(result.status, status);
    QCOMPARE(result.errorStatus, errorStatus);
    if (status == Status::Error)
        QVERIFY(!result.errorText.isEmpty());
    if (status == Status::Complete) {
        QCOMPARE(result.request.method, method);
        QCOMPARE(result.request.path, path);
        QCOMPARE(result.headBytes, input.size());
    }
}

void TestHttpParser::everyPrefixOfAGoodRequestNeedsMore()
{
    const QByteArray request = "POST /record HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello";
    const HttpParser parser;
    for (qsizetype size = 0; size < request.size(); ++size) {
        const HttpParser::Result result = parser.parse(QByteArrayView(request).first(size));
        QVERIFY2(result.status == Status::NeedMore, qPrintable(QString::number(size)));
    }
    const HttpParser::Result result = parser.parse(request);
    QCOMPARE(result.status, Status::Complete);
    QCOMPARE(result.request.body, QByteArray("hello"));
    QCOMPARE(result.consumed, request.size());
}

void TestHttpParser::headerLookupIsCaseInsensitive()
{
    const HttpParser::Result result = HttpParser().parseHead(
        "GET / HTTP/1.1\r\nX-API-Key:   secret  \r\nContent-Type: application/json\r\nEmpty:\r\n\r\n");
    QCOMPARE(result.status, Status::Complete);
    const HttpRequest &request = result.request;
    QCOMPARE(request.header("x-api-key"), QByteArray("secret"));
    QCOMPARE(request.header("X-Api-Key"), QByteArray("secret"));
    QCOMPARE(request.header("CONTENT-TYPE"), QByteArray("application/json"));
    QVERIFY(request.hasHeader("empty"));
    QCOMPARE(request.header("empty"), QByteArray(""));
    QVERIFY(!request.hasHeader("missing"));
    QVERIFY(request.header("missing").isNull());
}

void TestHttpParser::keepAlive_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("1.1 default") << QByteArray("GET / HTTP/1.1\r\n\r\n") << true;
    QTest::newRow("1.1 close") << QByteArray("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n") << false;
    QTest::newRow("1.0 default") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
    QTest::newRow("1.0 keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << true;
}

void TestHttpParser::keepAlive()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, keepAlive);
    const HttpParser::Result result = HttpParser().parseHead(head);
    QCOMPARE(result.status, Status::Complete);
    QCOMPARE(result.request.keepAlive(), keepAlive);
}

void TestHttpParser::body()
{
    const QByteArray head = "POST /record HTTP/1.1\r\ncontent-length: 11\r\n\r\n";
    const HttpParser parser;
    QCOMPARE(parser.parse(QByteArray(head + "{\"a\":")).status, Status::NeedMore);
    const HttpParser::Result result = parser.parse(QByteArray(head + "{\"a\":\"b\"}\r\nGET"));
    QCOMPARE(result.status, Status::Complete);
    QCOMPARE(result.request.contentLength, 11);
    QCOMPARE(result.request.body, QByteArray("{\"a\":\"b\"}\r\n"));
    QCOMPARE(result.consumed, head.size() + 11);
}

void TestHttpParser::bodyOverCap()
{
    HttpParser::Limits limits;
    limits.maxBodyBytes = 100;
    const HttpParser parser(limits);
    QCOMPARE(parser.parseHead("POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\n").status, Status::Complete);
    // Refused from the head alone: the body is never waited for.
    const HttpParser::Result result = parser.parseHead("POST / HTTP/1.1\r\nContent-Length: 101\r\n\r\n");
    QCOMPARE(result.status, Status::Error);
    QCOMPARE(result.errorStatus, 413);
}

void TestHttpParser::headOverCap()
{
    HttpParser::Limits limits;
    limits.maxHeadBytes = 64;
    const HttpParser parser(limits);
    // Unterminated and longer than the cap: refused without waiting for the rest.
    const QByteArray longLine = "GET /" + QByteArray(100, 'a');
    QCOMPARE(parser.parseHead(longLine).status, Status::Error);
    QCOMPARE(parser.parseHead(longLine).errorStatus, 431);
    const QByteArray complete = "GET / HTTP/1.1\r\nX: " + QByteArray(60, 'b') + "\r\n\r\n";
    QCOMPARE(parser.parseHead(complete).errorStatus, 431);
    QCOMPARE(parser.parseHead("GET / HTTP/1.1\r\nX: y\r\n\r\n").status, Status::Complete);

    HttpParser::Limits few;
    few.maxHeaders = 2;
    const HttpParser::Result tooMany
        = HttpParser(few).parseHead("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n");
    QCOMPARE(tooMany.errorStatus, 431);
}

void TestHttpParser::pipelinedRequestsAreSeparated()
{
    const QByteArray first = "GET /ping HTTP/1.1\r\n\r\n";
    const QByteArray second = "POST /record HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}";
    const HttpParser parser;
    const HttpParser::Result one = parser.parse(QByteArray(first + second));
    QCOMPARE(one.status, Status::Complete);
    QCOMPARE(one.consumed, first.size());
    const HttpParser::Result two = parser.parse(QByteArray(first + second).mid(one.consumed));
    QCOMPARE(two.status, Status::Complete);
    QCOMPARE(two.request.body, QByteArray("{}"));
}

void TestHttpParser::queryValues()
{
    const HttpParser::Result result
        = HttpParser().parseHead("GET /ws?apiKey=a%2Bb+c&token=&flag&x=%25 HTTP/1.1\r\n\r\n");
    QCOMPARE(result.status, Status::Complete);
    const HttpRequest &request = result.request;
    QCOMPARE(request.rawQueryValue("apiKey"), QByteArray("a%2Bb+c"));
    QCOMPARE(request.queryValue("apiKey"), QByteArray("a+b+c"));
    QVERIFY(request.hasQueryValue("token"));
    QCOMPARE(request.queryValue("token"), QByteArray(""));
    QVERIFY(request.hasQueryValue("flag"));
    QCOMPARE(request.queryValue("x"), QByteArray("%"));
    QVERIFY(!request.hasQueryValue("missing"));
}

void TestHttpParser::webSocketUpgrade()
{
    const HttpParser parser;
    QVERIFY(
        parser.parseHead("GET /ws HTTP/1.1\r\nUpgrade: WebSocket\r\nConnection: keep-alive, Upgrade\r\n\r\n")
            .request.isWebSocketUpgrade());
    QVERIFY(!parser.parseHead("GET /ws HTTP/1.1\r\nUpgrade: websocket\r\n\r\n").request.isWebSocketUpgrade());
    QVERIFY(!parser.parseHead("POST /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: upgrade\r\n\r\n")
                 .request.isWebSocketUpgrade());
}

QTEST_GUILESS_MAIN(TestHttpParser)
#include "tst_httpparser.moc"
