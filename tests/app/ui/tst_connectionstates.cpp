// SPDX-License-Identifier: MIT
// What the connection pill and Settings say, against real servers on 127.0.0.1: the right
// key, a refused key, a closed port, a web server that is not a sync server, a TLS failure;
// and "Now syncing with …" only once the new server served a day.
#include "daemon/dayboardserver.h"
#include "sync/hpkvclient.h"
#include "sync/monitorclient.h"
#include "uitestenv.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace {

constexpr int timeoutMs = 20000;

/** A plain web server (not a sync server): every request gets the same small page. */
class PlainWebServer : public QTcpServer
{
public:
    PlainWebServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    socket->readAll();
                    socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 9\r\n"
                                  "Connection: close\r\n\r\nNot here.");
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }
};

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TestConnectionStates : public QObject
{
    Q_OBJECT

private slots:
    void builtInServerIsNamed();
    void refusedKeyIsSaidAndNotRetried();
    void unreachableKeepsRetryingAndAnnouncesNothing();
    void webServerIsNotASyncServer();
    void tlsFailureIsSaid();

private:
    /** The env watching one day, as a window does. */
    static bool startWatching(UiTestEnv &env)
    {
        if (!env.start())
            return false;
        env.cache->watch(QDate(2035, 1, 2));
        return true;
    }
};

void TestConnectionStates::builtInServerIsNamed()
{
    UiTestEnv env;
    QVERIFY(startWatching(env));
    QTRY_COMPARE_WITH_TIMEOUT(env.controller->connectionState(), QStringLiteral("connected"), timeoutMs);
    QCOMPARE(env.controller->connectionTarget(), QStringLiteral("the built-in server"));
    QCOMPARE(env.controller->connectionDetail(), QStringLiteral("Connected to the built-in server."));
    QVERIFY(!env.controller->connectionProblem());
    QVERIFY(env.controller->embeddedUrl().startsWith(u"http://127.0.0.1:"));
    QVERIFY(!env.controller->embeddedKey().isEmpty());
}

void TestConnectionStates::refusedKeyIsSaidAndNotRetried()
{
    UiTestEnv env;
    QVERIFY(startWatching(env));
    QTRY_COMPARE_WITH_TIMEOUT(env.controller->connectionState(), QStringLiteral("connected"), timeoutMs);

    QTemporaryDir remoteDir;
    ServerConfig config;
    config.port = 0;
    config.dataDir = remoteDir.path();
    config.apiKeys = { QStringLiteral("the-right-key") };
    DayboardServer remote(config);
    QString error;
    QVERIFY2(remote.start(&error), qPrintable(error));
    const QString host = QStringLiteral("127.0.0.1:%1").arg(remote.port());

    QSignalSpy toasts(env.controller.get(), &AppController::toast);
    QVERIFY(env.controller->applyServerSettings(QStringLiteral("remote"), remote.baseUrl().toString(),
                                                QStringLiteral("a-wrong-key")));
    QTRY_COMPARE_WITH_TIMEOUT(env.controller->connectionState(), QStringLiteral("keyRefused"), timeoutMs);
    QCOMPARE(env.controller->connectionText(), QStringLiteral("API key refused"));
    QVERIFY(env.controller->connectionProblem());
    QVERIFY2(env.controller->connectionDetail().startsWith(
                 host + u" refused the API key. Enter the right key in Settings"),
             qPrintable(env.controller->connectionDetail()));
    // No retry loop: both sockets stay closed (no reconnect timer) until the key changes.
    QCOMPARE(env.session->client()->state(), HpkvClient::State::Disconnected);
    QCOMPARE(env.session->monitor()->state(), MonitorClient::State::Idle);
    // Said in the pill and in Settings, not as a note; and nothing claims it syncs.
    for (const QString &text : texts(toasts))
        QVERIFY2(!text.contains(u"Now syncing") && !text.contains(u"Cannot reach"), qPrintable(text));

    // The user enters the right key: connected, and only now "Now syncing with …".
    QVERIFY(env.controller->applyServerSettings(QStringLiteral("remote"), remote.baseUrl().toString(),
                                                QStringLiteral("the-right-key")));
    QTRY_COMPARE_WITH_TIMEOUT(env.controller->connectionState(), QStringLiteral("connected"), timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(texts(toasts).contains(QStringLiteral("Now syncing with 127.0.0.1.")),
                             timeoutMs);
    QCOMPARE(env.controller->connectionDetail(), QStringLiteral("Connected to %1.").arg(host));
    QVERIFY(!env.controller->connectionProblem());
}

void TestConnectionStates::unreachableKeepsRetryingAndAnnouncesNothing()
{
    UiTestEnv env;
    QVERIFY(startWatching(env));
    QTRY_COMPARE_WITH_TIMEOUT(env.controller->connectionState(), QStringLiteral("connected"), timeoutMs);

    QSignalSpy toasts(env.controller.get(), &AppController::toast);
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(closedPort());
    QVERIFY(env.controller->applyServerSettings(QStringLiteral("remote"), url, QStringLiteral("any-key")));
    QTRY_COMPARE_WITH_TIMEOUT(env.controller->connectionState(), QStringLiteral("unreachable"), timeoutMs);
    QCOMPARE(env.controller->connectionText(), QStringLiteral("Server unreachable"));
    QVERIFY2(env.controller->connectionDetail().startsWith(u"Cannot reach 127.0.0.1:"),
             qPrintable(env.controller->connectionDetail()));
    QVERIFY(env.controller->connectionDetail().contains(u"Dayboard keeps trying"));
    // Still trying (with backoff): the client waits for its next attempt, it did not give up.
    QVERIFY(env.session->client()->state() != HpkvClient::State::Disconnected);
    QVERIFY(!texts(toasts).join(u'\n').contains(u"Now syncing"));
}

void TestConnectionStates::webServerIsNotASyncServer()
{
    UiTestEnv env;
    QVERIFY(startWatching(env));
    PlainWebServer web;
    QVERIFY(web.isListening());
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(web.serverPort());
    QVERIFY(env.controller->applyServerSettings(QStringLiteral("remote"), url, QStringLiteral("any-key")));
    QTRY_COMPARE_WITH_TIMEOUT(env.controller->connectionState(), QStringLiteral("notServer"), timeoutMs);
    QCOMPARE(env.controller->connectionText(), QStringLiteral("Not a sync server"));
    QVERIFY2(env.controller->connectionDetail().contains(
                 u"does not answer like a Dayboard or HPKV server (it answered HTTP 404"),
             qPrintable(env.controller->connectionDetail()));
}

void TestConnectionStates::tlsFailureIsSaid()
{
    UiTestEnv env;
    QVERIFY(startWatching(env));
    PlainWebServer web; // speaks plain HTTP: a TLS handshake with it fails
    QVERIFY(web.isListening());
    const QString url = QStringLiteral("https://127.0.0.1:%1").arg(web.serverPort());
    QVERIFY(env.controller->applyServerSettings(QStringLiteral("remote"), url, QStringLiteral("any-key")));
    QTRY_COMPARE_WITH_TIMEOUT(env.controller->connectionState(), QStringLiteral("tls"), timeoutMs);
    QCOMPARE(env.controller->connectionText(), QStringLiteral("Secure connection failed"));
    QVERIFY2(env.controller->connectionDetail().startsWith(u"The secure connection to 127.0.0.1:"),
             qPrintable(env.controller->connectionDetail()));
}

QTEST_MAIN(TestConnectionStates)

#include "tst_connectionstates.moc"
