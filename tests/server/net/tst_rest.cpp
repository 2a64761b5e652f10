// SPDX-License-Identifier: MIT
// docs/protocol.md §1 and §6: every REST route, percent-encoded keys, If-Match, CORS, /ping, and
// garbage HTTP that must get an error status without hurting the server.

#include "netfixture.h"

#include <QTcpSocket>

using namespace NetFixture;
using namespace Qt::StringLiterals;

class TestRest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { addBackendRows(); }
    void init() { NETFIXTURE_START(m_server); }
    void cleanup() { m_server.reset(); }

    void recordRoundTrip()
    {
        const TestHttpClient http = m_server->http();
        HttpResponse response
            = http.postJson("/record", { { u"key"_s, u"rest:1"_s }, { u"value"_s, u"hello"_s } });
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value(u"success"_s).toBool(), true);
        QVERIFY(response.json().value(u"message"_s).isString());
        QVERIFY(!response.json().contains(u"error"_s));
        QVERIFY(response.header("content-type").startsWith("application/json"));

        response = http.get("/record/rest:1");
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value(u"key"_s).toString(), u"rest:1"_s);
        QCOMPARE(response.json().value(u"value"_s).toString(), u"hello"_s);
        QVERIFY(response.json().value(u"revision"_s).toInteger() > 0);

        response = http.del("/record/rest:1");
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value(u"success"_s).toBool(), true);
        QCOMPARE(http.get("/record/rest:1").status, 404);
        response = http.del("/record/rest:1");
        QCOMPARE(response.status, 404);
        QVERIFY(response.json().value(u"error"_s).isString());
    }

    void percentEncodedKeys_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("space slash") << u"a b/c"_s;
        QTest::newRow("percent and question mark") << u"100% sure? #1&x=y"_s;
        QTest::newRow("unicode") << u"ключ日本🙂"_s;
        QTest::newRow("plus stays plus") << u"a+b"_s;
    }
    void percentEncodedKeys()
    {
        QFETCH(QString, key);
        const TestHttpClient http = m_server->http();
        QCOMPARE(http.postJson("/record", { { u"key"_s, key }, { u"value"_s, u"v"_s } }).status, 200);
        const QByteArray path = "/record/" + TestHttpClient::encodeKey(key.toUtf8());
        const HttpResponse response = http.get(path);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value(u"key"_s).toString(), key);
        auto ws = m_server->connectApiKey();
        QVERIFY(ws);
        QCOMPARE(ws->request(op(1, key)).value(u"value"_s).toString(), u"v"_s);
        QCOMPARE(http.del(path).status, 200);
        QCOMPARE(ws->request(op(1, key)).value(u"code"_s).toInt(), 404);
    }

    void missingRecordIs404()
    {
        const HttpResponse response = m_server->http().get("/record/nothing%20here");
        QCOMPARE(response.status, 404);
        QVERIFY(response.json().value(u"error"_s).isString());
    }

    void partialUpdateAndAtomic()
    {
        const TestHttpClient http = m_server->http();
        QCOMPARE(
            http.postJson("/record", { { u"key"_s, u"p"_s }, { u"value"_s, u"{\"a\":1,\"b\":2}"_s } }).status,
            200);
        QCOMPARE(http.postJson("/record",
                               { { u"key"_s, u"p"_s },
                                 { u"value"_s, u"{\"b\":null,\"c\":3}"_s },
                                 { u"partialUpdate"_s, true } })
                     .status,
                 200);
        QCOMPARE(http.get("/record/p").json().value(u"value"_s).toString(), u"{\"a\":1,\"c\":3}"_s);
        // partialUpdate false is a plain SET.
        QCOMPARE(
            http.postJson(
                    "/record",
                    { { u"key"_s, u"p"_s }, { u"value"_s, u"{\"z\":1}"_s }, { u"partialUpdate"_s, false } })
                .status,
            200);
        QCOMPARE(http.get("/record/p").json().value(u"value"_s).toString(), u"{\"z\":1}"_s);

        HttpResponse response
            = http.postJson("/record/atomic", { { u"key"_s, u"counter"_s }, { u"increment"_s, 5 } });
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value(u"success"_s).toBool(), true);
        QCOMPARE(response.json().value(u"result"_s).toInteger(), 5);
        response = http.postJson("/record/atomic", { { u"key"_s, u"counter"_s }, { u"increment"_s, -7 } });
        QCOMPARE(response.json().value(u"result"_s).toInteger(), -2);
        response = http.postJson("/record/atomic", { { u"key"_s, u"p"_s }, { u"increment"_s, 1 } });
        QCOMPARE(response.status, 400);
        QVERIFY(response.json().value(u"error"_s).isString());
    }

    void records()
    {
        const TestHttpClient http = m_server->http();
        for (const QString &key : { u"k:a"_s, u"k:b b"_s, u"k:c"_s, u"k:d"_s, u"l:x"_s })
            QCOMPARE(http.postJson("/record", { { u"key"_s, key }, { u"value"_s, key } }).status, 200);
        HttpResponse response = http.get("/records?startKey=k:&endKey=k:~");
        QCOMPARE(response.status, 200);
        QJsonObject json = response.json();
        QCOMPARE(json.value(u"count"_s).toInt(), 4);
        QCOMPARE(json.value(u"truncated"_s).toBool(), false);
        QCOMPARE(json.value(u"records"_s).toArray().at(1).toObject().value(u"key"_s).toString(), u"k:b b"_s);
        QCOMPARE(json.value(u"records"_s).toArray().at(1).toObject().value(u"value"_s).toString(),
                 u"k:b b"_s);

        response = http.get("/records?startKey=k:&endKey=k:~&limit=2");
        json = response.json();
        QCOMPARE(json.value(u"count"_s).toInt(), 2);
        QCOMPARE(json.value(u"truncated"_s).toBool(), true);

        // Encoded once, and encoded twice (one published client does this).
        response = http.get("/records?startKey=k%3Ab%20b&endKey=k%3Ac");
        QCOMPARE(response.json().value(u"count"_s).toInt(), 2);
        response = http.get("/records?startKey=k%253Ab%2520b&endKey=k%253Ac");
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value(u"count"_s).toInt(), 2);
        QCOMPARE(response.json().value(u"records"_s).toArray().first().toObject().value(u"key"_s).toString(),
                 u"k:b b"_s);
    }

    void ifRevision()
    {
        const TestHttpClient http = m_server->http();
        HttpResponse response = http.postJson(
            "/record", { { u"key"_s, u"cas"_s }, { u"value"_s, u"v1"_s }, { u"ifRevision"_s, 0 } });
        QCOMPARE(response.status, 200);
        const qint64 r1 = http.get("/record/cas").json().value(u"revision"_s).toInteger();
        QVERIFY(r1 > 0);
        response = http.postJson("/record",
                                 { { u"key"_s, u"cas"_s }, { u"value"_s, u"v2"_s }, { u"ifRevision"_s, 0 } });
        QCOMPARE(response.status, 409);
        QCOMPARE(response.json().value(u"revision"_s).toInteger(), r1);
        QCOMPARE(response.json().value(u"value"_s).toString(), u"v1"_s);
        QVERIFY(response.json().value(u"error"_s).isString());

        const QByteArray stale = '"' + QByteArray::number(r1 + 100) + '"';
        const QByteArray current = '"' + QByteArray::number(r1) + '"';
        response = http.postJson("/record", { { u"key"_s, u"cas"_s }, { u"value"_s, u"v3"_s } },
                                 { { "If-Match", stale } });
        QCOMPARE(response.status, 409);
        QCOMPARE(http.get("/record/cas").json().value(u"value"_s).toString(), u"v1"_s);
        response = http.postJson("/record", { { u"key"_s, u"cas"_s }, { u"value"_s, u"v3"_s } },
                                 { { "If-Match", current } });
        QCOMPARE(response.status, 200);
        const qint64 r2 = http.get("/record/cas").json().value(u"revision"_s).toInteger();
        QCOMPARE(http.send("DELETE", "/record/cas", {}, { { "If-Match", current } }).status, 409);
        QCOMPARE(
            http.send("DELETE", "/record/cas", {}, { { "If-Match", '"' + QByteArray::number(r2) + '"' } })
                .status,
            200);
        QCOMPARE(http.get("/record/cas").status, 404);
    }

    void authentication_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("post record") << QByteArray("POST") << QByteArray("/record")
                                     << QByteArray(R"({"key":"a","value":"b"})");
        QTest::newRow("get record") << QByteArray("GET") << QByteArray("/record/a") << QByteArray();
        QTest::newRow("delete record") << QByteArray("DELETE") << QByteArray("/record/a") << QByteArray();
        QTest::newRow("atomic") << QByteArray("POST") << QByteArray("/record/atomic")
                                << QByteArray(R"({"key":"a","increment":1})");
        QTest::newRow("records") << QByteArray("GET") << QByteArray("/records?startKey=a&endKey=b")
                                 << QByteArray();
        QTest::newRow("token") << QByteArray("POST") << QByteArray("/token/websocket")
                               << QByteArray(R"({"subscribeKeys":["a"]})");
    }
    void authentication()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, body);
        for (const QByteArray &key : { QByteArray(), QByteArray("wrong") }) {
            const HttpResponse response = TestHttpClient(m_server->baseUrl(), key).send(method, target, body);
            QCOMPARE(response.status, 401);
            QVERIFY2(response.json().value(u"error"_s).isString(), response.raw.constData());
        }
        // A token is no API key.
        const QByteArray token = m_server->tokenFor({ u"a"_s });
        QCOMPARE(TestHttpClient(m_server->baseUrl(), token).send(method, target, body).status, 401);
        const HttpResponse ok = m_server->http().send(method, target, body);
        QVERIFY2(ok.status == 200 || ok.status == 404, ok.statusLine.constData());
    }

    void badBodiesAre400_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("malformed") << QByteArray("/record") << QByteArray(R"({"key":)");
        QTest::newRow("not object") << QByteArray("/record") << QByteArray(R"(["a"])");
        QTest::newRow("missing value") << QByteArray("/record") << QByteArray(R"({"key":"a"})");
        QTest::newRow("empty key") << QByteArray("/record") << QByteArray(R"({"key":"","value":"b"})");
        QTest::newRow("empty value") << QByteArray("/record") << QByteArray(R"({"key":"a","value":""})");
        QTest::newRow("key 513 bytes")
            << QByteArray("/record")
            << QByteArray(R"({"key":")" + QByteArray(513, 'k') + R"(","value":"b"})");
        QTest::newRow("value 102401 bytes")
            << QByteArray("/record")
            << QByteArray(R"({"key":"a","value":")" + QByteArray(102401, 'v') + R"("})");
        QTest::newRow("increment string")
            << QByteArray("/record/atomic") << QByteArray(R"({"key":"a","increment":"1"})");
        QTest::newRow("atomic missing key")
            << QByteArray("/record/atomic") << QByteArray(R"({"increment":1})");
        // nlohmann stops at a NUL: without a check these parsed as the object before it.
        QTest::newRow("raw NUL after object") << QByteArray("/record")
                                              << QByteArray(R"({"key":"a","value":"b"})"
                                                            "\0"
                                                            "garbage",
                                                            31);
        QTest::newRow("atomic raw NUL after object") << QByteArray("/record/atomic")
                                                     << QByteArray(R"({"key":"a","increment":1})"
                                                                   "\0"
                                                                   "x",
                                                                   27);
        QTest::newRow("raw NUL alone after object") << QByteArray("/record")
                                                    << QByteArray(R"({"key":"a","value":"b"})"
                                                                  "\0",
                                                                  24);
    }
    void badBodiesAre400()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, body);
        const HttpResponse response
            = m_server->http().send("POST", target, body, { { "Content-Type", "application/json" } });
        QCOMPARE(response.status, 400);
        QVERIFY2(response.json().value(u"error"_s).isString(), response.raw.constData());
        QCOMPARE(m_server->http().get("/record/a").status, 404);
    }

    void corsPreflight_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("token") << QByteArray("/token/websocket");
        QTest::newRow("record") << QByteArray("/record");
    }
    void corsPreflight()
    {
        QFETCH(QByteArray, target);
        const TestHttpClient http(m_server->baseUrl());
        const HttpResponse response
            = http.send("OPTIONS", target, {},
                        { { "Origin", "http://localhost:5173" },
                          { "Access-Control-Request-Method", "POST" },
                          { "Access-Control-Request-Headers", "x-api-key, content-type" } });
        QVERIFY2(response.status == 200 || response.status == 204, response.statusLine.constData());
        const QByteArray origin = response.header("access-control-allow-origin");
        QVERIFY2(origin == "*" || origin == "http://localhost:5173", origin.constData());
        const QByteArray headers = response.header("access-control-allow-headers").toLower();
        QVERIFY2(headers.contains("x-api-key") && headers.contains("content-type"), headers.constData());
        const QByteArray methods = response.header("access-control-allow-methods");
        for (const char *method : { "GET", "POST", "DELETE", "OPTIONS" })
            QVERIFY2(methods.contains(method), methods.constData());

        // The actual cross-origin call carries Allow-Origin too.
        const HttpResponse post = m_server->http().postJson(
            target == "/record" ? "/record" : "/token/websocket",
            target == "/record" ? QJsonObject { { u"key"_s, u"c"_s }, { u"value"_s, u"v"_s } }
                                : QJsonObject { { u"subscribeKeys"_s, QJsonArray { u"c"_s } } },
            { { "Origin", "http://localhost:5173" } });
        QCOMPARE(post.status, 200);
        QVERIFY(post.hasHeader("access-control-allow-origin"));
    }

    void pingNeedsNoAuth()
    {
        const HttpResponse response = TestHttpClient(m_server->baseUrl()).get("/ping");
        QCOMPARE(response.status, 200);
    }

    void unknownRouteIs404()
    {
        QCOMPARE(m_server->http().get("/nothing").status, 404);
        QCOMPARE(m_server->http().send("PUT", "/record/a", "x").status / 100, 4);
    }

    void garbageHttpGetsErrorStatus_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("not http") << QByteArray("HELLO THERE\r\n\r\n");
        QTest::newRow("binary") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 17);
        QTest::newRow("bad version") << QByteArray("GET /ping HTTP/9.9\r\n\r\n");
        QTest::newRow("no target") << QByteArray("GET\r\n\r\n");
        QTest::newRow("bad header") << QByteArray("GET /ping HTTP/1.1\r\nno colon here\r\n\r\n");
        QTest::newRow("bad content length")
            << QByteArray("POST /record HTTP/1.1\r\nContent-Length: abc\r\n\r\n");
        QTest::newRow("negative content length")
            << QByteArray("POST /record HTTP/1.1\r\nContent-Length: -5\r\n\r\n");
        QTest::newRow("huge header") << ("GET /ping HTTP/1.1\r\nX-Big: " + QByteArray(100 * 1024, 'x')
                                         + "\r\n\r\n");
        QTest::newRow("huge body") << ("POST /record HTTP/1.1\r\nx-api-key: " + apiKey
                                       + "\r\nContent-Length: 50000000\r\n\r\n" + QByteArray(1024, 'x'));
        QTest::newRow("upgrade, websocket version 8")
            << QByteArray("GET /ws?apiKey=" + apiKey
                          + " HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                            "dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n");
        QTest::newRow("bad upgrade") << QByteArray(
            "GET /ws?apiKey=" + apiKey + " HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
    }
    void garbageHttpGetsErrorStatus()
    {
        QFETCH(QByteArray, bytes);
        const HttpResponse response = m_server->http().sendRaw(bytes);
        QVERIFY2(response.status >= 400 && response.status < 600,
                 QByteArray("status line: " + response.statusLine + " raw: " + response.raw.left(200))
                     .constData());
        // The server lives on.
        QCOMPARE(TestHttpClient(m_server->baseUrl()).get("/ping").status, 200);
        auto ws = m_server->connectApiKey();
        QVERIFY(ws);
        QCOMPARE(ws->request(op(2, u"alive"_s, u"yes"_s)).value(u"code"_s).toInt(), 200);
    }

    void keepAliveAndPipelining()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::ConnectedState, 15000);
        const QByteArray body = R"({"key":"ka","value":"v"})";
        socket.write("POST /record HTTP/1.1\r\nHost: x\r\nx-api-key: " + apiKey
                     + "\r\nContent-Type: application/json\r\nContent-Length: "
                     + QByteArray::number(body.size()) + "\r\n\r\n" + body
                     + "GET /record/ka HTTP/1.1\r\nHost: x\r\nx-api-key: " + apiKey + "\r\n\r\n"
                     + "GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT(
            (received += socket.readAll(), socket.state() == QAbstractSocket::UnconnectedState), 15000);
        received += socket.readAll();
        QCOMPARE(received.count("HTTP/1.1 200"), 3);
        QVERIFY2(received.contains(R"("value":"v")"), received.constData());
        // Answers come in request order.
        QVERIFY(received.indexOf("success") < received.indexOf(R"("value":"v")"));
    }

    void halfRequestThenCloseLeavesServerAlive()
    {
        for (int i = 0; i < 20; ++i) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_server->port());
            QVERIFY(socket.waitForConnected(10000));
            socket.write("POST /record HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"key\"");
            socket.flush();
            socket.abort();
        }
        QCOMPARE(TestHttpClient(m_server->baseUrl()).get("/ping").status, 200);
    }

private:
    std::unique_ptr<TestServer> m_server;
};

QTEST_GUILESS_MAIN(TestRest)
#include "tst_rest.moc"
