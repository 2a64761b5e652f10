// SPDX-License-Identifier: MIT
// dayboard-cli as a process against a dayboard-server process: every command with --json parsed,
// id prefixes, exit codes, --help of each command, export/import round trips and malformed files.
#include "clirunner.h"
#include "serverprocess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyCommand();
    void idPrefixes();
    void exitCodes();
    void helpOfEveryCommand();
    void exportImportRoundTrip();
    void malformedFilesImportNothing();

private:
    CliRunner::Result cli(QStringList arguments, const QUrl &server = {}) const;
    QJsonArray list(const QString &day, const QUrl &server = {}) const;

    QTemporaryDir m_dir;
    ServerProcess m_server;
    CliRunner m_runner;
    const QString m_key = u"cli-test-key"_s;
};

void TestCli::initTestCase()
{
    QVERIFY2(!CliRunner::binary().isEmpty(), "DAYBOARD_CLI_BINARY is not set");
    QVERIFY2(m_server.start(
                 { u"--port"_s, u"0"_s, u"--api-key"_s, m_key, u"--data-dir"_s, m_dir.filePath(u"a"_s) }),
             qPrintable(m_server.errorString()));
}

CliRunner::Result TestCli::cli(QStringList arguments, const QUrl &server) const
{
    arguments << u"--server"_s << (server.isEmpty() ? m_server.baseUrl() : server).toString() << u"--key"_s
              << m_key;
    return m_runner.run(arguments);
}

QJsonArray TestCli::list(const QString &day, const QUrl &server) const
{
    const auto result = cli({ u"list"_s, u"--day"_s, day, u"--json"_s }, server);
    if (result.exitCode != 0)
        qWarning().noquote() << result.describe();
    return result.json().array();
}

void TestCli::everyCommand()
{
    auto result = cli({ u"add"_s, u"Buy milk"_s, u"--day"_s, u"2026-12-24"_s, u"--priority"_s, u"high"_s,
                        u"--at"_s, u"9:30"_s, u"--json"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QJsonObject added = result.json().object();
    QCOMPARE(added[u"day"_s].toString(), u"2026-12-24"_s);
    const QJsonObject todo = added[u"todo"_s].toObject();
    QCOMPARE(todo[u"text"_s].toString(), u"Buy milk"_s);
    QCOMPARE(todo[u"priority"_s].toString(), u"high"_s);
    QCOMPARE(todo[u"remind"_s].toString(), u"09:30"_s);
    const QString id = todo[u"id"_s].toString();
    QVERIFY(id.startsWith(u"todo_"_s));

    QJsonArray day = list(u"2026-12-24"_s);
    QCOMPARE(day.size(), 1);
    QCOMPARE(day[0][u"todo"_s][u"id"_s].toString(), id);

    result = cli({ u"done"_s, id, u"--json"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QCOMPARE(result.json()[u"todo"_s][u"status"_s].toString(), u"done"_s);
    QCOMPARE(list(u"2026-12-24"_s)[0][u"todo"_s][u"status"_s].toString(), u"done"_s);

    result = cli({ u"edit"_s, id, u"Buy oat milk"_s, u"--json"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QCOMPARE(list(u"2026-12-24"_s)[0][u"todo"_s][u"text"_s].toString(), u"Buy oat milk"_s);

    result = cli({ u"move"_s, id, u"--day"_s, u"2026-12-25"_s, u"--json"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QCOMPARE(result.json()[u"day"_s].toString(), u"2026-12-25"_s);
    QCOMPARE(list(u"2026-12-24"_s).size(), 0);
    day = list(u"2026-12-25"_s);
    QCOMPARE(day.size(), 1);
    QCOMPARE(day[0][u"todo"_s][u"text"_s].toString(), u"Buy oat milk"_s);
    QCOMPARE(day[0][u"todo"_s][u"status"_s].toString(), u"done"_s);

    result = cli({ u"list"_s, u"--from"_s, u"2026-12-23"_s, u"--to"_s, u"2026-12-26"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QVERIFY2(
        result.out.contains(QByteArray("2026-12-25  " + id.toUtf8() + "  [x] Buy oat milk  (high)  09:30")),
        qPrintable(result.describe()));

    result = cli({ u"rm"_s, id, u"--json"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QCOMPARE(list(u"2026-12-25"_s).size(), 0);
    QCOMPARE(cli({ u"rm"_s, id }).exitCode, 3);
}

void TestCli::idPrefixes()
{
    const auto first = cli({ u"add"_s, u"first"_s, u"--day"_s, u"2026-11-02"_s, u"--json"_s });
    const auto second = cli({ u"add"_s, u"second"_s, u"--day"_s, u"2026-11-02"_s, u"--json"_s });
    QVERIFY2(first.exitCode == 0 && second.exitCode == 0, qPrintable(first.describe() + second.describe()));
    const QString id = first.json()[u"todo"_s][u"id"_s].toString();
    const QString other = second.json()[u"todo"_s][u"id"_s].toString();
    // The random last part, shortened to where it names no other todo: the start of neither the
    // other id's random part nor the other id, with or without "todo_" (a random part may begin
    // with the digits the millisecond part begins with).
    const QString random = id.section(u'_', -1);
    const auto alsoNamesOther = [&](const QString &prefix) {
        return other.section(u'_', -1).startsWith(prefix) || other.startsWith(prefix)
            || other.startsWith(u"todo_"_s + prefix);
    };
    int length = 1;
    while (alsoNamesOther(random.left(length)))
        ++length;
    auto result = cli({ u"done"_s, random.left(length), u"--json"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QCOMPARE(result.json()[u"todo"_s][u"id"_s].toString(), id);
    // The whole id but the last letter: unique; "todo_" may be left out.
    result = cli({ u"edit"_s, id.mid(5, id.size() - 6), u"renamed"_s, u"--json"_s });
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QCOMPARE(result.json()[u"todo"_s][u"text"_s].toString(), u"renamed"_s);
    // A start both ids share: ambiguous, nothing changes.
    result = cli({ u"rm"_s, u"todo_"_s, u"--in"_s, u"2026-11-02"_s, u"--json"_s });
    QCOMPARE(result.exitCode, 4);
    QCOMPARE(result.json()[u"exitCode"_s].toInt(), 4);
    QCOMPARE(list(u"2026-11-02"_s).size(), 2);
}

void TestCli::exitCodes()
{
    // Nothing listens on the port of a server that was stopped.
    ServerProcess stopped;
    QVERIFY2(stopped.start({ u"--port"_s, u"0"_s, u"--api-key"_s, m_key, u"--memory"_s }),
             qPrintable(stopped.errorString()));
    const QUrl gone = stopped.baseUrl();
    QCOMPARE(stopped.terminate(), 0);
    auto result = cli({ u"list"_s, u"--json"_s, u"--timeout"_s, u"3000"_s }, gone);
    QVERIFY2(result.exitCode == 6, qPrintable(result.describe()));
    QCOMPARE(result.json()[u"exitCode"_s].toInt(), 6);

    result
        = m_runner.run({ u"list"_s, u"--server"_s, m_server.baseUrl().toString(), u"--key"_s, u"wrong"_s });
    QVERIFY2(result.exitCode == 5, qPrintable(result.describe()));
    QVERIFY2(!result.err.contains("wrong"), "the refused key is not printed");

    QCOMPARE(cli({ u"done"_s, u"no-such-todo"_s }).exitCode, 3);
    QCOMPARE(cli({ u"frobnicate"_s }).exitCode, 2);
    QCOMPARE(cli({ u"add"_s, u"x"_s, u"--day"_s, u"someday"_s }).exitCode, 2);
    QCOMPARE(cli({ u"add"_s, u"x"_s, u"--at"_s, u"25:00"_s }).exitCode, 2);
    QCOMPARE(cli({ u"add"_s, u"x"_s, u"--no-such-option"_s }).exitCode, 2);
    QCOMPARE(cli({ u"move"_s, u"x"_s }).exitCode, 2);
    QCOMPARE(cli({ u"import"_s, m_dir.filePath(u"missing.json"_s) }).exitCode, 9);
}

void TestCli::helpOfEveryCommand()
{
    const QStringList commands { u"add"_s,  u"list"_s,  u"done"_s,   u"edit"_s,  u"rm"_s,
                                 u"move"_s, u"watch"_s, u"export"_s, u"import"_s };
    const auto overview = m_runner.run({ u"--help"_s });
    QCOMPARE(overview.exitCode, 0);
    for (const QString &command : commands) {
        QVERIFY2(overview.out.contains(QByteArray("  " + command.toUtf8() + ' ')), qPrintable(command));
        const auto help = m_runner.run({ command, u"--help"_s });
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith(QByteArray("Usage: dayboard-cli " + command.toUtf8())),
                 help.out.constData());
        QVERIFY2(help.out.contains("--json"), help.out.constData());
    }
}

void TestCli::exportImportRoundTrip()
{
    QVERIFY(
        cli({ u"add"_s, u"Export me"_s, u"--day"_s, u"2027-01-04"_s, u"--priority"_s, u"medium"_s }).exitCode
        == 0);
    QVERIFY(cli({ u"add"_s, u"And me"_s, u"--day"_s, u"2027-01-05"_s, u"--at"_s, u"08:15"_s }).exitCode == 0);
    const QString json = m_dir.filePath(u"out.json"_s);
    const QString ics = m_dir.filePath(u"out.ics"_s);
    const QStringList range { u"--from"_s, u"2027-01-01"_s, u"--to"_s, u"2027-01-31"_s };
    auto result = cli(QStringList { u"export"_s, u"-o"_s, json, u"--json"_s } + range);
    QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
    QCOMPARE(result.json()[u"todos"_s].toInt(), 2);
    QVERIFY(cli(QStringList { u"export"_s, u"-o"_s, ics } + range).exitCode == 0);
    result = cli(QStringList { u"export"_s, u"--format"_s, u"md"_s } + range);
    QVERIFY2(result.out.contains("- [ ] Export me (medium priority)"), qPrintable(result.describe()));

    for (const QString &file : { json, ics }) {
        ServerProcess fresh;
        QVERIFY2(fresh.start({ u"--port"_s, u"0"_s, u"--api-key"_s, m_key, u"--memory"_s }),
                 qPrintable(fresh.errorString()));
        result = cli({ u"import"_s, file, u"--json"_s }, fresh.baseUrl());
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QCOMPARE(result.json()[u"added"_s].toInt(), 2);
        QCOMPARE(list(u"2027-01-04"_s, fresh.baseUrl()), list(u"2027-01-04"_s));
        QCOMPARE(list(u"2027-01-05"_s, fresh.baseUrl()), list(u"2027-01-05"_s));
        // Again: merged by id, nothing added twice.
        result = cli({ u"import"_s, file, u"--json"_s }, fresh.baseUrl());
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QCOMPARE(result.json()[u"added"_s].toInt(), 0);
        QCOMPARE(list(u"2027-01-04"_s, fresh.baseUrl()).size(), 1);
        result = cli({ u"import"_s, file }, fresh.baseUrl());
        QVERIFY2(result.out.contains("0 added"), qPrintable(result.describe()));
    }
}

void TestCli::malformedFilesImportNothing()
{
    const QString json = m_dir.filePath(u"broken.json"_s);
    QFile file(json);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"todos-20270301\":[{\"id\":\"a1\",\"text\":\"fine\"}],\n"
               "\"todos-20270302\":[{\"id\":\"a2\",\"text\":\"fine too\"}],\n"
               "\"todos-20270303\":[{\"id\":\"a3\",\"text\": oops}]}\n");
    file.close();
    auto result = cli({ u"import"_s, json, u"--json"_s });
    QVERIFY2(result.exitCode == 9, qPrintable(result.describe()));
    QVERIFY2(result.err.contains("broken.json:3:"), qPrintable(result.describe()));
    QVERIFY2(result.json()[u"error"_s].toString().contains(u"nothing was imported"_s),
             qPrintable(result.describe()));
    QCOMPARE(list(u"2027-03-01"_s).size(), 0);

    const QString ics = m_dir.filePath(u"broken.ics"_s);
    QFile calendar(ics);
    QVERIFY(calendar.open(QIODevice::WriteOnly));
    calendar.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VTODO\r\nUID:b1\r\n"
                   "SUMMARY:fine\r\nDUE;VALUE=DATE:20270301\r\nEND:VTODO\r\nBEGIN:VTODO\r\nUID:b2\r\n"
                   "SUMMARY:never closed\r\nEND:VCALENDAR\r\n");
    calendar.close();
    result = cli({ u"import"_s, ics });
    QVERIFY2(result.exitCode == 9, qPrintable(result.describe()));
    QVERIFY2(result.err.contains("broken.ics:"), qPrintable(result.describe()));
    QCOMPARE(list(u"2027-03-01"_s).size(), 0);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
