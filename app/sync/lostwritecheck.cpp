// SPDX-License-Identifier: MIT
#include "sync/lostwritecheck.h"

#include "sync/todocodec.h"

#include <algorithm>

namespace {

/// The value of the field(s) `op` edits (invalid for other kinds).
QVariant fieldOf(const Todo &todo, const TodoOperation &op)
{
    switch (op.kind) {
    case TodoOperation::Kind::SetText:
        return todo.text;
    case TodoOperation::Kind::SetPriority:
        return QVariant::fromValue(todo.priority);
    case TodoOperation::Kind::SetStatus:
        return QVariant::fromValue(todo.status);
    case TodoOperation::Kind::SetNotes:
        return todo.notes;
    case TodoOperation::Kind::SetRemind:
        return todo.remind;
    case TodoOperation::Kind::SetReminded:
        return todo.reminded;
    case TodoOperation::Kind::SetMembers: {
        // The stored values of the members it sets, null when absent (as the op writes removal).
        const QJsonObject stored = TodoCodec::toJson(todo);
        QJsonObject values;
        for (auto it = op.members.constBegin(); it != op.members.constEnd(); ++it)
            values.insert(it.key(),
                          stored.value(it.key()).isUndefined() ? QJsonValue() : stored.value(it.key()));
        return values;
    }
    default:
        return {};
    }
}

/// The value a field edit writes.
QVariant newValue(const TodoOperation &op)
{
    Todo written;
    written.id = op.todoId;
    return fieldOf(op.applyTo({ written }).constFirst(), op);
}

const Todo *findTodo(const TodoList &list, const QString &id)
{
    const auto it = std::find_if(list.cbegin(), list.cend(), [&](const Todo &t) { return t.id == id; });
    return it == list.cend() ? nullptr : &*it;
}

/// The value an op overwrites, so a later value showing exactly it again reveals a lost write.
QVariant fieldBefore(const TodoList &list, const TodoOperation &op)
{
    const Todo *todo = findTodo(list, op.todoId);
    return todo ? fieldOf(*todo, op) : QVariant();
}

enum class Seen { Present, Lost, Unknown };

/// Whether `list`, a value someone else wrote after our write, still shows `op`'s effect.
Seen effectIn(const TodoList &list, const TodoOperation &op, const QList<QVariant> &before)
{
    const Todo *todo = findTodo(list, op.targetId());
    switch (op.kind) {
    case TodoOperation::Kind::Insert:
        return todo ? Seen::Present : Seen::Lost;
    case TodoOperation::Kind::Remove:
        return todo ? Seen::Lost : Seen::Present;
    case TodoOperation::Kind::SetText:
    case TodoOperation::Kind::SetPriority:
    case TodoOperation::Kind::SetStatus:
    case TodoOperation::Kind::SetNotes:
    case TodoOperation::Kind::SetRemind:
    case TodoOperation::Kind::SetReminded:
    case TodoOperation::Kind::SetMembers: {
        if (!todo)
            return Seen::Unknown;
        const QVariant now = fieldOf(*todo, op);
        if (now == newValue(op))
            return Seen::Present;
        // Back to the old value: our write was overwritten by a stale read. Anything else is
        // a newer edit of the same field by someone who saw ours, which stands.
        return before.contains(now) ? Seen::Lost : Seen::Present;
    }
    case TodoOperation::Kind::Move:
        return Seen::Unknown;
    }
    return Seen::Unknown;
}

} // namespace

LostWriteCheck::LostWriteCheck(int windowMs)
    : m_windowMs(windowMs)
{ }

bool LostWriteCheck::supersedes(const TodoOperation &newer, const TodoOperation &older)
{
    if (older.targetId() != newer.targetId())
        return false;
    // Removing the todo or adding it (back) decides whether it is there from then on.
    if (newer.kind == TodoOperation::Kind::Remove || newer.kind == TodoOperation::Kind::Insert)
        return true;
    return newer.isFieldEdit() && older.kind == newer.kind
        && (newer.kind != TodoOperation::Kind::SetMembers || newer.members.keys() == older.members.keys());
}

void LostWriteCheck::written(const QDate &day, const TodoList &base, const QList<TodoOperation> &ops,
                             const QByteArray &value)
{
    Write write { value, {}, QDeadlineTimer(m_windowMs) };
    TodoList next = base;
    for (const TodoOperation &op : ops) {
        Check check { op, { fieldBefore(next, op) } };
        next = op.applyTo(std::move(next));
        // An older check of the same field is folded into this one: only the latest of our
        // values counts, and every value we replaced is a sign of a lost write.
        for (qsizetype i = write.checks.size() - 1; i >= 0; --i) {
            if (supersedes(op, write.checks.at(i).op)) {
                check.before = write.checks.at(i).before + check.before;
                write.checks.removeAt(i);
            }
        }
        write.checks.append(std::move(check));
    }
    QList<Write> &writes = m_writes[day];
    for (Check &check : write.checks) {
        for (Write &older : writes) {
            older.checks.removeIf([&](const Check &old) {
                if (!supersedes(check.op, old.op))
                    return false;
                check.before = old.before + check.before;
                return true;
            });
        }
    }
    writes.removeIf([](const Write &w) { return w.checks.isEmpty(); });
    writes.append(std::move(write));
}

void LostWriteCheck::writtenConditionally(const QDate &day, const QList<TodoOperation> &ops)
{
    const auto it = m_writes.find(day);
    if (it == m_writes.end())
        return;
    for (Write &older : *it) {
        older.checks.removeIf([&](const Check &check) {
            return std::any_of(ops.cbegin(), ops.cend(),
                               [&](const TodoOperation &op) { return supersedes(op, check.op); });
        });
    }
    it->removeIf([](const Write &w) { return w.checks.isEmpty(); });
    if (it->isEmpty())
        m_writes.erase(it);
}

bool LostWriteCheck::isChecking(const QDate &day) const
{
    return m_writes.contains(day);
}

QList<TodoOperation> LostWriteCheck::takeLost(const QDate &day, const std::optional<QByteArray> &value,
                                              const QList<TodoOperation> &pending)
{
    const auto it = m_writes.find(day);
    if (it == m_writes.end())
        return {};
    QList<Write> &writes = *it;
    writes.removeIf([](const Write &w) { return w.deadline.hasExpired(); });
    const bool ours = value
        && std::any_of(writes.cbegin(), writes.cend(), [&](const Write &w) { return w.value == *value; });
    const TodoCodec::Result parsed = TodoCodec::parse(value.value_or("[]"));
    QList<TodoOperation> lost;
    if (!ours && parsed.ok) {
        for (Write &write : writes) {
            write.checks.removeIf([&](const Check &check) {
                switch (effectIn(parsed.todos, check.op, check.before)) {
                case Seen::Present:
                    return true;
                case Seen::Lost:
                    lost.append(check.op);
                    return true;
                case Seen::Unknown:
                    return false;
                }
                return false;
            });
        }
        writes.removeIf([](const Write &w) { return w.checks.isEmpty(); });
    }
    if (writes.isEmpty())
        m_writes.erase(it);
    lost.removeIf([&](const TodoOperation &op) {
        return std::any_of(pending.cbegin(), pending.cend(),
                           [&](const TodoOperation &newer) { return supersedes(newer, op); });
    });
    return lost;
}

void LostWriteCheck::clear()
{
    m_writes.clear();
}
