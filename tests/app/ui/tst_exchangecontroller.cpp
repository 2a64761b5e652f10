// SPDX-License-Identifier: MIT
// File → Export/Import (ExchangeController) against the app's real embedded server: an export of
// a range holds exactly the stored days; an .ics in another app's shape lands on the server's
// days through the operation path (a todo another client wrote meanwhile survives); importing it
// again duplicates nothing; a malformed file names its line and imports nothing.

#include "sync/hpkvclient.h"
#include "sync/todocodec.h"
#include "ui/exchangecontroller.h"
#include "uitestenv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int timeoutMs = 20000;

/** A client of its own on the embedded server: "another device". */
class Peer
{
public:
    explicit Peer(const UiTestEnv &env)
    {
        m_client.setEndpoint(env.connection->embeddedServer()->baseUrl(),
                             env.connection->embeddedServer()->apiKey());
    }
    bool connected()
    {
        return QTest::qWaitFor([&] { return m_client.isConnected(); }, timeoutMs);
    }

    bool put(const QDate &day, const QByteArray &value)
    {
        std::optional<bool> ok;
        m_client.set(DayCache::keyFor(day), value, std::nullopt,
                     [&](const HpkvClient::Reply &reply) { ok = reply.ok(); });
        return QTest::qWaitFor([&] { return ok.has_value(); }, timeoutMs) && *ok;
    }
    /** The stored value of `day` (empty when the key does not exist). */
    QByteArray stored(const QDate &day)
    {
        std::optional<QByteArray> value;
        m_client.get(DayCache::keyFor(day),
                     [&](const HpkvClient::Reply &reply) { value = reply.value().value_or(QByteArray()); });
        QTest::qWaitFor([&] { return value.has_value(); }, timeoutMs);
        return value.value_or("<no answer>");
    }
    QStringList texts(const QDate &day)
    {
        QStringList result;
        for (const Todo &todo : TodoCodec::parse(stored(day)).todos)
            result.append(todo.text);
        return result;
    }

private:
    HpkvClient m_client;
};

/** An export of Thunderbird's shape: CRLF, folded lines, an undated VTODO, a VEVENT. */
QByteArray otherAppCalendar()
{
    return "BEGIN:VCALENDAR\r\n"
           "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r\n"
           "VERSION:2.0\r\n"
           "BEGIN:VTODO\r\n"
           "CREATED:20261201T090000Z\r\n"
           "LAST-MODIFIED:20261201T090000Z\r\n"
           "DTSTAMP:20261201T090000Z\r\n"
           "UID:5f1e0a52-tb-0001\r\n"
           "SUMMARY:Buy a present for \r\n"
           " Anna\r\n"
           "PRIORITY:1\r\n"
           "STATUS:NEEDS-ACTION\r\n"
           "DUE;VALUE=DATE:20361210\r\n"
           "END:VTODO\r\n"
           "BEGIN:VTODO\r\n"
           "DTSTAMP:20261201T090000Z\r\n"
           "UID:5f1e0a52-tb-0002\r\n"
           "SUMMARY:Someday: sort the photos\r\n"
           "END:VTODO\r\n"
           "BEGIN:VEVENT\r\n"
           "UID:5f1e0a52-tb-0003\r\n"
           "DTSTAMP:20261201T090000Z\r\n"
           "DTSTART:20361210T100000Z\r\n"
           "SUMMARY:Dentist\r\n"
           "END:VEVENT\r\n"
           "END:VCALENDAR\r\n";
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestExchangeController : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_env = std::make_unique<UiTestEnv>();
        QVERIFY(m_env->start());
        m_exchange = std::make_unique<ExchangeController>();
        m_exchange->setController(m_env->controller.get());
        QVERIFY(QTest::qWaitFor([&] { return m_env->session->client()->isConnected(); }, timeoutMs));
    }
    void cleanup()
    {
        m_exchange.reset();
        m_env.reset();
    }

    void exportOfARangeHoldsTheStoredDays()
    {
        Peer peer(*m_env);
        QVERIFY(peer.connected());
        const QDate first(2036, 12, 7);
        const QByteArray day1
            = R"([{"id":"todo_1","text":"Write the report","priority":"high","status":"in-progress","created":1,"color":"teal"}])";
        const QByteArray day2
            = R"([{"id":"todo_2","text":"Call Bob","priority":"low","status":"done","created":2},{"id":"todo_3","text":"Ship it","priority":"medium","status":"not set","created":3}])";
        QVERIFY(peer.put(first, day1));
        QVERIFY(peer.put(first.addDays(2), day2));
        QVERIFY(peer.put(first.addDays(9), R"([{"id":"todo_4","text":"Outside the range","created":4}])"));
        QVERIFY(peer.put(first.addDays(1), "[]"));

        const QString file = m_env->dir.filePath(u"export.json"_s);
        QSignalSpy finished(m_exchange.get(), &ExchangeController::finished);
        m_exchange->exportDays(QUrl::fromLocalFile(file).toString(), u"json"_s, first.toString(Qt::ISODate),
                               first.addDays(6).toString(Qt::ISODate));
        QVERIFY(finished.wait(timeoutMs));
        QVERIFY2(finished.constFirst().constFirst().toBool(), qPrintable(m_exchange->error()));
        QVERIFY(m_exchange->result().contains(u"3 todos of 2 days"_s));
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QJsonObject exported = QJsonDocument::fromJson(in.readAll()).object();
        QCOMPARE(exported.keys(), (QStringList { u"todos-20361207"_s, u"todos-20361209"_s }));
        QCOMPARE(exported.value(u"todos-20361207"_s).toArray(), QJsonDocument::fromJson(day1).array());
        QCOMPARE(exported.value(u"todos-20361209"_s).toArray(), QJsonDocument::fromJson(day2).array());

        // Everything (RANGE pages of one record each, so paging is used), as iCalendar and Markdown.
        for (const QString &format : { u"ics"_s, u"markdown"_s }) {
            const QString other = m_env->dir.filePath(u"export."_s + ExchangeController::extensionOf(format));
            m_exchange->exportDays(other, format, {}, {});
            QVERIFY(finished.wait(timeoutMs));
            QVERIFY2(finished.constLast().constFirst().toBool(), qPrintable(m_exchange->error()));
            QFile written(other);
            QVERIFY(written.open(QIODevice::ReadOnly));
            const QByteArray text = written.readAll();
            for (const char *expected : { "Write the report", "Call Bob", "Ship it", "Outside the range" })
                QVERIFY2(text.contains(expected), expected);
        }
    }

    void importOfAnotherAppsCalendarMergesByUid()
    {
        Peer peer(*m_env);
        QVERIFY(peer.connected());
        const QDate due(2036, 12, 10);
        const QDate undated(2036, 12, 11);
        // Another device's todo on the day the import writes: it must survive.
        QVERIFY(peer.put(due, R"([{"id":"todo_peer","text":"Already there","created":5}])"));
        const QString file = m_env->dir.filePath(u"thunderbird.ics"_s);
        QVERIFY(writeFile(file, otherAppCalendar()));

        QVERIFY2(m_exchange->readFile(file), qPrintable(m_exchange->error()));
        QCOMPARE(m_exchange->itemCount(), 2);
        QCOMPARE(m_exchange->undatedCount(), 1);
        QSignalSpy finished(m_exchange.get(), &ExchangeController::finished);
        m_exchange->importFile(undated.toString(Qt::ISODate));
        QVERIFY(finished.wait(timeoutMs));
        QVERIFY2(finished.constFirst().constFirst().toBool(), qPrintable(m_exchange->error()));
        QCOMPARE(m_exchange->addedCount(), 2);
        QCOMPARE(m_exchange->updatedCount(), 0);
        QCOMPARE(m_exchange->skippedCount(), 1);
        const QVariantMap skipped = m_exchange->summary().constLast().toMap();
        QCOMPARE(skipped.value(u"outcome"_s).toString(), u"skipped"_s);
        QCOMPARE(skipped.value(u"text"_s).toString(), u"Dentist"_s);
        QVERIFY(!skipped.value(u"reason"_s).toString().isEmpty());

        QVERIFY(QTest::qWaitFor([&] { return peer.texts(due).size() == 2; }, timeoutMs));
        QCOMPARE(peer.texts(due), (QStringList { u"Already there"_s, u"Buy a present for Anna"_s }));
        QCOMPARE(peer.texts(undated), (QStringList { u"Someday: sort the photos"_s }));
        QCOMPARE(TodoCodec::parse(peer.stored(due)).todos.constLast().priority, Todo::Priority::High);
        QCOMPARE(TodoCodec::parse(peer.stored(due)).todos.constLast().id, u"5f1e0a52-tb-0001"_s);

        // The same file again: nothing added, nothing duplicated (the undated one is found by UID).
        QVERIFY(m_exchange->readFile(file));
        m_exchange->importFile(due.addDays(5).toString(Qt::ISODate));
        QVERIFY(finished.wait(timeoutMs));
        QCOMPARE(m_exchange->addedCount(), 0);
        QCOMPARE(m_exchange->skippedCount(), 3);
        QVERIFY(QTest::qWaitFor([&] { return m_env->session->pendingCount() == 0; }, timeoutMs));
        QCOMPARE(peer.texts(due).size(), 2);
        QCOMPARE(peer.texts(undated).size(), 1);
        QCOMPARE(peer.stored(due.addDays(5)), QByteArray());
    }

    void malformedFileNamesTheLineAndImportsNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("line");
        QByteArray broken = otherAppCalendar();
        broken.replace("END:VTODO\r\nBEGIN:VTODO", "END:VEVENT\r\nBEGIN:VTODO"); // line 14
        QTest::newRow("ics, END of the wrong component") << u"broken.ics"_s << broken << u"Line 14"_s;
        QTest::newRow("json, syntax error")
            << u"broken.json"_s << QByteArray("{\n\"todos-20361210\": [\n{\"id\":\"a\",\"text\":\"x\"},\n}\n")
            << u"line 4"_s;
    }

    void malformedFileNamesTheLineAndImportsNothing()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, line);
        Peer peer(*m_env);
        QVERIFY(peer.connected());
        const QString file = m_env->dir.filePath(name);
        QVERIFY(writeFile(file, content));
        QVERIFY(!m_exchange->readFile(file));
        QVERIFY2(m_exchange->error().contains(line, Qt::CaseInsensitive), qPrintable(m_exchange->error()));
        QVERIFY(m_exchange->error().contains(u"Nothing was imported"_s));
        QVERIFY(!m_exchange->fileReady());
        QSignalSpy finished(m_exchange.get(), &ExchangeController::finished);
        m_exchange->importFile(u"2036-12-11"_s);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(m_env->session->pendingCount(), 0);
        QCOMPARE(peer.stored(QDate(2036, 12, 10)), QByteArray());
        QCOMPARE(peer.stored(QDate(2036, 12, 11)), QByteArray());
    }

private:
    std::unique_ptr<UiTestEnv> m_env;
    std::unique_ptr<ExchangeController> m_exchange;
};

QTEST_MAIN(TestExchangeController)
#include "tst_exchangecontroller.moc"
