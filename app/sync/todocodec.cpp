// SPDX-License-Identifier: MIT
#include "sync/todocodec.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRandomGenerator>
#include <QTime>
#include <array>

using namespace Qt::StringLiterals;

namespace {

// Written first, in this order; the optional members (below) and unknown ones follow alphabetically.
constexpr std::array coreMembers = { "id", "text", "priority", "status", "created", "updated" };
constexpr std::array optionalMembers = { "notes", "remind", "reminded", "series" };

// The stored names, in the order of the enums' values.
constexpr std::array<const char *, 3> priorityNames = { "low", "medium", "high" };
constexpr std::array<const char *, 3> statusNames = { "not set", "in progress", "done" };

template<typename Enum, std::size_t N>
std::optional<Enum> enumFromName(const std::array<const char *, N> &names, const QString &name)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (name == QLatin1String(names[i]))
            return Enum(i);
    }
    return std::nullopt;
}

template<std::size_t N> bool isOneOf(const std::array<const char *, N> &members, const QString &name)
{
    for (const char *member : members) {
        if (name == QLatin1String(member))
            return true;
    }
    return false;
}

bool isKnownMember(const QString &name)
{
    return isOneOf(coreMembers, name) || isOneOf(optionalMembers, name);
}

std::optional<qint64> integralNumber(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    const qint64 integer = value.toInteger(std::numeric_limits<qint64>::min());
    if (integer == std::numeric_limits<qint64>::min() || double(integer) != number)
        return std::nullopt;
    return integer;
}

/// Compact JSON text of any value (QJsonDocument only writes arrays and objects).
QByteArray jsonText(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

/// An optional string member: kept raw in `extra` (the field empty) unless it is a string `valid` accepts.
void readOptional(const QJsonObject &object, const QString &name, QString &field, QJsonObject &extra,
                  bool (*valid)(const QString &) = nullptr)
{
    const auto it = object.constFind(name);
    if (it == object.constEnd())
        return;
    if (it->isString() && (!valid || valid(it->toString())))
        field = it->toString();
    else
        extra.insert(name, *it);
}

void readString(const QJsonObject &object, const QString &name, QString &field, QJsonObject &extra)
{
    const auto it = object.constFind(name);
    if (it == object.constEnd())
        return;
    if (it->isString()) {
        field = it->toString();
    } else {
        // Keep the raw value; show its text so the todo is still addressable and visible.
        extra.insert(name, *it);
        field = it->isDouble() ? QString::number(it->toDouble(), 'g', 17) : QString();
    }
}

template<typename Enum>
void readEnum(const QJsonObject &object, const QString &name, Enum &field, QJsonObject &extra,
              std::optional<Enum> (*fromName)(const QString &))
{
    const auto it = object.constFind(name);
    if (it == object.constEnd())
        return;
    const std::optional<Enum> value = it->isString() ? fromName(it->toString()) : std::nullopt;
    if (value)
        field = *value;
    else
        extra.insert(name, *it);
}

void readNumber(const QJsonObject &object, const QString &name, qint64 &field, QJsonObject &extra)
{
    const auto it = object.constFind(name);
    if (it == object.constEnd())
        return;
    if (const auto number = integralNumber(*it))
        field = *number;
    else
        extra.insert(name, *it);
}

void writeMember(QByteArray &out, bool &first, const QString &name, const QJsonValue &value)
{
    if (!first)
        out += ',';
    first = false;
    out += jsonText(name) + ':' + jsonText(value);
}

QByteArray serializeTodo(const Todo &todo)
{
    QByteArray out = "{";
    bool first = true;
    const auto known = [&](const QString &name, const QJsonValue &value, bool present) {
        if (todo.extra.contains(name))
            writeMember(out, first, name, todo.extra.value(name));
        else if (present)
            writeMember(out, first, name, value);
    };
    known(u"id"_s, todo.id, !todo.id.isEmpty());
    known(u"text"_s, todo.text, true);
    known(u"priority"_s, TodoCodec::priorityName(todo.priority), true);
    known(u"status"_s, TodoCodec::statusName(todo.status), true);
    known(u"created"_s, todo.created, todo.created != 0);
    known(u"updated"_s, todo.updated, todo.updated != 0);
    // The optional members and unknown ones, alphabetically (QJsonObject keeps its keys sorted);
    // a raw value kept for an optional member is written in its place.
    QJsonObject rest = todo.extra;
    for (const char *core : coreMembers)
        rest.remove(QLatin1String(core));
    const auto optional = [&](const QString &name, const QJsonValue &value, bool present) {
        if (present && !rest.contains(name))
            rest.insert(name, value);
    };
    optional(u"notes"_s, todo.notes, !todo.notes.isEmpty());
    optional(u"remind"_s, todo.remind, !todo.remind.isEmpty());
    optional(u"reminded"_s, todo.reminded, todo.reminded != 0);
    optional(u"series"_s, todo.series, !todo.series.isEmpty());
    for (auto it = rest.constBegin(); it != rest.constEnd(); ++it)
        writeMember(out, first, it.key(), it.value());
    out += '}';
    return out;
}

} // namespace

TodoCodec::Result TodoCodec::parse(const QByteArray &value)
{
    Result result;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(value, &error);
    if (error.error != QJsonParseError::NoError) {
        result.error
            = QCoreApplication::translate("TodoCodec", "The stored list is not valid JSON (%1 at offset %2).")
                  .arg(error.errorString())
                  .arg(error.offset);
        return result;
    }
    if (!document.isArray()) {
        result.error = QCoreApplication::translate("TodoCodec", "The stored list is not a JSON array.");
        return result;
    }
    const QJsonArray array = document.array();
    result.todos.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            result.error = QCoreApplication::translate("TodoCodec",
                                                       "Entry %1 of the stored list is not a JSON object.")
                               .arg(i + 1);
            result.todos.clear();
            return result;
        }
        result.todos.append(fromJson(array.at(i).toObject()));
    }
    result.ok = true;
    return result;
}

QByteArray TodoCodec::serialize(const TodoList &todos)
{
    QByteArray out = "[";
    for (qsizetype i = 0; i < todos.size(); ++i) {
        if (i > 0)
            out += ',';
        out += serializeTodo(todos.at(i));
    }
    out += ']';
    return out;
}

QJsonObject TodoCodec::toJson(const Todo &todo)
{
    return QJsonDocument::fromJson(serializeTodo(todo)).object();
}

Todo TodoCodec::fromJson(const QJsonObject &object)
{
    Todo todo;
    readString(object, u"id"_s, todo.id, todo.extra);
    readString(object, u"text"_s, todo.text, todo.extra);
    readEnum(object, u"priority"_s, todo.priority, todo.extra, &priorityFromName);
    readEnum(object, u"status"_s, todo.status, todo.extra, &statusFromName);
    readNumber(object, u"created"_s, todo.created, todo.extra);
    readNumber(object, u"updated"_s, todo.updated, todo.extra);
    readOptional(object, u"notes"_s, todo.notes, todo.extra);
    readOptional(object, u"remind"_s, todo.remind, todo.extra, &TodoCodec::isRemindTime);
    readNumber(object, u"reminded"_s, todo.reminded, todo.extra);
    readOptional(object, u"series"_s, todo.series, todo.extra);
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!isKnownMember(it.key()))
            todo.extra.insert(it.key(), it.value());
    }
    return todo;
}

bool TodoCodec::isRemindTime(const QString &text)
{
    return text.size() == 5 && QTime::fromString(text, u"HH:mm"_s).isValid();
}

QString TodoCodec::newId(qint64 nowMs)
{
    if (nowMs < 0)
        nowMs = QDateTime::currentMSecsSinceEpoch();
    const quint32 random = QRandomGenerator::global()->bounded(1u << 30);
    return u"todo_%1_%2"_s.arg(nowMs).arg(random, 0, 36);
}

QString TodoCodec::priorityName(Todo::Priority priority)
{
    return QLatin1String(priorityNames.at(std::size_t(priority)));
}

QString TodoCodec::statusName(Todo::Status status)
{
    return QLatin1String(statusNames.at(std::size_t(status)));
}

std::optional<Todo::Priority> TodoCodec::priorityFromName(const QString &name)
{
    return enumFromName<Todo::Priority>(priorityNames, name);
}

std::optional<Todo::Status> TodoCodec::statusFromName(const QString &name)
{
    return enumFromName<Todo::Status>(statusNames, name);
}
