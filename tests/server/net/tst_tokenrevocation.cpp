// SPDX-License-Identifier: MIT
// docs/security.md §10: a token is bound to the API key that issued it and
// stops working once that key is gone (restart or reload); tokens can be revoked per key or
// all at once (POST /admin/revoke-tokens), durably, without touching anyone else's; sockets
// open on a revoked token or a removed key are closed with 4003.

#include "daemon/dayboardserver.h"
#include "daemon/serverconfig.h"
#include "testhttpclient.h"
#include "testwebsocketclient.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QByteArray keyA = "revocation-key-A-0123456789";
const QByteArray keyB = "revocation-key-B-0123456789";
constexpr int credentialsRevoked = 4003;

QByteArray upgradeRequest(const QByteArray &token)
{
    return "GET /ws?token=" + token
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
          "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
          "Sec-WebSocket-Version: 13\r\n\r\n";
}

} // namespace

class TestTokenRevocation : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_keysFile;
    std::unique_ptr<DayboardServer> m_server;

    bool start(const QStringList &keys = {}, bool keysFile = false)
    {
        ServerConfig config;
        config.port = 0;
        config.dataDir = m_dir.path();
        if (keysFile)
            config.apiKeysFile = m_keysFile;
        else
            config.apiKeys = keys;
        m_server = std::make_unique<DayboardServer>(config);
        QString error;
        if (!m_server->start(&error)) {
            qWarning("start: %s", qPrintable(error));
            return false;
        }
        return true;
    }
    void writeKeysFile(const QList<QByteArray> &keys)
    {
        QFile file(m_keysFile);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        for (const QByteArray &key : keys)
            file.write(key + '\n');
    }
    QUrl url(const QString &query) const
    {
        return QUrl(u"ws://127.0.0.1:%1/ws?%2"_s.arg(m_server->port()).arg(query));
    }
    TestHttpClient http(const QByteArray &key) const { return TestHttpClient(m_server->baseUrl(), key); }
    QByteArray tokenFrom(const QByteArray &key) const
    {
        const HttpResponse response = http(key).postJson(
            "/token/websocket",
            { { u"subscribeKeys"_s, QJsonArray { u"a"_s } }, { u"accessPattern"_s, u".*"_s } });
        return response.json().value(u"token"_s).toString().toLatin1();
    }
    int upgradeStatus(const QByteArray &token) const
    {
        return http({}).sendRaw(upgradeRequest(token)).status;
    }
    std::unique_ptr<TestWebSocketClient> open(const QString &query) const
    {
        auto client = std::make_unique<TestWebSocketClient>();
        if (!client->open(url(query)))
            return nullptr;
        return client;
    }
    static bool answers(TestWebSocketClient *client)
    {
        return client->isConnected()
            && client->request({ { u"op"_s, 1 }, { u"key"_s, u"a"_s } }).value(u"code"_s).toInt() == 404;
    }
    static void verifyClosedAsRevoked(TestWebSocketClient *client)
    {
        QVERIFY(client->waitForDisconnected());
        QCOMPARE(int(client->closeCode()), credentialsRevoked);
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_keysFile = m_dir.filePath(u"keys"_s);
    }
    void cleanup() { m_server.reset(); }

    void removedKeysTokensAreRefusedAfterRestart()
    {
        QVERIFY(start({ QString::fromLatin1(keyA), QString::fromLatin1(keyB) }));
        const QByteArray fromA = tokenFrom(keyA);
        const QByteArray fromB = tokenFrom(keyB);
        QVERIFY(!fromA.isEmpty() && !fromB.isEmpty());
        QCOMPARE(upgradeStatus(fromB), 101);
        m_server.reset();
        QVERIFY(start({ QString::fromLatin1(keyA) })); // B taken out, same data dir
        QCOMPARE(upgradeStatus(fromB), 403);
        QCOMPARE(upgradeStatus(fromA), 101);
    }

    void revokingOwnTokensLeavesOthers()
    {
        QVERIFY(start({ QString::fromLatin1(keyA), QString::fromLatin1(keyB) }));
        const QByteArray fromA = tokenFrom(keyA);
        const QByteArray fromB = tokenFrom(keyB);
        const auto onA = open(u"token="_s + QString::fromLatin1(fromA));
        const auto onB = open(u"token="_s + QString::fromLatin1(fromB));
        const auto keySocket = open(u"apiKey="_s + QString::fromLatin1(keyA));
        QVERIFY(onA && onB && keySocket);

        const HttpResponse response = http(keyA).send("POST", "/admin/revoke-tokens", "{}");
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value(u"closed"_s).toInt(), 1);
        verifyClosedAsRevoked(onA.get());
        QVERIFY(answers(onB.get()));
        QVERIFY(answers(keySocket.get())); // a key's own socket is not a token
        QCOMPARE(upgradeStatus(fromA), 403);
        QCOMPARE(upgradeStatus(fromB), 101);
        QCOMPARE(upgradeStatus(tokenFrom(keyA)), 101); // issued after the revocation
    }

    void revokingByKeyIdAndAllIsDurable()
    {
        QVERIFY(start({ QString::fromLatin1(keyA), QString::fromLatin1(keyB) }));
        const HttpResponse keys = http(keyA).get("/admin/keys");
        QCOMPARE(keys.status, 200);
        const QString idA = keys.json().value(u"yourKeyId"_s).toString();
        const QJsonArray ids = keys.json().value(u"keyIds"_s).toArray();
        QCOMPARE(ids.size(), 2);
        QVERIFY(ids.contains(idA));
        QVERIFY(!keys.body.contains(keyA) && !keys.body.contains(keyB));
        const QString idB = ids.at(0).toString() == idA ? ids.at(1).toString() : ids.at(0).toString();

        const QByteArray fromA = tokenFrom(keyA);
        const QByteArray fromB = tokenFrom(keyB);
        QCOMPARE(http(keyA).postJson("/admin/revoke-tokens", { { u"keyId"_s, idB } }).status, 200);
        QCOMPARE(upgradeStatus(fromB), 403);
        QCOMPARE(upgradeStatus(fromA), 101);

        const QByteArray laterB = tokenFrom(keyB);
        QCOMPARE(http(keyB).postJson("/admin/revoke-tokens", { { u"all"_s, true } }).status, 200);
        QCOMPARE(upgradeStatus(fromA), 403);
        QCOMPARE(upgradeStatus(laterB), 403);

        m_server.reset();
        QVERIFY(start({ QString::fromLatin1(keyA), QString::fromLatin1(keyB) }));
        QCOMPARE(upgradeStatus(fromA), 403); // revocations survive the restart
        QCOMPARE(upgradeStatus(laterB), 403);
        QCOMPARE(upgradeStatus(tokenFrom(keyB)), 101);
        QFile file(m_dir.filePath(u"token-revocations"_s));
        QVERIFY(file.exists());
        QCOMPARE(int(file.permissions() & (QFile::ReadGroup | QFile::ReadOther)), 0);
    }

    void adminRoutesNeedAKeyAndAValidBody()
    {
        QVERIFY(start({ QString::fromLatin1(keyA) }));
        QCOMPARE(http({}).send("POST", "/admin/revoke-tokens", "{}").status, 401);
        QCOMPARE(http("wrong").send("POST", "/admin/reload", "").status, 401);
        QCOMPARE(http("wrong").get("/admin/keys").status, 401);
        QCOMPARE(http(keyA).send("POST", "/admin/revoke-tokens", "[1]").status, 400);
        QCOMPARE(http(keyA).send("POST", "/admin/revoke-tokens", R"({"keyId":""})").status, 400);
        QCOMPARE(http(keyA).send("POST", "/admin/revoke-tokens", R"({"keyId":"not an id"})").status, 400);
        QCOMPARE(http(keyA).send("POST", "/admin/revoke-tokens", R"({"all":"yes"})").status, 400);
        QCOMPARE(http(keyA).get("/admin/revoke-tokens").status, 405);
        QCOMPARE(http(keyA).get("/admin/other").status, 404);
    }

    void reloadClosesTheSocketsOfARemovedKey()
    {
        writeKeysFile({ keyA, keyB });
        QVERIFY(start({}, true));
        const QByteArray fromA = tokenFrom(keyA);
        const QByteArray fromB = tokenFrom(keyB);
        const auto tokenA = open(u"token="_s + QString::fromLatin1(fromA));
        const auto tokenB = open(u"token="_s + QString::fromLatin1(fromB));
        const auto socketA = open(u"apiKey="_s + QString::fromLatin1(keyA));
        const auto socketB = open(u"apiKey="_s + QString::fromLatin1(keyB));
        QVERIFY(tokenA && tokenB && socketA && socketB);

        writeKeysFile({ keyA });
        const HttpResponse response = http(keyA).send("POST", "/admin/reload", "");
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value(u"apiKeys"_s).toInt(), 1);
        QCOMPARE(response.json().value(u"removed"_s).toArray().size(), 1);
        QCOMPARE(response.json().value(u"closed"_s).toInt(), 2);
        verifyClosedAsRevoked(tokenB.get());
        verifyClosedAsRevoked(socketB.get());
        QVERIFY(answers(tokenA.get()));
        QVERIFY(answers(socketA.get()));
        QCOMPARE(upgradeStatus(fromB), 403);
        QCOMPARE(http(keyB).get("/record/a").status, 401);
        QCOMPARE(m_server->apiKeys(), QStringList { QString::fromLatin1(keyA) });

        // A keys file that cannot be used keeps the keys in force.
        writeKeysFile({});
        QVERIFY(!m_server->reloadCredentials());
        QCOMPARE(http(keyA).get("/record/a").status, 404);
        writeKeysFile({ keyA, keyB }); // B back: its tokens work again (until they expire)
        QVERIFY(m_server->reloadCredentials());
        QCOMPARE(upgradeStatus(fromB), 101);
    }
};

QTEST_GUILESS_MAIN(TestTokenRevocation)
#include "tst_tokenrevocation.moc"
