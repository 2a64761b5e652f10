// SPDX-License-Identifier: MIT
#include "exchange/icalendartodo.h"

#include "exchange/duetime.h"
#include "sync/todocodec.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

// Dayboard's own properties: what iCalendar has no place for, so that a round trip keeps it.
constexpr const char *extraProperty = "X-DAYBOARD-EXTRA"; // JSON of Todo::extra without `notes`
constexpr const char *createdProperty = "X-DAYBOARD-CREATED"; // `created` in ms (CREATED has seconds)
constexpr const char *updatedProperty = "X-DAYBOARD-UPDATED"; // `updated` in ms

icaltimetype utcTime(qint64 ms)
{
    return icaltime_from_timet_with_zone(time_t(ms / 1000), 0, icaltimezone_get_utc_timezone());
}

icaltimetype dateValue(const QDate &day)
{
    icaltimetype date = icaltime_null_date();
    date.year = day.year();
    date.month = day.month();
    date.day = day.day();
    return date;
}

void addX(icalcomponent *component, const char *name, const QByteArray &value)
{
    icalproperty *property = icalproperty_new_x(value.constData());
    icalproperty_set_x_name(property, name);
    icalcomponent_add_property(component, property);
}

/// A libical time as a local QDateTime; a date is its local midnight, a floating time local.
std::optional<QDateTime> toDateTime(icaltimetype time)
{
    if (icaltime_is_null_time(time) || !icaltime_is_valid_time(time))
        return std::nullopt;
    const QDate date(time.year, time.month, time.day);
    if (time.is_date)
        return QDateTime(date, QTime(0, 0));
    if (!time.zone)
        return QDateTime(date, QTime(time.hour, time.minute, time.second));
    return QDateTime::fromSecsSinceEpoch(icaltime_as_timet_with_zone(time, time.zone)).toLocalTime();
}

qint64 msOf(icalcomponent *vtodo, icalproperty_kind kind)
{
    icalproperty *property = icalcomponent_get_first_property(vtodo, kind);
    if (!property)
        return 0;
    const std::optional<QDateTime> time
        = toDateTime(icalproperty_get_datetime_with_component(property, vtodo));
    return time ? time->toMSecsSinceEpoch() : 0;
}

QString xValue(icalcomponent *vtodo, const char *name)
{
    for (icalproperty *p = icalcomponent_get_first_property(vtodo, ICAL_X_PROPERTY); p;
         p = icalcomponent_get_next_property(vtodo, ICAL_X_PROPERTY)) {
        if (qstricmp(icalproperty_get_x_name(p), name) == 0)
            return QString::fromUtf8(icalproperty_get_x(p));
    }
    return {};
}

/// The exact ms kept in our X- property when it is still the same second as the standard one.
qint64 preciseMs(icalcomponent *vtodo, icalproperty_kind kind, const char *xName)
{
    const qint64 seconds = msOf(vtodo, kind);
    bool ok = false;
    const qint64 precise = xValue(vtodo, xName).toLongLong(&ok);
    return ok && precise >= seconds && precise < seconds + 1000 ? precise : seconds;
}

Todo::Priority priorityOf(icalcomponent *vtodo)
{
    icalproperty *property = icalcomponent_get_first_property(vtodo, ICAL_PRIORITY_PROPERTY);
    const int value = property ? icalproperty_get_priority(property) : 0;
    if (value >= 1 && value <= 4)
        return Todo::Priority::High;
    if (value >= 6 && value <= 9)
        return Todo::Priority::Low;
    return Todo::Priority::Medium; // 5, or 0/absent: undefined, Dayboard's default
}

Todo::Status statusOf(icalcomponent *vtodo)
{
    switch (icalcomponent_get_status(vtodo)) {
    case ICAL_STATUS_COMPLETED:
        return Todo::Status::Done;
    case ICAL_STATUS_INPROCESS:
        return Todo::Status::InProgress;
    case ICAL_STATUS_NEEDSACTION:
        return Todo::Status::NotSet;
    default:
        break;
    }
    // No STATUS: what other apps use instead (Nextcloud Tasks: PERCENT-COMPLETE, COMPLETED).
    if (icalcomponent_get_first_property(vtodo, ICAL_COMPLETED_PROPERTY))
        return Todo::Status::Done;
    icalproperty *percent = icalcomponent_get_first_property(vtodo, ICAL_PERCENTCOMPLETE_PROPERTY);
    const int value = percent ? icalproperty_get_percentcomplete(percent) : 0;
    return value >= 100 ? Todo::Status::Done : value > 0 ? Todo::Status::InProgress : Todo::Status::NotSet;
}

} // namespace

icalcomponent *ICalendarTodo::toComponent(const Todo &todo, const QDate &day)
{
    icalcomponent *vtodo = icalcomponent_new_vtodo();
    icalcomponent_set_uid(vtodo, todo.id.toUtf8().constData());
    const qint64 changed = todo.updated > 0 ? todo.updated : todo.created;
    icalcomponent_set_dtstamp(vtodo, utcTime(changed > 0 ? changed : QDateTime::currentMSecsSinceEpoch()));
    if (todo.created > 0)
        icalcomponent_add_property(vtodo, icalproperty_new_created(utcTime(todo.created)));
    if (todo.updated > 0)
        icalcomponent_add_property(vtodo, icalproperty_new_lastmodified(utcTime(todo.updated)));
    icalcomponent_set_summary(vtodo, todo.text.toUtf8().constData());

    if (!todo.notes.isEmpty())
        icalcomponent_set_description(vtodo, todo.notes.toUtf8().constData());
    // The other optional members (remind, reminded, series) travel with the unknown ones.
    QJsonObject extra = TodoCodec::toJson(todo);
    for (const QString &member :
         { u"id"_s, u"text"_s, u"priority"_s, u"status"_s, u"created"_s, u"updated"_s, u"notes"_s }) {
        if (!todo.extra.contains(member)) // in their own properties, unless kept raw
            extra.remove(member);
    }

    static constexpr icalproperty_status statuses[]
        = { ICAL_STATUS_NEEDSACTION, ICAL_STATUS_INPROCESS, ICAL_STATUS_COMPLETED };
    icalcomponent_set_status(vtodo, statuses[int(todo.status)]);
    if (todo.isDone()) {
        icalcomponent_add_property(vtodo, icalproperty_new_percentcomplete(100));
        if (changed > 0)
            icalcomponent_add_property(vtodo, icalproperty_new_completed(utcTime(changed)));
    }
    static constexpr int priorities[] = { 9, 5, 1 }; // Low, Medium, High
    icalcomponent_add_property(vtodo, icalproperty_new_priority(priorities[int(todo.priority)]));

    const std::optional<QDateTime> due = DueTime::of(todo, day);
    icalcomponent_set_due(vtodo, due ? utcTime(due->toMSecsSinceEpoch()) : dateValue(day));

    if (todo.created % 1000 != 0)
        addX(vtodo, createdProperty, QByteArray::number(todo.created));
    if (todo.updated % 1000 != 0)
        addX(vtodo, updatedProperty, QByteArray::number(todo.updated));
    if (!extra.isEmpty())
        addX(vtodo, extraProperty, QJsonDocument(extra).toJson(QJsonDocument::Compact));
    return vtodo;
}

std::variant<ImportDocument::Item, QString> ICalendarTodo::fromComponent(icalcomponent *vtodo, int line)
{
    if (icalcomponent_get_status(vtodo) == ICAL_STATUS_CANCELLED)
        return tr("it is cancelled");
    ImportDocument::Item item;
    item.line = line;
    QString text = QString::fromUtf8(icalcomponent_get_summary(vtodo)).trimmed();
    text.replace(u'\n', u' ');
    if (text.isEmpty())
        return tr("it has no summary");

    QJsonObject members = QJsonDocument::fromJson(xValue(vtodo, extraProperty).toUtf8()).object();
    const QString notes = QString::fromUtf8(icalcomponent_get_description(vtodo));
    if (!notes.isEmpty())
        members.insert(u"notes"_s, notes);
    // The optional members (notes, remind, reminded, series) go to their fields as TodoCodec reads them.
    Todo &todo = item.todo;
    todo = TodoCodec::fromJson(members);
    todo.text = text;
    todo.priority = priorityOf(vtodo);
    todo.status = statusOf(vtodo);
    todo.created = preciseMs(vtodo, ICAL_CREATED_PROPERTY, createdProperty);
    todo.updated = preciseMs(vtodo, ICAL_LASTMODIFIED_PROPERTY, updatedProperty);

    // The day: DUE, else DTSTART, else undated. A DUE with a time also gives the due time.
    const std::optional<QDateTime> due = icalcomponent_get_first_property(vtodo, ICAL_DUE_PROPERTY)
        ? toDateTime(icalcomponent_get_due(vtodo))
        : std::nullopt;
    const std::optional<QDateTime> start = toDateTime(icalcomponent_get_dtstart(vtodo));
    if (due) {
        item.day = due->date();
        const bool isDate = icalcomponent_get_due(vtodo).is_date;
        if (!isDate && !todo.extra.contains(u"due"_s) && !todo.extra.contains(u"remind"_s)
            && todo.remind.isEmpty())
            todo.extra.insert(u"due"_s, DueTime::member(due->time()));
    } else if (start) {
        item.day = start->date();
    }

    const char *uid = icalcomponent_get_uid(vtodo);
    todo.id = QString::fromUtf8(uid).trimmed();
    if (todo.id.isEmpty()) {
        // No UID (against RFC 5545, but seen): an id from what identifies it, stable across imports.
        const QString identity = todo.text + u'\n' + (item.day ? item.day->toString(Qt::ISODate) : QString())
            + u'\n' + QString::number(todo.created);
        todo.id
            = u"ics-"_s
            + QString::fromLatin1(
                  QCryptographicHash::hash(identity.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
    }

    if (icalcomponent_get_first_property(vtodo, ICAL_RRULE_PROPERTY)
        || icalcomponent_get_first_property(vtodo, ICAL_RDATE_PROPERTY))
        item.notImported << tr("its repeat rule (only this occurrence)");
    if (icalcomponent_get_first_component(vtodo, ICAL_VALARM_COMPONENT))
        item.notImported << tr("its alarm");
    return item;
}
