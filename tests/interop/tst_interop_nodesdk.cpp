// SPDX-License-Identifier: MIT
// The official HPKV Node SDK (@hpkv/websocket-client) against a real dayboard-server process:
// nodesdk.js runs every op, a token, a subscription client and its notifications.

#include "serverprocess.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestInteropNodeSdk : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_dir = qEnvironmentVariable("DAYBOARD_INTEROP_DIR");
        QVERIFY2(QFileInfo::exists(m_dir + u"/nodesdk.js"_s),
                 "DAYBOARD_INTEROP_DIR does not hold nodesdk.js");
        m_node = QStandardPaths::findExecutable(u"node"_s);
        m_npm = QStandardPaths::findExecutable(u"npm"_s);
        if (m_node.isEmpty() || m_npm.isEmpty())
            QFAIL("node and npm are needed (Debian packages nodejs and npm; ./test installs them)");
        if (!QFileInfo::exists(m_dir + u"/node_modules/@hpkv/websocket-client/package.json"_s))
            installPackages();
    }

    void nodeSdkAgainstServer()
    {
        QTemporaryDir dataDir;
        ServerProcess server;
        const QString apiKey = u"interop-key-0123456789abcdef"_s;
        QVERIFY2(
            server.start({ u"--port"_s, u"0"_s, u"--data-dir"_s, dataDir.path(), u"--api-key"_s, apiKey }),
            qPrintable(server.errorString()));

        QProcess node;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"DAYBOARD_BASE_URL"_s, server.baseUrl().toString(QUrl::StripTrailingSlash));
        environment.insert(u"DAYBOARD_API_KEY"_s, apiKey);
        node.setProcessEnvironment(environment);
        node.setWorkingDirectory(m_dir);
        node.setProcessChannelMode(QProcess::MergedChannels);
        node.start(m_node, { m_dir + u"/nodesdk.js"_s });
        QVERIFY2(node.waitForStarted(30000), qPrintable(node.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(node.state() == QProcess::NotRunning, 240000);
        const QByteArray output = node.readAll();
        qInfo("%s", output.constData());
        QVERIFY2(node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0,
                 qPrintable(u"nodesdk.js failed (exit %1):\n"_s.arg(node.exitCode())
                            + QString::fromUtf8(output) + u"\nserver output:\n"_s
                            + QString::fromUtf8(server.output())));
        QCOMPARE(server.terminate(), 0);
    }

private:
    void installPackages()
    {
        QProcess npm;
        npm.setProcessChannelMode(QProcess::MergedChannels);
        npm.start(m_npm,
                  { u"ci"_s, u"--prefix"_s, m_dir, u"--prefer-offline"_s, u"--no-audit"_s, u"--no-fund"_s });
        QVERIFY2(npm.waitForStarted(30000), qPrintable(npm.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(npm.state() == QProcess::NotRunning, 300000);
        QVERIFY2(npm.exitStatus() == QProcess::NormalExit && npm.exitCode() == 0,
                 qPrintable(u"npm ci failed:\n"_s + QString::fromUtf8(npm.readAll())));
    }

    QString m_dir;
    QString m_node;
    QString m_npm;
};

QTEST_GUILESS_MAIN(TestInteropNodeSdk)
#include "tst_interop_nodesdk.moc"
