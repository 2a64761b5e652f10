// SPDX-License-Identifier: MIT
// How dayboard-cli finds the user's Dayboard without --server: the running app's built-in server
// through its runtime file, else the data folder opened directly (its lock respected).
#include "clirunner.h"
#include "desktop/embeddedserver.h"
#include "desktop/runtimefile.h"
#include "serverprocess.h"
#include "storage/sqlitestorage.h"
#include "sync/hpkvclient.h"
#include "sync/todocodec.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QLockFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestCliDataDir : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void dataFolderDirectly();
    void runningAppThroughRuntimeFile();
    void lockedFolderWithoutRuntimeFile();
    void staleRuntimeFile();

private:
    CliRunner m_runner;
};

void TestCliDataDir::initTestCase()
{
    QVERIFY2(!CliRunner::binary().isEmpty(), "DAYBOARD_CLI_BINARY is not set");
    // RuntimeFile in this process looks where the CLI looks.
    qputenv("XDG_RUNTIME_DIR", m_runner.runtimeDir.path().toUtf8());
}

void TestCliDataDir::dataFolderDirectly()
{
    QTemporaryDir data;
    auto result
        = m_runner.run({ u"add"_s, u"offline"_s, u"--day"_s, u"2026-12-30"_s, u"--data-dir"_s, data.path() });
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QVERIFY(QFileInfo::exists(data.filePath(u"server/"_s + SqliteStorage::fileName())));
    QVERIFY2(!QFileInfo::exists(RuntimeFile::pathFor(data.filePath(u"server"_s))), "only the app advertises");

    // What it wrote is in the folder's database: a server started on it has it.
    ServerProcess server;
    QVERIFY2(server.start({ u"--port"_s, u"0"_s, u"--data-dir"_s, data.filePath(u"server"_s) }),
             qPrintable(server.errorString()));
    QFile keyFile(data.filePath(u"server/api-key"_s));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    result = m_runner.run({ u"list"_s, u"--day"_s, u"2026-12-30"_s, u"--json"_s, u"--server"_s,
                            server.baseUrl().toString(), u"--key"_s,
                            QString::fromUtf8(keyFile.readAll().trimmed()) });
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QCOMPARE(result.json().array().size(), 1);
    QCOMPARE(result.json()[0][u"todo"_s][u"text"_s].toString(), u"offline"_s);
}

void TestCliDataDir::runningAppThroughRuntimeFile()
{
    QTemporaryDir data;
    EmbeddedServer app(data.filePath(u"server"_s));
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    const QString runtimeFile = RuntimeFile::pathFor(data.filePath(u"server"_s));
    QVERIFY(QFileInfo::exists(runtimeFile));
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    QCOMPARE(QFileInfo(runtimeFile).permissions() & others, QFileDevice::Permissions());

    // The app holds the folder's lock; the CLI talks to its server instead.
    auto result = m_runner.run({ u"add"_s, u"through the app"_s, u"--day"_s, u"2026-12-31"_s, u"--data-dir"_s,
                                 data.path(), u"--json"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));

    HpkvClient client;
    client.setEndpoint(app.baseUrl(), app.apiKey());
    QSignalSpy replied(&client, &HpkvClient::connected);
    QVERIFY(replied.wait(30000));
    std::optional<HpkvClient::Reply> reply;
    client.get("todos-20261231", [&](const HpkvClient::Reply &r) { reply = r; });
    QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 30000);
    const TodoCodec::Result parsed = TodoCodec::parse(reply->value().value_or(QByteArray()));
    QVERIFY(parsed.ok);
    QCOMPARE(parsed.todos.size(), 1);
    QCOMPARE(parsed.todos.first().text, u"through the app"_s);

    app.stop();
    QVERIFY2(!QFileInfo::exists(runtimeFile), "removed when the built-in server stops");
    QSignalSpy stopped(&app, &EmbeddedServer::stopped);
    QVERIFY(stopped.wait(30000));
}

void TestCliDataDir::lockedFolderWithoutRuntimeFile()
{
    QTemporaryDir data;
    QVERIFY(QDir().mkpath(data.filePath(u"server"_s)));
    QLockFile lock(data.filePath(u"server/"_s + SqliteStorage::lockFileName()));
    QVERIFY(lock.tryLock(0));
    auto result = m_runner.run({ u"list"_s, u"--data-dir"_s, data.path(), u"--json"_s });
    QVERIFY2(result.exitCode == 7, qPrintable(result.describe()));
    QVERIFY2(result.err.contains(QByteArray::number(QCoreApplication::applicationPid())),
             qPrintable(result.describe()));
    QCOMPARE(result.json()[u"exitCode"_s].toInt(), 7);
}

void TestCliDataDir::staleRuntimeFile()
{
    // Left by an app that was killed: its server is gone and its lock free, so the folder is used.
    QTemporaryDir data;
    QString error;
    QVERIFY(
        RuntimeFile::write(data.filePath(u"server"_s), QUrl(u"http://127.0.0.1:1"_s), u"old-key"_s, &error));
    auto result = m_runner.run(
        { u"add"_s, u"after a crash"_s, u"--data-dir"_s, data.path(), u"--timeout"_s, u"3000"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    result = m_runner.run({ u"list"_s, u"--data-dir"_s, data.path(), u"--timeout"_s, u"3000"_s });
    QVERIFY2(result.out.contains("after a crash"), qPrintable(result.describe()));
}

QTEST_GUILESS_MAIN(TestCliDataDir)
#include "tst_clidatadir.moc"
