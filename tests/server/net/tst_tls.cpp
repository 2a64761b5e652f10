// SPDX-License-Identifier: MIT
// TLS (docs/security.md §8): --tls-cert/--tls-key serve https:// and wss:// on the one port.
// Certificates are made at test time with the openssl CLI (tests/support/selfsignedcertificate.h).

#include "daemon/dayboardserver.h"
#include "daemon/serverconfig.h"
#include "daemon/serveroptionsparser.h"
#include "selfsignedcertificate.h"
#include "serverprocess.h"
#include "testhttpclient.h"
#include "testwebsocketclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QByteArray apiKey = QByteArrayLiteral("tls-api-key-0123456789");

/** Server log lines about failed TLS handshakes, caught from the dayboard.server.net category. */
struct HandshakeLog
{
    static inline QMutex mutex;
    static inline QStringList lines;
    static inline QtMessageHandler previous = nullptr;

    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (qstrcmp(context.category, "dayboard.server.net") == 0
            && message.contains(u"TLS handshake failed"_s)) {
            QMutexLocker lock(&mutex);
            lines.append(message);
        }
        if (previous)
            previous(type, context, message);
    }
    static int count()
    {
        QMutexLocker lock(&mutex);
        return int(lines.size());
    }
    static QString last()
    {
        QMutexLocker lock(&mutex);
        return lines.isEmpty() ? QString() : lines.constLast();
    }
};

QSslConfiguration trusting(const QSslCertificate &certificate)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates({ certificate });
    return configuration;
}

/** One request over a fresh TLS connection (`Connection: close`), read until the server closes. */
struct HttpsExchange
{
    bool encrypted = false;
    QList<QSslError> sslErrors;
    QByteArray received;

    int status() const { return received.startsWith("HTTP/1.1 ") ? received.mid(9, 3).toInt() : 0; }
    QByteArray body() const { return received.mid(received.indexOf("\r\n\r\n") + 4); }
};

HttpsExchange httpsExchange(quint16 port, const QSslConfiguration &configuration, const QByteArray &request)
{
    HttpsExchange exchange;
    QSslSocket socket;
    socket.setSslConfiguration(configuration);
    QObject::connect(&socket, &QSslSocket::sslErrors, &socket,
                     [&exchange](const QList<QSslError> &errors) { exchange.sslErrors += errors; });
    QObject::connect(&socket, &QSslSocket::readyRead, &socket,
                     [&] { exchange.received += socket.readAll(); });
    bool gone = false;
    QObject::connect(&socket, &QSslSocket::disconnected, &socket, [&gone] { gone = true; });
    QObject::connect(&socket, &QSslSocket::errorOccurred, &socket, [&gone] { gone = true; });
    socket.connectToHostEncrypted(u"127.0.0.1"_s, port);
    // The server runs on this thread: wait with the event loop, never with waitForEncrypted().
    (void)QTest::qWaitFor([&] { return socket.isEncrypted() || gone; }, 15000);
    exchange.encrypted = socket.isEncrypted();
    if (!exchange.encrypted)
        return exchange;
    socket.write(request);
    (void)QTest::qWaitFor([&] { return gone; }, 15000); // a missing answer shows in status()
    exchange.received += socket.readAll();
    return exchange;
}

QByteArray getRequest(const QByteArray &target)
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
}

QByteArray postJsonRequest(const QByteArray &target, const QJsonObject &body)
{
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nx-api-key: " + apiKey
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(json.size())
        + "\r\n\r\n" + json;
}

QJsonObject op(int code, const QString &key, const QJsonValue &value = QJsonValue::Undefined)
{
    QJsonObject object { { u"op"_s, code }, { u"key"_s, key } };
    if (!value.isUndefined())
        object.insert(u"value"_s, value);
    return object;
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void optionsNeedBothFiles();
    void optionsFromEnvironment();
    void httpsPing();
    void wssRoundTripAndTokenNotification();
    void untrustedCertificateIsRejected();
    void plainHttpIsAnsweredAndServerGoesOn();
    void silentOrPartialHandshakeTimesOut_data();
    void silentOrPartialHandshakeTimesOut();
    void nonTlsBytesAreDropped();
    void handshakingSocketsCountAgainstTheLimit();
    void badFilesStopTheStart_data();
    void badFilesStopTheStart();
    void executableWithTls();
    void executableRefusesBadFiles_data();
    void executableRefusesBadFiles();

private:
    ServerConfig tlsConfig() const;
    bool startServer(const ServerConfig &config);
    QString writeFile(const QString &name, const QByteArray &content) const;
    QUrl webSocketUrl(const QString &query) const;

    QTemporaryDir m_dir;
    SelfSignedCertificate m_good;
    SelfSignedCertificate m_other;
    std::unique_ptr<DayboardServer> m_server;
};

void TestTls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend here");
    QVERIFY2(m_good.generate(m_dir.path(), u"good"_s), qPrintable(m_good.errorString()));
    QVERIFY2(m_other.generate(m_dir.path(), u"other"_s, u"someone-else"_s),
             qPrintable(m_other.errorString()));
    QProcess encrypt;
    encrypt.setProcessChannelMode(QProcess::MergedChannels);
    encrypt.start(u"openssl"_s,
                  { u"pkey"_s, u"-in"_s, m_good.keyFile(), u"-aes256"_s, u"-passout"_s, u"pass:secret"_s,
                    u"-out"_s, m_dir.filePath(u"encrypted.key"_s) });
    QVERIFY2(encrypt.waitForFinished(30000) && encrypt.exitCode() == 0, encrypt.readAll().constData());
    QLoggingCategory::setFilterRules(u"dayboard.server.net.info=true"_s);
    HandshakeLog::previous = qInstallMessageHandler(&HandshakeLog::handler);
}

void TestTls::cleanupTestCase()
{
    qInstallMessageHandler(HandshakeLog::previous);
}

void TestTls::cleanup()
{
    m_server.reset();
    // No log line of any handshake carries a key or a request.
    QMutexLocker lock(&HandshakeLog::mutex);
    for (const QString &line : std::as_const(HandshakeLog::lines)) {
        QVERIFY2(!line.contains(QString::fromLatin1(apiKey)) && !line.contains(u"GET /"_s), qPrintable(line));
    }
}

ServerConfig TestTls::tlsConfig() const
{
    ServerConfig config;
    config.listenAddress = QHostAddress::LocalHost;
    config.port = 0;
    config.memory = true;
    config.apiKeys = { QString::fromLatin1(apiKey) };
    config.tlsCertFile = m_good.certificateFile();
    config.tlsKeyFile = m_good.keyFile();
    return config;
}

bool TestTls::startServer(const ServerConfig &config)
{
    m_server = std::make_unique<DayboardServer>(config);
    QString error;
    if (!m_server->start(&error)) {
        qWarning("server did not start: %s", qPrintable(error));
        return false;
    }
    return true;
}

QString TestTls::writeFile(const QString &name, const QByteArray &content) const
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qWarning("cannot write %s", qPrintable(file.fileName()));
    return file.fileName();
}

QUrl TestTls::webSocketUrl(const QString &query) const
{
    QUrl url(u"wss://127.0.0.1:%1/ws"_s.arg(m_server->port()));
    url.setQuery(query);
    return url;
}

void TestTls::optionsNeedBothFiles()
{
    const QProcessEnvironment none;
    auto result = ServerOptionsParser::parse({ u"dayboard-server"_s, u"--tls-cert"_s, u"c.pem"_s }, none);
    QCOMPARE(result.outcome, ServerOptionsParser::Outcome::Error);
    QVERIFY2(result.text.contains(u"--tls-key"_s), qPrintable(result.text));
    result = ServerOptionsParser::parse({ u"dayboard-server"_s, u"--tls-key"_s, u"k.pem"_s }, none);
    QCOMPARE(result.outcome, ServerOptionsParser::Outcome::Error);
    result = ServerOptionsParser::parse(
        { u"dayboard-server"_s, u"--tls-cert"_s, u"c.pem"_s, u"--tls-key"_s, u"k.pem"_s }, none);
    QCOMPARE(result.outcome, ServerOptionsParser::Outcome::Run);
    QCOMPARE(result.config.tlsCertFile, u"c.pem"_s);
    QCOMPARE(result.config.tlsKeyFile, u"k.pem"_s);
    result = ServerOptionsParser::parse({ u"dayboard-server"_s }, none);
    QCOMPARE(result.outcome, ServerOptionsParser::Outcome::Run);
    QVERIFY(result.config.tlsCertFile.isEmpty() && result.config.tlsKeyFile.isEmpty());
}

void TestTls::optionsFromEnvironment()
{
    QProcessEnvironment env;
    env.insert(u"DAYBOARD_TLS_CERT"_s, u"env.crt"_s);
    auto result = ServerOptionsParser::parse({ u"dayboard-server"_s }, env);
    QCOMPARE(result.outcome, ServerOptionsParser::Outcome::Error);
    env.insert(u"DAYBOARD_TLS_KEY"_s, u"env.key"_s);
    result = ServerOptionsParser::parse({ u"dayboard-server"_s }, env);
    QCOMPARE(result.outcome, ServerOptionsParser::Outcome::Run);
    QCOMPARE(result.config.tlsCertFile, u"env.crt"_s);
    QCOMPARE(result.config.tlsKeyFile, u"env.key"_s);
    // A flag wins over its variable.
    result = ServerOptionsParser::parse({ u"dayboard-server"_s, u"--tls-cert"_s, u"flag.crt"_s }, env);
    QCOMPARE(result.outcome, ServerOptionsParser::Outcome::Run);
    QCOMPARE(result.config.tlsCertFile, u"flag.crt"_s);
    QCOMPARE(result.config.tlsKeyFile, u"env.key"_s);
}

void TestTls::httpsPing()
{
    QVERIFY(startServer(tlsConfig()));
    QCOMPARE(m_server->baseUrl().scheme(), u"https"_s);
    const HttpsExchange exchange
        = httpsExchange(m_server->port(), trusting(m_good.certificate()), getRequest("/ping"));
    QVERIFY2(exchange.encrypted, "no TLS session with a client trusting the server's certificate");
    QVERIFY(exchange.sslErrors.isEmpty());
    QCOMPARE(exchange.status(), 200);
    QVERIFY2(!exchange.body().isEmpty(), exchange.received.constData());
}

void TestTls::wssRoundTripAndTokenNotification()
{
    QVERIFY(startServer(tlsConfig()));
    TestWebSocketClient writer;
    writer.socket().setSslConfiguration(trusting(m_good.certificate()));
    QVERIFY2(writer.open(webSocketUrl(u"apiKey="_s + QString::fromLatin1(apiKey))),
             qPrintable(writer.errorString()));
    QCOMPARE(writer.request(op(2, u"tls:key"_s, u"one"_s)).value(u"code"_s).toInt(), 200);
    const QJsonObject got = writer.request(op(1, u"tls:key"_s));
    QCOMPARE(got.value(u"code"_s).toInt(), 200);
    QCOMPARE(got.value(u"value"_s).toString(), u"one"_s);

    const HttpsExchange tokenExchange = httpsExchange(
        m_server->port(), trusting(m_good.certificate()),
        postJsonRequest("/token/websocket", { { u"subscribeKeys"_s, QJsonArray { u"tls:key"_s } } }));
    QCOMPARE(tokenExchange.status(), 200);
    const QString token = QJsonDocument::fromJson(tokenExchange.body()).object().value(u"token"_s).toString();
    QVERIFY2(!token.isEmpty(), tokenExchange.received.constData());
    TestWebSocketClient monitor;
    monitor.socket().setSslConfiguration(trusting(m_good.certificate()));
    QVERIFY2(monitor.open(webSocketUrl(u"token="_s + token)), qPrintable(monitor.errorString()));
    QCOMPARE(writer.request(op(2, u"tls:key"_s, u"two"_s)).value(u"code"_s).toInt(), 200);
    QVERIFY(monitor.waitForNotifications(1));
    QCOMPARE(monitor.notifications().constFirst().value(u"key"_s).toString(), u"tls:key"_s);
    QCOMPARE(monitor.notifications().constFirst().value(u"value"_s).toString(), u"two"_s);
    QCOMPARE(m_server->webSocketCount(), 2);

    // Credentials are checked over TLS exactly as without it.
    TestWebSocketClient wrongKey;
    wrongKey.socket().setSslConfiguration(trusting(m_good.certificate()));
    QVERIFY(!wrongKey.open(webSocketUrl(u"apiKey=wrong-key"_s)));
    QVERIFY2(wrongKey.errorString().contains(u"401"_s), qPrintable(wrongKey.errorString()));
    QCOMPARE(m_server->webSocketCount(), 2);
}

void TestTls::untrustedCertificateIsRejected()
{
    QVERIFY(startServer(tlsConfig()));
    const int logged = HandshakeLog::count();
    const HttpsExchange refused
        = httpsExchange(m_server->port(), trusting(m_other.certificate()), getRequest("/ping"));
    QVERIFY2(!refused.encrypted, "a client trusting another certificate got a TLS session");
    QVERIFY(!refused.sslErrors.isEmpty());
    QVERIFY(refused.received.isEmpty());
    // The server sees the client's alert as one failed handshake, logged once.
    QTRY_COMPARE_WITH_TIMEOUT(HandshakeLog::count(), logged + 1, 15000);
    QVERIFY2(HandshakeLog::last().contains(u"127.0.0.1"_s), qPrintable(HandshakeLog::last()));

    TestWebSocketClient client;
    client.socket().setSslConfiguration(trusting(m_other.certificate()));
    QVERIFY(!client.open(webSocketUrl(u"apiKey="_s + QString::fromLatin1(apiKey))));
    QVERIFY(!client.errorString().isEmpty());
    QCOMPARE(m_server->webSocketCount(), 0);

    // The server goes on with clients that trust it.
    QCOMPARE(httpsExchange(m_server->port(), trusting(m_good.certificate()), getRequest("/ping")).status(),
             200);
}

void TestTls::plainHttpIsAnsweredAndServerGoesOn()
{
    QVERIFY(startServer(tlsConfig()));
    const int logged = HandshakeLog::count();
    const TestHttpClient plain(QUrl(u"http://127.0.0.1:%1"_s.arg(m_server->port())), apiKey);
    const HttpResponse response = plain.get("/ping");
    QCOMPARE(response.status, 400);
    QVERIFY2(response.body.contains("https://"), response.raw.constData());
    QTRY_COMPARE_WITH_TIMEOUT(HandshakeLog::count(), logged + 1, 15000);
    QVERIFY2(HandshakeLog::last().contains(u"plain HTTP"_s), qPrintable(HandshakeLog::last()));

    TestWebSocketClient plainWebSocket;
    QVERIFY(!plainWebSocket.open(
        QUrl(u"ws://127.0.0.1:%1/ws?apiKey=%2"_s.arg(m_server->port()).arg(QString::fromLatin1(apiKey)))));
    QCOMPARE(m_server->webSocketCount(), 0);
    QCOMPARE(httpsExchange(m_server->port(), trusting(m_good.certificate()), getRequest("/ping")).status(),
             200);
}

void TestTls::silentOrPartialHandshakeTimesOut_data()
{
    QTest::addColumn<QByteArray>("sent");
    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("start of a ClientHello") << QByteArray("\x16\x03\x01\x02\x00", 5);
}

void TestTls::silentOrPartialHandshakeTimesOut()
{
    QFETCH(QByteArray, sent);
    ServerConfig config = tlsConfig();
    config.headTimeoutMs = 2000;
    QVERIFY(startServer(config));
    const int logged = HandshakeLog::count();
    QTcpSocket stalled;
    stalled.connectToHost(QHostAddress::LocalHost, m_server->port());
    QTRY_COMPARE_WITH_TIMEOUT(stalled.state(), QAbstractSocket::ConnectedState, 15000);
    if (!sent.isEmpty())
        stalled.write(sent);
    // Meanwhile another client is served.
    QCOMPARE(httpsExchange(m_server->port(), trusting(m_good.certificate()), getRequest("/ping")).status(),
             200);
    QTRY_COMPARE_WITH_TIMEOUT(stalled.state(), QAbstractSocket::UnconnectedState, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(HandshakeLog::count(), logged + 1, 15000);
    QVERIFY2(HandshakeLog::last().contains(u"no TLS handshake within 2000 ms"_s),
             qPrintable(HandshakeLog::last()));
}

void TestTls::nonTlsBytesAreDropped()
{
    QVERIFY(startServer(tlsConfig()));
    const int logged = HandshakeLog::count();
    QTcpSocket garbage;
    garbage.connectToHost(QHostAddress::LocalHost, m_server->port());
    QTRY_COMPARE_WITH_TIMEOUT(garbage.state(), QAbstractSocket::ConnectedState, 15000);
    garbage.write(QByteArray("\x00\x01\x02\x03", 4));
    QTRY_COMPARE_WITH_TIMEOUT(garbage.state(), QAbstractSocket::UnconnectedState, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(HandshakeLog::count(), logged + 1, 15000);
    QVERIFY2(HandshakeLog::last().contains(u"not a TLS handshake"_s), qPrintable(HandshakeLog::last()));
    QCOMPARE(httpsExchange(m_server->port(), trusting(m_good.certificate()), getRequest("/ping")).status(),
             200);
}

void TestTls::handshakingSocketsCountAgainstTheLimit()
{
    ServerConfig config = tlsConfig();
    config.maxConnectionsPerAddress = 2;
    config.headTimeoutMs = 60000; // far beyond the waits below: only the limit can close a socket
    QVERIFY(startServer(config));
    std::vector<std::unique_ptr<QTcpSocket>> stalled;
    for (int i = 0; i < 2; ++i) {
        stalled.push_back(std::make_unique<QTcpSocket>());
        stalled.back()->connectToHost(QHostAddress::LocalHost, m_server->port());
        QTRY_COMPARE_WITH_TIMEOUT(stalled.back()->state(), QAbstractSocket::ConnectedState, 15000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnectionCount(), 2, 15000);
    // A third connection is closed before any handshake: no descriptor held for the timeout.
    QTcpSocket third;
    third.connectToHost(QHostAddress::LocalHost, m_server->port());
    QTRY_COMPARE_WITH_TIMEOUT(third.state(), QAbstractSocket::UnconnectedState, 15000);
    QCOMPARE(m_server->openConnectionCount(), 2);
    // Once a stalled client goes, its place is free for a real client.
    stalled.front()->abort();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnectionCount(), 1, 15000);
    QCOMPARE(httpsExchange(m_server->port(), trusting(m_good.certificate()), getRequest("/ping")).status(),
             200);
}

void TestTls::badFilesStopTheStart_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");
    const QString garbage = writeFile(u"garbage.pem"_s, "not a certificate\n");
    QTest::newRow("missing certificate")
        << m_dir.filePath(u"missing.crt"_s) << m_good.keyFile() << u"missing.crt"_s;
    QTest::newRow("missing key") << m_good.certificateFile() << m_dir.filePath(u"missing.key"_s)
                                 << u"missing.key"_s;
    QTest::newRow("garbage certificate") << garbage << m_good.keyFile() << u"no PEM or DER certificate"_s;
    QTest::newRow("garbage key") << m_good.certificateFile() << garbage << u"no PEM or DER"_s;
    QTest::newRow("certificate as key")
        << m_good.certificateFile() << m_good.certificateFile() << u"private key"_s;
    QTest::newRow("key of another certificate")
        << m_good.certificateFile() << m_other.keyFile() << u"does the key belong to the certificate"_s;
    QTest::newRow("passphrase-protected key")
        << m_good.certificateFile() << m_dir.filePath(u"encrypted.key"_s) << u"passphrase-protected"_s;
    QTest::newRow("only a certificate") << m_good.certificateFile() << QString() << u"both"_s;
}

void TestTls::badFilesStopTheStart()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    ServerConfig config = tlsConfig();
    config.tlsCertFile = certificate;
    config.tlsKeyFile = key;
    DayboardServer server(config);
    QString error;
    QVERIFY(!server.start(&error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY(!server.isRunning());
}

void TestTls::executableWithTls()
{
    QVERIFY2(!ServerProcess::binaryPath().isEmpty(), "DAYBOARD_SERVER_BINARY is not set");
    QProcess server;
    server.setProgram(ServerProcess::binaryPath());
    server.setArguments({ u"--memory"_s, u"--port"_s, u"0"_s, u"--api-key"_s, QString::fromLatin1(apiKey) });
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DAYBOARD_TLS_CERT"_s, m_good.certificateFile());
    env.insert(u"DAYBOARD_TLS_KEY"_s, m_good.keyFile());
    server.setProcessEnvironment(env);
    server.start();
    QByteArray output;
    const QRegularExpression listening(u"listening on https://127\\.0\\.0\\.1:(\\d+)"_s);
    QRegularExpressionMatch match;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
        output += server.readAllStandardOutput();
        match = listening.match(QString::fromUtf8(output));
        return match.hasMatch() || server.state() == QProcess::NotRunning;
                 },
                 30000)
             && match.hasMatch(),
             QByteArray(output + server.readAllStandardError()).constData());
    const quint16 port = quint16(match.captured(1).toUInt());
    QCOMPARE(httpsExchange(port, trusting(m_good.certificate()), getRequest("/ping")).status(), 200);
    server.terminate();
    QVERIFY(server.waitForFinished(30000));
    QCOMPARE(server.exitCode(), 0);
}

void TestTls::executableRefusesBadFiles_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");
    const QString garbage = writeFile(u"garbage-cli.pem"_s, "-----BEGIN CERTIFICATE-----\nxx\n");
    QTest::newRow("only --tls-cert") << QStringList { u"--tls-cert"_s, m_good.certificateFile() } << 2
                                     << u"--tls-key"_s;
    QTest::newRow("garbage certificate")
        << QStringList { u"--tls-cert"_s, garbage, u"--tls-key"_s, m_good.keyFile() } << 1 << garbage;
    QTest::newRow("mismatched key") << QStringList { u"--tls-cert"_s, m_good.certificateFile(),
                                                     u"--tls-key"_s, m_other.keyFile() }
                                    << 1 << m_other.keyFile();
}

void TestTls::executableRefusesBadFiles()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    QProcess server;
    server.start(ServerProcess::binaryPath(), QStringList { u"--memory"_s, u"--port"_s, u"0"_s } + arguments);
    QVERIFY(server.waitForFinished(30000));
    const QString errors = QString::fromLocal8Bit(server.readAllStandardError());
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), exitCode);
    QVERIFY2(errors.contains(u"dayboard-server: "_s) && errors.contains(expected), qPrintable(errors));
    QVERIFY(!server.readAllStandardOutput().contains("listening on"));
}

QTEST_MAIN(TestTls)
#include "tst_tls.moc"
