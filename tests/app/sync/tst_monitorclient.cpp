// SPDX-License-Identifier: MIT
#include "appserverfixture.h"
#include "sync/hpkvclient.h"
#include "sync/monitorclient.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Notification
{
    QByteArray key;
    std::optional<QByteArray> value;
    qint64 revision = 0;
};

class Recorder : public QObject
{
public:
    explicit Recorder(MonitorClient *monitor)
    {
        connect(monitor, &MonitorClient::notification, this,
                [this](const QByteArray &key, const std::optional<QByteArray> &value, qint64 revision) {
            seen.append({ key, value, revision });
        });
    }
    QList<Notification> seen;
};

bool write(HpkvClient &client, const QByteArray &key, const QByteArray &value)
{
    bool done = false;
    int code = 0;
    client.set(key, value, std::nullopt, [&](const HpkvClient::Reply &reply) {
        done = true;
        code = reply.code;
    });
    return QTest::qWaitFor([&] { return done; }, 20000) && code == 200;
}

} // namespace

class TestMonitorClient : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void notifiesWatchedKeysOnly();
    void newKeysTakeANewToken();
    void renewsTokenBeforeExpiry();
    void reconnectsAfterServerRestart();
    void refusedKeyIsReportedWithoutSecrets();
    void idleWithoutKeys();

private:
    std::unique_ptr<AppServerFixture> m_server;
    std::unique_ptr<HpkvClient> m_writer;
};

void TestMonitorClient::init()
{
    m_server = std::make_unique<AppServerFixture>();
    QVERIFY(m_server->start());
    m_writer = std::make_unique<HpkvClient>();
    m_writer->setBackoff(Backoff(10, 100));
    m_writer->setEndpoint(m_server->baseUrl(), AppServerFixture::apiKey);
    QTRY_VERIFY_WITH_TIMEOUT(m_writer->isConnected(), 20000);
}

void TestMonitorClient::cleanup()
{
    m_writer.reset();
    if (m_server)
        QVERIFY(m_server->stop());
    m_server.reset();
}

void TestMonitorClient::notifiesWatchedKeysOnly()
{
    MonitorClient monitor;
    Recorder recorder(&monitor);
    QSignalSpy connected(&monitor, &MonitorClient::connected);
    monitor.setEndpoint(m_server->baseUrl(), AppServerFixture::apiKey);
    monitor.setKeys({ "todos-20261122", "todos-20261123" });
    QVERIFY(connected.wait(20000));
    QCOMPARE(monitor.tokensFetched(), 1);

    QVERIFY(write(*m_writer, "todos-20261124", "[]"));
    QVERIFY(write(*m_writer, "other", "x"));
    QVERIFY(write(*m_writer, "todos-20261122", "[1]"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.seen.size(), 1, 20000);
    QCOMPARE(recorder.seen.first().key, QByteArray("todos-20261122"));
    QCOMPARE(recorder.seen.first().value, std::optional<QByteArray>("[1]"));
    QVERIFY(recorder.seen.first().revision > 0);
    QVERIFY(write(*m_writer, "todos-20261123", "[2]"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.seen.size(), 2, 20000);
    QCOMPARE(recorder.seen.last().key, QByteArray("todos-20261123"));
}

void TestMonitorClient::newKeysTakeANewToken()
{
    MonitorClient monitor;
    Recorder recorder(&monitor);
    QSignalSpy connected(&monitor, &MonitorClient::connected);
    monitor.setEndpoint(m_server->baseUrl(), AppServerFixture::apiKey);
    monitor.setKeys({ "todos-20261122" });
    QVERIFY(connected.wait(20000));
    monitor.setKeys({ "todos-20261130" });
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 20000);
    QCOMPARE(monitor.tokensFetched(), 2);
    QVERIFY(write(*m_writer, "todos-20261122", "[]"));
    QVERIFY(write(*m_writer, "todos-20261130", "[]"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.seen.size(), 1, 20000);
    QCOMPARE(recorder.seen.first().key, QByteArray("todos-20261130"));
}

void TestMonitorClient::renewsTokenBeforeExpiry()
{
    MonitorClient monitor;
    QSignalSpy connected(&monitor, &MonitorClient::connected);
    monitor.setTokenRefreshInterval(100);
    monitor.setEndpoint(m_server->baseUrl(), AppServerFixture::apiKey);
    monitor.setKeys({ "todos-20261122" });
    QVERIFY(connected.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(monitor.tokensFetched() >= 3, 20000);
    // Renewal does not disturb the open socket.
    QCOMPARE(connected.size(), 1);
    QVERIFY(monitor.isConnected());
}

void TestMonitorClient::reconnectsAfterServerRestart()
{
    MonitorClient monitor;
    Recorder recorder(&monitor);
    monitor.setBackoff(Backoff(10, 100));
    QSignalSpy connected(&monitor, &MonitorClient::connected);
    monitor.setEndpoint(m_server->baseUrl(), AppServerFixture::apiKey);
    monitor.setKeys({ "todos-20261122" });
    QVERIFY(connected.wait(20000));

    QVERIFY(m_server->restart());
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(m_writer->isConnected(), 20000);
    QVERIFY(write(*m_writer, "todos-20261122", "[7]"));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.seen.size(), 1, 20000);
    QCOMPARE(recorder.seen.first().value, std::optional<QByteArray>("[7]"));
}

void TestMonitorClient::refusedKeyIsReportedWithoutSecrets()
{
    MonitorClient monitor;
    monitor.setBackoff(Backoff(10, 50));
    QSignalSpy failed(&monitor, &MonitorClient::failed);
    monitor.setEndpoint(m_server->baseUrl(), u"not-the-key-123"_s);
    monitor.setKeys({ "todos-20261122" });
    QVERIFY(failed.wait(20000));
    QVERIFY(failed.first().first().toString().contains(u"API key"_s));
    QVERIFY(!failed.first().first().toString().contains(u"not-the-key-123"_s));
    QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 2, 20000); // keeps retrying
    QVERIFY(!monitor.isConnected());
}

void TestMonitorClient::idleWithoutKeys()
{
    MonitorClient monitor;
    QSignalSpy states(&monitor, &MonitorClient::stateChanged);
    monitor.setEndpoint(m_server->baseUrl(), AppServerFixture::apiKey);
    monitor.setKeys({ "todos-20261122" });
    QTRY_VERIFY_WITH_TIMEOUT(monitor.isConnected(), 20000);
    monitor.setKeys({});
    QTRY_COMPARE(monitor.state(), MonitorClient::State::Idle);
    QTRY_COMPARE(m_server->server()->webSocketCount(), 1); // only the writer
}

QTEST_GUILESS_MAIN(TestMonitorClient)
#include "tst_monitorclient.moc"
