// SPDX-License-Identifier: MIT
// docs/protocol.md §8: compare-and-swap makes read-modify-write safe. 20 clients each add 1 fifty
// times to one counter (GET, then SET value+1 with ifRevision, rebasing on the 409 body);
// the counter must end at exactly 1000.

#include "netfixture.h"

#include <algorithm>

using namespace NetFixture;
using namespace Qt::StringLiterals;

namespace {

constexpr int clientCount = 20;
constexpr int incrementsPerClient = 50;
const QString counterKey = u"lost-update:counter"_s;

/** One client's read-modify-write loop, driven by its replies. */
class Incrementer : public QObject
{
public:
    explicit Incrementer(TestWebSocketClient *client)
        : m_client(client)
    {
        connect(&client->socket(), &QWebSocket::textMessageReceived, this, &Incrementer::onReply);
    }

    void start() { send(op(1, counterKey)); }
    bool finished() const { return m_done == incrementsPerClient || !m_failure.isEmpty(); }
    int done() const { return m_done; }
    int conflicts() const { return m_conflicts; }
    const QString &failure() const { return m_failure; }

private:
    void send(QJsonObject request)
    {
        request.insert(u"messageId"_s, ++m_messageId);
        m_client->sendText(compact(request));
    }

    void sendIncrement()
    {
        QJsonObject request = op(2, counterKey, QString::number(m_value + 1));
        request.insert(u"ifRevision"_s, m_revision);
        send(request);
    }

    void onReply(const QString &text)
    {
        const QJsonObject reply = QJsonDocument::fromJson(text.toUtf8()).object();
        if (reply.value(u"messageId"_s).toInteger() != m_messageId) {
            m_failure = u"unexpected frame: "_s + text;
            return;
        }
        const int code = reply.value(u"code"_s).toInt();
        if (code == 200 && reply.contains(u"value"_s)) { // the initial GET
            m_value = reply.value(u"value"_s).toString().toLongLong();
            m_revision = reply.value(u"revision"_s).toInteger();
        } else if (code == 404) {
            m_value = 0;
            m_revision = 0;
        } else if (code == 200) {
            ++m_done;
            ++m_value;
            m_revision = reply.value(u"revision"_s).toInteger();
        } else if (code == 409) {
            ++m_conflicts;
            // The 409 body is the current state: rebase without another round trip.
            const QJsonValue value = reply.value(u"value"_s);
            m_value = value.isNull() ? 0 : value.toString().toLongLong();
            m_revision = reply.value(u"revision"_s).toInteger();
        } else {
            m_failure = u"unexpected reply: "_s + text;
            return;
        }
        if (m_done < incrementsPerClient)
            sendIncrement();
    }

    TestWebSocketClient *m_client;
    qint64 m_messageId = 0;
    qint64 m_value = 0;
    qint64 m_revision = 0;
    int m_done = 0;
    int m_conflicts = 0;
    QString m_failure;
};

} // namespace

class TestLostUpdate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { addBackendRows(); }
    void init() { NETFIXTURE_START(m_server); }
    void cleanup() { m_server.reset(); }

    void concurrentReadModifyWrite()
    {
        auto subscriber = m_server->connectToken(m_server->tokenFor({ counterKey }));
        QVERIFY(subscriber);
        std::vector<std::unique_ptr<TestWebSocketClient>> clients;
        std::vector<std::unique_ptr<Incrementer>> incrementers;
        for (int i = 0; i < clientCount; ++i) {
            clients.push_back(m_server->connectApiKey());
            QVERIFY(clients.back());
            incrementers.push_back(std::make_unique<Incrementer>(clients.back().get()));
        }
        for (const auto &incrementer : incrementers)
            incrementer->start();
        const auto allFinished = [&] {
            return std::all_of(incrementers.cbegin(), incrementers.cend(),
                               [](const auto &incrementer) { return incrementer->finished(); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(allFinished(), 240000);
        int conflicts = 0;
        for (const auto &incrementer : incrementers) {
            QVERIFY2(incrementer->failure().isEmpty(), qPrintable(incrementer->failure()));
            QCOMPARE(incrementer->done(), incrementsPerClient);
            conflicts += incrementer->conflicts();
        }
        qInfo("%d increments, %d conflicts retried", clientCount * incrementsPerClient, conflicts);
        // The race this test exists for: without a single 409 the clients never overlapped and
        // compare-and-swap was not exercised (20 clients starting from one GET always overlap).
        QVERIFY2(conflicts > 0, "no 409 in 1000 concurrent increments: the read-modify-writes never raced");

        auto reader = m_server->connectApiKey();
        QVERIFY(reader);
        const QJsonObject counter = reader->request(op(1, counterKey));
        QCOMPARE(counter.value(u"value"_s).toString(), QString::number(clientCount * incrementsPerClient));
        // Every successful write was notified once, in revision order.
        QVERIFY(subscriber->waitForNotifications(clientCount * incrementsPerClient, 60000));
        const QList<QJsonObject> notifications = subscriber->notifications();
        QCOMPARE(notifications.size(), clientCount * incrementsPerClient);
        for (int i = 0; i < notifications.size(); ++i)
            QCOMPARE(notifications.at(i).value(u"value"_s).toString(), QString::number(i + 1));
    }

private:
    std::unique_ptr<TestServer> m_server;
};

QTEST_GUILESS_MAIN(TestLostUpdate)
#include "tst_lostupdate.moc"
