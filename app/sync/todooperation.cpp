// SPDX-License-Identifier: MIT
#include "sync/todooperation.h"

#include "sync/todocodec.h"

#include <QJsonObject>
#include <algorithm>
#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

constexpr std::array<std::pair<TodoOperation::Kind, const char *>, 6> kindNames = { {
    { TodoOperation::Kind::Insert, "insert" },
    { TodoOperation::Kind::SetText, "setText" },
    { TodoOperation::Kind::SetPriority, "setPriority" },
    { TodoOperation::Kind::SetStatus, "setStatus" },
    { TodoOperation::Kind::Remove, "remove" },
    { TodoOperation::Kind::Move, "move" },
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

template<typename Value>
void setField(Todo &todo, const TodoOperation &op, Value Todo::*field, const Value &value,
              const QString &name)
{
    todo.*field = value;
    // The user chose a value: the raw stored one we kept for a round trip is replaced.
    todo.extra.remove(name);
    if (op.timestampMs > 0) {
        todo.updated = op.timestampMs;
        todo.extra.remove(u"updated"_s);
    }
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
    return kind == Kind::SetText || kind == Kind::SetPriority || kind == Kind::SetStatus;
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
    if (kind == Kind::SetText)
        object.insert(u"text"_s, text);
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
    if (op.kind == Kind::SetText) {
        op.text = value;
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
