// SPDX-License-Identifier: MIT
// ICalendarReader on files in other apps' shapes (written here), merging by UID, and malformed
// files: an error naming the line and nothing to import.
#include "exchange/icalendarreader.h"
#include "samples.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Samples;

namespace {

const QDate undatedDay(2026, 12, 15);

// Thunderbird/Evolution: VTIMEZONE, TZID times, a weekly RRULE, a VALARM, X-MOZ properties and a
// folded DESCRIPTION.
const QByteArray thunderbird = ics({
    "BEGIN:VCALENDAR",
    "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN",
    "VERSION:2.0",
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
    "BEGIN:VTODO", // line 21
    "CREATED:20261201T080000Z",
    "LAST-MODIFIED:20261201T081500Z",
    "DTSTAMP:20261201T081500Z",
    "UID:3f9a5c1e-6b2d-4c8e-9f10-1a2b3c4d5e6f",
    "SUMMARY:Water the plants",
    "PRIORITY:3",
    "STATUS:NEEDS-ACTION",
    "X-MOZ-GENERATION:2",
    "DTSTART;TZID=Europe/Berlin:20261207T090000",
    "DUE;TZID=Europe/Berlin:20261207T100000",
    "RRULE:FREQ=WEEKLY;BYDAY=MO",
    "DESCRIPTION:Balcony first\\, then",
    "  the kitchen.",
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    "TRIGGER;VALUE=DURATION:-PT15M",
    "DESCRIPTION:Default Mozilla Description",
    "END:VALARM",
    "END:VTODO",
    "BEGIN:VEVENT", // line 41
    "UID:event-1",
    "DTSTAMP:20261201T081500Z",
    "DTSTART:20261208T100000Z",
    "SUMMARY:Team meeting",
    "END:VEVENT",
    "END:VCALENDAR",
});

// Nextcloud Tasks: floating times, PERCENT-COMPLETE, CATEGORIES, X-APPLE-SORT-ORDER; one done by
// COMPLETED/PERCENT-COMPLETE without STATUS, one in progress only by PERCENT-COMPLETE, one undated,
// one with only DTSTART.
const QByteArray nextcloud = ics({
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Nextcloud Tasks v0.15.0",
    "BEGIN:VTODO", // line 4
    "UID:a1b2c3d4-0000-4000-8000-000000000001",
    "CREATED:20261130T100000",
    "LAST-MODIFIED:20261202T110000",
    "DTSTAMP:20261202T110000",
    "SUMMARY:Renew passport",
    "PRIORITY:5",
    "PERCENT-COMPLETE:40",
    "STATUS:IN-PROCESS",
    "DUE;VALUE=DATE:20261209",
    "CATEGORIES:Errands",
    "X-APPLE-SORT-ORDER:123456",
    "END:VTODO",
    "BEGIN:VTODO", // line 17
    "UID:a1b2c3d4-0000-4000-8000-000000000002",
    "DTSTAMP:20261202T110000",
    "SUMMARY:Old task",
    "PERCENT-COMPLETE:100",
    "COMPLETED:20261201T090000Z",
    "DUE;VALUE=DATE:20261208",
    "PRIORITY:7",
    "END:VTODO",
    "BEGIN:VTODO", // line 26
    "UID:a1b2c3d4-0000-4000-8000-000000000003",
    "DTSTAMP:20261202T110000",
    "SUMMARY:Someday: learn Rust",
    "PERCENT-COMPLETE:30",
    "ESTIMATED-EFFORT:PT2H",
    "END:VTODO",
    "BEGIN:VTODO", // line 33
    "UID:a1b2c3d4-0000-4000-8000-000000000004",
    "DTSTAMP:20261202T110000",
    "SUMMARY:Start the book",
    "DTSTART;VALUE=DATE:20261211",
    "END:VTODO",
    "BEGIN:VTODO", // line 39
    "UID:a1b2c3d4-0000-4000-8000-000000000005",
    "DTSTAMP:20261202T110000",
    "SUMMARY:Dropped",
    "STATUS:CANCELLED",
    "END:VTODO",
    "BEGIN:VTODO", // line 45
    "UID:a1b2c3d4-0000-4000-8000-000000000006",
    "DTSTAMP:20261202T110000",
    "END:VTODO",
    "END:VCALENDAR",
});

const ImportDocument::Item *itemWithId(const ImportDocument &document, const QString &id)
{
    for (const ImportDocument::Item &item : document.items) {
        if (item.todo.id == id)
            return &item;
    }
    return nullptr;
}

QByteArray vtodoWith(const QByteArray &property)
{
    return ics({ "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VTODO", "UID:p", "SUMMARY:P", property, "END:VTODO",
                 "END:VCALENDAR" });
}

} // namespace

class TestICalendarImport : public QObject
{
    Q_OBJECT

private slots:
    void thunderbirdTodoWithAlarmAndRepeat()
    {
        const ImportDocument document = ICalendarReader::read(thunderbird);
        QVERIFY2(document.ok(), qPrintable(document.error));
        QCOMPARE(document.items.size(), 1);
        const ImportDocument::Item &item = document.items.first();
        QCOMPARE(item.line, 21);
        QCOMPARE(item.todo.id, u"3f9a5c1e-6b2d-4c8e-9f10-1a2b3c4d5e6f"_s);
        QCOMPARE(item.todo.text, u"Water the plants"_s);
        QCOMPARE(item.todo.priority, Todo::Priority::High);
        QCOMPARE(item.todo.status, Todo::Status::NotSet);
        QCOMPARE(item.todo.created, utcMs(2026, 12, 1, 8, 0));
        QCOMPARE(item.todo.updated, utcMs(2026, 12, 1, 8, 15));
        QCOMPARE(item.todo.notes, u"Balcony first, then the kitchen."_s);
        // 10:00 in Berlin (CET) is 09:00 UTC: the day and the due time are local.
        const QDateTime due = QDateTime::fromMSecsSinceEpoch(utcMs(2026, 12, 7, 9, 0));
        QCOMPARE(item.day, due.date());
        QCOMPARE(item.todo.extra.value(u"due"_s).toString(), due.time().toString(u"HH:mm"_s));
        QCOMPARE(item.notImported.size(), 2); // the repeat rule and the alarm

        QCOMPARE(document.skipped.size(), 1);
        QCOMPARE(document.skipped.first().line, 41);
        QCOMPARE(document.skipped.first().title, u"Team meeting"_s);
        QVERIFY(document.skipped.first().reason.contains(u"VEVENT"_s));

        const ImportPlan plan = ImportPlan::make(document, {}, undatedDay);
        QCOMPARE(plan.summary().size(), 2);
        QCOMPARE(plan.summary().at(0).outcome, ImportPlan::Entry::Outcome::Added);
        QVERIFY(plan.summary().at(0).reason.contains(u"repeat rule"_s));
        QCOMPARE(plan.summary().at(1).outcome, ImportPlan::Entry::Outcome::Skipped);
    }

    void nextcloudTodosDatedUndatedAndStartOnly()
    {
        const ImportDocument document = ICalendarReader::read(nextcloud);
        QVERIFY2(document.ok(), qPrintable(document.error));
        QCOMPARE(document.items.size(), 4);

        const auto *passport = itemWithId(document, u"a1b2c3d4-0000-4000-8000-000000000001"_s);
        QVERIFY(passport);
        QCOMPARE(passport->line, 4);
        QCOMPARE(passport->day, QDate(2026, 12, 9));
        QCOMPARE(passport->todo.status, Todo::Status::InProgress);
        QCOMPARE(passport->todo.priority, Todo::Priority::Medium);
        QCOMPARE(passport->todo.created, QDateTime(QDate(2026, 11, 30), QTime(10, 0)).toMSecsSinceEpoch());
        QVERIFY(!passport->todo.extra.contains(u"due"_s)); // a DATE is the day, not a time

        const auto *old = itemWithId(document, u"a1b2c3d4-0000-4000-8000-000000000002"_s);
        QVERIFY(old);
        QCOMPARE(old->todo.status, Todo::Status::Done);
        QCOMPARE(old->todo.priority, Todo::Priority::Low);

        const auto *someday = itemWithId(document, u"a1b2c3d4-0000-4000-8000-000000000003"_s);
        QVERIFY(someday);
        QCOMPARE(someday->line, 26);
        QVERIFY(!someday->day);
        QCOMPARE(someday->todo.status, Todo::Status::InProgress);

        const auto *book = itemWithId(document, u"a1b2c3d4-0000-4000-8000-000000000004"_s);
        QVERIFY(book);
        QCOMPARE(book->line, 33);
        QCOMPARE(book->day, QDate(2026, 12, 11));

        QCOMPARE(document.skipped.size(), 2); // cancelled, no summary
        QCOMPARE(document.skipped.at(0).line, 39);
        QCOMPARE(document.skipped.at(1).line, 45);

        const ImportPlan plan = ImportPlan::make(document, {}, undatedDay);
        QCOMPARE(plan.days(),
                 (QList<QDate> { QDate(2026, 12, 8), QDate(2026, 12, 9), QDate(2026, 12, 11), undatedDay }));
        QCOMPARE(plan.applyTo(undatedDay, {}).first().text, u"Someday: learn Rust"_s);
        QCOMPARE(plan.count(ImportPlan::Entry::Outcome::Added), 4);
        QCOMPARE(plan.count(ImportPlan::Entry::Outcome::Skipped), 2);
    }

    void reimportDuplicatesNothing()
    {
        for (const QByteArray &file : { thunderbird, nextcloud }) {
            const ImportDocument document = ICalendarReader::read(file);
            QVERIFY2(document.ok(), qPrintable(document.error));
            const DayLists once = applied(ImportPlan::make(document, {}, undatedDay), {});
            const ImportPlan again = ImportPlan::make(document, once, undatedDay);
            QVERIFY(again.isEmpty());
            QCOMPARE(again.count(ImportPlan::Entry::Outcome::Added), 0);
            QCOMPARE(applied(again, once), once);
            // Even a plan made before the first import was applied adds each todo once.
            const ImportPlan stale = ImportPlan::make(document, {}, undatedDay);
            QCOMPARE(applied(stale, once), once);
        }
    }

    void priorityRanges_data()
    {
        QTest::addColumn<QByteArray>("property");
        QTest::addColumn<Todo::Priority>("priority");
        QTest::newRow("1") << "PRIORITY:1"_ba << Todo::Priority::High;
        QTest::newRow("4") << "PRIORITY:4"_ba << Todo::Priority::High;
        QTest::newRow("5") << "PRIORITY:5"_ba << Todo::Priority::Medium;
        QTest::newRow("6") << "PRIORITY:6"_ba << Todo::Priority::Low;
        QTest::newRow("9") << "PRIORITY:9"_ba << Todo::Priority::Low;
        QTest::newRow("0 (undefined)") << "PRIORITY:0"_ba << Todo::Priority::Medium;
        QTest::newRow("absent") << "CLASS:PUBLIC"_ba << Todo::Priority::Medium;
    }

    void priorityRanges()
    {
        QFETCH(QByteArray, property);
        QFETCH(Todo::Priority, priority);
        const ImportDocument document = ICalendarReader::read(vtodoWith(property));
        QVERIFY2(document.ok(), qPrintable(document.error));
        QCOMPARE(document.items.size(), 1);
        QCOMPARE(document.items.first().todo.priority, priority);
    }

    void malformedFileNamesTheLine_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<int>("line");
        const QList<QByteArray> good = { "BEGIN:VCALENDAR", "VERSION:2.0",      "BEGIN:VTODO",
                                         "UID:ok-1",        "SUMMARY:Fine one", "END:VTODO" };
        QTest::newRow("unterminated BEGIN (file ends)")
            << ics(good + QList<QByteArray> { "BEGIN:VTODO", "UID:x", "SUMMARY:Open" }) << 7;
        QTest::newRow("unterminated BEGIN (closed by END:VCALENDAR)")
            << ics(good + QList<QByteArray> { "BEGIN:VTODO", "UID:x", "SUMMARY:Open", "END:VCALENDAR" })
            << 10;
        QTest::newRow("bad property line (no colon)") << ics(
            good
            + QList<QByteArray> { "BEGIN:VTODO", "UID:x", "SUMMARY Buy milk", "END:VTODO", "END:VCALENDAR" })
                                                      << 9;
        QTest::newRow("bad value") << ics(
            good + QList<QByteArray> { "BEGIN:VTODO", "DUE:tomorrow", "END:VTODO", "END:VCALENDAR" })
                                   << 8;
        QTest::newRow("bad parameter") << ics(
            good + QList<QByteArray> { "BEGIN:VTODO", "SUMMARY;LANGUAGE:x", "END:VTODO", "END:VCALENDAR" })
                                       << 8;
        QTest::newRow("END without BEGIN")
            << ics(good + QList<QByteArray> { "END:VCALENDAR", "END:VTODO" }) << 8;
        QTest::newRow("not iCalendar") << "hello\nworld\n"_ba << 1;
    }

    void malformedFileNamesTheLine()
    {
        QFETCH(QByteArray, file);
        QFETCH(int, line);
        // Nothing of the file is imported, not even the good VTODO before the error.
        const QString problem = failureProblem(ICalendarReader::read(file), line);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void unknownPropertiesAreIgnored()
    {
        const ImportDocument document = ICalendarReader::read(vtodoWith("ESTIMATED-EFFORT;X-A=1:PT2H"));
        QVERIFY2(document.ok(), qPrintable(document.error));
        QCOMPARE(document.items.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestICalendarImport)
#include "tst_icalendarimport.moc"
