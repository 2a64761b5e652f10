// SPDX-License-Identifier: MIT
// The app's sync clients against a server with TLS on (docs/security.md §8): an https:// or
// wss:// base URL gives wss:// sockets and https:// token requests; a certificate the system
// does not trust is refused and reported. The certificate is made with the openssl CLI.

#include "daemon/dayboardserver.h"
#include "selfsignedcertificate.h"
#include "sync/hpkvclient.h"
#include "sync/monitorclient.h"

#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString apiKey = u"tls-app-key"_s;

HpkvClient::Reply call(const std::function<void(HpkvClient::Callback)> &send)
{
    std::optional<HpkvClient::Reply> result;
    send([&result](const HpkvClient::Reply &reply) { result = reply; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return HpkvClient::Reply { -1, {}, u"test: no callback"_s };
    return *result;
}

} // namespace

class TestSyncTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void untrustedCertificateIsReported();
    void requestSocketOverWss_data();
    void requestSocketOverWss();
    void monitorOverHttpsAndWss();

private:
    void trustServerCertificate();

    QTemporaryDir m_dir;
    SelfSignedCertificate m_certificate;
    QSslConfiguration m_originalDefault;
    std::unique_ptr<DayboardServer> m_server;
};

void TestSyncTls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_certificate.generate(m_dir.path(), u"server"_s), qPrintable(m_certificate.errorString()));
    m_originalDefault = QSslConfiguration::defaultConfiguration();
}

void TestSyncTls::init()
{
    ServerConfig config;
    config.port = 0;
    config.memory = true;
    config.apiKeys = { apiKey };
    config.tlsCertFile = m_certificate.certificateFile();
    config.tlsKeyFile = m_certificate.keyFile();
    m_server = std::make_unique<DayboardServer>(config);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

void TestSyncTls::cleanup()
{
    m_server.reset();
    QSslConfiguration::setDefaultConfiguration(m_originalDefault);
}

/** What a user does for a private CA: add it to the trust store the app uses (the default). */
void TestSyncTls::trustServerCertificate()
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificate(m_certificate.certificate());
    QSslConfiguration::setDefaultConfiguration(configuration);
}

void TestSyncTls::untrustedCertificateIsReported()
{
    HpkvClient client;
    QSignalSpy errors(&client, &HpkvClient::connectionError);
    client.setEndpoint(QUrl(u"https://127.0.0.1:%1"_s.arg(m_server->port())), apiKey);
    QVERIFY(errors.wait(20000));
    QVERIFY(!client.isConnected());
    QCOMPARE(m_server->webSocketCount(), 0);
    const QString text = errors.constFirst().constFirst().toString();
    // The user is told which server and that its certificate is the problem; no key in the text.
    QVERIFY2(text.contains(u"127.0.0.1"_s) && text.contains(u"certificate"_s) && !text.contains(apiKey),
             qPrintable(text));
    client.disconnectFromServer();
}

void TestSyncTls::requestSocketOverWss_data()
{
    QTest::addColumn<QString>("baseUrl");
    QTest::newRow("https base") << u"https://127.0.0.1:%1"_s;
    QTest::newRow("wss base with /ws") << u"wss://127.0.0.1:%1/ws"_s;
}

void TestSyncTls::requestSocketOverWss()
{
    QFETCH(QString, baseUrl);
    trustServerCertificate();
    HpkvClient client;
    client.setEndpoint(QUrl(baseUrl.arg(m_server->port())), apiKey);
    QVERIFY(QTest::qWaitFor([&] { return client.isConnected(); }, 20000));
    QCOMPARE(m_server->webSocketCount(), 1);
    HpkvClient::Reply reply
        = call([&](auto done) { client.set("todos-20261201", "[]", std::nullopt, done); });
    QCOMPARE(reply.code, 200);
    reply = call([&](auto done) { client.get("todos-20261201", done); });
    QCOMPARE(reply.code, 200);
    QCOMPARE(reply.value(), std::optional<QByteArray>("[]"));
}

void TestSyncTls::monitorOverHttpsAndWss()
{
    trustServerCertificate();
    const QUrl base(u"https://127.0.0.1:%1"_s.arg(m_server->port()));
    HpkvClient writer;
    writer.setEndpoint(base, apiKey);
    MonitorClient monitor;
    QList<QByteArray> notified;
    connect(&monitor, &MonitorClient::notification, this,
            [&notified](const QByteArray &key, const std::optional<QByteArray> &) { notified.append(key); });
    QSignalSpy monitorConnected(&monitor, &MonitorClient::connected);
    monitor.setEndpoint(base, apiKey);
    monitor.setKeys({ "todos-20261202" });
    QVERIFY(QTest::qWaitFor([&] { return writer.isConnected(); }, 20000));
    QVERIFY(monitorConnected.size() > 0 || monitorConnected.wait(20000));
    QCOMPARE(call([&](auto done) { writer.set("todos-20261202", "[1]", std::nullopt, done); }).code, 200);
    QTRY_VERIFY_WITH_TIMEOUT(!notified.isEmpty(), 20000);
    QCOMPARE(notified.constFirst(), QByteArray("todos-20261202"));
}

QTEST_MAIN(TestSyncTls)
#include "tst_synctls.moc"
