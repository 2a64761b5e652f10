// SPDX-License-Identifier: MIT
// docs/protocol.md §5: notifications reach exactly the subscribed sockets, exactly once, after every
// successful write by any path (api-key socket, token socket including the writer's own, REST).

#include "netfixture.h"

#include <QDateTime>

using namespace NetFixture;
using namespace Qt::StringLiterals;

class TestNotifications : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { addBackendRows(); }
    void init()
    {
        NETFIXTURE_START(m_server);
        m_writer = m_server->connectApiKey();
        QVERIFY(m_writer);
    }
    void cleanup()
    {
        m_writer.reset();
        m_server.reset();
    }

    void onlySubscribedSocketsExactlyOnce()
    {
        const auto a = connectSubscriber({ u"n:a"_s });
        const auto b = connectSubscriber({ u"n:b"_s });
        const auto both = connectSubscriber({ u"n:a"_s, u"n:b"_s });
        QVERIFY(a && b && both);
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const QJsonObject set = m_writer->request(op(2, u"n:a"_s, u"one"_s));
        QCOMPARE(set.value(u"code"_s).toInt(), 200);
        QVERIFY(a->waitForNotifications(1));
        QVERIFY(both->waitForNotifications(1));
        const QJsonObject notification = a->notifications().first();
        QStringList members = notification.keys();
        members.sort();
        QCOMPARE(members, QStringList({ u"key"_s, u"revision"_s, u"timestamp"_s, u"type"_s, u"value"_s }));
        QCOMPARE(notification.value(u"key"_s).toString(), u"n:a"_s);
        QCOMPARE(notification.value(u"value"_s).toString(), u"one"_s);
        QCOMPARE(notification.value(u"revision"_s).toInteger(), set.value(u"revision"_s).toInteger());
        const qint64 timestamp = notification.value(u"timestamp"_s).toInteger();
        QVERIFY2(timestamp >= before - 1000 && timestamp <= QDateTime::currentMSecsSinceEpoch() + 1000,
                 "timestamp is not ms since epoch");

        // A follow-up write to another key flushes anything still in flight: no duplicate.
        QCOMPARE(m_writer->request(op(2, u"n:b"_s, u"two"_s)).value(u"code"_s).toInt(), 200);
        QVERIFY(b->waitForNotifications(1));
        QVERIFY(both->waitForNotifications(2));
        QCOMPARE(a->notifications().size(), 1);
        QCOMPARE(b->notifications().size(), 1);
        QCOMPARE(both->notifications().size(), 2);
        QCOMPARE(both->notifications().at(1).value(u"key"_s).toString(), u"n:b"_s);
        QVERIFY(m_writer->notifications().isEmpty()); // api-key sockets subscribe to nothing
        // Subscribers get only notifications: no other frame arrives unasked.
        QCOMPARE(a->frames().size(), 1);
    }

    void nothingIsSentOnConnect()
    {
        // No greeting and no initial values, even for a subscribed key that has one.
        QCOMPARE(m_writer->request(op(2, u"existing"_s, u"v"_s)).value(u"code"_s).toInt(), 200);
        const auto sub = connectSubscriber({ u"existing"_s });
        QVERIFY(sub);
        QCOMPARE(sub->request(op(1, u"existing"_s)).value(u"value"_s).toString(), u"v"_s);
        QCOMPARE(sub->frames().size(), 1);
        QVERIFY(m_writer->frames().size() == 1);
    }

    // Notification latency (docs/protocol.md §5: 100 ms on loopback) is a measurement, not a
    // test: bench/run workload 4 (fan-out, write sent -> last subscriber received) records it in
    // bench/RESULTS.md.

    void everyWriteKindNotifiesWithFullValue()
    {
        const auto sub = connectSubscriber({ u"w"_s });
        QVERIFY(sub);
        QCOMPARE(m_writer->request(op(2, u"w"_s, u"{\"a\":1}"_s)).value(u"code"_s).toInt(), 200);
        QCOMPARE(m_writer->request(op(3, u"w"_s, u"{\"b\":2}"_s)).value(u"code"_s).toInt(), 200);
        QCOMPARE(m_writer->request(op(4, u"w"_s)).value(u"code"_s).toInt(), 200);
        const QJsonObject atomic = m_writer->request(op(6, u"w"_s, 7));
        QCOMPARE(atomic.value(u"code"_s).toInt(), 200);
        QCOMPARE(m_writer->request(op(3, u"w"_s, u"x"_s)).value(u"code"_s).toInt(), 200);
        // Same value again still notifies.
        QCOMPARE(m_writer->request(op(2, u"w"_s, u"7x"_s)).value(u"code"_s).toInt(), 200);
        QVERIFY(sub->waitForNotifications(6));
        const QList<QJsonObject> n = sub->notifications();
        QCOMPARE(n.at(0).value(u"value"_s).toString(), u"{\"a\":1}"_s);
        QCOMPARE(n.at(1).value(u"value"_s).toString(), u"{\"a\":1,\"b\":2}"_s);
        QVERIFY(n.at(2).contains(u"value"_s));
        QVERIFY(n.at(2).value(u"value"_s).isNull());
        QCOMPARE(n.at(3).value(u"value"_s).toString(), u"7"_s);
        QCOMPARE(n.at(3).value(u"revision"_s).toInteger(), atomic.value(u"revision"_s).toInteger());
        QCOMPARE(n.at(4).value(u"value"_s).toString(), u"7x"_s);
        QCOMPARE(n.at(5).value(u"value"_s).toString(), u"7x"_s);
        for (qsizetype i = 1; i < n.size(); ++i)
            QVERIFY(n.at(i).value(u"revision"_s).toInteger() > n.at(i - 1).value(u"revision"_s).toInteger());
        verifyNoMoreAfterFlush(sub.get(), 6, u"w"_s);
    }

    void failedWritesDoNotNotify()
    {
        const auto sub = connectSubscriber({ u"f"_s, u"f-text"_s });
        QVERIFY(sub);
        QCOMPARE(m_writer->request(op(4, u"f"_s)).value(u"code"_s).toInt(), 404);
        QJsonObject guarded = op(2, u"f"_s, u"v"_s);
        guarded.insert(u"ifRevision"_s, 999);
        QCOMPARE(m_writer->request(guarded).value(u"code"_s).toInt(), 409);
        QCOMPARE(m_writer->request(op(2, u"f-text"_s, u"text"_s)).value(u"code"_s).toInt(), 200);
        QCOMPARE(m_writer->request(op(6, u"f-text"_s, 1)).value(u"code"_s).toInt(), 400);
        m_writer->sendText("not json");
        QCOMPARE(m_writer->request(op(2, u"f"_s, u"last"_s)).value(u"code"_s).toInt(), 200);
        QVERIFY(sub->waitForNotifications(2));
        QCOMPARE(sub->notifications().at(0).value(u"key"_s).toString(), u"f-text"_s);
        QCOMPARE(sub->notifications().at(1).value(u"value"_s).toString(), u"last"_s);
        verifyNoMoreAfterFlush(sub.get(), 2, u"f"_s);
    }

    void writersOwnTokenSocketIsNotified()
    {
        const auto self = connectSubscriber({ u"own"_s });
        QVERIFY(self);
        const QJsonObject reply = self->request(op(2, u"own"_s, u"mine"_s));
        QCOMPARE(reply.value(u"code"_s).toInt(), 200);
        QVERIFY(self->waitForNotifications(1));
        QCOMPARE(self->notifications().first().value(u"value"_s).toString(), u"mine"_s);
        verifyNoMoreAfterFlush(self.get(), 1, u"own"_s);
    }

    void restWritesNotify()
    {
        const auto sub = connectSubscriber({ u"rest key/1"_s });
        QVERIFY(sub);
        const TestHttpClient http = m_server->http();
        HttpResponse response
            = http.postJson("/record", { { u"key"_s, u"rest key/1"_s }, { u"value"_s, u"{\"a\":1}"_s } });
        QCOMPARE(response.status, 200);
        response = http.postJson(
            "/record",
            { { u"key"_s, u"rest key/1"_s }, { u"value"_s, u"{\"b\":2}"_s }, { u"partialUpdate"_s, true } });
        QCOMPARE(response.status, 200);
        QCOMPARE(http.del("/record/rest%20key%2F1").status, 200);
        response = http.postJson("/record/atomic", { { u"key"_s, u"rest key/1"_s }, { u"increment"_s, 4 } });
        QCOMPARE(response.status, 200);
        QVERIFY(sub->waitForNotifications(4));
        const QList<QJsonObject> n = sub->notifications();
        QCOMPARE(n.at(0).value(u"value"_s).toString(), u"{\"a\":1}"_s);
        QCOMPARE(n.at(1).value(u"value"_s).toString(), u"{\"a\":1,\"b\":2}"_s);
        QVERIFY(n.at(2).value(u"value"_s).isNull());
        QCOMPARE(n.at(3).value(u"value"_s).toString(), u"4"_s);
        verifyNoMoreAfterFlush(sub.get(), 4, u"rest key/1"_s);
    }

    void wildcardSubscriptions()
    {
        const auto days = connectSubscriber({ u"todos-*"_s });
        const auto middle = connectSubscriber({ u"a*z"_s });
        const auto byPattern = connectSubscriber({}, { u"todos-2026*"_s });
        QVERIFY(days && middle && byPattern);
        const QStringList keys = { u"todos-20261122"_s, u"todos-"_s,   u"xtodos-1"_s,  u"todo-1"_s, u"az"_s,
                                   u"a-long-z"_s,       u"a-z-tail"_s, u"todos-2025"_s };
        for (const QString &key : keys)
            QCOMPARE(m_writer->request(op(2, key, u"v"_s)).value(u"code"_s).toInt(), 200);
        QVERIFY(days->waitForNotifications(3));
        QVERIFY(middle->waitForNotifications(2));
        QVERIFY(byPattern->waitForNotifications(1));
        // A last write each subscriber hears flushes anything still in flight to it (no key
        // matches both "todos-*" and "a*z", so two): what arrived before it is all there is.
        QCOMPARE(m_writer->request(op(2, u"todos-2026-z"_s, u"v"_s)).value(u"code"_s).toInt(), 200);
        QCOMPARE(m_writer->request(op(2, u"a-flush-z"_s, u"v"_s)).value(u"code"_s).toInt(), 200);
        QVERIFY(days->waitForNotifications(4));
        QVERIFY(byPattern->waitForNotifications(2));
        QVERIFY(middle->waitForNotifications(3));
        QCOMPARE(keysOf(days->notifications()),
                 QStringList({ u"todos-20261122"_s, u"todos-"_s, u"todos-2025"_s, u"todos-2026-z"_s }));
        QCOMPARE(keysOf(byPattern->notifications()), QStringList({ u"todos-20261122"_s, u"todos-2026-z"_s }));
        QCOMPARE(keysOf(middle->notifications()), QStringList({ u"az"_s, u"a-long-z"_s, u"a-flush-z"_s }));
    }

    void overlappingSubscriptionsNotifyOnce()
    {
        const auto sub = connectSubscriber({ u"dup"_s, u"dup"_s, u"d*"_s, u"*p"_s }, { u"du*"_s });
        QVERIFY(sub);
        QCOMPARE(m_writer->request(op(2, u"dup"_s, u"v"_s)).value(u"code"_s).toInt(), 200);
        QVERIFY(sub->waitForNotifications(1));
        verifyNoMoreAfterFlush(sub.get(), 1, u"dup"_s);
    }

    void regexCharactersInSubscriptionsAreLiteral()
    {
        const auto sub = connectSubscriber({ u"price.(usd)+*"_s });
        QVERIFY(sub);
        QCOMPARE(m_writer->request(op(2, u"priceX(usd)+1"_s, u"v"_s)).value(u"code"_s).toInt(), 200);
        QCOMPARE(m_writer->request(op(2, u"price.(usd)+1"_s, u"v"_s)).value(u"code"_s).toInt(), 200);
        QVERIFY(sub->waitForNotifications(1));
        verifyNoMoreAfterFlush(sub.get(), 1, u"price.(usd)+1"_s);
        QCOMPARE(sub->notifications().first().value(u"key"_s).toString(), u"price.(usd)+1"_s);
    }

    void severalSocketsOfOneTokenEachOnce()
    {
        const QByteArray token = m_server->tokenFor({ u"shared"_s });
        QVERIFY(!token.isEmpty());
        std::vector<std::unique_ptr<TestWebSocketClient>> sockets;
        for (int i = 0; i < 3; ++i) {
            sockets.push_back(m_server->connectToken(token));
            QVERIFY(sockets.back());
        }
        QCOMPARE(m_writer->request(op(2, u"shared"_s, u"v"_s)).value(u"code"_s).toInt(), 200);
        for (const auto &socket : sockets)
            QVERIFY(socket->waitForNotifications(1));
        QCOMPARE(m_writer->request(op(2, u"shared"_s, u"w"_s)).value(u"code"_s).toInt(), 200);
        for (const auto &socket : sockets) {
            QVERIFY(socket->waitForNotifications(2));
            QCOMPARE(socket->notifications().size(), 2);
        }
        // A closed socket stops receiving; the others go on.
        sockets.front()->close();
        QVERIFY(sockets.front()->waitForDisconnected());
        QCOMPARE(m_writer->request(op(2, u"shared"_s, u"x"_s)).value(u"code"_s).toInt(), 200);
        for (std::size_t i = 1; i < sockets.size(); ++i)
            QVERIFY(sockets[i]->waitForNotifications(3));
    }

    void notificationsWithoutExtensionsHaveNoRevision()
    {
        QFETCH_GLOBAL(int, backend);
        m_writer.reset();
        m_server = std::make_unique<TestServer>(Backend(backend), false);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_writer = m_server->connectApiKey();
        const auto sub = connectSubscriber({ u"plain"_s });
        QVERIFY(m_writer && sub);
        QCOMPARE(m_writer->request(op(2, u"plain"_s, u"v"_s)).value(u"code"_s).toInt(), 200);
        QCOMPARE(m_writer->request(op(4, u"plain"_s)).value(u"code"_s).toInt(), 200);
        QVERIFY(sub->waitForNotifications(2));
        for (const QJsonObject &notification : sub->notifications()) {
            QStringList members = notification.keys();
            members.sort();
            QCOMPARE(members, QStringList({ u"key"_s, u"timestamp"_s, u"type"_s, u"value"_s }));
        }
    }

private:
    std::unique_ptr<TestWebSocketClient> connectSubscriber(const QStringList &keys,
                                                           const QStringList &patterns = {})
    {
        QJsonObject body;
        if (!keys.isEmpty())
            body.insert(u"subscribeKeys"_s, QJsonArray::fromStringList(keys));
        if (!patterns.isEmpty())
            body.insert(u"subscribePatterns"_s, QJsonArray::fromStringList(patterns));
        const QByteArray token = m_server->issueToken(body);
        if (token.isEmpty())
            return nullptr;
        return m_server->connectToken(token);
    }

    /**
     * Writes `key` once more through the api-key socket and waits for that notification: any
     * duplicate of the earlier ones would have arrived before it on the same socket.
     */
    void verifyNoMoreAfterFlush(TestWebSocketClient *sub, int expected, const QString &key)
    {
        QCOMPARE(sub->notifications().size(), expected);
        QCOMPARE(m_writer->request(op(2, key, u"flush"_s)).value(u"code"_s).toInt(), 200);
        QVERIFY(sub->waitForNotifications(expected + 1));
        QCOMPARE(sub->notifications().size(), expected + 1);
        QCOMPARE(sub->notifications().last().value(u"value"_s).toString(), u"flush"_s);
    }

    static QStringList keysOf(const QList<QJsonObject> &notifications)
    {
        QStringList keys;
        for (const QJsonObject &notification : notifications)
            keys << notification.value(u"key"_s).toString();
        return keys;
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestWebSocketClient> m_writer;
};

QTEST_GUILESS_MAIN(TestNotifications)
#include "tst_notifications.moc"
