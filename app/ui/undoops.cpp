// SPDX-License-Identifier: MIT
#include "ui/undoops.h"

#include "sync/todocodec.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QLocale>

namespace {
/** The todo's text as a menu shows it: one line, long ones cut with an ellipsis. */
QString quoted(const QString &text)
{
    QString line = text.simplified();
    if (line.size() > 40)
        line = line.left(39) + QChar(0x2026);
    return line;
}

QString fieldEditName(const Todo &before, const TodoOperation &op)
{
    const QString what = quoted(before.text);
    switch (op.kind) {
    case TodoOperation::Kind::SetText:
        return UndoEdit::tr("Edit “%1”").arg(what);
    case TodoOperation::Kind::SetPriority:
        return UndoEdit::tr("Change Priority of “%1”").arg(what);
    case TodoOperation::Kind::SetStatus:
        return op.status == Todo::Status::Done ? UndoEdit::tr("Mark “%1” Done").arg(what)
                                               : UndoEdit::tr("Change Status of “%1”").arg(what);
    case TodoOperation::Kind::SetNotes:
        return UndoEdit::tr("Edit Notes of “%1”").arg(what);
    case TodoOperation::Kind::SetRemind:
        return UndoEdit::tr("Set Reminder of “%1”").arg(what);
    default:
        return UndoEdit::tr("Change “%1”").arg(what);
    }
}

QJsonValue memberOf(const QJsonObject &stored, const QString &name)
{
    return stored.contains(name) ? stored.value(name) : QJsonValue(QJsonValue::Null);
}
} // namespace

TodoOperation UndoEdit::inverseOf(const Todo &before, const TodoOperation &op)
{
    const QDate day = op.day;
    const QString &id = before.id;
    switch (op.kind) {
    case TodoOperation::Kind::SetText:
        return TodoOperation::setText(day, id, before.text, op.timestampMs);
    case TodoOperation::Kind::SetPriority:
        return TodoOperation::setPriority(day, id, before.priority, op.timestampMs);
    case TodoOperation::Kind::SetStatus:
        return TodoOperation::setStatus(day, id, before.status, op.timestampMs);
    case TodoOperation::Kind::SetNotes:
        return TodoOperation::setNotes(day, id, before.notes, op.timestampMs);
    case TodoOperation::Kind::SetReminded:
        return TodoOperation::setReminded(day, id, before.reminded);
    default:
        break;
    }
    // SetRemind (which also drops `reminded`) and SetMembers: the old value of each member the
    // edit touches, null where the member was absent.
    const QJsonObject stored = TodoCodec::toJson(before);
    QJsonObject old;
    if (op.kind == TodoOperation::Kind::SetRemind) {
        old.insert(QStringLiteral("remind"), memberOf(stored, QStringLiteral("remind")));
        old.insert(QStringLiteral("reminded"), memberOf(stored, QStringLiteral("reminded")));
    } else {
        for (auto it = op.members.constBegin(); it != op.members.constEnd(); ++it)
            old.insert(it.key(), memberOf(stored, it.key()));
    }
    return TodoOperation::setMembers(day, id, old, op.timestampMs);
}

UndoEdit UndoEdit::fieldEdit(const Todo &before, const TodoOperation &op)
{
    return { fieldEditName(before, op), { op }, { inverseOf(before, op) } };
}

UndoEdit UndoEdit::added(const TodoOperation &insert)
{
    return { tr("Add “%1”").arg(quoted(insert.todo.text)),
             { insert },
             { TodoOperation::remove(insert.day, insert.todo.id, insert.timestampMs) } };
}

UndoEdit UndoEdit::removed(const QDate &day, const Todo &todo, int row, const QString &afterId, qint64 now)
{
    return { tr("Delete “%1”").arg(quoted(todo.text)),
             { TodoOperation::remove(day, todo.id, now) },
             { TodoOperation::insert(day, todo, row, afterId, now) } };
}

UndoEdit UndoEdit::moved(const Todo &todo, int fromRow, const QString &fromAfterId, const TodoOperation &op)
{
    return { tr("Move “%1”").arg(quoted(todo.text)),
             { op },
             { TodoOperation::move(op.day, todo.id, fromRow, fromAfterId, op.timestampMs) } };
}

UndoEdit UndoEdit::movedToDay(const Todo &todo, const QDate &from, int fromRow, const QString &fromAfterId,
                              const QDate &to, int position, const QString &afterId, qint64 now)
{
    Todo moved = todo;
    moved.updated = now;
    // Insert first: if the app stops in between, the todo exists twice rather than nowhere.
    return {
        tr("Move “%1” to %2").arg(quoted(todo.text), QLocale().toString(to, QStringLiteral("ddd d MMM"))),
        { TodoOperation::insert(to, moved, position, afterId, now),
          TodoOperation::remove(from, todo.id, now) },
        { TodoOperation::insert(from, moved, fromRow, fromAfterId, now),
          TodoOperation::remove(to, todo.id, now) }
    };
}
