// SPDX-License-Identifier: MIT
// docs/security.md §10: SIGHUP reloads the API keys file and the TLS
// certificate and key of a running dayboard-server. Before the fix SIGHUP killed the server
// (exit 129). Now the process lives and answers; a removed key's token is refused and its
// socket closed with 4003 while a kept key's socket stays open; a replaced certificate is
// served to new TLS connections.

#include "selfsignedcertificate.h"
#include "serverprocess.h"
#include "testhttpclient.h"
#include "testwebsocketclient.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace Qt::StringLiterals;

namespace {

const QByteArray keyA = "reload-key-A-0123456789";
const QByteArray keyB = "reload-key-B-0123456789";

/** dayboard-server as a child process, with its pid for signals. */
class Server
{
public:
    bool start(const QStringList &arguments)
    {
        m_process.setProgram(ServerProcess::binaryPath());
        m_process.setArguments(QStringList { u"--port"_s, u"0"_s } + arguments);
        m_process.start();
        static const QRegularExpression listening(u"listening on https?://127\\.0\\.0\\.1:(\\d+)"_s);
        QRegularExpressionMatch match;
        const bool up = QTest::qWaitFor(
            [&] {
            m_output += m_process.readAllStandardOutput();
            match = listening.match(QString::fromUtf8(m_output));
            return match.hasMatch() || m_process.state() == QProcess::NotRunning;
            },
            30000);
        m_port = match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
        return up && m_port != 0;
    }
    void signal(int number) const { ::kill(pid_t(m_process.processId()), number); }
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    quint16 port() const { return m_port; }
    QUrl url(const QString &scheme = u"http"_s) const
    {
        return QUrl(u"%1://127.0.0.1:%2"_s.arg(scheme).arg(m_port));
    }
    /** Everything printed so far, both streams. */
    QByteArray output()
    {
        m_output += m_process.readAllStandardOutput() + m_process.readAllStandardError();
        return m_output;
    }
    int terminate()
    {
        m_process.terminate();
        if (!QTest::qWaitFor([this] { return m_process.state() == QProcess::NotRunning; }, 30000))
            return -2;
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    ~Server()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

private:
    QProcess m_process;
    QByteArray m_output;
    quint16 m_port = 0;
};

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray upgradeRequest(const QByteArray &token)
{
    return "GET /ws?token=" + token
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
          "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
          "Sec-WebSocket-Version: 13\r\n\r\n";
}

/** The certificate a new TLS connection to `port` is shown (null when no handshake). */
QSslCertificate servedCertificate(quint16 port)
{
    QSslSocket socket;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    socket.setSslConfiguration(configuration);
    bool gone = false;
    QObject::connect(&socket, &QSslSocket::errorOccurred, &socket, [&gone] { gone = true; });
    socket.connectToHostEncrypted(u"127.0.0.1"_s, port);
    (void)QTest::qWaitFor([&] { return socket.isEncrypted() || gone; }, 15000);
    return socket.isEncrypted() ? socket.peerCertificate() : QSslCertificate();
}

} // namespace

class TestCredentialReload : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!ServerProcess::binaryPath().isEmpty(), "DAYBOARD_SERVER_BINARY is not set");
    }

    void sighupReloadsTheKeysFile()
    {
        QTemporaryDir dir;
        const QString keysFile = dir.filePath(u"keys"_s);
        QVERIFY(writeFile(keysFile, keyA + '\n' + keyB + '\n'));
        Server server;
        QVERIFY2(server.start({ u"--data-dir"_s, dir.filePath(u"data"_s), u"--api-keys-file"_s, keysFile }),
                 server.output().constData());
        const auto tokenFrom = [&](const QByteArray &key) {
            return TestHttpClient(server.url(), key)
                .postJson("/token/websocket",
                          { { u"subscribeKeys"_s, QJsonArray { u"a"_s } }, { u"accessPattern"_s, u".*"_s } })
                .json()
                .value(u"token"_s)
                .toString()
                .toLatin1();
        };
        const QByteArray fromB = tokenFrom(keyB);
        QVERIFY(!fromB.isEmpty());
        TestWebSocketClient onTokenB;
        TestWebSocketClient onKeyA;
        QVERIFY(onTokenB.open(
            QUrl(u"ws://127.0.0.1:%1/ws?token=%2"_s.arg(server.port()).arg(QString::fromLatin1(fromB)))));
        QVERIFY(onKeyA.open(
            QUrl(u"ws://127.0.0.1:%1/ws?apiKey=%2"_s.arg(server.port()).arg(QString::fromLatin1(keyA)))));

        QVERIFY(writeFile(keysFile, "# B removed\n" + keyA + '\n'));
        server.signal(SIGHUP);
        QVERIFY2(onTokenB.waitForDisconnected(), server.output().constData());
        QCOMPARE(int(onTokenB.closeCode()), 4003);
        QVERIFY2(server.isRunning(), server.output().constData());
        const QJsonObject reply = onKeyA.request({ { u"op"_s, 1 }, { u"key"_s, u"a"_s } });
        QCOMPARE(reply.value(u"code"_s).toInt(), 404);
        QCOMPARE(TestHttpClient(server.url()).sendRaw(upgradeRequest(fromB)).status, 403);
        QCOMPARE(TestHttpClient(server.url(), keyB).get("/record/a").status, 401);
        QCOMPARE(TestHttpClient(server.url()).get("/ping").status, 200);

        const QByteArray log = server.output();
        QVERIFY2(log.contains("credentials reloaded: 1 API keys"), log.constData());
        QVERIFY2(!log.contains(keyA) && !log.contains(keyB), "a key in the log");
        QCOMPARE(server.terminate(), 0);
    }

    void sighupReloadsTheCertificate()
    {
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend here");
        QTemporaryDir dir;
        SelfSignedCertificate first;
        SelfSignedCertificate second;
        QVERIFY2(first.generate(dir.path(), u"first"_s), qPrintable(first.errorString()));
        QVERIFY2(second.generate(dir.path(), u"second"_s), qPrintable(second.errorString()));
        const QString certFile = dir.filePath(u"cert.pem"_s);
        const QString keyFile = dir.filePath(u"key.pem"_s);
        QVERIFY(writeFile(certFile, readFile(first.certificateFile())));
        QVERIFY(writeFile(keyFile, readFile(first.keyFile())));
        Server server;
        QVERIFY2(server.start({ u"--memory"_s, u"--api-key"_s, QString::fromLatin1(keyA), u"--tls-cert"_s,
                                certFile, u"--tls-key"_s, keyFile }),
                 server.output().constData());
        QCOMPARE(servedCertificate(server.port()), first.certificate());

        // Renewal: new files in place, then SIGHUP; no restart.
        QVERIFY(writeFile(certFile, readFile(second.certificateFile())));
        QVERIFY(writeFile(keyFile, readFile(second.keyFile())));
        server.signal(SIGHUP);
        QVERIFY2(QTest::qWaitFor(
                     [&] {
            return !server.isRunning() || servedCertificate(server.port()) == second.certificate();
                     },
                     15000),
                 server.output().constData());
        QVERIFY2(server.isRunning(), server.output().constData());
        QCOMPARE(servedCertificate(server.port()), second.certificate());

        // A broken pair keeps the certificate in use.
        QVERIFY(writeFile(keyFile, readFile(first.keyFile())));
        server.signal(SIGHUP);
        QVERIFY(QTest::qWaitFor([&] { return server.output().contains("the certificate in use is kept"); },
                                15000));
        QCOMPARE(servedCertificate(server.port()), second.certificate());
        QCOMPARE(server.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCredentialReload)
#include "tst_credentialreload.moc"
