// SPDX-License-Identifier: MIT
// Limits of the network front end (docs/security.md §7): connection caps (503), requests in
// flight and request rate (429, not executed), handshake and idle timeouts, frame size, and
// the flags/variables that set them. Each limit is hit with a small configured value on a real
// server on 127.0.0.1 port 0; other clients must be unaffected and, under the limit, nothing
// may be refused.

#include "daemon/dayboardserver.h"
#include "daemon/serverconfig.h"
#include "daemon/serveroptionsparser.h"
#include "environmentskip.h"
#include "net/connectioncounter.h"
#include "net/tokenbucket.h"
#include "testhttpclient.h"
#include "testwebsocketclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QByteArray apiKey = "limits-test-key-0123456789";
constexpr int waitMs = 15000;

/** Every status code of the HTTP responses in `bytes`, in order. */
QList<int> statusesIn(const QByteArray &bytes)
{
    static const QRegularExpression statusLine(QStringLiteral("HTTP/1\\.1 (\\d{3}) "));
    QList<int> statuses;
    auto it = statusLine.globalMatch(QString::fromLatin1(bytes));
    while (it.hasNext())
        statuses.append(it.next().captured(1).toInt());
    return statuses;
}

QJsonObject getRequest(const QString &key, int messageId)
{
    return { { u"op"_s, 1 }, { u"key"_s, key }, { u"messageId"_s, messageId } };
}

QJsonObject setRequest(const QString &key, int messageId)
{
    return { { u"op"_s, 2 }, { u"key"_s, key }, { u"value"_s, u"v"_s }, { u"messageId"_s, messageId } };
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestLimits : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();

    void tokenBucketRefillsAtItsRate();
    void connectionCounterCountsTotalAndPerAddress();
    void flagsAndVariablesSetTheLimits();
    void invalidLimitValuesAreRejected();

    void totalConnectionLimitAnswers503();
    void perAddressLimitLeavesOtherAddressesAlone();
    void refusalFloodIsCapped();
    void inFlightLimitAnswers429WithoutExecuting();
    void webSocketRateLimitAnswers429WithMessageId();
    void restRateLimitIsPerConnection();
    void handshakeTimeoutAnswers408();
    void idleTimeoutClosesOnlySilentPeers();
    void frameSizeLimitClosesWith1009();

private:
    /** Starts a server with `adjust` applied to its config; false (with a message) on failure. */
    bool startServer(const std::function<void(ServerConfig &)> &adjust, bool sqlite = false);
    std::unique_ptr<TestWebSocketClient> connectClient() const;
    QUrl webSocketUrl() const;
    TestHttpClient http() const { return TestHttpClient(m_server->baseUrl(), apiKey); }
    /// A new WebSocket and a plain GET are both refused with 503 and @p error.
    void verifyRefused(const QString &error, HttpResponse *response = nullptr);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DayboardServer> m_server;
};

void TestLimits::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

void TestLimits::verifyRefused(const QString &error, HttpResponse *response)
{
    TestWebSocketClient refused;
    QVERIFY(!refused.open(webSocketUrl()));
    QVERIFY2(refused.errorString().contains(u"503"_s), qPrintable(refused.errorString()));
    const HttpResponse ping = http().get("/ping");
    QCOMPARE(ping.status, 503);
    QCOMPARE(ping.json().value(u"error"_s).toString(), error);
    if (response)
        *response = ping;
}

bool TestLimits::startServer(const std::function<void(ServerConfig &)> &adjust, bool sqlite)
{
    m_dir = std::make_unique<QTemporaryDir>();
    ServerConfig config;
    config.port = 0;
    config.memory = !sqlite;
    config.dataDir = m_dir->path();
    config.apiKeys = { QString::fromLatin1(apiKey) };
    adjust(config);
    m_server = std::make_unique<DayboardServer>(config);
    QString error;
    if (!m_server->start(&error)) {
        qWarning("server did not start: %s", qPrintable(error));
        return false;
    }
    return true;
}

QUrl TestLimits::webSocketUrl() const
{
    return QUrl(
        QStringLiteral("ws://127.0.0.1:%1/ws?apiKey=%2").arg(m_server->port()).arg(QLatin1String(apiKey)));
}

std::unique_ptr<TestWebSocketClient> TestLimits::connectClient() const
{
    auto client = std::make_unique<TestWebSocketClient>();
    if (!client->open(webSocketUrl()))
        return nullptr;
    return client;
}

void TestLimits::tokenBucketRefillsAtItsRate()
{
    TokenBucket bucket(10, 3, 1000); // 10 per second, 3 at once
    QVERIFY(bucket.tryTake(1000));
    QVERIFY(bucket.tryTake(1000));
    QVERIFY(bucket.tryTake(1000));
    QVERIFY(!bucket.tryTake(1000));
    QVERIFY(!bucket.tryTake(1050)); // half a token
    QVERIFY(bucket.tryTake(1100)); // one token after 100 ms
    QVERIFY(!bucket.tryTake(1100));
    QVERIFY(bucket.tryTake(11000)); // refilled, but never beyond the burst
    QVERIFY(bucket.tryTake(11000));
    QVERIFY(bucket.tryTake(11000));
    QVERIFY(!bucket.tryTake(11000));

    TokenBucket unlimited(0, 1, 0);
    for (int i = 0; i < 10000; ++i)
        QVERIFY(unlimited.tryTake(0));
}

void TestLimits::connectionCounterCountsTotalAndPerAddress()
{
    ConnectionCounter counter(3, 2);
    using V = ConnectionCounter::Verdict;
    QCOMPARE(counter.tryAdmit(u"10.0.0.1"_s), V::Admitted);
    QCOMPARE(counter.tryAdmit(u"10.0.0.1"_s), V::Admitted);
    QCOMPARE(counter.tryAdmit(u"10.0.0.1"_s), V::TooManyFromAddress);
    QCOMPARE(counter.tryAdmit(u"10.0.0.2"_s), V::Admitted);
    QCOMPARE(counter.tryAdmit(u"10.0.0.3"_s), V::TooManyTotal);
    QCOMPARE(counter.total(), 3);
    counter.release(u"10.0.0.1"_s);
    QCOMPARE(counter.fromAddress(u"10.0.0.1"_s), 1);
    QCOMPARE(counter.tryAdmit(u"10.0.0.3"_s), V::Admitted);
    counter.release(u"never-admitted"_s); // ignored
    QCOMPARE(counter.total(), 3);

    ConnectionCounter unlimited(0, 0);
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(unlimited.tryAdmit(u"10.0.0.1"_s), V::Admitted);
}

void TestLimits::flagsAndVariablesSetTheLimits()
{
    const ServerConfig defaults;
    QCOMPARE(defaults.rateLimit, 1000.0);
    QCOMPARE(defaults.rateBurst, 2000.0);
    QCOMPARE(defaults.maxInFlight, 1024);
    QCOMPARE(defaults.idleTimeoutMs, 0);

    QProcessEnvironment env;
    env.insert(u"DAYBOARD_MAX_CONNECTIONS"_s, u"500"_s);
    env.insert(u"DAYBOARD_RATE_LIMIT"_s, u"50"_s);
    env.insert(u"DAYBOARD_IDLE_TIMEOUT"_s, u"600"_s);
    env.insert(u"DAYBOARD_MAX_SEND_BUFFER_BYTES"_s, u"65536"_s);
    const auto result = ServerOptionsParser::parse(
        { u"dayboard-server"_s, u"--memory"_s, u"--rate-limit"_s, u"20.5"_s, u"--rate-burst"_s, u"40"_s,
          u"--max-connections-per-address"_s, u"7"_s, u"--max-in-flight"_s, u"0"_s, u"--handshake-timeout"_s,
          u"0.25"_s, u"--max-frame-bytes"_s, u"4096"_s, u"--max-message-bytes"_s, u"8192"_s },
        env);
    QCOMPARE(result.outcome, ServerOptionsParser::Outcome::Run);
    const ServerConfig &c = result.config;
    QCOMPARE(c.maxConnections, 500);
    QCOMPARE(c.rateLimit, 20.5); // the flag wins over DAYBOARD_RATE_LIMIT
    QCOMPARE(c.rateBurst, 40.0);
    QCOMPARE(c.maxConnectionsPerAddress, 7);
    QCOMPARE(c.maxInFlight, 0);
    QCOMPARE(c.headTimeoutMs, 250);
    QCOMPARE(c.idleTimeoutMs, 600000);
    QCOMPARE(c.maxFrameBytes, qint64(4096));
    QCOMPARE(c.maxMessageBytes, qint64(8192));
    QCOMPARE(c.maxSendBufferBytes, qint64(65536));

    const auto help = ServerOptionsParser::parse({ u"dayboard-server"_s, u"--help"_s }, {});
    QCOMPARE(help.outcome, ServerOptionsParser::Outcome::Help);
    for (const char *variable :
         { "DAYBOARD_MAX_CONNECTIONS_PER_ADDRESS", "DAYBOARD_MAX_IN_FLIGHT", "DAYBOARD_RATE_BURST",
           "DAYBOARD_HANDSHAKE_TIMEOUT", "DAYBOARD_MAX_FRAME_BYTES" })
        QVERIFY2(help.text.contains(QLatin1String(variable)), variable);
}

void TestLimits::invalidLimitValuesAreRejected()
{
    const QList<QStringList> bad {
        { u"--max-connections"_s, u"0"_s },
        { u"--max-in-flight"_s, u"-1"_s },
        { u"--rate-limit"_s, u"fast"_s },
        { u"--rate-burst"_s, u"0"_s },
        { u"--max-frame-bytes"_s, u"1.5"_s },
        { u"--idle-timeout"_s, u"inf"_s },
        { u"--max-connections"_s, u"99999999999"_s },
    };
    for (const QStringList &arguments : bad) {
        const auto result = ServerOptionsParser::parse(QStringList { u"dayboard-server"_s } + arguments, {});
        QVERIFY2(result.outcome == ServerOptionsParser::Outcome::Error, qPrintable(arguments.join(u' ')));
        QVERIFY2(result.text.contains(arguments.first()), qPrintable(result.text));
    }
    QProcessEnvironment env;
    env.insert(u"DAYBOARD_MAX_IN_FLIGHT"_s, u"many"_s);
    const auto result = ServerOptionsParser::parse({ u"dayboard-server"_s }, env);
    QCOMPARE(result.outcome, ServerOptionsParser::Outcome::Error);
    QVERIFY(result.text.contains(u"DAYBOARD_MAX_IN_FLIGHT"_s));
}

void TestLimits::totalConnectionLimitAnswers503()
{
    QVERIFY(startServer([](ServerConfig &c) { c.maxConnections = 3; }));
    std::vector<std::unique_ptr<TestWebSocketClient>> clients;
    for (int i = 0; i < 3; ++i) { // under the limit: nothing refused
        clients.push_back(connectClient());
        QVERIFY2(clients.back(), "a connection under the limit was refused");
    }

    HttpResponse response;
    verifyRefused(u"Too many connections to this server; retry later"_s, &response);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(response.header("connection"), QByteArray("close"));
    QCOMPARE(response.header("retry-after"), QByteArray("5"));

    // The connected clients are unaffected.
    for (const auto &client : clients)
        QCOMPARE(client->request(setRequest(u"k"_s, 0)).value(u"code"_s).toInt(), 200);

    // A closed connection frees its place.
    clients.front()->close();
    QVERIFY(clients.front()->waitForDisconnected());
    clients.front().reset();
    QTRY_COMPARE_WITH_TIMEOUT(http().get("/ping").status, 200, waitMs);
}

void TestLimits::perAddressLimitLeavesOtherAddressesAlone()
{
    QVERIFY(startServer([](ServerConfig &c) { c.maxConnectionsPerAddress = 2; }));
    auto first = connectClient();
    auto second = connectClient();
    QVERIFY(first && second);

    verifyRefused(u"Too many connections from your address; retry later"_s);
    if (QTest::currentTestFailed())
        return;

    // Another loopback address is another client.
    QTcpSocket other;
    if (!other.bind(QHostAddress(u"127.0.0.2"_s)))
        DAYBOARD_ENVIRONMENT_SKIP(u"cannot bind 127.0.0.2 as a second client address here"_s);
    other.connectToHost(QHostAddress::LocalHost, m_server->port());
    other.write("GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QByteArray received;
    QVERIFY(QTest::qWaitFor(
        [&] {
        received += other.readAll();
        return received.contains("\"ok\"");
        },
        waitMs));
    QCOMPARE(statusesIn(received), QList<int> { 200 });
    QCOMPARE(first->request(getRequest(u"missing"_s, 0)).value(u"code"_s).toInt(), 404);
}

void TestLimits::refusalFloodIsCapped()
{
    QVERIFY(startServer([](ServerConfig &c) { c.maxConnections = 1; }));
    auto holder = connectClient();
    QVERIFY(holder);
    // Refused connections that never close linger for 2 s each; only 32 may at once.
    constexpr int flood = 40;
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < flood; ++i) {
        sockets.push_back(std::make_unique<QTcpSocket>());
        sockets.back()->connectToHost(QHostAddress::LocalHost, m_server->port());
    }
    QList<QByteArray> received(flood);
    auto settled = [&] {
        int done = 0;
        for (int i = 0; i < flood; ++i) {
            received[i] += sockets[i]->readAll();
            if (received[i].contains("\r\n\r\n") || sockets[i]->state() == QAbstractSocket::UnconnectedState)
                ++done;
        }
        return done == flood;
    };
    QVERIFY(QTest::qWaitFor(settled, waitMs));
    int answered = 0;
    for (const QByteArray &bytes : std::as_const(received)) {
        if (!bytes.isEmpty()) {
            QCOMPARE(statusesIn(bytes), QList<int> { 503 });
            ++answered;
        }
    }
    QVERIFY2(answered >= 32, qPrintable(QString::number(answered)));
    QVERIFY2(answered < flood, "every refused connection lingered: the cap did not apply");
    QCOMPARE(holder->request(getRequest(u"k"_s, 0)).value(u"code"_s).toInt(), 404);
}

void TestLimits::inFlightLimitAnswers429WithoutExecuting()
{
    // SQLite commits on its writer thread, so SETs stay in flight until the event loop runs again.
    QVERIFY(startServer([](ServerConfig &c) { c.maxInFlight = 2; }, true));
    auto client = connectClient();
    QVERIFY(client);
    constexpr int burst = 12;
    constexpr int firstId = 1001; // apart from the ids request() picks
    for (int id = firstId; id < firstId + burst; ++id)
        client->sendText(compact(setRequest(u"inflight-%1"_s.arg(id), id)));
    QVERIFY(client->waitFor([&] { return client->replies().size() >= burst; }));

    QList<int> refusedIds;
    QSet<int> answeredIds;
    for (const QJsonObject &reply : client->replies()) {
        const int id = reply.value(u"messageId"_s).toInt();
        answeredIds.insert(id);
        QVERIFY(id >= firstId && id < firstId + burst);
        if (reply.value(u"code"_s).toInt() == 429) {
            QCOMPARE(reply.value(u"error"_s).toString(),
                     u"Too many requests in flight on this connection; wait for replies"_s);
            refusedIds.append(id);
        } else {
            QCOMPARE(reply.value(u"code"_s).toInt(), 200);
        }
    }
    QCOMPARE(answeredIds.size(), burst); // exactly one reply per request
    QVERIFY2(!refusedIds.isEmpty(), "12 SETs at once with 2 allowed in flight: none refused");
    QVERIFY(refusedIds.size() <= burst - 2);
    for (int id : std::as_const(refusedIds)) // refused means not executed
        QCOMPARE(client->request(getRequest(u"inflight-%1"_s.arg(id), 0)).value(u"code"_s).toInt(), 404);

    // Under the limit nothing is refused: one at a time.
    for (int i = 0; i < 5; ++i)
        QCOMPARE(client->request(setRequest(u"sequential"_s, 0)).value(u"code"_s).toInt(), 200);
}

void TestLimits::webSocketRateLimitAnswers429WithMessageId()
{
    // 3 at once, then practically no refill during the test.
    QVERIFY(startServer([](ServerConfig &c) {
        c.rateLimit = 0.001;
        c.rateBurst = 3;
    }));
    auto client = connectClient();
    auto other = connectClient();
    QVERIFY(client && other);
    for (int i = 1; i <= 3; ++i) // within the burst: nothing refused
        QCOMPARE(client->request(getRequest(u"rate"_s, 0)).value(u"code"_s).toInt(), 404);

    client->clearReceived();
    client->sendText(compact(setRequest(u"rate"_s, 9041)));
    client->sendText(compact(QJsonObject { { u"op"_s, 1 }, { u"key"_s, u"rate"_s } })); // no messageId
    QVERIFY(client->waitFor([&] { return client->replies().size() >= 2; }));
    const QJsonObject withId = client->replies().at(0);
    QCOMPARE(withId.value(u"code"_s).toInt(), 429);
    QCOMPARE(withId.value(u"messageId"_s).toInt(), 9041);
    QCOMPARE(withId.value(u"error"_s).toString(),
             u"Rate limit exceeded on this connection; slow down and retry"_s);
    const QJsonObject withoutId = client->replies().at(1);
    QCOMPARE(withoutId.value(u"code"_s).toInt(), 429);
    QVERIFY(!withoutId.contains(u"messageId"_s));
    QVERIFY(client->isConnected());

    // The refused SET did not run, and another connection has its own budget.
    QCOMPARE(other->request(getRequest(u"rate"_s, 0)).value(u"code"_s).toInt(), 404);
    QCOMPARE(other->request(setRequest(u"rate"_s, 0)).value(u"code"_s).toInt(), 200);
}

void TestLimits::restRateLimitIsPerConnection()
{
    QVERIFY(startServer([](ServerConfig &c) {
        c.rateLimit = 0.001;
        c.rateBurst = 3;
    }));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QByteArray requests;
    for (int i = 0; i < 5; ++i)
        requests += "GET /ping HTTP/1.1\r\nHost: x\r\n\r\n";
    socket.write(requests);
    QByteArray received;
    QVERIFY(QTest::qWaitFor(
        [&] {
        received += socket.readAll();
        return statusesIn(received).size() >= 5;
        },
        waitMs));
    QCOMPARE(statusesIn(received), (QList<int> { 200, 200, 200, 429, 429 }));
    QVERIFY(received.contains("Retry-After: 1\r\n"));
    QVERIFY(received.contains("Too many requests on this connection; slow down and retry"));
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState); // kept alive

    // Another TCP connection has its own bucket.
    QCOMPARE(http().get("/ping").status, 200);
}

void TestLimits::handshakeTimeoutAnswers408()
{
    QVERIFY(startServer([](ServerConfig &c) { c.headTimeoutMs = 300; }));
    QTcpSocket slow;
    slow.connectToHost(QHostAddress::LocalHost, m_server->port());
    slow.write("GET /ws?apiKey=" + apiKey + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n");
    QByteArray received;
    QVERIFY(QTest::qWaitFor(
        [&] {
        received += slow.readAll();
        return slow.state() == QAbstractSocket::UnconnectedState;
        },
        waitMs));
    received += slow.readAll();
    QCOMPARE(statusesIn(received), QList<int> { 408 });

    // A handshake that completes in time is unaffected.
    auto client = connectClient();
    QVERIFY(client);
    QCOMPARE(client->request(getRequest(u"k"_s, 0)).value(u"code"_s).toInt(), 404);
}

void TestLimits::idleTimeoutClosesOnlySilentPeers()
{
    QVERIFY(startServer([](ServerConfig &c) {
        c.idleTimeoutMs = 1500;
        c.pingIntervalMs = 100; // pings and pongs flow all the time, and do not count
        c.pongTimeoutMs = 5000;
    }));
    auto silent = connectClient();
    auto active = connectClient();
    QVERIFY(silent && active);
    int sent = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, active.get(),
                     [&] { active->sendText(compact(getRequest(u"idle"_s, ++sent))); });
    ticker.start(200);

    QVERIFY(silent->waitForDisconnected(waitMs));
    QCOMPARE(silent->closeCode(), QWebSocketProtocol::CloseCodeNormal);
    QCOMPARE(silent->closeReason(), u"Idle timeout"_s);
    ticker.stop();
    QVERIFY2(active->isConnected(), "a peer sending requests was closed as idle");
    QVERIFY(sent >= 5);
    QVERIFY(active->waitFor([&] { return active->replies().size() == sent; }));
}

void TestLimits::frameSizeLimitClosesWith1009()
{
    QVERIFY(startServer([](ServerConfig &c) { c.maxFrameBytes = 1024; }));
    // A 3000-byte message in frames of 512 bytes is within both limits.
    auto fragmented = connectClient();
    QVERIFY(fragmented);
    fragmented->socket().setOutgoingFrameSize(512);
    const QByteArray big = compact(QJsonObject {
        { u"op"_s, 2 }, { u"key"_s, u"f"_s }, { u"value"_s, QString(3000, u'x') }, { u"messageId"_s, 1 } });
    fragmented->sendText(big);
    QVERIFY(fragmented->waitFor([&] { return !fragmented->replies().isEmpty(); }));
    QCOMPARE(fragmented->replies().constFirst().value(u"code"_s).toInt(), 200);

    // The same message as one frame is over the frame limit.
    auto whole = connectClient();
    QVERIFY(whole);
    whole->sendText(big);
    QVERIFY(whole->waitForDisconnected(waitMs));
    QCOMPARE(whole->closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
    QVERIFY(fragmented->isConnected());
}

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
