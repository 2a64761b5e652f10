// SPDX-License-Identifier: MIT
#include "netfixture.h"
#include "presenceframes.h"

using namespace NetFixture;
using namespace PresenceFrames;

namespace {

const QString day = QStringLiteral("todos-20261207");
const QString otherDay = QStringLiteral("todos-20261208");

} // namespace

/**
 * @brief Presence (docs/protocol.md §9.9) against a real server on every backend: live rosters,
 * goodbyes and expiry, scopes and limits, and HPKV clients that never see any of it.
 */
class TestPresence : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { addBackendRows(); }

    void init() { NETFIXTURE_START(m_server); }
    void cleanup() { m_server.reset(); }

    void twoConnectionsSeeEachOtherAndTheGoodbye()
    {
        auto anna = m_server->connectApiKey();
        auto ben = m_server->connectApiKey();
        QVERIFY(anna && ben);
        const QJsonObject reply = anna->request(
            presence(QStringLiteral("a1"), QStringLiteral("Anna's laptop"), { day }, { day, otherDay }));
        QCOMPARE(reply.value(QStringLiteral("code")).toInt(), 200);
        QCOMPARE(reply.value(QStringLiteral("expiryMs")).toInt(), 15000);
        QCOMPARE(reply.value(QStringLiteral("heartbeatMs")).toInt(), 5000);
        QVERIFY(waitForRoster(*anna, day, { QStringLiteral("Anna's laptop") }));
        QVERIFY(waitForRoster(*anna, otherDay, {}));

        QCOMPARE(
            ben->request(presence(QStringLiteral("b1"), QStringLiteral("Ben's desktop"), { day }, { day }))
                .value(QStringLiteral("code"))
                .toInt(),
            200);
        QVERIFY(
            waitForRoster(*anna, day, { QStringLiteral("Anna's laptop"), QStringLiteral("Ben's desktop") }));
        QVERIFY(
            waitForRoster(*ben, day, { QStringLiteral("Anna's laptop"), QStringLiteral("Ben's desktop") }));

        // A second window of Ben's app: another member on the same connection.
        ben->request(
            presence(QStringLiteral("b2"), QStringLiteral("Ben's desktop"), { otherDay }, { otherDay }));
        QVERIFY(waitForRoster(*anna, otherDay, { QStringLiteral("Ben's desktop") }));

        // Ben's first window moves on to the other day, then the whole app goes away.
        ben->request(
            presence(QStringLiteral("b1"), QStringLiteral("Ben's desktop"), { otherDay }, { otherDay }));
        QVERIFY(waitForRoster(*anna, day, { QStringLiteral("Anna's laptop") }));
        QVERIFY(waitForRoster(*anna, otherDay,
                              { QStringLiteral("Ben's desktop"), QStringLiteral("Ben's desktop") }));
        ben->close();
        QVERIFY(waitForRoster(*anna, otherDay, {}));
    }

    void droppedSocketAndSilentClientDisappear()
    {
        m_server->configure = [](ServerConfig &config) { config.presenceExpiryMs = 300; };
        QString error;
        QVERIFY2(m_server->restart(&error), qPrintable(error));
        auto watcher = m_server->connectApiKey();
        auto dropped = m_server->connectApiKey();
        auto silent = m_server->connectApiKey();
        QVERIFY(watcher && dropped && silent);
        QCOMPARE(watcher->request(presence(QStringLiteral("w"), QStringLiteral("watcher"), {}, { day }))
                     .value(QStringLiteral("heartbeatMs"))
                     .toInt(),
                 100);
        // Both heartbeat (as clients do) until `dropped` is gone.
        const QJsonObject droppedAnnounce
            = presence(QStringLiteral("d"), QStringLiteral("dropped"), { day }, {});
        const QJsonObject silentAnnounce
            = presence(QStringLiteral("s"), QStringLiteral("silent"), { day }, {});
        QTimer heartbeat;
        connect(&heartbeat, &QTimer::timeout, silent.get(), [&] {
            if (dropped)
                dropped->sendText(compact(droppedAnnounce));
            silent->sendText(compact(silentAnnounce));
        });
        heartbeat.start(100);
        QVERIFY(waitForRoster(*watcher, day, { QStringLiteral("dropped"), QStringLiteral("silent") }));
        dropped.reset(); // aborts the socket: no close frame, no goodbye
        QVERIFY(waitForRoster(*watcher, day, { QStringLiteral("silent") }));
        // `silent` keeps its socket open but never announces again: it expires.
        heartbeat.stop();
        QVERIFY(waitForRoster(*watcher, day, {}));
        QVERIFY(silent->isConnected());
    }

    void noGhostAfterServerRestart()
    {
        // Memory and SQLite keep presence in the process: the default expiry (longer than the
        // test waits) shows a restart forgets it. Redis keeps it for the deployment: the dead
        // instance's member expires (short expiry here).
        if (m_server->backend() == Backend::Redis)
            m_server->configure = [](ServerConfig &config) { config.presenceExpiryMs = 300; };
        QString error;
        QVERIFY2(m_server->restart(&error), qPrintable(error));
        auto anna = m_server->connectApiKey();
        QVERIFY(anna);
        anna->request(presence(QStringLiteral("a1"), QStringLiteral("Anna's laptop"), { day }, { day }));
        QVERIFY(waitForRoster(*anna, day, { QStringLiteral("Anna's laptop") }));

        QVERIFY2(m_server->restart(&error), qPrintable(error));
        auto ben = m_server->connectApiKey();
        QVERIFY(ben);
        const QJsonObject announce
            = presence(QStringLiteral("b1"), QStringLiteral("Ben's desktop"), { day }, { day });
        ben->request(announce);
        // Ben heartbeats as a client does (Redis: faster than the short expiry).
        QTimer heartbeat;
        connect(&heartbeat, &QTimer::timeout, ben.get(), [&] { ben->sendText(compact(announce)); });
        heartbeat.start(100);
        QVERIFY(waitForRoster(*ben, day, { QStringLiteral("Ben's desktop") }));
    }

    void hpkvClientsNeverSeePresence()
    {
        auto anna = m_server->connectApiKey();
        auto raw = m_server->connectToken(m_server->tokenFor({ day }));
        QVERIFY(anna && raw);
        anna->request(presence(QStringLiteral("a1"), QStringLiteral("Anna's laptop"), { day }, { day }));
        QVERIFY(waitForRoster(*anna, day, { QStringLiteral("Anna's laptop") }));
        QCOMPARE(raw->request(op(2, day, QStringLiteral("[]"))).value(QStringLiteral("code")).toInt(), 200);
        anna->request(presence(QStringLiteral("a1"), QStringLiteral("Anna"), { day }, { day }));
        QVERIFY(waitForRoster(*anna, day, { QStringLiteral("Anna") }));
        // Written after the presence changes were pushed: its notification comes after them.
        QCOMPARE(anna->request(op(2, day, QStringLiteral("[1]"))).value(QStringLiteral("code")).toInt(), 200);
        QVERIFY(raw->waitForNotifications(2));
        for (const QByteArray &frame : raw->frames())
            QVERIFY2(!frame.contains("\"presence\""), frame.constData());
        QVERIFY(presenceMessages(*raw).isEmpty());
    }

    void scopeAndLimitsRefuse()
    {
        const QByteArray token = m_server->tokenFor({ day }, QStringLiteral("^todos-20261207$"));
        auto scoped = m_server->connectToken(token);
        QVERIFY(scoped);
        QJsonObject reply
            = scoped->request(presence(QStringLiteral("m"), QStringLiteral("x"), { otherDay }, {}));
        QCOMPARE(reply.value(QStringLiteral("code")).toInt(), 403);
        QCOMPARE(reply.value(QStringLiteral("error")).toString(),
                 QStringLiteral("Access denied: this token may not access that key"));
        reply = scoped->request(presence(QStringLiteral("m"), QStringLiteral("x"), { day }, { otherDay }));
        QCOMPARE(reply.value(QStringLiteral("code")).toInt(), 403);
        QCOMPARE(scoped->request(presence(QStringLiteral("m"), QStringLiteral("x"), { day }, { day }))
                     .value(QStringLiteral("code"))
                     .toInt(),
                 200);

        auto client = m_server->connectApiKey();
        QVERIFY(client);
        const QStringList five { QStringLiteral("k1"), QStringLiteral("k2"), QStringLiteral("k3"),
                                 QStringLiteral("k4"), QStringLiteral("k5") };
        reply = client->request(presence(QStringLiteral("m"), QStringLiteral("x"), five, {}));
        QCOMPARE(reply.value(QStringLiteral("error")).toString(),
                 QStringLiteral("here must be an array of at most 4 keys"));
        reply = client->request(presence(QStringLiteral("m"), QString(65, u'n'), { day }, {}));
        QCOMPARE(reply.value(QStringLiteral("error")).toString(),
                 QStringLiteral("name must be a string of 1 to 64 characters"));
        reply = client->request(presence(QString(65, u'm'), QStringLiteral("x"), { day }, {}));
        QCOMPARE(reply.value(QStringLiteral("error")).toString(),
                 QStringLiteral("member must be a string of 1 to 64 bytes"));
        for (int i = 0; i < 8; ++i)
            QCOMPARE(client->request(presence(QString::number(i), QStringLiteral("x"), { day }, {}))
                         .value(QStringLiteral("code"))
                         .toInt(),
                     200);
        reply = client->request(presence(QStringLiteral("ninth"), QStringLiteral("x"), { day }, {}));
        QCOMPARE(reply.value(QStringLiteral("code")).toInt(), 400);
        QCOMPARE(reply.value(QStringLiteral("error")).toString(),
                 QStringLiteral("Too many presence members on this connection (at most 8)"));
        QStringList many;
        for (int i = 0; i < 40; ++i)
            many.append(QStringLiteral("w%1").arg(i));
        QCOMPARE(client->request(presence(QStringLiteral("0"), QStringLiteral("x"), { day }, many.mid(0, 40)))
                     .value(QStringLiteral("code"))
                     .toInt(),
                 200);
        QStringList more;
        for (int i = 40; i < 80; ++i)
            more.append(QStringLiteral("w%1").arg(i));
        reply = client->request(presence(QStringLiteral("1"), QStringLiteral("x"), { day }, more));
        QCOMPARE(reply.value(QStringLiteral("error")).toString(),
                 QStringLiteral("Too many watched keys on this connection (at most 64)"));
    }

    void withoutExtensionsPresenceIsAnUnknownOp()
    {
        QFETCH_GLOBAL(int, backend);
        TestServer plain(Backend(backend), false);
        QString error;
        QVERIFY2(plain.start(&error), qPrintable(error));
        auto client = plain.connectApiKey();
        QVERIFY(client);
        const QJsonObject reply
            = client->request(presence(QStringLiteral("m"), QStringLiteral("x"), { day }, { day }));
        QCOMPARE(reply.value(QStringLiteral("code")).toInt(), 400);
        QCOMPARE(reply.value(QStringLiteral("error")).toString(), QStringLiteral("Unknown op 7"));
    }

private:
    std::unique_ptr<TestServer> m_server;
};

QTEST_MAIN(TestPresence)
#include "tst_presence.moc"
