// SPDX-License-Identifier: MIT
// docs/protocol.md §2 and §4: every 400 case; a bad message never closes the connection and never
// disturbs another client.

#include "netfixture.h"

using namespace NetFixture;
using namespace Qt::StringLiterals;

class TestProtocolErrors : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { addBackendRows(); }
    void init()
    {
        NETFIXTURE_START(m_server);
        m_client = m_server->connectApiKey();
        m_bystander = m_server->connectApiKey();
        QVERIFY(m_client && m_bystander);
        QCOMPARE(m_bystander->request(op(2, u"bystander"_s, u"before"_s)).value(u"code"_s).toInt(), 200);
    }
    void cleanup()
    {
        m_client.reset();
        m_bystander.reset();
        m_server.reset();
    }

    void badFrameIs400_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<bool>("echoesMessageId");
        const QByteArray longKey(513, 'k');
        const QByteArray longMultiByteKey = QString(257, QChar(0xe9)).toUtf8(); // 514 bytes
        const QByteArray longValue(102401, 'v');
        QTest::newRow("malformed json") << QByteArray(R"({"op":1,"key":)") << false;
        QTest::newRow("not json at all") << QByteArray("hello") << false;
        QTest::newRow("empty frame") << QByteArray() << false;
        QTest::newRow("array") << QByteArray(R"([{"op":1,"key":"k"}])") << false;
        QTest::newRow("string") << QByteArray(R"("op")") << false;
        QTest::newRow("number") << QByteArray("42") << false;
        QTest::newRow("null") << QByteArray("null") << false;
        QTest::newRow("empty object") << QByteArray("{}") << false;
        QTest::newRow("missing op") << QByteArray(R"({"key":"k","messageId":3})") << true;
        QTest::newRow("unknown op 0") << QByteArray(R"({"op":0,"key":"k","messageId":3})") << true;
        QTest::newRow("unknown op 8") << QByteArray(R"({"op":8,"key":"k","messageId":3})") << true;
        QTest::newRow("op as string") << QByteArray(R"({"op":"1","key":"k","messageId":3})") << true;
        QTest::newRow("op fractional") << QByteArray(R"({"op":1.5,"key":"k","messageId":3})") << true;
        QTest::newRow("missing key") << QByteArray(R"({"op":1,"messageId":3})") << true;
        QTest::newRow("key number") << QByteArray(R"({"op":1,"key":5,"messageId":3})") << true;
        QTest::newRow("key null") << QByteArray(R"({"op":1,"key":null,"messageId":3})") << true;
        QTest::newRow("empty key get") << QByteArray(R"({"op":1,"key":"","messageId":3})") << true;
        QTest::newRow("empty key set")
            << QByteArray(R"({"op":2,"key":"","value":"v","messageId":3})") << true;
        QTest::newRow("set missing value") << QByteArray(R"({"op":2,"key":"k","messageId":3})") << true;
        QTest::newRow("set empty value")
            << QByteArray(R"({"op":2,"key":"k","value":"","messageId":3})") << true;
        QTest::newRow("patch empty value")
            << QByteArray(R"({"op":3,"key":"k","value":"","messageId":3})") << true;
        QTest::newRow("key 513 bytes")
            << QByteArray(R"({"op":2,"key":")" + longKey + R"(","value":"v","messageId":3})") << true;
        QTest::newRow("key 514 bytes multi-byte")
            << QByteArray(R"({"op":1,"key":")" + longMultiByteKey + R"(","messageId":3})") << true;
        QTest::newRow("value 102401 bytes")
            << QByteArray(R"({"op":2,"key":"k","value":")" + longValue + R"(","messageId":3})") << true;
        QTest::newRow("patch value 102401 bytes")
            << QByteArray(R"({"op":3,"key":"k","value":")" + longValue + R"(","messageId":3})") << true;
        QTest::newRow("atomic value string")
            << QByteArray(R"({"op":6,"key":"k","value":"5","messageId":3})") << true;
        QTest::newRow("atomic value missing") << QByteArray(R"({"op":6,"key":"k","messageId":3})") << true;
        QTest::newRow("atomic value fractional")
            << QByteArray(R"({"op":6,"key":"k","value":1.5,"messageId":3})") << true;
        QTest::newRow("range missing endKey") << QByteArray(R"({"op":5,"key":"a","messageId":3})") << true;
        QTest::newRow("range endKey number")
            << QByteArray(R"({"op":5,"key":"a","endKey":7,"messageId":3})") << true;
        QTest::newRow("range limit string")
            << QByteArray(R"({"op":5,"key":"a","endKey":"z","limit":"10","messageId":3})") << true;
        QTest::newRow("ifRevision string")
            << QByteArray(R"({"op":2,"key":"k","value":"v","ifRevision":"1","messageId":3})") << true;
    }
    void badFrameIs400()
    {
        QFETCH(QByteArray, frame);
        QFETCH(bool, echoesMessageId);
        const QJsonObject reply = m_client->rawRequest(frame);
        QVERIFY2(!reply.isEmpty(), "no reply to a bad frame");
        QCOMPARE(reply.value(u"code"_s).toInt(), 400);
        QVERIFY2(reply.value(u"error"_s).isString() && !reply.value(u"error"_s).toString().isEmpty(),
                 compact(reply).constData());
        QVERIFY(!reply.contains(u"success"_s));
        if (echoesMessageId)
            QCOMPARE(reply.value(u"messageId"_s).toInt(), 3);
        verifyUndisturbed();
        // Nothing was written by the bad request.
        QCOMPARE(m_client->request(op(1, u"k"_s)).value(u"code"_s).toInt(), 404);
    }

    void binaryFrameIs400()
    {
        const qsizetype before = m_client->frames().size();
        m_client->sendBinary(R"({"op":2,"key":"k","value":"v","messageId":3})");
        QVERIFY(m_client->waitFor([&] { return m_client->frames().size() > before; }));
        const QJsonObject reply = QJsonDocument::fromJson(m_client->frames().at(before)).object();
        QCOMPARE(reply.value(u"code"_s).toInt(), 400);
        QVERIFY(reply.value(u"error"_s).isString());
        QVERIFY(m_client->binaryFrames().isEmpty()); // replies are text frames
        verifyUndisturbed();
        QCOMPARE(m_client->request(op(1, u"k"_s)).value(u"code"_s).toInt(), 404);
    }

    void manyBadFramesInARow()
    {
        for (int i = 0; i < 50; ++i)
            m_client->sendText("garbage " + QByteArray::number(i));
        QVERIFY(m_client->waitFor([&] { return m_client->replies().size() >= 50; }));
        for (const QJsonObject &reply : m_client->replies())
            QCOMPARE(reply.value(u"code"_s).toInt(), 400);
        verifyUndisturbed();
    }

    void errorRepliesHaveCodeAndError_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<int>("code");
        QTest::newRow("404 get") << QByteArray(R"({"op":1,"key":"nope","messageId":1})") << 404;
        QTest::newRow("404 delete") << QByteArray(R"({"op":4,"key":"nope","messageId":1})") << 404;
        QTest::newRow("409") << QByteArray(
            R"({"op":2,"key":"bystander","value":"x","ifRevision":0,"messageId":1})")
                             << 409;
        QTest::newRow("400") << QByteArray(R"({"op":9,"messageId":1})") << 400;
    }
    void errorRepliesHaveCodeAndError()
    {
        QFETCH(QByteArray, frame);
        QFETCH(int, code);
        const QJsonObject reply = m_client->rawRequest(frame);
        QCOMPARE(reply.value(u"code"_s).toInt(), code);
        QVERIFY(reply.value(u"error"_s).isString());
        QVERIFY(!reply.contains(u"success"_s));
        QCOMPARE(reply.value(u"messageId"_s).toInt(), 1);
    }

    void successRepliesHaveNoError()
    {
        const QList<QJsonObject> requests
            = { op(2, u"ok"_s, u"{\"a\":1}"_s),
                op(1, u"ok"_s),
                op(3, u"ok"_s, u"{\"b\":2}"_s),
                op(6, u"ok-n"_s, 2),
                QJsonObject { { u"op"_s, 5 }, { u"key"_s, u"a"_s }, { u"endKey"_s, u"z"_s } },
                op(4, u"ok"_s) };
        for (const QJsonObject &request : requests) {
            const QJsonObject reply = m_client->request(request);
            QCOMPARE(reply.value(u"code"_s).toInt(), 200);
            QVERIFY2(!reply.contains(u"error"_s), compact(reply).constData());
        }
    }

private:
    /** The connection is still open and usable, and the other client saw nothing. */
    void verifyUndisturbed()
    {
        QVERIFY(m_client->isConnected());
        QCOMPARE(m_client->request(op(2, u"after"_s, u"ok"_s)).value(u"code"_s).toInt(), 200);
        QVERIFY(m_bystander->isConnected());
        const QJsonObject get = m_bystander->request(op(1, u"bystander"_s));
        QCOMPARE(get.value(u"value"_s).toString(), u"before"_s);
        // Every frame the bystander got answers one of its own requests: nothing stray reached it.
        for (const QByteArray &frame : m_bystander->frames()) {
            const QJsonObject reply = QJsonDocument::fromJson(frame).object();
            QVERIFY2(reply.value(u"code"_s).toInt() == 200 && reply.contains(u"messageId"_s),
                     frame.constData());
        }
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestWebSocketClient> m_client;
    std::unique_ptr<TestWebSocketClient> m_bystander;
};

QTEST_GUILESS_MAIN(TestProtocolErrors)
#include "tst_protocol_errors.moc"
