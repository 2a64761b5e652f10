// SPDX-License-Identifier: MIT
#include "appserverfixture.h"
#include "sync/hpkvclient.h"
#include "sync/presenceclient.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QByteArray day = "todos-20261207";

QStringList names(const PresenceClient &presence, const QByteArray &key)
{
    QStringList list;
    for (const PresenceClient::Member &member : presence.roster(key))
        list.append(member.name);
    list.sort();
    return list;
}

/** A connected client of `server`; the presence client of it announces as `name`. */
std::unique_ptr<HpkvClient> session(const AppServerFixture &server, const QString &name)
{
    auto client = std::make_unique<HpkvClient>();
    client->setBackoff(Backoff(10, 50));
    QSignalSpy connected(client.get(), &HpkvClient::connected);
    client->setEndpoint(server.baseUrl(), AppServerFixture::apiKey);
    if (!connected.wait(10000))
        return nullptr;
    PresenceClient::forClient(client.get())->setDeviceName(name);
    return client;
}
} // namespace

/**
 * @brief The app's presence (PresenceClient, docs/protocol.md §9.9) in two app sessions against a
 * real server: each sees the other's windows live, goodbyes, no ghost after a server restart,
 * and no presence at all against a server without the extension.
 */
class TestPresenceClient : public QObject
{
    Q_OBJECT

private slots:
    void twoSessionsSeeEachOthersWindows()
    {
        AppServerFixture server;
        QVERIFY(server.start());
        auto anna = session(server, u"Anna's laptop"_s);
        auto ben = session(server, u"Ben's desktop"_s);
        QVERIFY(anna && ben);
        PresenceClient *annaPresence = PresenceClient::forClient(anna.get());
        PresenceClient *benPresence = PresenceClient::forClient(ben.get());
        QCOMPARE(PresenceClient::forClient(anna.get()), annaPresence);

        const QByteArray annaWindow = annaPresence->createMember();
        annaPresence->setMember(annaWindow, { day }, { day });
        const QByteArray benWindow = benPresence->createMember();
        const QByteArray benSecondWindow = benPresence->createMember();
        benPresence->setMember(benWindow, { day }, { day });
        benPresence->setMember(benSecondWindow, { day }, { day });
        const QStringList all { u"Anna's laptop"_s, u"Ben's desktop"_s, u"Ben's desktop"_s };
        QTRY_COMPARE_WITH_TIMEOUT(names(*annaPresence, day), all, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(names(*benPresence, day), all, 10000);
        QVERIFY(annaPresence->isAvailable());
        QVERIFY(benPresence->isLocalMember(benSecondWindow));
        QVERIFY(!annaPresence->isLocalMember(benSecondWindow));

        // Ben closes a window, renames his device, then his app goes away.
        benPresence->removeMember(benSecondWindow);
        QTRY_COMPARE_WITH_TIMEOUT(names(*annaPresence, day),
                                  QStringList({ u"Anna's laptop"_s, u"Ben's desktop"_s }), 10000);
        benPresence->setDeviceName(u"Ben's phone"_s);
        QTRY_COMPARE_WITH_TIMEOUT(names(*annaPresence, day),
                                  QStringList({ u"Anna's laptop"_s, u"Ben's phone"_s }), 10000);
        ben.reset();
        QTRY_COMPARE_WITH_TIMEOUT(names(*annaPresence, day), QStringList({ u"Anna's laptop"_s }), 10000);
    }

    void noGhostAfterServerRestart()
    {
        AppServerFixture server;
        QVERIFY(server.start());
        auto anna = session(server, u"Anna's laptop"_s);
        auto ben = session(server, u"Ben's desktop"_s);
        QVERIFY(anna && ben);
        PresenceClient *annaPresence = PresenceClient::forClient(anna.get());
        PresenceClient *benPresence = PresenceClient::forClient(ben.get());
        annaPresence->setMember(annaPresence->createMember(), { day }, { day });
        benPresence->setMember(benPresence->createMember(), { day }, { day });
        QTRY_COMPARE_WITH_TIMEOUT(names(*annaPresence, day).size(), 2, 10000);

        // The server goes down; Ben's app ends meanwhile (no goodbye can reach the server).
        QVERIFY(server.stop());
        QTRY_VERIFY_WITH_TIMEOUT(names(*annaPresence, day).isEmpty(), 10000); // stale rosters dropped
        ben.reset();
        QVERIFY(server.start(server.port()));
        // Anna's app reconnects and announces again; Ben does not come back as a ghost.
        QTRY_COMPARE_WITH_TIMEOUT(names(*annaPresence, day), QStringList({ u"Anna's laptop"_s }), 15000);
    }

    void serverWithoutPresenceShowsNone()
    {
        AppServerFixture server(false);
        QVERIFY(server.start());
        auto anna = session(server, u"Anna's laptop"_s);
        QVERIFY(anna);
        PresenceClient *presence = PresenceClient::forClient(anna.get());
        presence->setMember(presence->createMember(), { day }, { day });
        // Replies come in request order on this server: once the GET is answered, so was op 7.
        bool got = false;
        anna->get(day, [&got](const HpkvClient::Reply &) { got = true; });
        QTRY_VERIFY_WITH_TIMEOUT(got, 10000);
        QVERIFY(!presence->isAvailable());
        QVERIFY(presence->roster(day).isEmpty());
        QVERIFY(anna->isConnected()); // the HPKV session itself is undisturbed
    }
};

QTEST_MAIN(TestPresenceClient)
#include "tst_presenceclient.moc"
