// SPDX-License-Identifier: MIT
// The dayboard-server executable: listening line, SIGTERM exits 0, data and revisions survive
// a restart on the same data dir (and a SIGKILL after the reply), --memory keeps nothing,
// --no-extensions hides revisions.

#include "serverprocess.h"
#include "testhttpclient.h"
#include "testwebsocketclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString apiKey = u"persistence-key-0123456789"_s;

QJsonObject op(int code, const QString &key, const QJsonValue &value = QJsonValue::Undefined)
{
    QJsonObject object { { u"op"_s, code }, { u"key"_s, key } };
    if (!value.isUndefined())
        object.insert(u"value"_s, value);
    return object;
}

} // namespace

class TestPersistence : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!ServerProcess::binaryPath().isEmpty(), "DAYBOARD_SERVER_BINARY is not set");
    }

    void restartKeepsDataAndRevisions()
    {
        QTemporaryDir dir;
        ServerProcess server;
        QVERIFY2(server.start(arguments(dir.path())), qPrintable(server.errorString()));
        QCOMPARE(server.baseUrl().host(), u"127.0.0.1"_s);
        qint64 lastRevision = 0;
        QMap<QString, QJsonObject> before;
        {
            auto client = connectClient(server);
            QVERIFY(client);
            QCOMPARE(client->request(op(2, u"todos-20261122"_s, u"[{\"id\":\"todo_1\"}]"_s))
                         .value(u"code"_s)
                         .toInt(),
                     200);
            QCOMPARE(client->request(op(2, u"doc"_s, u"{\"a\":1}"_s)).value(u"code"_s).toInt(), 200);
            QCOMPARE(client->request(op(3, u"doc"_s, u"{\"b\":2}"_s)).value(u"code"_s).toInt(), 200);
            QCOMPARE(client->request(op(6, u"count"_s, 41)).value(u"code"_s).toInt(), 200);
            QCOMPARE(client->request(op(2, u"gone"_s, u"x"_s)).value(u"code"_s).toInt(), 200);
            const QJsonObject del = client->request(op(4, u"gone"_s));
            QCOMPARE(del.value(u"code"_s).toInt(), 200);
            lastRevision = del.value(u"revision"_s).toInteger();
            for (const QString &key : { u"todos-20261122"_s, u"doc"_s, u"count"_s })
                before.insert(key, client->request(op(1, key)));
        }
        QCOMPARE(server.terminate(), 0);
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);

        const quint16 port = server.port();
        QVERIFY2(server.restart(), qPrintable(server.errorString()));
        QCOMPARE(server.port(), port);
        auto client = connectClient(server);
        QVERIFY(client);
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            const QJsonObject after = client->request(op(1, it.key()));
            QCOMPARE(after.value(u"value"_s), it.value().value(u"value"_s));
            QCOMPARE(after.value(u"revision"_s).toInteger(), it.value().value(u"revision"_s).toInteger());
        }
        QCOMPARE(client->request(op(1, u"gone"_s)).value(u"code"_s).toInt(), 404);
        QCOMPARE(client->request(op(6, u"count"_s, 1)).value(u"newValue"_s).toInteger(), 42);
        // Revisions never repeat across restarts: the delete's revision was the last one taken.
        const QJsonObject next = client->request(op(2, u"gone"_s, u"again"_s));
        QVERIFY2(next.value(u"revision"_s).toInteger() > lastRevision + 1, "revision reused after restart");
        QCOMPARE(server.terminate(), 0);
    }

    void tokensSurviveRestart()
    {
        QTemporaryDir dir;
        ServerProcess server;
        QVERIFY2(server.start(arguments(dir.path())), qPrintable(server.errorString()));
        TestHttpClient http(server.baseUrl(), apiKey.toLatin1());
        const HttpResponse response
            = http.postJson("/token/websocket", { { u"subscribeKeys"_s, QJsonArray { u"t"_s } } });
        QCOMPARE(response.status, 200);
        const QString token = response.json().value(u"token"_s).toString();
        QCOMPARE(server.terminate(), 0);
        QVERIFY2(server.restart(), qPrintable(server.errorString()));
        TestWebSocketClient subscriber;
        QVERIFY2(subscriber.open(server.webSocketUrl(u"token="_s + token)),
                 qPrintable(subscriber.errorString()));
        auto writer = connectClient(server);
        QVERIFY(writer);
        QCOMPARE(writer->request(op(2, u"t"_s, u"v"_s)).value(u"code"_s).toInt(), 200);
        QVERIFY(subscriber.waitForNotifications(1));
        QCOMPARE(server.terminate(), 0);
    }

    void acknowledgedWriteSurvivesKill()
    {
        QTemporaryDir dir;
        ServerProcess server;
        QVERIFY2(server.start(arguments(dir.path())), qPrintable(server.errorString()));
        {
            auto client = connectClient(server);
            QVERIFY(client);
            for (int i = 0; i < 50; ++i)
                QCOMPARE(client->request(op(6, u"acked"_s, 1)).value(u"code"_s).toInt(), 200);
        }
        server.kill();
        QVERIFY2(server.restart(), qPrintable(server.errorString()));
        auto client = connectClient(server);
        QVERIFY(client);
        QCOMPARE(client->request(op(1, u"acked"_s)).value(u"value"_s).toString(), u"50"_s);
        QCOMPARE(server.terminate(), 0);
    }

    void memoryModeKeepsNothing()
    {
        QTemporaryDir dir;
        ServerProcess server;
        QVERIFY2(server.start(arguments(dir.path()) << u"--memory"_s), qPrintable(server.errorString()));
        {
            auto client = connectClient(server);
            QVERIFY(client);
            QCOMPARE(client->request(op(2, u"volatile"_s, u"v"_s)).value(u"code"_s).toInt(), 200);
        }
        QCOMPARE(server.terminate(), 0);
        QVERIFY2(server.restart(), qPrintable(server.errorString()));
        auto client = connectClient(server);
        QVERIFY(client);
        QCOMPARE(client->request(op(1, u"volatile"_s)).value(u"code"_s).toInt(), 404);
        QCOMPARE(server.terminate(), 0);
    }

    void noExtensionsFlag()
    {
        QTemporaryDir dir;
        ServerProcess server;
        QVERIFY2(server.start(arguments(dir.path()) << u"--no-extensions"_s),
                 qPrintable(server.errorString()));
        auto client = connectClient(server);
        QVERIFY(client);
        const QJsonObject set = client->request(op(2, u"k"_s, u"v"_s));
        QCOMPARE(set.value(u"code"_s).toInt(), 200);
        QVERIFY(!set.contains(u"revision"_s));
        QVERIFY(!client->request(op(1, u"k"_s)).contains(u"revision"_s));
        QCOMPARE(server.terminate(), 0);
    }

    void terminateWithOpenConnectionsExitsZero()
    {
        QTemporaryDir dir;
        ServerProcess server;
        QVERIFY2(server.start(arguments(dir.path())), qPrintable(server.errorString()));
        auto client = connectClient(server);
        QVERIFY(client);
        TestHttpClient http(server.baseUrl(), apiKey.toLatin1());
        const QString token
            = http.postJson("/token/websocket", { { u"subscribeKeys"_s, QJsonArray { u"x"_s } } })
                  .json()
                  .value(u"token"_s)
                  .toString();
        TestWebSocketClient subscriber;
        QVERIFY(subscriber.open(server.webSocketUrl(u"token="_s + token)));
        QCOMPARE(server.terminate(), 0);
        QVERIFY(client->waitForDisconnected());
        QVERIFY(subscriber.waitForDisconnected());
        // Graceful: the sockets got a close frame, not a dropped connection.
        QVERIFY2(client->closeCode() != QWebSocketProtocol::CloseCodeAbnormalDisconnection,
                 qPrintable(QString::number(client->closeCode())));
        QVERIFY2(subscriber.closeCode() != QWebSocketProtocol::CloseCodeAbnormalDisconnection,
                 qPrintable(QString::number(subscriber.closeCode())));
    }

    void badArgumentsFail()
    {
        QTemporaryDir dir;
        ServerProcess server;
        QVERIFY(!server.start({ u"--port"_s, u"not-a-port"_s, u"--data-dir"_s, dir.path() }, 15000));
        QVERIFY(!server.isRunning());
        QVERIFY(!server.start({ u"--no-such-flag"_s }, 15000));
        QVERIFY(!server.isRunning());
    }

    void busyPortFails()
    {
        QTemporaryDir dir;
        QTemporaryDir dir2;
        ServerProcess first;
        QVERIFY2(first.start(arguments(dir.path())), qPrintable(first.errorString()));
        ServerProcess second;
        QVERIFY(!second.start({ u"--port"_s, QString::number(first.port()), u"--data-dir"_s, dir2.path(),
                                u"--api-key"_s, apiKey },
                              15000));
        QVERIFY(!second.isRunning());
        QVERIFY2(!second.errorString().isEmpty(), "no reason given");
        QCOMPARE(first.terminate(), 0);
    }

private:
    static QStringList arguments(const QString &dataDir)
    {
        return { u"--port"_s, u"0"_s, u"--data-dir"_s, dataDir, u"--api-key"_s, apiKey };
    }

    static std::unique_ptr<TestWebSocketClient> connectClient(const ServerProcess &server)
    {
        auto client = std::make_unique<TestWebSocketClient>();
        if (!client->open(server.webSocketUrl(u"apiKey="_s + apiKey))) {
            qWarning("connect failed: %s", qPrintable(client->errorString()));
            return nullptr;
        }
        return client;
    }
};

QTEST_GUILESS_MAIN(TestPersistence)
#include "tst_persistence.moc"
