// SPDX-License-Identifier: MIT
// The client process crashing (docs/sync.md §5, "An edit survives a crash once ..."): a headless
// client built from the app's sync core (dayboard-crashclient, crashclient.cpp) queues a stream
// of edits while the server is down and is SIGKILLed in the middle of it, several times; then it
// is restarted against the real dayboard-server. Every other kill is certain to land in the middle
// of a queue file write: an LD_PRELOAD shim (killatwrite.c) kills the client at its N-th write()
// to the queue file, before that write reaches the disk; the other kills come from the test right
// after the client reported a completed write (the next one under way). Every edit whose queue write had
// completed (the client printed "saved n" after SyncSession::queueSaved) must reach the server exactly once,
// and the queue file must be readable after every kill.
//
// The kill moments are drawn from a seed printed at the start; DAYBOARD_CRASH_SEED=N replays
// them (the processes' own timing still varies).
#include "replayseed.h"
#include "serverprocess.h"
#include "sync/todocodec.h"
#include "testhttpclient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString apiKey = u"crash-client-key"_s;
const QDate firstDay(2026, 12, 1); ///< run r adds to firstDay + r (a day holds at most 100 KB)
constexpr int timeoutMs = 30000;
constexpr int killRounds = 12;
constexpr int editsPerRun = 400; ///< more than a run reaches before its kill

/** One run of dayboard-crashclient; collects its stdout lines. */
class ClientRun
{
public:
    /** `killAtWrite` > 0: the shim kills the client at that write() to the queue file. */
    ClientRun(const QString &queueFile, const QUrl &server, const QDate &day, const QString &prefix,
              int count, int killAtWrite = 0)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        if (killAtWrite > 0) {
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(u"LD_PRELOAD"_s, qEnvironmentVariable("DAYBOARD_KILLATWRITE_LIBRARY"));
            environment.insert(u"DAYBOARD_KILL_AT_WRITE"_s, QString::number(killAtWrite));
            environment.insert(u"DAYBOARD_KILL_WRITE_MATCH"_s, QFileInfo(queueFile).absolutePath() + u'/');
            m_process.setProcessEnvironment(environment);
        }
        m_process.start(qEnvironmentVariable("DAYBOARD_CRASHCLIENT_BINARY"),
                        { queueFile, server.toString(), apiKey, day.toString(Qt::ISODate), prefix,
                          QString::number(count) });
    }
    ~ClientRun()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(timeoutMs);
        }
    }

    /** Waits for the next line; empty when the process ended or took too long. */
    QByteArray nextLine()
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!m_process.canReadLine()) {
            if (m_process.state() == QProcess::NotRunning || deadline.hasExpired()
                || !m_process.waitForReadyRead(int(deadline.remainingTime())))
                if (!m_process.canReadLine())
                    return {};
        }
        return m_process.readLine().trimmed();
    }
    void kill()
    {
        m_process.kill(); // SIGKILL
        m_process.waitForFinished(timeoutMs);
    }
    bool waitForExit() { return m_process.waitForFinished(timeoutMs) && m_process.exitCode() == 0; }
    /** The process ended by a signal (the shim's SIGKILL), not by exiting. */
    bool wasKilled()
    {
        m_process.waitForFinished(timeoutMs);
        return m_process.state() == QProcess::NotRunning && m_process.exitStatus() == QProcess::CrashExit;
    }

private:
    QProcess m_process;
};

int numberAfter(const QByteArray &line, const QByteArray &word)
{
    return line.startsWith(QByteArray(word + ' ')) ? line.mid(word.size() + 1).toInt() : -1;
}

} // namespace

class TestClientCrash : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void editsWhoseQueueWriteCompletedSurviveSigkill();

private:
    /** The queue file parses as docs/sync.md §5 describes, and nothing was put aside as corrupt. */
    void verifyQueueFileReadable(const QTemporaryDir &dir, const QString &queueFile);

    quint32 m_seed = 0;
};

void TestClientCrash::initTestCase()
{
    QVERIFY2(!ServerProcess::binaryPath().isEmpty(),
             "DAYBOARD_SERVER_BINARY is not set (tests/app/sync/CMakeLists.txt)");
    QVERIFY2(QFile::exists(qEnvironmentVariable("DAYBOARD_CRASHCLIENT_BINARY")),
             "DAYBOARD_CRASHCLIENT_BINARY is not set (tests/app/sync/CMakeLists.txt)");
    QVERIFY2(QFile::exists(qEnvironmentVariable("DAYBOARD_KILLATWRITE_LIBRARY")),
             "DAYBOARD_KILLATWRITE_LIBRARY is not set (tests/app/sync/CMakeLists.txt)");
    m_seed = replaySeed();
}

void TestClientCrash::verifyQueueFileReadable(const QTemporaryDir &dir, const QString &queueFile)
{
    QFile file(queueFile);
    QVERIFY2(file.open(QIODevice::ReadOnly), "the queue file is missing after a kill");
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(document.object().value(u"version"_s).toInt(), 1);
    QVERIFY(document.object().value(u"operations"_s).isArray());
    const QStringList corrupt = QDir(dir.path()).entryList({ u"*.corrupt-*"_s });
    QVERIFY2(corrupt.isEmpty(), qPrintable(corrupt.join(u", "_s)));
}

void TestClientCrash::editsWhoseQueueWriteCompletedSurviveSigkill()
{
    QTemporaryDir dataDir;
    QTemporaryDir clientDir;
    QVERIFY(dataDir.isValid() && clientDir.isValid());
    const QString queueFile = clientDir.filePath(u"pending-operations.json"_s);
    ServerProcess server;
    QVERIFY2(server.start({ u"--port"_s, u"0"_s, u"--api-key"_s, apiKey, u"--data-dir"_s, dataDir.path() }),
             qPrintable(server.errorString()));
    const QUrl serverUrl = server.baseUrl();
    QCOMPARE(server.terminate(), 0); // down while the client works; restart() brings it back on this port

    QRandomGenerator random(m_seed);
    QList<int> savedPerRound; ///< edits of each run that were in the queue file at its kill
    int queuedSoFar = 0;
    for (int round = 0; round < killRounds; ++round) {
        // Odd rounds: killed by the shim at its N-th queue file write, mid-write for certain.
        const int killAtWrite = round % 2 == 1 ? 2 + int(random.bounded(40)) : 0;
        ClientRun client(queueFile, serverUrl, firstDay.addDays(round), u"r%1"_s.arg(round), editsPerRun,
                         killAtWrite);
        // What earlier runs had saved was loaded again: nothing was lost while the server is down.
        const int loaded = numberAfter(client.nextLine(), "started");
        QVERIFY2(loaded >= queuedSoFar,
                 qPrintable(u"loaded %1, expected at least %2"_s.arg(loaded).arg(queuedSoFar)));
        int saved = 0;
        if (killAtWrite > 0) {
            for (QByteArray line = client.nextLine(); !line.isEmpty(); line = client.nextLine()) {
                QVERIFY2(numberAfter(line, "saved") > saved, line.constData());
                saved = numberAfter(line, "saved");
            }
            QVERIFY2(client.wasKilled(), "the client was not killed at its queue file write");
        } else {
            // Killed after 1-40 completed queue writes: the next write is under way at that moment.
            const int writes = 1 + int(random.bounded(40));
            for (int i = 0; i < writes; ++i) {
                const QByteArray line = client.nextLine();
                QVERIFY2(numberAfter(line, "saved") > saved, line.constData());
                saved = numberAfter(line, "saved");
            }
            client.kill();
        }
        verifyQueueFileReadable(clientDir, queueFile);
        if (QTest::currentTestFailed())
            return;
        savedPerRound << saved;
        queuedSoFar = loaded + saved;
    }

    // The server comes back; a client run with nothing new to add sends what is queued.
    QVERIFY2(server.restart(), qPrintable(server.errorString()));
    ClientRun last(queueFile, serverUrl, firstDay, u"last"_s, 0);
    QVERIFY(numberAfter(last.nextLine(), "started") >= queuedSoFar);
    QCOMPARE(last.nextLine(), QByteArray("drained"));
    QVERIFY(last.waitForExit());
    verifyQueueFileReadable(clientDir, queueFile);

    const TestHttpClient http(server.baseUrl(), apiKey.toUtf8());
    qsizetype storedTotal = 0;
    for (int round = 0; round < killRounds; ++round) {
        const QDate day = firstDay.addDays(round);
        const HttpResponse response = http.get("/record/todos-" + day.toString(u"yyyyMMdd"_s).toLatin1());
        QCOMPARE(response.status, savedPerRound.at(round) > 0 ? 200 : 404);
        const TodoCodec::Result stored
            = TodoCodec::parse(response.json().value(u"value"_s).toString().toUtf8());
        QVERIFY(stored.ok);
        storedTotal += stored.todos.size();
        QMap<QString, int> copies;
        for (const Todo &todo : stored.todos)
            ++copies[todo.id];
        for (auto it = copies.cbegin(); it != copies.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(u"%1 stored %2 times"_s.arg(it.key()).arg(it.value())));
        for (int i = 0; i < savedPerRound.at(round); ++i) {
            const QString id = u"r%1-%2"_s.arg(round).arg(i);
            QVERIFY2(copies.contains(id),
                     qPrintable(id + u" was in the queue file before the kill but is not on the server"_s));
        }
    }
    QStringList savedCounts;
    for (int saved : savedPerRound)
        savedCounts << QString::number(saved);
    qInfo("%d kills; edits in the queue file at each: %s; todos stored: %lld", killRounds,
          qPrintable(savedCounts.join(u' ')), qlonglong(storedTotal));
}

QTEST_GUILESS_MAIN(TestClientCrash)
#include "tst_clientcrash.moc"
