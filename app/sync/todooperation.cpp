// SPDX-License-Identifier: MIT
#include "todooperation.h"

#include "todocodec.h"

#include <QJsonObject>

#include <algorithm>
#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

constexpr std::array<std::pair<TodoOperation::Kind, const char *>, 6> kindNames = {{
    {TodoOperation::Kind::Insert, "insert"},
    {TodoOperation::Kind::SetText, "setText"},
    {TodoOperation::Kind::SetPriority, "setPriority"},
    {TodoOperation::Kind::SetStatus, "setStatus"},
    {TodoOperation::Kind::Remove, "remove"},
    {TodoOperation::Kind::Move, "move"},
}};

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

void setField(Todo &todo, const TodoOperation &op, QString Todo::*field, const QString &name)
{
    todo.*field = op.text;
    // The user chose a value: the raw stored one we kept for a round trip is replaced.
    todo.extra.remove(name);
    if (op.timestampMs > 0) {
        todo.updated = op.timestampMs;
        todo.extra.remove(u"updated"_s);
    }
}

} // namespace

QString TodoOperation::targetId() const
{
    return kind == Kind::Insert ? todo.id : todoId;
}

bool TodoOperation::isValid() const
{
    return day.isValid() && !targetId().isEmpty();
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
            setField(list[index], *this, &Todo::text, u"text"_s);
        break;
    case Kind::SetPriority:
        if (index >= 0)
            setField(list[index], *this, &Todo::priority, u"priority"_s);
        break;
    case Kind::SetStatus:
        if (index >= 0)
            setField(list[index], *this, &Todo::status, u"status"_s);
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
    if (kind == Kind::SetText || kind == Kind::SetPriority || kind == Kind::SetStatus)
        object.insert(u"text"_s, text);
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
    const auto known = std::find_if(kindNames.cbegin(), kindNames.cend(),
                                    [&](const auto &entry) { return kindName == QLatin1String(entry.second); });
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
    op.text = object.value(u"text"_s).toString();
    op.position = object.value(u"position"_s).toInt(-1);
    op.afterId = object.value(u"afterId"_s).toString();
    op.timestampMs = object.value(u"timestamp"_s).toInteger(0);
    return op;
}
