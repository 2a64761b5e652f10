// SPDX-License-Identifier: MIT
// Nothing a connection creates outlives it (docs/security.md §9): after WebSocket clients (API
// key and token subscribers, closed or aborted), refused upgrades and half-sent HTTP heads go
// away, the server holds no session, no counted TCP socket, and as many live QObjects as before.

#include "daemon/dayboardserver.h"
#include "testhttpclient.h"
#include "testwebsocketclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>
#include <atomic>
#include <memory>
#include <vector>

// Qt's hook table (QtCore's qhooks_p.h, not installed): slots 3 and 4 are called on every
// QObject construction and destruction, in any thread.
extern "C" Q_DECL_IMPORT quintptr qtHookData[];

namespace {

const QByteArray apiKey = QByteArrayLiteral("release-test-key-0123456789");
constexpr int timeoutMs = 20000;
constexpr int hookAddQObject = 3;
constexpr int hookRemoveQObject = 4;

std::atomic<int> liveQObjects { 0 };

void countAdded(QObject *)
{
    ++liveQObjects;
}
void countRemoved(QObject *)
{
    --liveQObjects;
}

QUrl wsUrl(const DayboardServer &server, const QString &query)
{
    QUrl url = server.baseUrl();
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/ws"));
    url.setQuery(query);
    return url;
}

} // namespace

class TestConnectionRelease : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everythingGoesWithTheConnections();

private:
    /** Opens, uses and drops a mix of connections; returns when the clients are gone. */
    void runRound(DayboardServer &server, const QByteArray &token);
};

void TestConnectionRelease::initTestCase()
{
    QCOMPARE(qtHookData[hookAddQObject], quintptr(0)); // nobody else (a tool) uses the hooks
    qtHookData[hookAddQObject] = reinterpret_cast<quintptr>(&countAdded);
    qtHookData[hookRemoveQObject] = reinterpret_cast<quintptr>(&countRemoved);
}

void TestConnectionRelease::cleanupTestCase()
{
    qtHookData[hookAddQObject] = 0;
    qtHookData[hookRemoveQObject] = 0;
}

void TestConnectionRelease::runRound(DayboardServer &server, const QByteArray &token)
{
    constexpr int keyClients = 12;
    constexpr int tokenClients = 4;
    std::vector<std::unique_ptr<TestWebSocketClient>> clients;
    for (int i = 0; i < keyClients + tokenClients; ++i) {
        const bool withKey = i < keyClients;
        auto client = std::make_unique<TestWebSocketClient>();
        const QString query = withKey ? QStringLiteral("apiKey=") + QString::fromLatin1(apiKey)
                                      : QStringLiteral("token=") + QString::fromLatin1(token);
        QVERIFY2(client->open(wsUrl(server, query)), qPrintable(client->errorString()));
        if (withKey) {
            const QJsonObject reply
                = client->request({ { QStringLiteral("op"), 2 },
                                    { QStringLiteral("key"), QStringLiteral("k%1").arg(i) },
                                    { QStringLiteral("value"), QStringLiteral("v") } });
            QCOMPARE(reply.value(QStringLiteral("code")).toInt(), 200);
        }
        clients.push_back(std::move(client));
    }
    QTcpSocket refused; // an upgrade without credentials: 401, the server closes
    QTcpSocket halfHead; // hangs up in the middle of its request head
    for (QTcpSocket *socket : { &refused, &halfHead })
        socket->connectToHost(QHostAddress::LocalHost, server.port());
    QTRY_COMPARE_WITH_TIMEOUT(halfHead.state(), QAbstractSocket::ConnectedState, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(refused.state(), QAbstractSocket::ConnectedState, timeoutMs);
    refused.write("GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    halfHead.write("GET /ping HTTP/1.1\r\nHost:");
    QTRY_COMPARE_WITH_TIMEOUT(server.webSocketCount(), keyClients + tokenClients, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnectionCount(), keyClients + tokenClients + 2, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(refused.state(), QAbstractSocket::UnconnectedState, timeoutMs);

    halfHead.abort();
    for (size_t i = 0; i < clients.size(); ++i) {
        if (i % 2 == 0)
            clients[i]->close();
        else
            clients[i]->socket().abort();
    }
    for (size_t i = 0; i < clients.size(); i += 2)
        QVERIFY(clients[i]->waitForDisconnected(timeoutMs));
    clients.clear();
}

void TestConnectionRelease::everythingGoesWithTheConnections()
{
    ServerConfig config;
    config.port = 0;
    config.memory = true;
    config.apiKeys = { QString::fromLatin1(apiKey) };
    DayboardServer server(config);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const QJsonObject body { { QStringLiteral("subscribeKeys"), QJsonArray { QStringLiteral("k0") } } };
    const QByteArray token = TestHttpClient(server.baseUrl(), apiKey)
                                 .postJson("/token/websocket", body)
                                 .json()
                                 .value(QStringLiteral("token"))
                                 .toString()
                                 .toLatin1();
    QVERIFY(!token.isEmpty());

    // A first round creates what Qt and the server keep for good (caches, lazily made objects).
    runRound(server, token);
    QTRY_COMPARE_WITH_TIMEOUT(server.webSocketCount(), 0, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnectionCount(), 0, timeoutMs);
    QTest::qWait(0);
    const int baseline = liveQObjects;

    for (int round = 0; round < 3; ++round) {
        runRound(server, token);
        QTRY_COMPARE_WITH_TIMEOUT(server.webSocketCount(), 0, timeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(server.openConnectionCount(), 0, timeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(int(liveQObjects), baseline, timeoutMs);
    }
}

QTEST_GUILESS_MAIN(TestConnectionRelease)
#include "tst_connectionrelease.moc"
