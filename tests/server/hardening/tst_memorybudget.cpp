// SPDX-License-Identifier: MIT
// docs/security.md: a server-wide bound on the memory clients make the server hold
// (docs/security.md §7, --max-buffered-bytes and --max-range-bytes). Subscribers that stop
// reading are closed with 4001 once the total of unsent output passes the budget, while a
// subscriber that reads gets everything; a RANGE reply stops at its byte cap (`truncated`), and
// a RANGE the budget cannot take is answered 503 instead of dropping the connection.
#include "core/memorybudget.h"
#include "core/storage.h"
#include "daemon/dayboardserver.h"
#include "testhttpclient.h"
#include "testwebsocketclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

const QByteArray apiKey = "budget-test-key-0123456789";
constexpr int timeoutMs = 30000;
constexpr qsizetype valueBytes = 100 * 1024;

ServerConfig budgetConfig()
{
    ServerConfig config;
    config.port = 0;
    config.memory = true;
    config.apiKeys = { QString::fromLatin1(apiKey) };
    return config;
}

QUrl wsUrl(const DayboardServer &server, const QByteArray &query)
{
    QUrl url = server.baseUrl();
    url.setScheme(u"ws"_s);
    url.setPath(u"/ws"_s);
    url.setQuery(QString::fromLatin1(query));
    return url;
}

QByteArray tokenFor(const DayboardServer &server, const QString &key)
{
    const QJsonObject body { { u"subscribeKeys"_s, QJsonArray { key } } };
    return TestHttpClient(server.baseUrl(), apiKey)
        .postJson("/token/websocket", body)
        .json()
        .value(u"token"_s)
        .toString()
        .toLatin1();
}

/** A subscriber on a raw socket that reads nothing (its kernel buffers fill) until told to. */
class StalledSubscriber
{
public:
    bool open(quint16 port, const QByteArray &token)
    {
        m_socket.setReadBufferSize(1);
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        if (!QTest::qWaitFor([&] { return m_socket.state() == QAbstractSocket::ConnectedState; }, timeoutMs))
            return false;
        m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 16 * 1024);
        m_socket.write("GET /ws?token=" + token
                       + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        const bool headed = QTest::qWaitFor(
            [&] {
            m_received += m_socket.readAll();
            return m_received.contains("\r\n\r\n");
            },
            timeoutMs);
        if (!headed || !m_received.startsWith("HTTP/1.1 101 "))
            return false;
        m_received.remove(0, m_received.indexOf("\r\n\r\n") + 4);
        return true;
    }

    /** Reads again until the server's close frame arrives; its code, or nullopt. */
    std::optional<quint16> readUntilClose()
    {
        m_socket.setReadBufferSize(0);
        std::optional<quint16> code;
        QTest::qWaitFor(
            [&] {
            m_received += m_socket.readAll();
            code = closeCode();
            return code.has_value() || m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
        m_socket.disconnectFromHost(); // instead of echoing the close
        return code;
    }

private:
    /** Walks the server's (unmasked) frames received so far; the code of a close frame. */
    std::optional<quint16> closeCode() const
    {
        qsizetype at = 0;
        while (at + 2 <= m_received.size()) {
            const auto *bytes = reinterpret_cast<const uchar *>(m_received.constData() + at);
            const int opcode = bytes[0] & 0x0f;
            qint64 length = bytes[1] & 0x7f;
            qsizetype header = 2;
            if (length == 126) {
                if (at + 4 > m_received.size())
                    return std::nullopt;
                length = qFromBigEndian<quint16>(bytes + 2);
                header = 4;
            } else if (length == 127) {
                if (at + 10 > m_received.size())
                    return std::nullopt;
                length = qint64(qFromBigEndian<quint64>(bytes + 2));
                header = 10;
            }
            if (at + header + length > m_received.size())
                return std::nullopt;
            if (opcode == 0x8 && length >= 2)
                return qFromBigEndian<quint16>(bytes + header);
            at += header + length;
        }
        return std::nullopt;
    }

    QTcpSocket m_socket;
    QByteArray m_received;
};

bool writeAndWait(Storage *storage, const QByteArray &key, const QByteArray &value)
{
    WriteOp op;
    op.key = key;
    op.value = value;
    bool ok = false;
    bool answered = false;
    storage->write(op, [&](const WriteResult &result) {
        answered = true;
        ok = result.status == WriteStatus::Ok;
    });
    return QTest::qWaitFor([&] { return answered; }, timeoutMs) && ok;
}

} // namespace

class TestMemoryBudget : public QObject
{
    Q_OBJECT

private slots:
    void budgetCountsRefusesAndTrims();
    void stalledSubscribersStayWithinTheBudget();
    void rangeReplyStopsAtItsByteCap();
    void rangeBeyondTheBudgetAnswers503();
};

void TestMemoryBudget::budgetCountsRefusesAndTrims()
{
    MemoryBudget budget(1000);
    QVERIFY(budget.tryCharge(600));
    QVERIFY(!budget.tryCharge(401)); // would pass the limit: nothing counted
    QCOMPARE(budget.used(), 600);
    QVERIFY(!budget.exceeded());
    budget.charge(500); // bytes already held are counted anyway
    QVERIFY(budget.exceeded());
    QCOMPARE(budget.peak(), 1100);

    int trims = 0;
    budget.setTrim([&trims] { ++trims; }, 800);
    budget.release(200); // a drop of 200 from the peak: no trim
    budget.release(850); // 1 050 below the peak and under half of it: trimmed (within a second)
    QCOMPARE(budget.used(), 50);
    QTRY_COMPARE_WITH_TIMEOUT(trims, 1, timeoutMs);
    QCOMPARE(budget.trimCount(), 1);
    budget.release(50);
    QCOMPARE(budget.used(), 0);
}

void TestMemoryBudget::stalledSubscribersStayWithinTheBudget()
{
    ServerConfig config = budgetConfig();
    constexpr qint64 budgetBytes = 1024 * 1024;
    config.maxBufferedBytes = budgetBytes;
    config.maxSendBufferBytes = 256 * 1024 * 1024; // only the total budget acts here
    config.closeGraceMs = 60000; // the stalled peers read their close frame later
    DayboardServer server(config);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    const MemoryBudget *budget = server.memoryBudget();
    QVERIFY(budget);

    TestWebSocketClient healthy;
    QVERIFY(healthy.open(wsUrl(server, "token=" + tokenFor(server, u"big"_s))));
    constexpr int stalledCount = 3;
    std::unique_ptr<StalledSubscriber> stalled[stalledCount];
    for (auto &subscriber : stalled) {
        subscriber = std::make_unique<StalledSubscriber>();
        QVERIFY(subscriber->open(server.port(), tokenFor(server, u"big"_s)));
    }
    QTRY_COMPARE_WITH_TIMEOUT(server.webSocketCount(), 1 + stalledCount, timeoutMs);

    // 80 notifications of 100 KB: 8 MB per subscriber, more than the kernel's socket buffers
    // hold (4 MiB send, 16 KiB receive), so the stalled ones pile up output in the server.
    const QByteArray value(valueBytes, 'v');
    constexpr int writes = 80;
    const qint64 slack = valueBytes + 64 * 1024; // one write of the socket that crosses it
    for (int i = 0; i < writes; ++i) {
        QVERIFY(writeAndWait(server.storage(), "big", value));
        QVERIFY2(budget->used() <= budgetBytes + slack, qPrintable(QString::number(budget->used())));
        QVERIFY(healthy.waitForNotifications(i + 1, timeoutMs));
    }
    QVERIFY2(budget->peak() > budgetBytes / 2, qPrintable(QString::number(budget->peak()))); // it was used
    QVERIFY2(budget->peak() <= budgetBytes + slack, qPrintable(QString::number(budget->peak())));

    // The reader got everything and keeps working; every stalled one was closed with 4001.
    QCOMPARE(healthy.notifications().size(), writes);
    QVERIFY(healthy.isConnected());
    QCOMPARE(healthy.request({ { u"op"_s, 1 }, { u"key"_s, u"big"_s } }).value(u"value"_s).toString().size(),
             valueBytes);
    for (auto &subscriber : stalled)
        QCOMPARE(subscriber->readUntilClose(), std::optional<quint16>(4001));
    QTRY_COMPARE_WITH_TIMEOUT(server.webSocketCount(), 1, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(budget->used(), 0, timeoutMs);
}

void TestMemoryBudget::rangeReplyStopsAtItsByteCap()
{
    ServerConfig config = budgetConfig();
    config.maxRangeBytes = 300 * 1024;
    DayboardServer server(config);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    for (int i = 0; i < 7; ++i)
        QVERIFY(writeAndWait(server.storage(), "r" + QByteArray::number(i), QByteArray(valueBytes, 'a' + i)));

    // 100 KB records: two fit in 300 KiB with their overhead, a third would not.
    TestWebSocketClient client;
    QVERIFY(client.open(wsUrl(server, "apiKey=" + apiKey)));
    QStringList keys;
    QString start = u"r0"_s;
    for (int page = 0; page < 10 && keys.size() < 7; ++page) {
        const QJsonObject reply = client.request(
            { { u"op"_s, 5 }, { u"key"_s, start }, { u"endKey"_s, u"r9"_s }, { u"limit"_s, 100 } });
        QCOMPARE(reply.value(u"code"_s).toInt(), 200);
        const QJsonArray records = reply.value(u"records"_s).toArray();
        QVERIFY(!records.isEmpty());
        QVERIFY2(records.size() <= 3, qPrintable(QString::number(records.size())));
        for (const QJsonValue &record : records)
            keys.append(record[u"key"_s].toString());
        QCOMPARE(reply.value(u"truncated"_s).toBool(), keys.size() < 7);
        start = keys.constLast() + QChar(u'0'); // "r1" -> "r10": the next key after it
    }
    QCOMPARE(keys, (QStringList { u"r0"_s, u"r1"_s, u"r2"_s, u"r3"_s, u"r4"_s, u"r5"_s, u"r6"_s }));
    QCOMPARE(server.memoryBudget()->used(), 0);

    // REST answers the same way.
    const HttpResponse rest
        = TestHttpClient(server.baseUrl(), apiKey).get("/records?startKey=r0&endKey=r9&limit=100");
    QCOMPARE(rest.status, 200);
    QVERIFY(rest.json().value(u"truncated"_s).toBool());
    QVERIFY(rest.json().value(u"records"_s).toArray().size() < 7);
}

void TestMemoryBudget::rangeBeyondTheBudgetAnswers503()
{
    ServerConfig config = budgetConfig();
    config.maxBufferedBytes = 250 * 1024;
    DayboardServer server(config);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    for (int i = 0; i < 5; ++i)
        QVERIFY(writeAndWait(server.storage(), "r" + QByteArray::number(i), QByteArray(valueBytes, 'x')));

    TestWebSocketClient client;
    QVERIFY(client.open(wsUrl(server, "apiKey=" + apiKey)));
    const QJsonObject refused = client.request(
        { { u"op"_s, 5 }, { u"key"_s, u"r0"_s }, { u"endKey"_s, u"r9"_s }, { u"limit"_s, 100 } });
    QCOMPARE(refused.value(u"code"_s).toInt(), 503);
    QCOMPARE(refused.value(u"error"_s).toString(),
             u"Server memory budget for replies exhausted; retry later"_s);
    QVERIFY(client.isConnected());
    QCOMPARE(server.memoryBudget()->used(), 0);
    // What fits is served: two records are within the budget.
    const QJsonObject fits = client.request(
        { { u"op"_s, 5 }, { u"key"_s, u"r0"_s }, { u"endKey"_s, u"r1"_s }, { u"limit"_s, 100 } });
    QCOMPARE(fits.value(u"code"_s).toInt(), 200);
    QCOMPARE(fits.value(u"records"_s).toArray().size(), 2);
}

QTEST_GUILESS_MAIN(TestMemoryBudget)
#include "tst_memorybudget.moc"
