// SPDX-License-Identifier: MIT
#include "sync/todooperation.h"

#include "sync/todocodec.h"

#include <QJsonObject>
#include <algorithm>
#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

constexpr std::array<std::pair<TodoOperation::Kind, const char *>, 10> kindNames = { {
    { TodoOperation::Kind::Insert, "insert" },
    { TodoOperation::Kind::SetText, "setText" },
    { TodoOperation::Kind::SetPriority, "setPriority" },
    { TodoOperation::Kind::SetStatus, "setStatus" },
    { TodoOperation::Kind::Remove, "remove" },
    { TodoOperation::Kind::Move, "move" },
    { TodoOperation::Kind::SetNotes, "setNotes" },
    { TodoOperation::Kind::SetRemind, "setRemind" },
    { TodoOperation::Kind::SetReminded, "setReminded" },
    { TodoOperation::Kind::SetMembers, "setMembers" },
} };

qsizetype indexOf(const TodoList &list, const QString &id)
{
    const auto it = std::find_if(list.cbegin(), list.cend(), [&](const Todo &t) { return t.id == id; });
    return it == list.cend() ? -1 : it - list.cbegin();
}

qsizetype targetIndex(const TodoList &list, const TodoOperation &op)
{
    if (!op.afterId.isEmpty()) {
        const qsizetype after = indexOf(list, op.afterId);
        if (after >= 0)
            return after + 1;
    }
    if (op.position >= 0)
        return std::min<qsizetype>(op.position, list.size());
    return list.size();
}

void stamp(Todo &todo, const TodoOperation &op)
{
    if (op.timestampMs > 0) {
        todo.updated = op.timestampMs;
        todo.extra.remove(u"updated"_s);
    }
}

template<typename Value>
void setField(Todo &todo, const TodoOperation &op, Value Todo::*field, const Value &value,
              const QString &name)
{
    todo.*field = value;
    // The user chose a value: the raw stored one we kept for a round trip is replaced.
    todo.extra.remove(name);
    stamp(todo, op);
}

/// The todo with `members` set (null: removed) on its stored object, read back as TodoCodec reads it.
Todo withMembers(const Todo &todo, const QJsonObject &members)
{
    QJsonObject object = TodoCodec::toJson(todo);
    for (auto it = members.constBegin(); it != members.constEnd(); ++it) {
        if (it.key() == u"id"_s)
            continue;
        if (it->isNull())
            object.remove(it.key());
        else
            object.insert(it.key(), *it);
    }
    return TodoCodec::fromJson(object);
}

TodoOperation make(TodoOperation::Kind kind, const QDate &day, const QString &id, qint64 timestampMs)
{
    TodoOperation op;
    op.kind = kind;
    op.day = day;
    op.todoId = id;
    op.timestampMs = timestampMs;
    return op;
}

} // namespace

TodoOperation TodoOperation::insert(const QDate &day, const Todo &todo, int position, const QString &afterId,
                                    qint64 timestampMs)
{
    TodoOperation op = make(Kind::Insert, day, todo.id, timestampMs);
    op.todo = todo;
    op.position = position;
    op.afterId = afterId;
    return op;
}

TodoOperation TodoOperation::remove(const QDate &day, const QString &id, qint64 timestampMs)
{
    return make(Kind::Remove, day, id, timestampMs);
}

TodoOperation TodoOperation::move(const QDate &day, const QString &id, int position, const QString &afterId,
                                  qint64 timestampMs)
{
    TodoOperation op = make(Kind::Move, day, id, timestampMs);
    op.position = position;
    op.afterId = afterId;
    return op;
}

TodoOperation TodoOperation::setText(const QDate &day, const QString &id, const QString &text,
                                     qint64 timestampMs)
{
    TodoOperation op = make(Kind::SetText, day, id, timestampMs);
    op.text = text;
    return op;
}

TodoOperation TodoOperation::setPriority(const QDate &day, const QString &id, Todo::Priority priority,
                                         qint64 timestampMs)
{
    TodoOperation op = make(Kind::SetPriority, day, id, timestampMs);
    op.priority = priority;
    return op;
}

TodoOperation TodoOperation::setStatus(const QDate &day, const QString &id, Todo::Status status,
                                       qint64 timestampMs)
{
    TodoOperation op = make(Kind::SetStatus, day, id, timestampMs);
    op.status = status;
    return op;
}

TodoOperation TodoOperation::setNotes(const QDate &day, const QString &id, const QString &notes,
                                      qint64 timestampMs)
{
    TodoOperation op = make(Kind::SetNotes, day, id, timestampMs);
    op.text = notes;
    return op;
}

TodoOperation TodoOperation::setRemind(const QDate &day, const QString &id, const QString &remind,
                                       qint64 timestampMs)
{
    TodoOperation op = make(Kind::SetRemind, day, id, timestampMs);
    op.text = remind;
    return op;
}

TodoOperation TodoOperation::setReminded(const QDate &day, const QString &id, qint64 shownMs)
{
    TodoOperation op = make(Kind::SetReminded, day, id, 0);
    op.reminded = shownMs;
    return op;
}

TodoOperation TodoOperation::setMembers(const QDate &day, const QString &id, const QJsonObject &members,
                                        qint64 timestampMs)
{
    TodoOperation op = make(Kind::SetMembers, day, id, timestampMs);
    op.members = members;
    return op;
}

QString TodoOperation::targetId() const
{
    return kind == Kind::Insert ? todo.id : todoId;
}

bool TodoOperation::isValid() const
{
    return day.isValid() && !targetId().isEmpty();
}

bool TodoOperation::isFieldEdit() const
{
    return kind != Kind::Insert && kind != Kind::Remove && kind != Kind::Move;
}

TodoList TodoOperation::applyTo(TodoList list) const
{
    const qsizetype index = indexOf(list, targetId());
    switch (kind) {
    case Kind::Insert:
        if (index < 0 && !todo.id.isEmpty())
            list.insert(targetIndex(list, *this), todo);
        break;
    case Kind::SetText:
        if (index >= 0)
            setField(list[index], *this, &Todo::text, text, u"text"_s);
        break;
    case Kind::SetPriority:
        if (index >= 0)
            setField(list[index], *this, &Todo::priority, priority, u"priority"_s);
        break;
    case Kind::SetStatus:
        if (index >= 0)
            setField(list[index], *this, &Todo::status, status, u"status"_s);
        break;
    case Kind::SetNotes:
        if (index >= 0)
            setField(list[index], *this, &Todo::notes, text, u"notes"_s);
        break;
    case Kind::SetRemind:
        if (index >= 0) {
            setField(list[index], *this, &Todo::remind, text, u"remind"_s);
            // A new time is a new reminder: the mark that the old one was shown goes.
            list[index].reminded = 0;
            list[index].extra.remove(u"reminded"_s);
        }
        break;
    case Kind::SetReminded:
        if (index >= 0)
            setField(list[index], *this, &Todo::reminded, reminded, u"reminded"_s);
        break;
    case Kind::SetMembers:
        if (index >= 0) {
            list[index] = withMembers(list.at(index), members);
            stamp(list[index], *this);
        }
        break;
    case Kind::Remove:
        if (index >= 0)
            list.removeAt(index);
        break;
    case Kind::Move:
        if (index >= 0) {
            Todo moved = list.takeAt(index);
            list.insert(targetIndex(list, *this), std::move(moved));
        }
        break;
    }
    return list;
}

QJsonObject TodoOperation::toJson() const
{
    QJsonObject object;
    for (const auto &[k, name] : kindNames) {
        if (k == kind)
            object.insert(u"kind"_s, QLatin1String(name));
    }
    object.insert(u"day"_s, day.toString(Qt::ISODate));
    if (kind == Kind::Insert)
        object.insert(u"todo"_s, TodoCodec::toJson(todo));
    else
        object.insert(u"todoId"_s, todoId);
    if (kind == Kind::SetText || kind == Kind::SetNotes || kind == Kind::SetRemind)
        object.insert(u"text"_s, text);
    else if (kind == Kind::SetReminded)
        object.insert(u"reminded"_s, reminded);
    else if (kind == Kind::SetMembers)
        object.insert(u"members"_s, members);
    else if (kind == Kind::SetPriority)
        object.insert(u"text"_s, TodoCodec::priorityName(priority));
    else if (kind == Kind::SetStatus)
        object.insert(u"text"_s, TodoCodec::statusName(status));
    if (kind == Kind::Insert || kind == Kind::Move) {
        object.insert(u"position"_s, position);
        if (!afterId.isEmpty())
            object.insert(u"afterId"_s, afterId);
    }
    if (timestampMs > 0)
        object.insert(u"timestamp"_s, timestampMs);
    return object;
}

TodoOperation TodoOperation::fromJson(const QJsonObject &object)
{
    TodoOperation op;
    const QString kindName = object.value(u"kind"_s).toString();
    const auto known = std::find_if(kindNames.cbegin(), kindNames.cend(), [&](const auto &entry) {
        return kindName == QLatin1String(entry.second);
    });
    if (known == kindNames.cend())
        return TodoOperation(); // invalid: no day
    op.kind = known->first;
    op.day = QDate::fromString(object.value(u"day"_s).toString(), Qt::ISODate);
    if (op.kind == Kind::Insert) {
        op.todo = TodoCodec::fromJson(object.value(u"todo"_s).toObject());
        op.todoId = op.todo.id;
    } else {
        op.todoId = object.value(u"todoId"_s).toString();
    }
    const QString value = object.value(u"text"_s).toString();
    if (op.kind == Kind::SetText || op.kind == Kind::SetNotes || op.kind == Kind::SetRemind) {
        op.text = value;
    } else if (op.kind == Kind::SetReminded) {
        op.reminded = object.value(u"reminded"_s).toInteger(0);
    } else if (op.kind == Kind::SetMembers) {
        op.members = object.value(u"members"_s).toObject();
    } else if (op.kind == Kind::SetPriority || op.kind == Kind::SetStatus) {
        // The queue only ever holds values the app chose, so an unknown one means a damaged entry.
        const auto priority = TodoCodec::priorityFromName(value);
        const auto status = TodoCodec::statusFromName(value);
        if (op.kind == Kind::SetPriority ? !priority : !status)
            return TodoOperation(); // invalid: no day
        op.priority = priority.value_or(op.priority);
        op.status = status.value_or(op.status);
    }
    op.position = object.value(u"position"_s).toInt(-1);
    op.afterId = object.value(u"afterId"_s).toString();
    op.timestampMs = object.value(u"timestamp"_s).toInteger(0);
    return op;
}
