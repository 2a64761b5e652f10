// SPDX-License-Identifier: MIT
#pragma once

#include "exchange/daylists.h"
#include "exchange/importplan.h"
#include "sync/todocodec.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QTimeZone>

// Shared by the tests of this folder: todos and files they build, and applying a plan.
namespace Samples {

inline Todo todo(const QString &id, const QString &text, Todo::Priority priority = Todo::Priority::Medium,
                 Todo::Status status = Todo::Status::NotSet, qint64 created = 1796601600123,
                 qint64 updated = 0, const QJsonObject &extra = {})
{
    Todo t;
    t.id = id;
    t.text = text;
    t.priority = priority;
    t.status = status;
    t.created = created;
    t.updated = updated;
    t.extra = extra;
    // As a stored todo reads: optional members given in `extra` (notes, remind, ...) go to their fields.
    return TodoCodec::fromJson(TodoCodec::toJson(t));
}

/// `existing` with every operation of `plan` applied, as the sync path would on those values.
inline DayLists applied(const ImportPlan &plan, DayLists existing)
{
    for (const QDate &day : plan.days())
        existing[day] = plan.applyTo(day, existing.value(day));
    return existing;
}

/// A UTC iCalendar time as ms since the epoch.
inline qint64 utcMs(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::utc()).toMSecsSinceEpoch();
}

/// Lines joined with CRLF, as RFC 5545 wants.
inline QByteArray ics(const QList<QByteArray> &lines)
{
    QByteArray out;
    for (const QByteArray &line : lines)
        out += line + "\r\n";
    return out;
}

/**
 * What is wrong with `document` as the result of reading a file malformed at `line` (empty: all
 * right): it must fail, name that line, hold nothing to import and give an empty plan.
 */
inline QString failureProblem(const ImportDocument &document, int line)
{
    using namespace Qt::StringLiterals;
    if (document.ok())
        return u"the file was accepted"_s;
    if (document.errorLine != line || !document.error.startsWith(u"Line %1"_s.arg(line)))
        return u"wrong line (%1): %2"_s.arg(document.errorLine).arg(document.error);
    if (!document.items.isEmpty() || !document.skipped.isEmpty())
        return u"part of the file was read"_s;
    const ImportPlan plan = ImportPlan::make(document, {}, QDate(2026, 12, 1));
    if (!plan.isEmpty() || !plan.summary().isEmpty())
        return u"it gives a plan"_s;
    return {};
}

} // namespace Samples
