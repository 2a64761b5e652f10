// SPDX-License-Identifier: MIT
// dayboard-server on a full disk and on a read-only data dir (docs/security.md "Disk full
// and read-only data"). The data dir lives on a small tmpfs mounted by the test, so
// SQLite meets a real ENOSPC/SQLITE_FULL and a real read-only file system (EROFS); "space
// returns" is a real remount with a larger size. Mounting needs root (CAP_SYS_ADMIN): CI and
// the dev machine run as root; elsewhere these two tests skip and say so.
#include "environmentskip.h"
#include "serverprocess.h"
#include "testhttpclient.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr QLatin1StringView apiKey("disk-test-key");
const QByteArray storageError = "Internal storage error; nothing was changed";

/** A tmpfs of a given size on a fresh temp dir; unmounted (lazily) on destruction. */
class TmpfsMount
{
public:
    bool mount(const QString &options)
    {
        if (!m_base.isValid())
            return false;
        m_path = m_base.filePath(u"mnt"_s);
        QDir().mkpath(m_path);
        m_mounted = run({ u"-t"_s, u"tmpfs"_s, u"-o"_s, options, u"tmpfs"_s, m_path });
        return m_mounted;
    }
    bool remount(const QString &options) { return run({ u"-o"_s, u"remount,"_s + options, m_path }); }
    ~TmpfsMount()
    {
        if (m_mounted)
            QProcess::execute(u"umount"_s, { u"-l"_s, m_path });
    }
    QString path() const { return m_path; }
    QString error() const { return m_error; }

private:
    bool run(const QStringList &arguments)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(u"mount"_s, arguments);
        if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0) {
            m_error
                = u"mount "_s + arguments.join(u' ') + u": "_s + QString::fromLocal8Bit(process.readAll());
            return false;
        }
        return true;
    }

    QTemporaryDir m_base;
    QString m_path;
    QString m_error;
    bool m_mounted = false;
};

QByteArray recordBody(const QByteArray &key, const QByteArray &value)
{
    return R"({"key":")" + key + R"(","value":")" + value + R"("})";
}

/** What fillUntilRefused() stored, and the answer that stopped it. */
struct Fill
{
    QList<QByteArray> stored;
    QByteArray refusedKey;
    HttpResponse refused;
};

/** Writes `value` under fill0, fill1, … (at most 40) until one is refused. */
Fill fillUntilRefused(const TestHttpClient &http, const QByteArray &value)
{
    Fill fill;
    for (int i = 0; i < 40 && fill.refused.status == 0; ++i) {
        const QByteArray key = "fill" + QByteArray::number(i);
        const HttpResponse response = http.send("POST", "/record", recordBody(key, value));
        if (response.status == 200) {
            fill.stored.append(key);
        } else {
            fill.refused = response;
            fill.refusedKey = key;
        }
    }
    return fill;
}

} // namespace

class TestDiskFaults : public QObject
{
    Q_OBJECT

private slots:
    void diskFullAnswers500AndRecovers();
    void healthReportsFailedCommitsAndDeleteFreesSpace();
    void readOnlyDataDirRefusesToStart();
    void databaseFilesAreOwnerOnly(); // and nothing secret is logged

private:
    bool mountTmpfs(TmpfsMount &mount, const QString &options);
};

bool TestDiskFaults::mountTmpfs(TmpfsMount &mount, const QString &options)
{
    if (::geteuid() != 0) {
        qWarning("not root: mounting a tmpfs needs CAP_SYS_ADMIN");
        return false;
    }
    return mount.mount(options);
}

void TestDiskFaults::diskFullAnswers500AndRecovers()
{
    TmpfsMount disk;
    if (!mountTmpfs(disk, u"size=1m"_s))
        DAYBOARD_ENVIRONMENT_SKIP(u"needs root to mount a 1 MiB tmpfs (a real ENOSPC): "_s + disk.error());
    const QString dataDir = disk.path() + u"/data"_s;
    ServerProcess server;
    QVERIFY2(server.start({ u"--port"_s, u"0"_s, u"--data-dir"_s, dataDir, u"--api-key"_s, apiKey }),
             qPrintable(server.errorString()));
    const TestHttpClient http(server.baseUrl(), QByteArray(apiKey.data(), apiKey.size()));

    // Stored before the disk fills: must survive everything below unchanged.
    QMap<QByteArray, QByteArray> acknowledged;
    for (int i = 0; i < 5; ++i) {
        const QByteArray key = "keep" + QByteArray::number(i);
        const QByteArray value = "value-" + QByteArray::number(i);
        QCOMPARE(http.send("POST", "/record", recordBody(key, value)).status, 200);
        acknowledged.insert(key, value);
    }

    // Fill it with 60 KB values until SQLite reports the disk full (1 MiB holds < 17 of them).
    const QByteArray big(60000, 'x');
    const Fill fill = fillUntilRefused(http, big);
    for (const QByteArray &key : fill.stored)
        acknowledged.insert(key, big);
    const HttpResponse &refused = fill.refused;
    const QByteArray &refusedKey = fill.refusedKey;
    QCOMPARE(refused.status, 500);
    QCOMPARE(refused.json().value(u"error"_s).toString().toUtf8(), storageError);

    // Full: reads go on, further writes (any kind) get the same clear 500, nothing changes.
    for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it) {
        const HttpResponse read = http.get("/record/" + it.key());
        QCOMPARE(read.status, 200);
        QVERIFY(read.json().value(u"value"_s).toString().toUtf8() == it.value());
    }
    QCOMPARE(http.get("/record/" + refusedKey).status, 404);
    const HttpResponse range = http.get("/records?startKey=a&endKey=z&limit=1000");
    QCOMPARE(range.status, 200);
    QCOMPARE(range.json().value(u"count"_s).toInt(), acknowledged.size());
    const HttpResponse again = http.send("POST", "/record", recordBody("fill-again", big));
    QCOMPARE(again.status, 500);
    const HttpResponse atomic = http.send("POST", "/record/atomic", R"({"key":"counter","increment":1})");
    QVERIFY2(atomic.status == 500 || atomic.status == 200, atomic.raw.constData());
    if (atomic.status == 200)
        acknowledged.insert("counter", "1");
    QCOMPARE(http.get("/ping").status, 200);

    // Space returns: the same server process writes again, no restart needed.
    QVERIFY2(disk.remount(u"size=16m"_s), qPrintable(disk.error()));
    QCOMPARE(http.send("POST", "/record", recordBody(refusedKey, "after-recovery")).status, 200);
    acknowledged.insert(refusedKey, "after-recovery");
    QCOMPARE(http.send("POST", "/record", recordBody("fill-again", big)).status, 200);
    acknowledged.insert("fill-again", big);

    // After a graceful restart everything acknowledged is there, nothing refused is.
    QCOMPARE(server.terminate(), 0);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"integrity"_s);
    db.setDatabaseName(dataDir + u"/dayboard.sqlite3"_s);
    QVERIFY(db.open());
    {
        QSqlQuery check(db);
        QVERIFY(check.exec(u"PRAGMA integrity_check"_s) && check.next());
        QCOMPARE(check.value(0).toString(), u"ok"_s);
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"integrity"_s);

    QVERIFY2(server.restart(), qPrintable(server.errorString()));
    const HttpResponse all = http.get("/records?startKey=a&endKey=z&limit=1000");
    QCOMPARE(all.status, 200);
    QCOMPARE(all.json().value(u"count"_s).toInt(), acknowledged.size());
    for (const QJsonValue &entry : all.json().value(u"records"_s).toArray()) {
        const QByteArray key = entry[u"key"_s].toString().toUtf8();
        QVERIFY2(acknowledged.contains(key), key.constData());
        QVERIFY2(entry[u"value"_s].toString().toUtf8() == acknowledged.value(key), key.constData());
    }
    QCOMPARE(server.terminate(), 0);
}

void TestDiskFaults::healthReportsFailedCommitsAndDeleteFreesSpace()
{
    TmpfsMount disk;
    if (!mountTmpfs(disk, u"size=1m"_s))
        DAYBOARD_ENVIRONMENT_SKIP(u"needs root to mount a 1 MiB tmpfs (a real ENOSPC): "_s + disk.error());
    const QString dataDir = disk.path() + u"/data"_s;
    ServerProcess server;
    QVERIFY2(server.start({ u"--port"_s, u"0"_s, u"--data-dir"_s, dataDir, u"--api-key"_s, apiKey }),
             qPrintable(server.errorString()));
    const TestHttpClient http(server.baseUrl(), QByteArray(apiKey.data(), apiKey.size()));
    QCOMPARE(http.get("/healthz").status, 200);

    const QByteArray big(60000, 'x');
    const Fill fill = fillUntilRefused(http, big);
    const QList<QByteArray> &stored = fill.stored;
    QCOMPARE(fill.refused.status, 500);
    QVERIFY(stored.size() >= 2);

    // Writes fail: health says so, with the reason, while /ping and reads still answer.
    const HttpResponse degraded = http.get("/healthz");
    QCOMPARE(degraded.status, 503);
    QCOMPARE(degraded.json().value(u"status"_s).toString(), u"degraded"_s);
    const QString reason = degraded.json().value(u"reason"_s).toString();
    QVERIFY2(reason.startsWith(u"last commit failed: "_s) && reason.contains(u"full"_s), qPrintable(reason));
    QCOMPARE(http.get("/ping").status, 200);
    QCOMPARE(http.get("/record/" + stored.first()).status, 200);

    // SQLite cannot commit a DELETE on a full disk either (in WAL mode every commit appends to
    // the -wal file): it gets the same 500 and health stays degraded. Recovery is freeing space
    // on the file system (docs/security.md §6); then the same process deletes and writes again.
    const HttpResponse refusedDelete = http.del("/record/" + stored.first());
    QCOMPARE(refusedDelete.status, 500);
    QCOMPARE(refusedDelete.json().value(u"error"_s).toString().toUtf8(), storageError);
    QCOMPARE(http.get("/healthz").status, 503);
    QCOMPARE(http.get("/record/" + stored.first()).status, 200); // nothing changed

    QVERIFY2(disk.remount(u"size=16m"_s), qPrintable(disk.error()));
    QCOMPARE(http.get("/healthz").status, 503); // still the last commit's state, until a write commits
    for (const QByteArray &key : std::as_const(stored))
        QCOMPARE(http.del("/record/" + key).status, 200);
    const HttpResponse healthy = http.get("/healthz");
    QCOMPARE(healthy.status, 200);
    QCOMPARE(healthy.json().value(u"status"_s).toString(), u"ok"_s);
    QCOMPARE(http.send("POST", "/record", recordBody("after", big)).status, 200);
    QCOMPARE(server.terminate(), 0);
}

void TestDiskFaults::readOnlyDataDirRefusesToStart()
{
    TmpfsMount disk;
    if (!mountTmpfs(disk, u"size=4m"_s))
        DAYBOARD_ENVIRONMENT_SKIP(
            u"needs root to mount a tmpfs and remount it read-only (chmod does not stop root): "_s
            + disk.error());
    const QString dataDir = disk.path() + u"/data"_s;
    ServerProcess server;
    QVERIFY2(server.start({ u"--port"_s, u"0"_s, u"--data-dir"_s, dataDir, u"--api-key"_s, apiKey }),
             qPrintable(server.errorString()));
    const TestHttpClient http(server.baseUrl(), QByteArray(apiKey.data(), apiKey.size()));
    QCOMPARE(http.send("POST", "/record", recordBody("kept", "before")).status, 200);
    QCOMPARE(server.terminate(), 0);

    // A file system with open writable files cannot be remounted read-only, so this is the
    // case of a server started on a read-only data dir: it must refuse with a clear message.
    QVERIFY2(disk.remount(u"ro"_s), qPrintable(disk.error()));
    const QStringList samePort { u"--port"_s,     QString::number(server.port()),
                                 u"--data-dir"_s, dataDir,
                                 u"--api-key"_s,  apiKey };
    QVERIFY(!server.start(samePort, 10000));
    QVERIFY2(server.output().contains(QByteArray("Data directory " + dataDir.toUtf8() + " is not writable")),
             server.output().constData());
    QVERIFY(server.exitStatus() == QProcess::NormalExit);
    QVERIFY2(server.errorString().contains(u"code 1"_s), qPrintable(server.errorString()));

    QVERIFY2(disk.remount(u"rw"_s), qPrintable(disk.error()));
    QVERIFY2(server.start(samePort), qPrintable(server.errorString()));
    const HttpResponse read = http.get("/record/kept");
    QCOMPARE(read.status, 200);
    QCOMPARE(read.json().value(u"value"_s).toString(), u"before"_s);
    QCOMPARE(server.terminate(), 0);
}

void TestDiskFaults::databaseFilesAreOwnerOnly()
{
    QTemporaryDir base;
    QVERIFY(base.isValid());
    const QString dataDir = base.filePath(u"fresh/data"_s);
    ServerProcess server;
    QVERIFY2(server.start({ u"--port"_s, u"0"_s, u"--data-dir"_s, dataDir }),
             qPrintable(server.errorString()));
    const QByteArray key = [&] {
        QFile file(dataDir + u"/api-key"_s);
        return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray();
    }();
    QVERIFY(!key.isEmpty());
    const TestHttpClient http(server.baseUrl(), key);
    QCOMPARE(http.send("POST", "/record", recordBody("a", "secret-value")).status, 200);
    const HttpResponse token = http.send("POST", "/token/websocket", R"({"subscribeKeys":["a"]})");
    QCOMPARE(token.status, 200);
    const QByteArray tokenText = token.json().value(u"token"_s).toString().toUtf8();
    QVERIFY(!tokenText.isEmpty());
    QCOMPARE(TestHttpClient(server.baseUrl(), "wrong-key").get("/record/a").status, 401);

    constexpr auto ownerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    constexpr auto ownerOnlyDir = ownerOnlyFile | QFileDevice::ExeOwner;
    const auto unixBits = [](QFileDevice::Permissions permissions) {
        // Qt also sets the Read/Write/ExeUser bits for the current user; keep owner/group/other.
        return permissions & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
    };
    QCOMPARE(unixBits(QFile::permissions(dataDir)), ownerOnlyDir);
    const QStringList names { u"api-key"_s, u"token-secret"_s, u"dayboard.sqlite3"_s,
                              u"dayboard.sqlite3-wal"_s, u"dayboard.sqlite3-shm"_s };
    for (const QString &name : names) {
        QVERIFY2(QFileInfo::exists(dataDir + u'/' + name), qPrintable(name));
        QVERIFY2(unixBits(QFile::permissions(dataDir + u'/' + name)) == ownerOnlyFile, qPrintable(name));
    }
    QCOMPARE(server.terminate(), 0);
    // Nothing secret in the log: neither the key, a token, a value, nor a wrong key tried.
    const QByteArray log = server.output();
    QVERIFY(log.contains("listening on"));
    for (const QByteArray &secret : { key, tokenText, QByteArray("secret-value"), QByteArray("wrong-key") })
        QVERIFY2(!log.contains(secret), log.constData());
}

QTEST_GUILESS_MAIN(TestDiskFaults)
#include "tst_diskfaults.moc"
