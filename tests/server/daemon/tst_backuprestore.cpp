// SPDX-License-Identifier: MIT
// `dayboard-server restore` (docs/self-hosting.md, "Backup and restore"): a bad file is refused
// with its reason and changes nothing, a running server's data directory is refused, and
// revisions stay monotonic for clients that saw revisions issued after the backup.

#include "backuptesting.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace BackupTesting;
using namespace Qt::StringLiterals;

namespace {

QByteArray hashOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

/** Every file in `dir` with its content's hash. */
QMap<QString, QByteArray> snapshotOf(const QString &dir)
{
    QMap<QString, QByteArray> files;
    for (const QString &name : QDir(dir).entryList(QDir::Files | QDir::Hidden))
        files.insert(name, hashOf(QDir(dir).filePath(name)));
    return files;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/** An SQLite database that is not a Dayboard server's. */
bool makeForeignDatabase(const QString &path)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"foreign"_s);
        db.setDatabaseName(path);
        QSqlQuery query(db);
        ok = db.open() && query.exec(u"CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"_s)
            && query.exec(u"INSERT INTO notes (text) VALUES ('hello')"_s);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"foreign"_s);
    return ok;
}

} // namespace

class TestBackupRestore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!ServerProcess::binaryPath().isEmpty(), "DAYBOARD_SERVER_BINARY is not set");
        // A live data directory with some records and a good backup of it.
        QVERIFY(m_dir.isValid());
        ServerProcess server;
        QVERIFY2(server.start(serverArguments(liveDir())), qPrintable(server.errorString()));
        auto client = connectClient(server);
        QVERIFY(client);
        for (int i = 0; i < 300; ++i) {
            const QString key = u"todos-2026%1"_s.arg(1000 + i);
            QCOMPARE(
                client
                    ->request(op(2, key, u"[{\"id\":\"%1\",\"text\":\"%2\"}]"_s.arg(key, QString(40, u'x'))))
                    .value(u"code"_s)
                    .toInt(),
                200);
        }
        const CommandRun run = runCommand({ u"backup"_s, u"--data-dir"_s, liveDir(), u"-o"_s, goodBackup() });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        client.reset();
        QCOMPARE(server.terminate(), 0);
    }

    void badFileIsRefusedAndChangesNothing_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("text file") << u"text"_s << u"not an SQLite database"_s;
        QTest::newRow("empty file") << u"empty"_s << u"not a readable, non-empty file"_s;
        QTest::newRow("corrupted pages") << u"corrupt"_s << u"integrity check"_s;
        QTest::newRow("another program's database") << u"foreign"_s << u"not a Dayboard server's"_s;
        QTest::newRow("missing file") << u"missing"_s << u"does not exist"_s;
    }

    void badFileIsRefusedAndChangesNothing()
    {
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        const QString bad = m_dir.filePath(u"bad-"_s + kind);
        QFile::remove(bad);
        if (kind == u"text") {
            QVERIFY(writeFile(bad, "[{\"id\":\"todo_1\"}]\n"));
        } else if (kind == u"empty") {
            QVERIFY(writeFile(bad, {}));
        } else if (kind == u"corrupt") {
            // The good backup with one page of the records' b-tree overwritten.
            QFile good(goodBackup());
            QVERIFY(good.open(QIODevice::ReadOnly));
            QByteArray bytes = good.readAll();
            QVERIFY(bytes.size() > 8 * 1024);
            for (qsizetype i = 4 * 1024 + 8; i < 5 * 1024; ++i)
                bytes[i] = char(0xA5);
            QVERIFY(writeFile(bad, bytes));
        } else if (kind == u"foreign") {
            QVERIFY(makeForeignDatabase(bad));
        }
        const QMap<QString, QByteArray> before = snapshotOf(liveDir());
        QVERIFY(before.contains(u"dayboard.sqlite3"_s));

        const CommandRun run = runCommand({ u"restore"_s, u"--data-dir"_s, liveDir(), bad });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(reason.toUtf8()), run.err.constData());
        QVERIFY2(run.err.contains("nothing was changed"), run.err.constData());
        QCOMPARE(snapshotOf(liveDir()), before);

        // A data directory that did not exist is not left behind either.
        const QString fresh = m_dir.filePath(u"fresh-"_s + kind);
        QCOMPARE(runCommand({ u"restore"_s, u"--data-dir"_s, fresh, bad }).exitCode, 1);
        QVERIFY(!QFileInfo::exists(fresh));
    }

    void runningServerIsRefused()
    {
        ServerProcess server;
        QVERIFY2(server.start(serverArguments(liveDir())), qPrintable(server.errorString()));
        const QMap<QString, QByteArray> before = snapshotOf(liveDir());
        const CommandRun run = runCommand({ u"restore"_s, u"--data-dir"_s, liveDir(), goodBackup() });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("in use by a running server"), run.err.constData());
        QCOMPARE(snapshotOf(liveDir()), before);
        QCOMPARE(server.terminate(), 0);
    }

    void revisionsStayMonotonicAfterRestore()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(u"data"_s);
        const QString backup = dir.filePath(u"backup.sqlite3"_s);
        ServerProcess server;
        QVERIFY2(server.start(serverArguments(data)), qPrintable(server.errorString()));
        auto client = connectClient(server);
        QVERIFY(client);
        QCOMPARE(client->request(op(2, u"todos-20261207"_s, u"[\"backed up\"]"_s)).value(u"code"_s).toInt(),
                 200);
        QCOMPARE(runCommand({ u"backup"_s, u"--data-dir"_s, data, u"-o"_s, backup }).exitCode, 0);
        // Written after the backup: a client holds these revisions.
        qint64 seen = 0;
        for (int i = 0; i < 5; ++i)
            seen = client->request(op(2, u"todos-20261207"_s, u"[\"later %1\"]"_s.arg(i)))
                       .value(u"revision"_s)
                       .toInteger();
        const qint64 seenOther
            = client->request(op(2, u"todos-20261208"_s, u"[\"later\"]"_s)).value(u"revision"_s).toInteger();
        QCOMPARE(seenOther, seen + 1);
        client.reset();
        QCOMPARE(server.terminate(), 0);

        const CommandRun run = runCommand({ u"restore"_s, u"--data-dir"_s, data, backup });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("kept as"), run.out.constData());
        QVERIFY2(server.restart(), qPrintable(server.errorString()));
        client = connectClient(server);
        QVERIFY(client);
        const QJsonObject restored = client->request(op(1, u"todos-20261207"_s));
        QCOMPARE(restored.value(u"value"_s).toString(), u"[\"backed up\"]"_s);
        QVERIFY2(restored.value(u"revision"_s).toInteger() > seenOther,
                 qPrintable(
                     u"restored revision %1 is not above %2"_s.arg(restored.value(u"revision"_s).toInteger())
                         .arg(seenOther)));
        QCOMPARE(client->request(op(1, u"todos-20261208"_s)).value(u"code"_s).toInt(), 404);
        // The client's compare-and-swap with the revision it saw fails: it re-reads and replays.
        QJsonObject stale = op(2, u"todos-20261207"_s, u"[\"edited\"]"_s);
        stale.insert(u"ifRevision"_s, seen);
        QCOMPARE(client->request(stale).value(u"code"_s).toInt(), 409);
        const qint64 next
            = client->request(op(2, u"todos-20261209"_s, u"[]"_s)).value(u"revision"_s).toInteger();
        QVERIFY(next > restored.value(u"revision"_s).toInteger());
        client.reset();
        QCOMPARE(server.terminate(), 0);

        // With the replaced database gone, --revision-floor says what clients saw.
        const QString fresh = dir.filePath(u"fresh"_s);
        QCOMPARE(
            runCommand({ u"restore"_s, u"--data-dir"_s, fresh, u"--revision-floor"_s, u"1000"_s, backup })
                .exitCode,
            0);
        ServerProcess other;
        QVERIFY2(other.start(serverArguments(fresh)), qPrintable(other.errorString()));
        client = connectClient(other);
        QVERIFY(client);
        QVERIFY(client->request(op(1, u"todos-20261207"_s)).value(u"revision"_s).toInteger() > 1000);
        client.reset();
        QCOMPARE(other.terminate(), 0);
    }

private:
    QString liveDir() const { return m_dir.filePath(u"live"_s); }
    QString goodBackup() const { return m_dir.filePath(u"good.sqlite3"_s); }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestBackupRestore)
#include "tst_backuprestore.moc"
