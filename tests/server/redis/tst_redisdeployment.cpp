// SPDX-License-Identifier: MIT
#include "daemon/dayboardserver.h"
#include "daemon/serverconfig.h"
#include "redisserver.h"
#include "testhttpclient.h"
#include "testwebsocketclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace {

const QByteArray apiKey = QByteArrayLiteral("redis-deployment-key-0123456789");

QJsonObject frame(int op, const QString &key, const QJsonValue &value = QJsonValue::Undefined)
{
    QJsonObject object { { QStringLiteral("op"), op }, { QStringLiteral("key"), key } };
    if (!value.isUndefined())
        object.insert(QStringLiteral("value"), value);
    return object;
}

/** @brief One in-process DayboardServer on the shared Redis (own data dir, same API key). */
struct Instance
{
    QTemporaryDir dir;
    std::unique_ptr<DayboardServer> server;

    bool start(const RedisServer &redis, const QString &prefix, QString *error)
    {
        ServerConfig config;
        config.port = 0;
        config.dataDir = dir.path();
        config.apiKeys = { QString::fromLatin1(apiKey) };
        config.redisUrl = redis.url();
        config.redisPrefix = prefix;
        server = std::make_unique<DayboardServer>(config);
        return server->start(error);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server->port())); }
    TestHttpClient http() const { return TestHttpClient(url(), apiKey); }
    QUrl webSocketUrl(const QString &query) const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws?%2").arg(server->port()).arg(query));
    }
    std::unique_ptr<TestWebSocketClient> connect(const QString &query) const
    {
        auto client = std::make_unique<TestWebSocketClient>();
        if (!client->open(webSocketUrl(query))) {
            qWarning("connect failed: %s", qPrintable(client->errorString()));
            return nullptr;
        }
        return client;
    }
    std::unique_ptr<TestWebSocketClient> connectApiKey() const
    {
        return connect(QStringLiteral("apiKey=") + QString::fromLatin1(apiKey));
    }
    QByteArray token(const QStringList &keys) const
    {
        const HttpResponse response = http().postJson(
            "/token/websocket",
            QJsonObject { { QStringLiteral("subscribeKeys"), QJsonArray::fromStringList(keys) } });
        return response.status == 200 ? response.json().value(QStringLiteral("token")).toString().toLatin1()
                                      : QByteArray();
    }
};

} // namespace

/**
 * @brief Two in-process DayboardServers sharing one real redis-server: notifications and
 * tokens cross instances, CAS increments from both end exactly right, and /healthz and the
 * monitor sockets follow Redis going down and coming back.
 */
class TestRedisDeployment : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
        const QString prefix = QStringLiteral("deploy%1:").arg(++m_deployments);
        QString error;
        QVERIFY2(m_a.start(m_redis, prefix, &error), qPrintable(error));
        QVERIFY2(m_b.start(m_redis, prefix, &error), qPrintable(error));
    }

    void cleanup()
    {
        m_a.server.reset();
        m_b.server.reset();
        m_redis.kill();
    }

    void writeOnANotifiesTokenSocketOnBWithATokenFromA()
    {
        const QByteArray token = m_a.token({ QStringLiteral("todos-20261122") });
        QVERIFY(!token.isEmpty());
        auto monitor = m_b.connect(QStringLiteral("token=") + QString::fromLatin1(token));
        QVERIFY(monitor);
        auto writer = m_a.connectApiKey();
        QVERIFY(writer);

        const QJsonObject reply
            = writer->request(frame(2, QStringLiteral("todos-20261122"), QStringLiteral("[1]")));
        QCOMPARE(reply.value(QStringLiteral("code")).toInt(), 200);
        QVERIFY(monitor->waitForNotifications(1));
        const QJsonObject notification = monitor->notifications().at(0);
        QCOMPARE(notification.value(QStringLiteral("key")).toString(), QStringLiteral("todos-20261122"));
        QCOMPARE(notification.value(QStringLiteral("value")).toString(), QStringLiteral("[1]"));
        QCOMPARE(notification.value(QStringLiteral("revision")).toInteger(),
                 reply.value(QStringLiteral("revision")).toInteger());

        // The token socket on B may write its own key; the write is seen on A, and exactly once on B.
        QCOMPARE(monitor->request(frame(2, QStringLiteral("todos-20261122"), QStringLiteral("[2]")))
                     .value(QStringLiteral("code"))
                     .toInt(),
                 200);
        const HttpResponse onA = m_a.http().get("/record/todos-20261122");
        QCOMPARE(onA.status, 200);
        QCOMPARE(onA.json().value(QStringLiteral("value")).toString(), QStringLiteral("[2]"));
        QCOMPARE(writer->request(frame(2, QStringLiteral("todos-20261122"), QStringLiteral("[3]")))
                     .value(QStringLiteral("code"))
                     .toInt(),
                 200);
        QVERIFY(monitor->waitForNotifications(3));
        QCOMPARE(monitor->notifications().at(2).value(QStringLiteral("value")).toString(),
                 QStringLiteral("[3]"));
        // A last write through REST on B: once it arrived, a duplicate of any earlier one would have too.
        QCOMPARE(m_b.http()
                     .postJson("/record",
                               QJsonObject { { QStringLiteral("key"), QStringLiteral("todos-20261122") },
                                             { QStringLiteral("value"), QStringLiteral("[4]") } })
                     .status,
                 200);
        QVERIFY(monitor->waitForNotifications(4));
        QCOMPARE(monitor->notifications().size(), 4);
        QCOMPARE(monitor->notifications().at(3).value(QStringLiteral("value")).toString(),
                 QStringLiteral("[4]"));
    }

    void casIncrementsFromTwentyClientsOnBothInstances()
    {
        constexpr int clients = 20;
        constexpr int incrementsEach = 3;
        std::vector<std::unique_ptr<TestWebSocketClient>> sockets;
        for (int i = 0; i < clients; ++i) {
            sockets.push_back(i % 2 ? m_a.connectApiKey() : m_b.connectApiKey());
            QVERIFY(sockets.back());
        }
        std::vector<int> left(clients, incrementsEach);
        int conflicts = 0;
        qint64 messageId = 0;
        // Rounds: every unfinished client reads, then all write with ifRevision at once, so
        // they race; a 409 is retried in the next round.
        while (std::any_of(left.begin(), left.end(), [](int n) { return n > 0; })) {
            std::vector<QJsonObject> reads(clients);
            for (int i = 0; i < clients; ++i) {
                if (left[i] > 0)
                    reads[i] = sockets[i]->request(frame(1, QStringLiteral("counter")));
            }
            std::vector<qint64> ids(clients, -1);
            for (int i = 0; i < clients; ++i) {
                if (left[i] == 0)
                    continue;
                const bool exists = reads[i].value(QStringLiteral("code")).toInt() == 200;
                const qint64 value
                    = exists ? reads[i].value(QStringLiteral("value")).toString().toLongLong() : 0;
                QJsonObject set = frame(2, QStringLiteral("counter"), QString::number(value + 1));
                set.insert(QStringLiteral("ifRevision"),
                           exists ? reads[i].value(QStringLiteral("revision")).toInteger() : 0);
                set.insert(QStringLiteral("messageId"), ids[i] = ++messageId);
                sockets[i]->clearReceived();
                sockets[i]->sendText(QJsonDocument(set).toJson(QJsonDocument::Compact));
            }
            for (int i = 0; i < clients; ++i) {
                if (ids[i] < 0)
                    continue;
                QVERIFY(sockets[i]->waitFor([&] { return !sockets[i]->replies().isEmpty(); }));
                const int code = sockets[i]->replies().constFirst().value(QStringLiteral("code")).toInt();
                QVERIFY2(code == 200 || code == 409, qPrintable(QString::number(code)));
                code == 200 ? --left[i] : ++conflicts;
            }
        }
        const HttpResponse final = m_b.http().get("/record/counter");
        QCOMPARE(final.json().value(QStringLiteral("value")).toString(),
                 QString::number(clients * incrementsEach));
        QVERIFY2(conflicts > 0, "the clients never raced; the test proves nothing");
    }

    void healthzAndMonitorsFollowRedis()
    {
        QCOMPARE(m_a.http().get("/healthz").status, 200);
        const QByteArray token = m_a.token({ QStringLiteral("k") });
        auto monitor = m_b.connect(QStringLiteral("token=") + QString::fromLatin1(token));
        QVERIFY(monitor);
        auto writer = m_a.connectApiKey();
        QVERIFY(writer);

        m_redis.kill();
        QTRY_COMPARE_WITH_TIMEOUT(m_a.http().get("/healthz").status, 503, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(m_b.http().get("/healthz").status, 503, 30000);
        const QJsonObject failed = writer->request(frame(2, QStringLiteral("k"), QStringLiteral("v")));
        QCOMPARE(failed.value(QStringLiteral("code")).toInt(), 503);
        QVERIFY(failed.contains(QStringLiteral("error")));

        QVERIFY2(m_redis.restart(), qPrintable(m_redis.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(m_a.http().get("/healthz").status, 200, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(m_b.http().get("/healthz").status, 200, 30000);
        // Notifications may have been missed while Redis was away: the monitor is told to refetch.
        QVERIFY(monitor->waitForDisconnected());
        QCOMPARE(int(monitor->closeCode()), 4002);
        QVERIFY(!m_a.http().get("/record/k").json().contains(QStringLiteral("value")));

        auto again = m_b.connect(QStringLiteral("token=") + QString::fromLatin1(token));
        QVERIFY(again);
        auto writer2 = m_a.connectApiKey();
        QVERIFY(writer2);
        QCOMPARE(writer2->request(frame(2, QStringLiteral("k"), QStringLiteral("after")))
                     .value(QStringLiteral("code"))
                     .toInt(),
                 200);
        QVERIFY(again->waitForNotifications(1));
        QCOMPARE(again->notifications().at(0).value(QStringLiteral("value")).toString(),
                 QStringLiteral("after"));
    }

private:
    RedisServer m_redis;
    Instance m_a;
    Instance m_b;
    int m_deployments = 0;
};

QTEST_GUILESS_MAIN(TestRedisDeployment)
#include "tst_redisdeployment.moc"
