// SPDX-License-Identifier: MIT
// ICalendarWriter: the VTODO mapping as libical reads it back, and the round trip through
// ICalendarReader and ImportPlan giving the same todos, unknown members included.
#include "exchange/icalendarreader.h"
#include "exchange/icalendarwriter.h"
#include "samples.h"

#include <QJsonArray>
#include <QTest>
#include <libical/ical.h>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Samples;

namespace {

const QDate day1(2026, 12, 7);
const QDate day2(2026, 12, 9);

DayLists sampleDays()
{
    const QJsonObject notesAndMore { { u"notes"_s, u"Call back first,\nthen write; done."_s },
                                     { u"color"_s, u"red"_s },
                                     { u"tags"_s, QJsonArray { 1, u"two"_s } } };
    return {
        { day1,
          { todo(u"todo_1796601600123_a1"_s, u"Buy milk, eggs; bread"_s, Todo::Priority::High,
                 Todo::Status::NotSet, 1796601600123, 1796605200456, notesAndMore),
            todo(u"todo_1796601600124_b2"_s, u"Dentist"_s, Todo::Priority::Low, Todo::Status::Done,
                 1796601601000, 1796608800000, { { u"remind"_s, u"14:30"_s } }) } },
        { day2,
          { todo(u"todo_1796601600125_c3"_s, u"Taxes"_s, Todo::Priority::Low, Todo::Status::InProgress,
                 1796601602000, 0, { { u"priority"_s, u"urgent"_s } }) } },
    };
}

struct ComponentDeleter
{
    void operator()(icalcomponent *c) const { icalcomponent_free(c); }
};

icalcomponent *vtodo(icalcomponent *calendar, const char *uid)
{
    for (icalcomponent *c = icalcomponent_get_first_component(calendar, ICAL_VTODO_COMPONENT); c;
         c = icalcomponent_get_next_component(calendar, ICAL_VTODO_COMPONENT)) {
        if (qstrcmp(icalcomponent_get_uid(c), uid) == 0)
            return c;
    }
    return nullptr;
}

int priorityOf(icalcomponent *c)
{
    return icalproperty_get_priority(icalcomponent_get_first_property(c, ICAL_PRIORITY_PROPERTY));
}

} // namespace

class TestICalendarExport : public QObject
{
    Q_OBJECT

private slots:
    void mappingAsLibicalReadsIt()
    {
        const QByteArray file = ICalendarWriter::write(sampleDays());
        std::unique_ptr<icalcomponent, ComponentDeleter> calendar(icalparser_parse_string(file.constData()));
        QVERIFY(calendar);
        QCOMPARE(icalcomponent_isa(calendar.get()), ICAL_VCALENDAR_COMPONENT);
        QCOMPARE(icalcomponent_count_components(calendar.get(), ICAL_VTODO_COMPONENT), 3);

        icalcomponent *milk = vtodo(calendar.get(), "todo_1796601600123_a1");
        QVERIFY(milk);
        QCOMPARE(QString::fromUtf8(icalcomponent_get_summary(milk)), u"Buy milk, eggs; bread"_s);
        QCOMPARE(QString::fromUtf8(icalcomponent_get_description(milk)),
                 u"Call back first,\nthen write; done."_s);
        QCOMPARE(icalcomponent_get_status(milk), ICAL_STATUS_NEEDSACTION);
        QCOMPARE(priorityOf(milk), 1);
        const icaltimetype due = icalcomponent_get_due(milk);
        QVERIFY(due.is_date);
        QCOMPARE(QDate(due.year, due.month, due.day), day1);
        const icaltimetype created
            = icalproperty_get_created(icalcomponent_get_first_property(milk, ICAL_CREATED_PROPERTY));
        QCOMPARE(qint64(icaltime_as_timet_with_zone(created, icaltimezone_get_utc_timezone())), 1796601600);
        const icaltimetype modified = icalproperty_get_lastmodified(
            icalcomponent_get_first_property(milk, ICAL_LASTMODIFIED_PROPERTY));
        QCOMPARE(qint64(icaltime_as_timet_with_zone(modified, icaltimezone_get_utc_timezone())), 1796605200);

        icalcomponent *dentist = vtodo(calendar.get(), "todo_1796601600124_b2");
        QVERIFY(dentist);
        QCOMPARE(icalcomponent_get_status(dentist), ICAL_STATUS_COMPLETED);
        QCOMPARE(priorityOf(dentist), 9);
        const icaltimetype remind = icalcomponent_get_due(dentist);
        QVERIFY(!remind.is_date); // the reminder time, not the day
        QCOMPARE(QDateTime::fromSecsSinceEpoch(icaltime_as_timet_with_zone(remind, remind.zone)),
                 QDateTime(day1, QTime(14, 30)));

        icalcomponent *taxes = vtodo(calendar.get(), "todo_1796601600125_c3");
        QVERIFY(taxes);
        QCOMPARE(icalcomponent_get_status(taxes), ICAL_STATUS_INPROCESS);
        QVERIFY(!icalcomponent_get_first_property(taxes, ICAL_DESCRIPTION_PROPERTY));
        const icaltimetype taxesDue = icalcomponent_get_due(taxes);
        QCOMPARE(QDate(taxesDue.year, taxesDue.month, taxesDue.day), day2);
    }

    void mediumIsFive()
    {
        const QByteArray file = ICalendarWriter::write(
            { { day1, { todo(u"todo_1_m"_s, u"Medium"_s, Todo::Priority::Medium) } } });
        std::unique_ptr<icalcomponent, ComponentDeleter> calendar(icalparser_parse_string(file.constData()));
        QCOMPARE(priorityOf(vtodo(calendar.get(), "todo_1_m")), 5);
    }

    void roundTripGivesTheSameTodos()
    {
        const DayLists days = sampleDays();
        const ImportDocument document = ICalendarReader::read(ICalendarWriter::write(days));
        QVERIFY2(document.ok(), qPrintable(document.error));
        QCOMPARE(document.items.size(), 3);
        const ImportPlan plan = ImportPlan::make(document, {}, QDate(2027, 1, 1));
        QCOMPARE(plan.count(ImportPlan::Entry::Outcome::Added), 3);
        const DayLists back = applied(plan, {});
        QCOMPARE(back.keys(), days.keys());
        for (const QDate &day : days.keys()) {
            QCOMPARE(back.value(day).size(), days.value(day).size());
            for (qsizetype i = 0; i < days.value(day).size(); ++i) {
                const Todo &got = back.value(day).at(i);
                const Todo &want = days.value(day).at(i);
                QCOMPARE(got.id, want.id);
                QCOMPARE(got.text, want.text);
                QCOMPARE(got.priority, want.priority);
                QCOMPARE(got.status, want.status);
                QCOMPARE(got.created, want.created);
                QCOMPARE(got.updated, want.updated);
                QCOMPARE(got.notes, want.notes);
                QCOMPARE(got.remind, want.remind);
                QCOMPARE(got.extra, want.extra);
            }
        }
    }

    void reimportingTheExportChangesNothing()
    {
        const DayLists days = sampleDays();
        const ImportDocument document = ICalendarReader::read(ICalendarWriter::write(days));
        const ImportPlan plan = ImportPlan::make(document, days, QDate(2027, 1, 1));
        QVERIFY(plan.isEmpty());
        QCOMPARE(plan.count(ImportPlan::Entry::Outcome::Skipped), 3);
        for (const ImportPlan::Entry &entry : plan.summary())
            QCOMPARE(entry.reason, u"already up to date"_s);
    }
};

QTEST_GUILESS_MAIN(TestICalendarExport)
#include "tst_icalendarexport.moc"
