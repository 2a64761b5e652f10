// SPDX-License-Identifier: MIT
#include "exchange/duetime.h"

#include <QJsonValue>
#include <QTime>

using namespace Qt::StringLiterals;

std::optional<QDateTime> DueTime::of(const Todo &todo, const QDate &day)
{
    if (!todo.remind.isEmpty())
        return QDateTime(day, QTime::fromString(todo.remind, u"HH:mm"_s));
    // A `remind` Dayboard does not read as "HH:mm" stays raw in `extra`; `due` is another app's.
    for (const QString &name : { u"remind"_s, u"due"_s }) {
        const QJsonValue value = todo.extra.value(name);
        if (value.isDouble())
            return QDateTime::fromMSecsSinceEpoch(qint64(value.toDouble()));
        if (!value.isString())
            continue;
        const QString text = value.toString().trimmed();
        for (const QString &format : { u"HH:mm"_s, u"HH:mm:ss"_s }) {
            const QTime time = QTime::fromString(text, format);
            if (time.isValid())
                return QDateTime(day, time);
        }
        const QDateTime dateTime = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (dateTime.isValid())
            return dateTime;
    }
    return std::nullopt;
}

QString DueTime::member(const QTime &time)
{
    return time.toString(time.second() == 0 ? u"HH:mm"_s : u"HH:mm:ss"_s);
}
