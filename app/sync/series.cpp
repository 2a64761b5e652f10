// SPDX-License-Identifier: MIT
#include "sync/series.h"

#include "sync/todocodec.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
const QString dayFormat = u"yyyyMMdd"_s;

QString dayStamp(const QDate &day)
{
    return day.toString(dayFormat);
}

QDate dayFrom(const QJsonValue &value)
{
    return QDate::fromString(value.toString(), dayFormat);
}

// The members this version reads and writes; everything else stays in `extra`.
const QStringList knownMembers { u"id"_s,   u"text"_s, u"priority"_s, u"notes"_s,  u"remind"_s,
                                 u"rule"_s, u"from"_s, u"until"_s,    u"through"_s };
} // namespace

bool Series::occursOn(const QDate &day) const
{
    if (!day.isValid() || !from.isValid() || day < from || (until.isValid() && day > until))
        return false;
    switch (frequency) {
    case Frequency::Daily:
        return true;
    case Frequency::Weekdays:
        return day.dayOfWeek() <= 5;
    case Frequency::Weekly:
        return weekDays.contains(day.dayOfWeek());
    case Frequency::Monthly:
        return day.day() == std::min(monthDay, day.daysInMonth());
    }
    return false;
}

void Series::setWeekDays(const QList<int> &days)
{
    weekDays.clear();
    for (int day : days) {
        if (day >= 1 && day <= 7 && !weekDays.contains(day))
            weekDays.append(day);
    }
    std::sort(weekDays.begin(), weekDays.end());
}

Todo Series::occurrence(const QDate &day, qint64 nowMs) const
{
    Todo todo;
    todo.id = occurrenceId(id, day);
    todo.text = text;
    todo.priority = priority;
    todo.created = nowMs;
    todo.notes = notes;
    todo.remind = remind;
    todo.series = id;
    return todo;
}

QByteArray Series::keyFor(const QString &id)
{
    return keyPrefix + id.toUtf8();
}

QString Series::newId(qint64 nowMs)
{
    if (nowMs < 0)
        nowMs = QDateTime::currentMSecsSinceEpoch();
    return u"s%1%2"_s.arg(nowMs).arg(QRandomGenerator::global()->bounded(1000000), 6, 10, QChar(u'0'));
}

QString Series::occurrenceId(const QString &seriesId, const QDate &day)
{
    return seriesId + u'-' + dayStamp(day);
}

QByteArray Series::serialize() const
{
    QJsonObject object = extra;
    object.insert(u"id"_s, id);
    object.insert(u"text"_s, text);
    object.insert(u"priority"_s, TodoCodec::priorityName(priority));
    if (!notes.isEmpty())
        object.insert(u"notes"_s, notes);
    if (!remind.isEmpty())
        object.insert(u"remind"_s, remind);
    QJsonObject rule { { u"freq"_s, frequencyName(frequency) } };
    if (frequency == Frequency::Weekly) {
        QJsonArray days;
        for (int day : weekDays)
            days.append(day);
        rule.insert(u"days"_s, days);
    } else if (frequency == Frequency::Monthly) {
        rule.insert(u"monthDay"_s, monthDay);
    }
    object.insert(u"rule"_s, rule);
    object.insert(u"from"_s, dayStamp(from));
    if (until.isValid())
        object.insert(u"until"_s, dayStamp(until));
    if (through.isValid())
        object.insert(u"through"_s, dayStamp(through));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<Series> Series::parse(const QByteArray &value)
{
    const QJsonDocument document = QJsonDocument::fromJson(value);
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    const QJsonObject rule = object.value(u"rule"_s).toObject();
    const auto frequency = frequencyFromName(rule.value(u"freq"_s).toString());
    Series series;
    series.id = object.value(u"id"_s).toString();
    series.from = dayFrom(object.value(u"from"_s));
    if (series.id.isEmpty() || !frequency || !series.from.isValid())
        return std::nullopt;
    series.frequency = *frequency;
    series.text = object.value(u"text"_s).toString();
    series.priority
        = TodoCodec::priorityFromName(object.value(u"priority"_s).toString()).value_or(Todo::Priority::Low);
    series.notes = object.value(u"notes"_s).toString();
    const QString remind = object.value(u"remind"_s).toString();
    series.remind = TodoCodec::isRemindTime(remind) ? remind : QString();
    QList<int> days;
    for (const QJsonValue &day : rule.value(u"days"_s).toArray())
        days.append(day.toInt());
    series.setWeekDays(days);
    series.monthDay = std::clamp(rule.value(u"monthDay"_s).toInt(1), 1, 31);
    series.until = dayFrom(object.value(u"until"_s));
    series.through = dayFrom(object.value(u"through"_s));
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!knownMembers.contains(it.key()))
            series.extra.insert(it.key(), it.value());
    }
    return series;
}

QString Series::frequencyName(Frequency frequency)
{
    switch (frequency) {
    case Frequency::Daily:
        return u"daily"_s;
    case Frequency::Weekdays:
        return u"weekdays"_s;
    case Frequency::Weekly:
        return u"weekly"_s;
    case Frequency::Monthly:
        return u"monthly"_s;
    }
    return {};
}

std::optional<Series::Frequency> Series::frequencyFromName(const QString &name)
{
    for (Frequency frequency :
         { Frequency::Daily, Frequency::Weekdays, Frequency::Weekly, Frequency::Monthly }) {
        if (frequencyName(frequency) == name)
            return frequency;
    }
    return std::nullopt;
}
