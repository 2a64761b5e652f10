// SPDX-License-Identifier: MIT
// DayboardServer in-process: start/stop, /ping and CORS, credentials refused before the 101,
// notifications for REST writes, generated secrets, liveness and backpressure closes, and the
// command-line/environment parser of dayboard-server.

#include "core/storage.h"
#include "core/tokenservice.h"
#include "daemon/dayboardserver.h"
#include "daemon/serveroptionsparser.h"
#include "environmentskip.h"
#include "net/closecodes.h"
#include "testhttpclient.h"
#include "testwebsocketclient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

namespace {

const QByteArray apiKey = QByteArrayLiteral("net-test-key-0123456789");
constexpr int timeoutMs = 20000;

ServerConfig memoryConfig()
{
    ServerConfig config;
    config.port = 0;
    config.memory = true;
    config.apiKeys = { QString::fromLatin1(apiKey) };
    return config;
}

/** Connects a raw socket and sends a WebSocket upgrade for `target`; returns the status line. */
QByteArray rawUpgrade(QTcpSocket &socket, quint16 port, const QByteArray &target,
                      const QByteArray &extraHeaders = {})
{
    // The server runs in this thread: wait by spinning the event loop, never by blocking.
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, timeoutMs))
        return {};
    socket.write("GET " + target
                 + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                 + extraHeaders + "\r\n");
    QByteArray received;
    [[maybe_unused]] const bool complete = QTest::qWaitFor(
        [&] {
        received += socket.readAll();
        return received.contains("\r\n\r\n") || socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    return received.left(received.indexOf("\r\n"));
}

QByteArray tokenFor(const DayboardServer &server, const QStringList &keys)
{
    const QJsonObject body { { QStringLiteral("subscribeKeys"), QJsonArray::fromStringList(keys) } };
    const HttpResponse response = TestHttpClient(server.baseUrl(), apiKey).postJson("/token/websocket", body);
    return response.json().value(QStringLiteral("token")).toString().toLatin1();
}

QUrl wsUrl(const DayboardServer &server, const QString &query)
{
    QUrl url = server.baseUrl();
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/ws"));
    url.setQuery(query);
    return url;
}

bool ownerOnly(QFileDevice::Permissions permissions)
{
    const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    return (permissions & others) == 0 && (permissions & QFileDevice::ReadOwner);
}

} // namespace

class TestDayboardServer : public QObject
{
    Q_OBJECT

private slots:
    void startAndStop();
    void failedListenIsReported();
    void pingNeedsNoKeyAndCarriesCors();
    void preflight();
    void restNeedsKey();
    void handshakeRefusedBefore101_data();
    void handshakeRefusedBefore101();
    void handshakeAcceptedPaths_data();
    void handshakeAcceptedPaths();
    void tokenSocketHearsRestWrite();
    void binaryFrameGets400AndStaysOpen();
    void generatedSecretsAreOwnerOnlyAndReused();
    void existingOpenDataDirIsTightened();
    void foreignOpenDataDirIsWarnedAbout();
    void silentPeerIsDropped();
    void slowSubscriberIsClosed();
    void lostChangesCloseMonitorsWithRefetch();
    void stopClosesWebSocketsGoingAway();
    void optionsFlagsWinOverEnvironment();
    void optionsErrors_data();
    void optionsErrors();
};

void TestDayboardServer::startAndStop()
{
    DayboardServer server(memoryConfig());
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    QVERIFY(server.isRunning());
    QVERIFY(server.port() != 0);
    QCOMPARE(server.baseUrl(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())));
    QCOMPARE(server.apiKeys(), QStringList { QString::fromLatin1(apiKey) });
    QVERIFY(server.storage() != nullptr);
    QVERIFY(server.generatedApiKeyFile().isEmpty());
    const quint16 port = server.port();

    QSignalSpy stopped(&server, &DayboardServer::stopped);
    server.stop();
    QVERIFY(stopped.count() == 1 || stopped.wait(timeoutMs));
    QVERIFY(!server.isRunning());

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, timeoutMs);
    QCOMPARE(socket.error(), QAbstractSocket::ConnectionRefusedError);
}

void TestDayboardServer::failedListenIsReported()
{
    DayboardServer first(memoryConfig());
    QString error;
    QVERIFY2(first.start(&error), qPrintable(error));
    ServerConfig config = memoryConfig();
    config.port = first.port();
    DayboardServer second(config);
    QVERIFY(!second.start(&error));
    QVERIFY2(error.contains(QString::number(first.port())), qPrintable(error));
    QVERIFY(!second.isRunning());
}

void TestDayboardServer::pingNeedsNoKeyAndCarriesCors()
{
    DayboardServer server(memoryConfig());
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const HttpResponse response = TestHttpClient(server.baseUrl()).get("/ping");
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("access-control-allow-origin"), QByteArray("*"));
    const HttpResponse health = TestHttpClient(server.baseUrl()).get("/healthz");
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    const HttpResponse missing = TestHttpClient(server.baseUrl(), apiKey).get("/no/such/route");
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.header("access-control-allow-origin"), QByteArray("*"));
}

void TestDayboardServer::preflight()
{
    DayboardServer server(memoryConfig());
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const QMap<QByteArray, QByteArray> headers { { "Origin", "https://example.org" },
                                                 { "Access-Control-Request-Method", "POST" },
                                                 { "Access-Control-Request-Headers",
                                                   "x-api-key, content-type" } };
    for (const QByteArray &target : { QByteArray("/token/websocket"), QByteArray("/record"),
                                      QByteArray("/record/some%20key"), QByteArray("/records") }) {
        const HttpResponse response = TestHttpClient(server.baseUrl()).send("OPTIONS", target, {}, headers);
        QVERIFY2(response.status == 200 || response.status == 204, target.constData());
        QCOMPARE(response.header("access-control-allow-origin"), QByteArray("*"));
        QCOMPARE(response.header("access-control-allow-headers"),
                 QByteArray("x-api-key, content-type, if-match"));
        QCOMPARE(response.header("access-control-allow-methods"), QByteArray("GET, POST, DELETE, OPTIONS"));
    }
}

void TestDayboardServer::restNeedsKey()
{
    DayboardServer server(memoryConfig());
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    QCOMPARE(TestHttpClient(server.baseUrl()).get("/record/a").status, 401);
    QCOMPARE(TestHttpClient(server.baseUrl(), "wrong").get("/record/a").status, 401);
    QCOMPARE(TestHttpClient(server.baseUrl(), apiKey).get("/record/a").status, 404);
    const HttpResponse garbage = TestHttpClient(server.baseUrl(), apiKey).send("GET", "not a target");
    QCOMPARE(garbage.status, 400);
}

void TestDayboardServer::handshakeRefusedBefore101_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<int>("status");
    QTest::newRow("no credentials") << QByteArray("/ws") << QByteArray() << 401;
    QTest::newRow("wrong apiKey") << QByteArray("/ws?apiKey=wrong") << QByteArray() << 401;
    QTest::newRow("empty apiKey") << QByteArray("/ws?apiKey=") << QByteArray() << 401;
    QTest::newRow("wrong header key") << QByteArray("/ws") << QByteArray("x-api-key: wrong\r\n") << 401;
    QTest::newRow("forged token") << QByteArray("/ws?token=abc.def") << QByteArray() << 403;
    QTest::newRow("expired token") << QByteArray("/ws?token=EXPIRED") << QByteArray() << 403;
    QTest::newRow("unknown path") << QByteArray("/other?apiKey=" + apiKey) << QByteArray() << 404;
}

void TestDayboardServer::handshakeRefusedBefore101()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, headers);
    QFETCH(int, status);
    QTemporaryDir dir;
    ServerConfig config = memoryConfig();
    config.dataDir = dir.path();
    DayboardServer server(config);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    if (target.contains("EXPIRED")) {
        QFile secretFile(dir.filePath(QStringLiteral("token-secret")));
        QVERIFY(secretFile.open(QIODevice::ReadOnly));
        // Issued with this server's own secret three hours ago: genuine, but expired.
        const qint64 past = QDateTime::currentMSecsSinceEpoch() - 3 * 60 * 60 * 1000;
        const TokenService tokens(secretFile.readAll().trimmed(), [past] { return past; });
        TokenClaims claims;
        claims.subscriptions = { "k" };
        target.replace("EXPIRED", tokens.issue(claims));
    }
    QTcpSocket socket;
    const QByteArray statusLine = rawUpgrade(socket, server.port(), target, headers);
    QVERIFY2(!statusLine.contains(" 101 "), statusLine.constData());
    QVERIFY2(statusLine.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ')),
             statusLine.constData());
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, timeoutMs);
    QCOMPARE(server.webSocketCount(), 0);
}

void TestDayboardServer::handshakeAcceptedPaths_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("headers");
    QTest::newRow("/ws apiKey") << QByteArray("/ws?apiKey=" + apiKey) << QByteArray();
    QTest::newRow("//ws") << QByteArray("//ws?apiKey=" + apiKey) << QByteArray();
    QTest::newRow("/ws/") << QByteArray("/ws/?apiKey=" + apiKey) << QByteArray();
    QTest::newRow("header key") << QByteArray("/ws") << QByteArray("X-Api-Key: " + apiKey + "\r\n");
}

void TestDayboardServer::handshakeAcceptedPaths()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, headers);
    DayboardServer server(memoryConfig());
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    QTcpSocket socket;
    QCOMPARE(rawUpgrade(socket, server.port(), target, headers),
             QByteArray("HTTP/1.1 101 Switching Protocols"));
    QTRY_COMPARE_WITH_TIMEOUT(server.webSocketCount(), 1, timeoutMs);
}

void TestDayboardServer::tokenSocketHearsRestWrite()
{
    DayboardServer server(memoryConfig());
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const QByteArray token = tokenFor(server, { QStringLiteral("k1") });
    QVERIFY(!token.isEmpty());
    TestWebSocketClient monitor;
    QVERIFY2(monitor.open(wsUrl(server, QStringLiteral("token=") + QString::fromLatin1(token))),
             qPrintable(monitor.errorString()));

    const TestHttpClient http(server.baseUrl(), apiKey);
    QCOMPARE(http.postJson("/record",
                           { { QStringLiteral("key"), QStringLiteral("other") },
                             { QStringLiteral("value"), QStringLiteral("x") } })
                 .status,
             200);
    QCOMPARE(http.postJson("/record",
                           { { QStringLiteral("key"), QStringLiteral("k1") },
                             { QStringLiteral("value"), QStringLiteral("hello") } })
                 .status,
             200);
    QVERIFY(monitor.waitForNotifications(1, timeoutMs));
    QCOMPARE(http.del("/record/k1").status, 200);
    QVERIFY(monitor.waitForNotifications(2, timeoutMs));

    const QList<QJsonObject> &notes = monitor.notifications();
    QCOMPARE(notes.size(), 2);
    QCOMPARE(notes[0].value(QStringLiteral("type")).toString(), QStringLiteral("notification"));
    QCOMPARE(notes[0].value(QStringLiteral("key")).toString(), QStringLiteral("k1"));
    QCOMPARE(notes[0].value(QStringLiteral("value")).toString(), QStringLiteral("hello"));
    QVERIFY(notes[0].value(QStringLiteral("timestamp")).toDouble() > 0);
    QCOMPARE(notes[0].value(QStringLiteral("revision")).toInteger(), 2);
    QVERIFY(notes[1].value(QStringLiteral("value")).isNull());
    QCOMPARE(notes[1].value(QStringLiteral("revision")).toInteger(), 3);
}

void TestDayboardServer::binaryFrameGets400AndStaysOpen()
{
    DayboardServer server(memoryConfig());
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    TestWebSocketClient client;
    QVERIFY2(client.open(wsUrl(server, QStringLiteral("apiKey=") + QString::fromLatin1(apiKey))),
             qPrintable(client.errorString()));
    client.sendBinary(R"({"op":1,"key":"a","messageId":1})");
    QVERIFY(client.waitFor([&] { return !client.replies().isEmpty(); }, timeoutMs));
    QCOMPARE(client.replies().constFirst().value(QStringLiteral("code")).toInt(), 400);
    QVERIFY(client.replies().constFirst().contains(QStringLiteral("error")));
    const QJsonObject reply = client.request({ { QStringLiteral("op"), 2 },
                                               { QStringLiteral("key"), QStringLiteral("a") },
                                               { QStringLiteral("value"), QStringLiteral("b") } });
    QCOMPARE(reply.value(QStringLiteral("code")).toInt(), 200);
    QVERIFY(client.isConnected());
}

void TestDayboardServer::generatedSecretsAreOwnerOnlyAndReused()
{
    QTemporaryDir parent;
    const QString dataDir = parent.filePath(QStringLiteral("data"));
    ServerConfig config;
    config.port = 0;
    config.dataDir = dataDir;

    QString firstKey;
    {
        DayboardServer server(config);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QCOMPARE(server.apiKeys().size(), 1);
        firstKey = server.apiKeys().constFirst();
        QVERIFY(firstKey.size() >= 32);
        QCOMPARE(server.generatedApiKeyFile(), dataDir + QStringLiteral("/api-key"));
        QVERIFY(ownerOnly(QFile::permissions(dataDir)));
        QVERIFY(ownerOnly(QFile::permissions(dataDir + QStringLiteral("/api-key"))));
        QVERIFY(ownerOnly(QFile::permissions(dataDir + QStringLiteral("/token-secret"))));
        QFile keyFile(server.generatedApiKeyFile());
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(keyFile.readAll().trimmed()), firstKey);
        QCOMPARE(TestHttpClient(server.baseUrl(), firstKey.toUtf8()).get("/record/x").status, 404);
    }
    DayboardServer again(config);
    QString error;
    QVERIFY2(again.start(&error), qPrintable(error));
    QCOMPARE(again.apiKeys(), QStringList { firstKey });
}

void TestDayboardServer::existingOpenDataDirIsTightened()
{
    QTemporaryDir parent;
    const QString dataDir = parent.filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkdir(dataDir));
    const auto open = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
        | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
    QVERIFY(QFile::setPermissions(dataDir, open));
    QVERIFY(!ownerOnly(QFile::permissions(dataDir)));
    ServerConfig config = memoryConfig();
    config.dataDir = dataDir;
    DayboardServer server(config);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    QVERIFY(ownerOnly(QFile::permissions(dataDir)));
    QVERIFY(QFile::permissions(dataDir).testFlag(QFileDevice::ExeOwner));
}

void TestDayboardServer::foreignOpenDataDirIsWarnedAbout()
{
    // Only root can hand a directory to another user here.
    if (::geteuid() != 0)
        DAYBOARD_ENVIRONMENT_SKIP(QStringLiteral("needs root to chown a directory to another user"));
    QTemporaryDir parent;
    const QString dataDir = parent.filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkdir(dataDir));
    QVERIFY(::chmod(QFile::encodeName(dataDir).constData(), 0777) == 0);
    QVERIFY(::chown(QFile::encodeName(dataDir).constData(), 65534, 65534) == 0);
    ServerConfig config = memoryConfig();
    config.dataDir = dataDir;
    config.allowForeignOwner = true; // refused without it (tst_deploymentsafety)
    DayboardServer server(config);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("belongs to another user")));
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    // Not ours: left as it is (the warning says what to do).
    QCOMPARE(QFileInfo(dataDir).permissions() & QFileDevice::WriteOther, QFileDevice::WriteOther);
}

void TestDayboardServer::silentPeerIsDropped()
{
    ServerConfig config = memoryConfig();
    config.pingIntervalMs = 100;
    config.pongTimeoutMs = 300;
    DayboardServer server(config);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));

    TestWebSocketClient healthy; // QWebSocket answers pings by itself
    QVERIFY2(healthy.open(wsUrl(server, QStringLiteral("apiKey=") + QString::fromLatin1(apiKey))),
             qPrintable(healthy.errorString()));
    QTcpSocket silent; // upgraded, then never reads or answers a ping
    QCOMPARE(rawUpgrade(silent, server.port(), "/ws?apiKey=" + apiKey),
             QByteArray("HTTP/1.1 101 Switching Protocols"));
    QTRY_COMPARE_WITH_TIMEOUT(server.webSocketCount(), 2, timeoutMs);

    QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(server.webSocketCount(), 1, timeoutMs);
    QVERIFY(healthy.isConnected());
    const QJsonObject reply
        = healthy.request({ { QStringLiteral("op"), 1 }, { QStringLiteral("key"), QStringLiteral("a") } });
    QCOMPARE(reply.value(QStringLiteral("code")).toInt(), 404);
}

void TestDayboardServer::slowSubscriberIsClosed()
{
    ServerConfig config = memoryConfig();
    config.maxSendBufferBytes = 64 * 1024;
    config.closeGraceMs = 300;
    DayboardServer server(config);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const QByteArray token = tokenFor(server, { QStringLiteral("big") });
    QTcpSocket reader; // subscribes, then never reads
    reader.setReadBufferSize(1);
    QCOMPARE(rawUpgrade(reader, server.port(), "/ws?token=" + token),
             QByteArray("HTTP/1.1 101 Switching Protocols"));
    QTRY_COMPARE_WITH_TIMEOUT(server.webSocketCount(), 1, timeoutMs);
    // A small receive window, so the kernel's buffers fill after a few notifications (autotuned
    // loopback buffers take tens of MB).
    reader.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 16 * 1024);

    WriteOp op;
    op.key = "big";
    op.value = QByteArray(100 * 1024, 'v');
    // Notifications first fill the kernel's socket buffers (not counted: at most the 4 MiB send
    // buffer and the reader's 16 KiB); what then piles up in the server passes the 64 KiB limit
    // and the reader is closed. 10 MB of notifications: more than those buffers hold.
    int written = 0;
    for (int i = 0; i < 100; ++i) {
        server.storage()->write(
            op, [&written](const WriteResult &result) { written += result.status == WriteStatus::Ok; });
        QTRY_COMPARE_WITH_TIMEOUT(written, i + 1, timeoutMs);
    }
    QTRY_COMPARE_WITH_TIMEOUT(server.webSocketCount(), 0, timeoutMs);
    // Reading again, the client drains what reached it and then finds the connection gone (the
    // close frame was queued behind the unsent notifications, and the 300 ms close grace ran out
    // before this reader read: it was aborted).
    reader.setReadBufferSize(0);
    QTRY_COMPARE_WITH_TIMEOUT((reader.readAll(), reader.state()), QAbstractSocket::UnconnectedState,
                              timeoutMs);
}

void TestDayboardServer::lostChangesCloseMonitorsWithRefetch()
{
    DayboardServer server(memoryConfig());
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    TestWebSocketClient monitor;
    QVERIFY(monitor.open(wsUrl(
        server, QStringLiteral("token=") + QString::fromLatin1(tokenFor(server, { QStringLiteral("k") })))));
    TestWebSocketClient writer;
    QVERIFY(writer.open(wsUrl(server, QStringLiteral("apiKey=") + QString::fromLatin1(apiKey))));
    emit server.storage()->changesMayBeLost();
    QVERIFY(monitor.waitForDisconnected(timeoutMs));
    QCOMPARE(int(monitor.closeCode()), int(CloseCodes::Refetch));
    QVERIFY(!monitor.closeReason().isEmpty());
    QVERIFY(writer.isConnected()); // nothing subscribed, nothing lost
}

void TestDayboardServer::stopClosesWebSocketsGoingAway()
{
    DayboardServer server(memoryConfig());
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    TestWebSocketClient client;
    QVERIFY(client.open(wsUrl(server, QStringLiteral("apiKey=") + QString::fromLatin1(apiKey))));
    QSignalSpy stopped(&server, &DayboardServer::stopped);
    server.stop();
    QVERIFY(client.waitForDisconnected(timeoutMs));
    QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QVERIFY(stopped.count() == 1 || stopped.wait(timeoutMs));
}

void TestDayboardServer::optionsFlagsWinOverEnvironment()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("DAYBOARD_LISTEN"), QStringLiteral("0.0.0.0"));
    env.insert(QStringLiteral("DAYBOARD_PORT"), QStringLiteral("9000"));
    env.insert(QStringLiteral("DAYBOARD_DATA_DIR"), QStringLiteral("/env/dir"));
    env.insert(QStringLiteral("DAYBOARD_API_KEYS"), QStringLiteral("e1, e2"));
    env.insert(QStringLiteral("DAYBOARD_NO_EXTENSIONS"), QStringLiteral("1"));
    env.insert(QStringLiteral("DAYBOARD_REDIS_PREFIX"), QStringLiteral("p:"));

    const auto fromEnv = ServerOptionsParser::parse({ QStringLiteral("dayboard-server") }, env);
    QCOMPARE(fromEnv.outcome, ServerOptionsParser::Outcome::Run);
    QCOMPARE(fromEnv.config.listenAddress, QHostAddress(QStringLiteral("0.0.0.0")));
    QCOMPARE(fromEnv.config.port, quint16(9000));
    QCOMPARE(fromEnv.config.dataDir, QStringLiteral("/env/dir"));
    QCOMPARE(fromEnv.config.apiKeys, (QStringList { QStringLiteral("e1"), QStringLiteral("e2") }));
    QVERIFY(!fromEnv.config.extensions);
    QCOMPARE(fromEnv.config.redisPrefix, QStringLiteral("p:"));
    QVERIFY(!fromEnv.config.memory);

    const auto fromFlags = ServerOptionsParser::parse(
        { QStringLiteral("dayboard-server"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1"),
          QStringLiteral("--port=0"), QStringLiteral("--data-dir"), QStringLiteral("/flag/dir"),
          QStringLiteral("--api-key"), QStringLiteral("f1"), QStringLiteral("--api-key"),
          QStringLiteral("f2"), QStringLiteral("--memory") },
        env);
    QCOMPARE(fromFlags.outcome, ServerOptionsParser::Outcome::Run);
    QCOMPARE(fromFlags.config.listenAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(fromFlags.config.port, quint16(0));
    QCOMPARE(fromFlags.config.dataDir, QStringLiteral("/flag/dir"));
    QCOMPARE(fromFlags.config.apiKeys, (QStringList { QStringLiteral("f1"), QStringLiteral("f2") }));
    QVERIFY(fromFlags.config.memory);

    const auto defaults
        = ServerOptionsParser::parse({ QStringLiteral("dayboard-server") }, QProcessEnvironment());
    QCOMPARE(defaults.outcome, ServerOptionsParser::Outcome::Run);
    QCOMPARE(defaults.config.port, quint16(8080));
    QCOMPARE(defaults.config.listenAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(defaults.config.dataDir, ServerOptionsParser::defaultDataDir());
    QVERIFY(defaults.config.extensions);
    QVERIFY(defaults.config.apiKeys.isEmpty());
}

void TestDayboardServer::optionsErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("value");
    QTest::newRow("unknown flag") << QStringList { QStringLiteral("--bogus") } << QString() << QString();
    QTest::newRow("port text") << QStringList { QStringLiteral("--port"), QStringLiteral("http") }
                               << QString() << QString();
    QTest::newRow("port range") << QStringList { QStringLiteral("--port"), QStringLiteral("70000") }
                                << QString() << QString();
    QTest::newRow("env port") << QStringList {} << QStringLiteral("DAYBOARD_PORT") << QStringLiteral("-1");
    QTest::newRow("listen") << QStringList { QStringLiteral("--listen"), QStringLiteral("nowhere.invalid") }
                            << QString() << QString();
    QTest::newRow("memory and redis") << QStringList { QStringLiteral("--memory"), QStringLiteral("--redis"),
                                                       QStringLiteral("redis://127.0.0.1") }
                                      << QString() << QString();
    QTest::newRow("env memory") << QStringList {} << QStringLiteral("DAYBOARD_MEMORY")
                                << QStringLiteral("maybe");
    QTest::newRow("positional") << QStringList { QStringLiteral("extra") } << QString() << QString();
}

void TestDayboardServer::optionsErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, variable);
    QFETCH(QString, value);
    QProcessEnvironment env;
    if (!variable.isEmpty())
        env.insert(variable, value);
    const auto result
        = ServerOptionsParser::parse(QStringList { QStringLiteral("dayboard-server") } + arguments, env);
    QCOMPARE(result.outcome, ServerOptionsParser::Outcome::Error);
    QVERIFY(!result.text.isEmpty());
}

QTEST_GUILESS_MAIN(TestDayboardServer)
#include "tst_dayboardserver.moc"
