// SPDX-License-Identifier: MIT
// Online backup (docs/self-hosting.md, "Backup and restore"): a backup taken while a client
// writes continuously, by `dayboard-server backup` and by GET /admin/backup, restored into a
// fresh data directory, holds every write acknowledged before the backup began; the endpoint
// takes only an API key.

#include "backuptesting.h"
#include "daemon/dayboardserver.h"
#include "storage/sqlitebackup.h"
#include "testhttpclient.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>

using namespace BackupTesting;
using namespace Qt::StringLiterals;

namespace {

/** Writes load-000001, load-000002, … one after the other, each sent when the last was acknowledged. */
class Writer : public QObject
{
public:
    explicit Writer(TestWebSocketClient *client)
        : m_client(client)
    {
        connect(&client->socket(), &QWebSocket::textMessageReceived, this, &Writer::onReply);
    }

    void start() { sendNext(); }
    void stop() { m_stopping = true; }
    bool idle() const { return m_stopping && !m_waiting; }
    const QStringList &acknowledged() const { return m_acknowledged; }
    const QString &failure() const { return m_failure; }

private:
    void sendNext()
    {
        m_key = u"load-%1"_s.arg(m_acknowledged.size() + 1, 6, 10, QLatin1Char('0'));
        QJsonObject request = op(2, m_key, u"[{\"id\":\"%1\"}]"_s.arg(m_key));
        request.insert(u"messageId"_s, ++m_messageId);
        m_waiting = true;
        m_client->sendText(QJsonDocument(request).toJson(QJsonDocument::Compact));
    }

    void onReply(const QString &text)
    {
        const QJsonObject reply = QJsonDocument::fromJson(text.toUtf8()).object();
        if (reply.value(u"messageId"_s).toInteger() != m_messageId)
            return;
        m_waiting = false;
        if (reply.value(u"code"_s).toInt() != 200) {
            m_failure = text;
            return;
        }
        m_acknowledged.append(m_key);
        if (!m_stopping)
            sendNext();
    }

    TestWebSocketClient *m_client;
    QStringList m_acknowledged;
    QString m_key;
    QString m_failure;
    qint64 m_messageId = 0;
    bool m_waiting = false;
    bool m_stopping = false;
};

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!ServerProcess::binaryPath().isEmpty(), "DAYBOARD_SERVER_BINARY is not set");
    }

    void backupUnderWriteLoadHoldsEveryAcknowledgedWrite_data()
    {
        QTest::addColumn<bool>("overHttp");
        QTest::newRow("dayboard-server backup") << false;
        QTest::newRow("GET /admin/backup") << true;
    }

    void backupUnderWriteLoadHoldsEveryAcknowledgedWrite()
    {
        QFETCH(bool, overHttp);
        QTemporaryDir dir;
        const QString live = dir.filePath(u"live"_s);
        const QString backupFile = dir.filePath(u"backup.sqlite3"_s);
        ServerProcess server;
        QVERIFY2(server.start(serverArguments(live)), qPrintable(server.errorString()));
        auto client = connectClient(server);
        QVERIFY(client);
        Writer writer(client.get());
        writer.start();
        QVERIFY(QTest::qWaitFor(
            [&] { return writer.acknowledged().size() >= 200 || !writer.failure().isEmpty(); }, timeoutMs));
        QVERIFY2(writer.failure().isEmpty(), qPrintable(writer.failure()));

        // Every write acknowledged by now must be in the backup; the writer goes on meanwhile.
        const QStringList before = writer.acknowledged();
        if (overHttp) {
            const HttpResponse response = TestHttpClient(server.baseUrl(), apiKey).get("/admin/backup");
            QCOMPARE(response.status, 200);
            QCOMPARE(response.header("content-type"), QByteArray("application/vnd.sqlite3"));
            QFile file(backupFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QCOMPARE(file.write(response.body), response.body.size());
        } else {
            const CommandRun run = runCommand({ u"backup"_s, u"--data-dir"_s, live, u"-o"_s, backupFile });
            QVERIFY2(run.exitCode == 0, run.err.constData());
            QVERIFY(run.out.contains("backup written to"));
            const QFile::Permissions others
                = QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther;
            QCOMPARE(QFile::permissions(backupFile) & others, QFile::Permissions());
        }
        const qsizetype during = writer.acknowledged().size() - before.size();
        writer.stop();
        QVERIFY(QTest::qWaitFor([&] { return writer.idle(); }, timeoutMs));
        QVERIFY2(writer.failure().isEmpty(), qPrintable(writer.failure()));
        // The race this test is about: writes were acknowledged while the backup was taken.
        QVERIFY2(during > 0, "no write was acknowledged while the backup ran");
        client.reset();
        QCOMPARE(server.terminate(), 0);

        const QString fresh = dir.filePath(u"fresh"_s);
        const CommandRun restore = runCommand({ u"restore"_s, u"--data-dir"_s, fresh, backupFile });
        QVERIFY2(restore.exitCode == 0, restore.err.constData());
        ServerProcess restored;
        QVERIFY2(restored.start(serverArguments(fresh)), qPrintable(restored.errorString()));
        auto reader = connectClient(restored);
        QVERIFY(reader);
        const QJsonObject range = reader->request(QJsonObject {
            { u"op"_s, 5 }, { u"key"_s, u"load-"_s }, { u"endKey"_s, u"load-~"_s }, { u"limit"_s, 1000 } });
        QCOMPARE(range.value(u"code"_s).toInt(), 200);
        QSet<QString> present;
        for (const QJsonValue &record : range.value(u"records"_s).toArray())
            present.insert(record.toObject().value(u"key"_s).toString());
        QVERIFY(before.size() <= 1000); // the first keys in order: one RANGE holds them all
        for (const QString &key : before)
            QVERIFY2(present.contains(key),
                     qPrintable(u"acknowledged before the backup but missing: "_s + key));
        QCOMPARE(restored.terminate(), 0);
    }

    void endpointTakesOnlyAnApiKey()
    {
        QTemporaryDir dir;
        ServerConfig config;
        config.port = 0;
        config.dataDir = dir.filePath(u"data"_s);
        config.apiKeys = { QString::fromLatin1(apiKey) };
        DayboardServer server(config);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        TestHttpClient client(server.baseUrl(), apiKey);
        QCOMPARE(
            client.postJson("/record", { { u"key"_s, u"todos-20261207"_s }, { u"value"_s, u"[]"_s } }).status,
            200);
        const QByteArray token = client
                                     .postJson("/token/websocket",
                                               { { u"subscribeKeys"_s, QJsonArray { u"todos-20261207"_s } } })
                                     .json()
                                     .value(u"token"_s)
                                     .toString()
                                     .toLatin1();
        QVERIFY(!token.isEmpty());

        TestHttpClient anonymous(server.baseUrl());
        QCOMPARE(anonymous.get("/admin/backup").status, 401);
        QCOMPARE(TestHttpClient(server.baseUrl(), "wrong-key-0123456789").get("/admin/backup").status, 401);
        QCOMPARE(anonymous.get("/admin/backup?token=" + token).status, 403);
        QCOMPARE(
            anonymous.send("GET", "/admin/backup", {}, { { "Authorization", "Bearer " + token } }).status,
            403);
        QCOMPARE(client.send("POST", "/admin/backup").status, 405);

        const HttpResponse response = client.get("/admin/backup");
        QCOMPARE(response.status, 200);
        QVERIFY(response.body.startsWith(QByteArray("SQLite format 3\0", 16)));
        QVERIFY(response.header("content-disposition").startsWith("attachment; filename=\"dayboard-"));
        const QString file = dir.filePath(u"download.sqlite3"_s);
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(response.body);
        out.close();
        const SqliteBackup::Inspection inspection = SqliteBackup::inspect(file);
        QVERIFY2(inspection.ok, qPrintable(inspection.error));
        QCOMPARE(inspection.records, 1);
        // Nothing of the download is left in the data directory.
        QCOMPARE(
            QDir(config.dataDir).entryList({ u".dayboard-backup*"_s }, QDir::Files | QDir::Hidden).size(), 0);
        server.stop();
        QVERIFY(QTest::qWaitFor([&] { return !server.isRunning(); }, timeoutMs));
    }

    void memoryBackendHasNoBackup()
    {
        ServerConfig config;
        config.port = 0;
        config.memory = true;
        config.apiKeys = { QString::fromLatin1(apiKey) };
        DayboardServer server(config);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const HttpResponse response = TestHttpClient(server.baseUrl(), apiKey).get("/admin/backup");
        QCOMPARE(response.status, 501);
        QVERIFY(response.json().value(u"error"_s).toString().contains(u"Redis"_s));
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
