// SPDX-License-Identifier: MIT
// docs/security.md §10 and docs/protocol.md §9.8 ("Tokens and access"): a token
// scoped with `^key$` may touch the key `key` and nothing else. Before the fix `$` also matched
// before a final newline, so the record "key\n" could be read, overwritten and deleted. Every
// operation is tried with `key` followed (or preceded) by control characters; the records stay
// as the API key wrote them, RANGE lists only `key`, and a monitor of `key` hears only `key`.

#include "netfixture.h"

using namespace NetFixture;
using namespace Qt::StringLiterals;

class TestAccessControlChars : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestWebSocketClient> m_admin;

    static QJsonObject request(int code, const QString &key, const QJsonValue &value = {})
    {
        return value.isUndefined() ? op(code, key) : op(code, key, value);
    }

private slots:
    void initTestCase_data() { addBackendRows(); }
    void init()
    {
        NETFIXTURE_START(m_server);
        m_admin = m_server->connectApiKey();
        QVERIFY(m_admin);
    }
    void cleanup()
    {
        m_admin.reset();
        m_server.reset();
    }

    void everyOperation_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("key\\n") << u"key\n"_s;
        QTest::newRow("key\\r") << u"key\r"_s;
        QTest::newRow("key\\r\\n") << u"key\r\n"_s;
        QTest::newRow("key\\t") << u"key\t"_s;
        QTest::newRow("key\\0") << QString(u"key"_s + QChar(0));
        QTest::newRow("key\\x1f") << QString(u"key"_s + QChar(0x1f));
        QTest::newRow("key\\x7f") << QString(u"key"_s + QChar(0x7f));
        QTest::newRow("key\\u2028") << QString(u"key"_s + QChar(0x2028));
        QTest::newRow("\\nkey") << u"\nkey"_s;
        QTest::newRow("key\\n\\n") << u"key\n\n"_s;
    }
    void everyOperation()
    {
        QFETCH(QString, key);
        QCOMPARE(m_admin->request(op(2, key, u"41"_s)).value(u"code"_s).toInt(), 200);
        QCOMPARE(m_admin->request(op(2, u"key"_s, u"1"_s)).value(u"code"_s).toInt(), 200);
        const QByteArray token = m_server->tokenFor({ u"key"_s }, u"^key$"_s);
        QVERIFY(!token.isEmpty());
        const auto socket = m_server->connectToken(token);
        QVERIFY(socket);

        QCOMPARE(socket->request(request(1, u"key"_s)).value(u"code"_s).toInt(), 200); // the granted key
        QCOMPARE(socket->request(request(1, key)).value(u"code"_s).toInt(), 403);
        QCOMPARE(socket->request(request(2, key, u"overwritten"_s)).value(u"code"_s).toInt(), 403);
        QCOMPARE(socket->request(request(3, key, u"appended"_s)).value(u"code"_s).toInt(), 403);
        QCOMPARE(socket->request(request(6, key, 1)).value(u"code"_s).toInt(), 403);
        QCOMPARE(socket->request(request(4, key)).value(u"code"_s).toInt(), 403);
        const QJsonObject stored = m_admin->request(op(1, key));
        QCOMPARE(stored.value(u"code"_s).toInt(), 200);
        QCOMPARE(stored.value(u"value"_s).toString(), u"41"_s);

        QJsonObject range = op(5, QString(QChar(1)));
        range.insert(u"endKey"_s, u"zzzz"_s);
        const QJsonObject listed = socket->request(range);
        QCOMPARE(listed.value(u"code"_s).toInt(), 200);
        const QJsonArray records = listed.value(u"records"_s).toArray();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.at(0).toObject().value(u"key"_s).toString(), u"key"_s);

        // The monitor of `key` hears `key`, never the look-alike.
        QCOMPARE(m_admin->request(op(2, key, u"42"_s)).value(u"code"_s).toInt(), 200);
        QCOMPARE(m_admin->request(op(2, u"key"_s, u"2"_s)).value(u"code"_s).toInt(), 200);
        QVERIFY(socket->waitForNotifications(1));
        QVERIFY(socket->notificationsFor(key).isEmpty());
        QCOMPARE(socket->notificationsFor(u"key"_s).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAccessControlChars)
#include "tst_accesscontrolchars.moc"
