// SPDX-License-Identifier: MIT
#include "redisserver.h"
#include "serverprocess.h"
#include "testhttpclient.h"
#include "testwebsocketclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QByteArray apiKey = QByteArrayLiteral("redis-process-key-0123456789");

/** The key in the file a server names in its `api key file: <path>` line (empty if none). */
QByteArray printedKey(const ServerProcess &server)
{
    static const QRegularExpression line(QStringLiteral("api key file: (\\S+)"));
    const QRegularExpressionMatch match = line.match(QString::fromUtf8(server.output()));
    QFile file(match.captured(1));
    if (!match.hasMatch() || !file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().trimmed();
}
} // namespace

/**
 * @brief Two dayboard-server executables started the way a self-hoster would (`--redis` and
 * DAYBOARD_REDIS) share one redis-server, and ride out a Redis restart.
 */
class TestRedisProcesses : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!ServerProcess::binaryPath().isEmpty(), "DAYBOARD_SERVER_BINARY is not set");
        QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
    }

    void twoServersShareRecordsTokensAndNotifications()
    {
        ServerProcess a;
        ServerProcess b;
        QVERIFY2(a.start({ QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--api-key"),
                           QString::fromLatin1(apiKey), QStringLiteral("--redis"), m_redis.url(),
                           QStringLiteral("--redis-prefix"), QStringLiteral("proc:") }),
                 qPrintable(a.errorString()));
        qputenv("DAYBOARD_REDIS", m_redis.url().toUtf8());
        qputenv("DAYBOARD_REDIS_PREFIX", "proc:");
        const bool started = b.start({ QStringLiteral("--port"), QStringLiteral("0"),
                                       QStringLiteral("--api-key"), QString::fromLatin1(apiKey) });
        qunsetenv("DAYBOARD_REDIS");
        qunsetenv("DAYBOARD_REDIS_PREFIX");
        QVERIFY2(started, qPrintable(b.errorString()));

        const TestHttpClient httpA(a.baseUrl(), apiKey);
        const TestHttpClient httpB(b.baseUrl(), apiKey);
        QCOMPARE(httpA
                     .postJson("/record",
                               { { QStringLiteral("key"), QStringLiteral("todos-20261122") },
                                 { QStringLiteral("value"), QStringLiteral("[1]") } })
                     .status,
                 200);
        const HttpResponse read = httpB.get("/record/todos-20261122");
        QCOMPARE(read.status, 200);
        QCOMPARE(read.json().value(QStringLiteral("value")).toString(), QStringLiteral("[1]"));

        // A token issued by A opens a monitor on B, which hears A's writes.
        const HttpResponse issued = httpA.postJson(
            "/token/websocket",
            { { QStringLiteral("subscribeKeys"), QJsonArray { QStringLiteral("todos-20261122") } } });
        QCOMPARE(issued.status, 200);
        TestWebSocketClient monitor;
        QVERIFY2(monitor.open(b.webSocketUrl(QStringLiteral("token=")
                                             + issued.json().value(QStringLiteral("token")).toString())),
                 qPrintable(monitor.errorString()));
        QCOMPARE(httpA
                     .postJson("/record",
                               { { QStringLiteral("key"), QStringLiteral("todos-20261122") },
                                 { QStringLiteral("value"), QStringLiteral("[2]") } })
                     .status,
                 200);
        QVERIFY(monitor.waitForNotifications(1));
        QCOMPARE(monitor.notifications().at(0).value(QStringLiteral("value")).toString(),
                 QStringLiteral("[2]"));

        // Redis restarts: both report not-ready meanwhile, recover, and the monitor is told to refetch.
        m_redis.kill();
        QTRY_COMPARE_WITH_TIMEOUT(httpA.get("/healthz").status, 503, 30000);
        QCOMPARE(httpB.get("/record/todos-20261122").status, 503);
        QVERIFY2(m_redis.restart(), qPrintable(m_redis.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(httpA.get("/healthz").status, 200, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(httpB.get("/healthz").status, 200, 30000);
        QVERIFY(monitor.waitForDisconnected());
        QCOMPARE(int(monitor.closeCode()), 4002);
        QCOMPARE(httpB.get("/record/todos-20261122").json().value(QStringLiteral("value")).toString(),
                 QStringLiteral("[2]"));

        QCOMPARE(a.terminate(), 0);
        QCOMPARE(b.terminate(), 0);
    }

    void instancesWithoutKeysShareOneGeneratedKey()
    {
        // No --api-key anywhere: the first instance generates the key and keeps it in Redis;
        // every instance accepts it and shows it in its own data dir.
        QTemporaryDir dirA;
        QTemporaryDir dirB;
        QVERIFY(dirA.isValid() && dirB.isValid());
        // B's data dir holds a key of its own from a single-instance past: Redis' key wins.
        QFile oldKey(dirB.filePath(QStringLiteral("api-key")));
        QVERIFY(oldKey.open(QIODevice::WriteOnly));
        oldKey.write("old-single-instance-key-0123456789\n");
        oldKey.close();
        const QStringList common { QStringLiteral("--port"),         QStringLiteral("0"),
                                   QStringLiteral("--redis"),        m_redis.url(),
                                   QStringLiteral("--redis-prefix"), QStringLiteral("sharedkey:") };
        ServerProcess a;
        ServerProcess b;
        QVERIFY2(a.start(common + QStringList { QStringLiteral("--data-dir"), dirA.path() }),
                 qPrintable(a.errorString()));
        QVERIFY2(b.start(common + QStringList { QStringLiteral("--data-dir"), dirB.path() }),
                 qPrintable(b.errorString()));

        const QByteArray key = printedKey(a);
        QVERIFY2(key.size() >= 32, a.output().constData());
        QCOMPARE(printedKey(b), key);
        QCOMPARE(TestHttpClient(b.baseUrl(), key).get("/record/nothing-here").status, 404);
        QCOMPARE(TestHttpClient(a.baseUrl(), key).get("/record/nothing-here").status, 404);
        QCOMPARE(TestHttpClient(b.baseUrl(), "old-single-instance-key-0123456789").get("/record/x").status,
                 401);
        QVERIFY2(!a.output().contains(key) && !b.output().contains(key),
                 "the key itself must never be printed");
        QCOMPARE(a.terminate(), 0);
        QCOMPARE(b.terminate(), 0);
    }

    void refusesToStartWithoutRedis()
    {
        RedisServer gone;
        QVERIFY2(gone.start(), qPrintable(gone.errorString()));
        gone.kill();
        ServerProcess server;
        QVERIFY(!server.start({ QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--api-key"),
                                QString::fromLatin1(apiKey), QStringLiteral("--redis"), gone.url() }));
        QVERIFY2(server.output().contains(
                     QByteArray("cannot use Redis at 127.0.0.1:" + QByteArray::number(gone.port()))),
                 server.output().constData());
        QVERIFY(!server.isRunning());
    }

private:
    RedisServer m_redis;
};

QTEST_GUILESS_MAIN(TestRedisProcesses)
#include "tst_redisprocesses.moc"
