// SPDX-License-Identifier: MIT
#include "appserverfixture.h"
#include "sync/hpkvclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;

namespace {

HpkvClient::Reply call(const std::function<void(HpkvClient::Callback)> &send)
{
    std::optional<HpkvClient::Reply> result;
    send([&result](const HpkvClient::Reply &reply) { result = reply; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return HpkvClient::Reply { -1, {}, u"test: no callback"_s };
    return *result;
}

bool waitConnected(HpkvClient &client)
{
    return QTest::qWaitFor([&] { return client.isConnected(); }, 20000);
}

} // namespace

class TestHpkvClient : public QObject
{
    Q_OBJECT

private slots:
    void normalizesUrls_data();
    void normalizesUrls();
    void requestAndReply();
    void repliesMatchedByMessageIdOnly();
    void detectsRevisions_data();
    void detectsRevisions();
    void compareAndSwapConflict();
    void wrongApiKeyNeverConnects();
    void requestWhileDisconnectedFailsLater();
    void requestTimesOut();
    void reconnectsAfterServerRestart();
    void disconnectStopsReconnecting();
};

void TestHpkvClient::normalizesUrls_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("ws");
    QTest::addColumn<QString>("token");
    QTest::newRow("http") << u"http://h:8080"_s << u"ws://h:8080/ws"_s << u"http://h:8080/token/websocket"_s;
    QTest::newRow("http slash") << u"http://h:8080/"_s << u"ws://h:8080/ws"_s
                                << u"http://h:8080/token/websocket"_s;
    QTest::newRow("https") << u"https://api.hpkv.io"_s << u"wss://api.hpkv.io/ws"_s
                           << u"https://api.hpkv.io/token/websocket"_s;
    QTest::newRow("ws with /ws") << u"ws://h:1/ws"_s << u"ws://h:1/ws"_s << u"http://h:1/token/websocket"_s;
    QTest::newRow("wss with /ws/") << u"wss://h/ws/"_s << u"wss://h/ws"_s << u"https://h/token/websocket"_s;
    QTest::newRow("double slash") << u"http://h:2//ws"_s << u"ws://h:2/ws"_s
                                  << u"http://h:2/token/websocket"_s;
    QTest::newRow("prefix") << u"https://h/kv/"_s << u"wss://h/kv/ws"_s << u"https://h/kv/token/websocket"_s;
    QTest::newRow("query dropped") << u"http://h:3/ws?apiKey=old"_s << u"ws://h:3/ws"_s
                                   << u"http://h:3/token/websocket"_s;
}

void TestHpkvClient::normalizesUrls()
{
    QFETCH(QString, base);
    QFETCH(QString, ws);
    QFETCH(QString, token);
    QCOMPARE(HpkvClient::webSocketUrl(QUrl(base)).toString(), ws);
    QCOMPARE(HpkvClient::httpUrl(QUrl(base), u"/token/websocket"_s).toString(), token);
}

void TestHpkvClient::requestAndReply()
{
    AppServerFixture server;
    QVERIFY(server.start());
    HpkvClient client;
    QSignalSpy connected(&client, &HpkvClient::connected);
    client.setEndpoint(server.baseUrl(), AppServerFixture::apiKey);
    QVERIFY(waitConnected(client));
    QCOMPARE(connected.size(), 1);

    HpkvClient::Reply reply = call([&](auto cb) { client.set("todos-20261122", "[]", std::nullopt, cb); });
    QCOMPARE(reply.code, 200);
    QVERIFY(reply.body.value(u"success"_s).toBool());

    reply = call([&](auto cb) { client.get("todos-20261122", cb); });
    QCOMPARE(reply.code, 200);
    QCOMPARE(reply.value(), std::optional<QByteArray>("[]"));

    reply = call([&](auto cb) { client.get("todos-19990101", cb); });
    QCOMPARE(reply.code, 404);
    QCOMPARE(reply.error, u"Record not found"_s);

    reply = call([&](auto cb) { client.range("todos-20261120", "todos-20261130", 100, cb); });
    QCOMPARE(reply.code, 200);
    QCOMPARE(reply.body.value(u"records"_s).toArray().size(), 1);
    QCOMPARE(client.pendingRequests(), 0);
}

void TestHpkvClient::repliesMatchedByMessageIdOnly()
{
    AppServerFixture server;
    QVERIFY(server.start());
    HpkvClient client;
    client.setEndpoint(server.baseUrl(), AppServerFixture::apiKey);
    QVERIFY(waitConnected(client));
    constexpr int count = 50;
    QHash<int, QByteArray> answers;
    for (int i = 0; i < count; ++i) {
        const QByteArray key = "k" + QByteArray::number(i);
        client.set(key, "v" + QByteArray::number(i), std::nullopt, [](const HpkvClient::Reply &) {});
        client.get(key, [&answers, i](const HpkvClient::Reply &reply) {
            answers.insert(i, reply.value().value_or("?"));
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), count, 20000);
    for (int i = 0; i < count; ++i)
        QCOMPARE(answers.value(i), "v" + QByteArray::number(i));
}

void TestHpkvClient::detectsRevisions_data()
{
    QTest::addColumn<bool>("extensions");
    QTest::newRow("dayboard") << true;
    QTest::newRow("plain HPKV") << false;
}

void TestHpkvClient::detectsRevisions()
{
    QFETCH(bool, extensions);
    AppServerFixture server(extensions);
    QVERIFY(server.start());
    HpkvClient client;
    client.setEndpoint(server.baseUrl(), AppServerFixture::apiKey);
    QVERIFY(waitConnected(client));
    QCOMPARE(client.revisions(), HpkvClient::Revisions::Unknown);
    QSignalSpy changed(&client, &HpkvClient::revisionsChanged);
    const HpkvClient::Reply reply = call([&](auto cb) { client.set("a", "1", std::nullopt, cb); });
    QCOMPARE(reply.code, 200);
    QCOMPARE(reply.revision().has_value(), extensions);
    QCOMPARE(client.revisions(),
             extensions ? HpkvClient::Revisions::Supported : HpkvClient::Revisions::Unsupported);
    QCOMPARE(changed.size(), 1);
}

void TestHpkvClient::compareAndSwapConflict()
{
    AppServerFixture server;
    QVERIFY(server.start());
    HpkvClient client;
    client.setEndpoint(server.baseUrl(), AppServerFixture::apiKey);
    QVERIFY(waitConnected(client));
    HpkvClient::Reply first = call([&](auto cb) { client.set("day", "[1]", 0, cb); });
    QCOMPARE(first.code, 200);
    const qint64 revision = first.revision().value_or(-1);
    QVERIFY(revision > 0);
    HpkvClient::Reply conflict = call([&](auto cb) { client.set("day", "[2]", 0, cb); });
    QCOMPARE(conflict.code, 409);
    QCOMPARE(conflict.revision(), std::optional<qint64>(revision));
    QCOMPARE(conflict.value(), std::optional<QByteArray>("[1]"));
    HpkvClient::Reply second = call([&](auto cb) { client.set("day", "[2]", revision, cb); });
    QCOMPARE(second.code, 200);
    QVERIFY(second.revision().value_or(0) > revision);
}

void TestHpkvClient::wrongApiKeyNeverConnects()
{
    AppServerFixture server;
    QVERIFY(server.start());
    HpkvClient client;
    client.setBackoff(Backoff(10, 50));
    QSignalSpy errors(&client, &HpkvClient::connectionError);
    client.setEndpoint(server.baseUrl(), u"wrong-key-secret"_s);
    QVERIFY(errors.wait(20000));
    QVERIFY(!client.isConnected());
    for (const QList<QVariant> &error : std::as_const(errors))
        QVERIFY2(!error.first().toString().contains(u"wrong-key-secret"_s), "an error text contains the key");
    // It keeps trying (the key may be fixed on the server), without ever connecting.
    QTRY_VERIFY_WITH_TIMEOUT(errors.size() >= 3, 20000);
    QVERIFY(!client.isConnected());
}

void TestHpkvClient::requestWhileDisconnectedFailsLater()
{
    HpkvClient client;
    bool answered = false;
    HpkvClient::Reply result;
    client.get("x", [&](const HpkvClient::Reply &reply) {
        answered = true;
        result = reply;
    });
    QVERIFY2(!answered, "the callback must not run inside send()");
    QTRY_VERIFY(answered);
    QCOMPARE(result.code, 0);
    QVERIFY(!result.error.isEmpty());
}

void TestHpkvClient::requestTimesOut()
{
    // A real WebSocket server that never answers request 1 and answers the others.
    QWebSocketServer silent(u"silent"_s, QWebSocketServer::NonSecureMode);
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QList<QWebSocket *> peers;
    connect(&silent, &QWebSocketServer::newConnection, this, [&] {
        QWebSocket *peer = silent.nextPendingConnection();
        peers.append(peer);
        connect(peer, &QWebSocket::textMessageReceived, peer, [peer](const QString &text) {
            const int id = QJsonDocument::fromJson(text.toUtf8()).object().value(u"messageId"_s).toInt();
            if (id >= 2)
                peer->sendTextMessage(u"{\"code\":200,\"messageId\":%1,\"value\":\"answer\"}"_s.arg(id));
        });
    });

    HpkvClient client;
    client.setRequestTimeout(300);
    client.setEndpoint(QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort())), u"k"_s);
    QVERIFY(waitConnected(client));
    const HpkvClient::Reply reply = call([&](auto cb) { client.get("x", cb); });
    QCOMPARE(reply.code, 0);
    QVERIFY(reply.timedOut);
    QCOMPARE(client.pendingRequests(), 0);

    // A late reply to the timed-out request is ignored; the connection stays usable.
    QTRY_COMPARE(peers.size(), 1);
    peers.first()->sendTextMessage(u"{\"code\":200,\"messageId\":1,\"value\":\"late\"}"_s);
    const HpkvClient::Reply next = call([&](auto cb) { client.get("y", cb); });
    QCOMPARE(next.code, 200);
    QCOMPARE(next.value(), std::optional<QByteArray>("answer"));
    QVERIFY(client.isConnected());
    qDeleteAll(peers);
}

void TestHpkvClient::reconnectsAfterServerRestart()
{
    AppServerFixture server;
    QVERIFY(server.start());
    HpkvClient client;
    client.setBackoff(Backoff(10, 100));
    QSignalSpy connected(&client, &HpkvClient::connected);
    client.setEndpoint(server.baseUrl(), AppServerFixture::apiKey);
    QVERIFY(waitConnected(client));
    QCOMPARE(call([&](auto cb) { client.set("persist", "yes", std::nullopt, cb); }).code, 200);

    std::optional<HpkvClient::Reply> inFlight;
    QVERIFY(server.stop());
    QTRY_VERIFY_WITH_TIMEOUT(!client.isConnected(), 20000);
    QCOMPARE(client.state(), HpkvClient::State::Reconnecting);
    client.get("persist", [&](const HpkvClient::Reply &reply) { inFlight = reply; });
    QTRY_VERIFY(inFlight.has_value());
    QCOMPARE(inFlight->code, 0);

    QVERIFY(server.start(server.port()));
    QTRY_VERIFY_WITH_TIMEOUT(client.isConnected(), 20000);
    QCOMPARE(connected.size(), 2);
    const HpkvClient::Reply reply = call([&](auto cb) { client.get("persist", cb); });
    QCOMPARE(reply.code, 200);
    QCOMPARE(reply.value(), std::optional<QByteArray>("yes"));
}

void TestHpkvClient::disconnectStopsReconnecting()
{
    // Told to disconnect while it waits to reconnect, the client must not come back. What
    // proves the negative is a control client with the same fixed 10 ms backoff (no jitter),
    // cut off by the same server stop: it fails three more attempts after the disconnect, so
    // any retry armed in the client under test (due 10 ms after its last failure) has come due
    // and been run by then (timers run in the order they are due), and would have shown as a
    // state change. Then the server comes back: the control reconnects, the client does not.
    AppServerFixture server;
    QVERIFY(server.start());
    HpkvClient client;
    HpkvClient control;
    for (HpkvClient *c : { &client, &control }) {
        c->setBackoff(Backoff(10, 10, 0));
        c->setEndpoint(server.baseUrl(), AppServerFixture::apiKey);
        QVERIFY(waitConnected(*c));
    }
    QVERIFY(server.stop());
    QTRY_VERIFY_WITH_TIMEOUT(!client.isConnected() && !control.isConnected(), 20000);
    QSignalSpy clientErrors(&client, &HpkvClient::connectionError);
    QTRY_VERIFY(clientErrors.size() >= 1); // its retries are running
    QSignalSpy states(&client, &HpkvClient::stateChanged);
    client.disconnectFromServer();
    QCOMPARE(client.state(), HpkvClient::State::Disconnected);
    QCOMPARE(states.size(), 1);

    QSignalSpy controlErrors(&control, &HpkvClient::connectionError);
    QTRY_VERIFY(controlErrors.size() >= 3);
    QCOMPARE(states.size(), 1); // no attempt since the disconnect
    QVERIFY(server.start(server.port()));
    QSignalSpy controlConnected(&control, &HpkvClient::connected);
    QVERIFY(controlConnected.wait(20000));
    QCOMPARE(states.size(), 1);
    QCOMPARE(client.state(), HpkvClient::State::Disconnected);
    QCOMPARE(server.server()->webSocketCount(), 1);
}

QTEST_GUILESS_MAIN(TestHpkvClient)
#include "tst_hpkvclient.moc"
