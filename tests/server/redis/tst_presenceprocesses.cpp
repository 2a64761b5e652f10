// SPDX-License-Identifier: MIT
#include "presenceframes.h"
#include "redisserver.h"
#include "serverprocess.h"
#include "testwebsocketclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimer>

using namespace PresenceFrames;

namespace {
const QByteArray apiKey = QByteArrayLiteral("presence-process-key-0123456789");
const QString day = QStringLiteral("todos-20261207");
} // namespace

/**
 * @brief Presence across two `dayboard-server --redis` processes on one real redis-server
 * (docs/protocol.md §9.9): a member announced on one instance is seen by a client of the
 * other, its goodbye too, and a member of an instance that is killed (no goodbye) expires.
 */
class TestPresenceProcesses : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!ServerProcess::binaryPath().isEmpty(), "DAYBOARD_SERVER_BINARY is not set");
        QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
    }

    void secondInstanceSeesPresenceOfTheFirst()
    {
        ServerProcess a;
        ServerProcess b;
        const QStringList args { QStringLiteral("--port"),
                                 QStringLiteral("0"),
                                 QStringLiteral("--api-key"),
                                 QString::fromLatin1(apiKey),
                                 QStringLiteral("--redis"),
                                 m_redis.url(),
                                 QStringLiteral("--redis-prefix"),
                                 QStringLiteral("presence:"),
                                 QStringLiteral("--presence-expiry"),
                                 QStringLiteral("0.6") };
        QVERIFY2(a.start(args), qPrintable(a.errorString()));
        QVERIFY2(b.start(args), qPrintable(b.errorString()));
        const QString query = QStringLiteral("apiKey=") + QString::fromLatin1(apiKey);
        TestWebSocketClient anna;
        TestWebSocketClient ben;
        TestWebSocketClient carl;
        QVERIFY(anna.open(a.webSocketUrl(query)));
        QVERIFY(carl.open(a.webSocketUrl(query)));
        QVERIFY(ben.open(b.webSocketUrl(query)));

        // Ben on instance B is on the day too (which keeps the day's presence alive in Redis).
        const QJsonObject benHere = presence(QStringLiteral("b1"), QStringLiteral("Ben"), { day }, { day });
        QCOMPARE(ben.request(benHere).value(QStringLiteral("heartbeatMs")).toInt(), 200);
        QVERIFY(waitForRoster(ben, day, { QStringLiteral("Ben") }));

        // Anna and Carl on instance A, announcing as their apps do (heartbeats).
        const QJsonObject annaHere
            = presence(QStringLiteral("a1"), QStringLiteral("Anna's laptop"), { day }, {});
        const QJsonObject carlAnnounce = presence(QStringLiteral("c1"), QStringLiteral("Carl"), { day }, {});
        anna.request(annaHere);
        carl.request(carlAnnounce);
        bool carlHere = true;
        QTimer heartbeat;
        connect(&heartbeat, &QTimer::timeout, this, [&] {
            if (anna.isConnected())
                anna.sendText(QJsonDocument(annaHere).toJson(QJsonDocument::Compact));
            if (carlHere)
                carl.sendText(QJsonDocument(carlAnnounce).toJson(QJsonDocument::Compact));
            ben.sendText(QJsonDocument(benHere).toJson(QJsonDocument::Compact));
        });
        heartbeat.start(200);
        QVERIFY(waitForRoster(
            ben, day, { QStringLiteral("Anna's laptop"), QStringLiteral("Ben"), QStringLiteral("Carl") }));

        // A goodbye on A (Carl leaves the day) reaches B through Redis.
        carlHere = false;
        carl.request(presence(QStringLiteral("c1"), QStringLiteral("Carl"), {}, {}));
        QVERIFY(waitForRoster(ben, day, { QStringLiteral("Anna's laptop"), QStringLiteral("Ben") }));

        // Instance A dies without a word: Anna's member expires in Redis and B pushes that.
        a.kill();
        QVERIFY(waitForRoster(ben, day, { QStringLiteral("Ben") }));
    }

private:
    RedisServer m_redis;
};

QTEST_MAIN(TestPresenceProcesses)
#include "tst_presenceprocesses.moc"
