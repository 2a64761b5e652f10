// SPDX-License-Identifier: MIT
#include "ui/undostack.h"

#include "sync/daycache.h"
#include "sync/syncsession.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSet>

Q_LOGGING_CATEGORY(lcUndo, "dayboard.ui.undo")

namespace {
const Todo *findIn(const TodoList &todos, const QString &id, int *row = nullptr)
{
    for (int i = 0; i < todos.size(); ++i) {
        if (todos.at(i).id == id) {
            if (row)
                *row = i;
            return &todos.at(i);
        }
    }
    return nullptr;
}

QSet<QDate> daysOf(const UndoEdit &edit)
{
    QSet<QDate> days;
    for (const TodoOperation &op : edit.forward)
        days.insert(op.day);
    for (const TodoOperation &op : edit.inverse)
        days.insert(op.day);
    return days;
}
} // namespace

UndoStack::UndoStack(QObject *parent)
    : QObject(parent)
{ }

UndoStack::~UndoStack()
{
    clear();
}

void UndoStack::setBackend(DayCache *cache, SyncSession *session)
{
    if (m_cache == cache && m_session == session)
        return;
    // Another backend is another server's lists: the steps do not apply there.
    clear();
    m_cache = cache;
    m_session = session;
}

bool UndoStack::canUndo() const
{
    return !m_undo.isEmpty();
}

bool UndoStack::canRedo() const
{
    return !m_redo.isEmpty();
}

QString UndoStack::undoText() const
{
    return m_undo.isEmpty() ? QString() : m_undo.constLast().edit.name;
}

QString UndoStack::redoText() const
{
    return m_redo.isEmpty() ? QString() : m_redo.constLast().edit.name;
}

int UndoStack::lastStep() const
{
    return m_undo.isEmpty() ? 0 : m_undo.constLast().serial;
}

void UndoStack::perform(SyncSession *session, UndoStack *undo, const UndoEdit &edit)
{
    for (const TodoOperation &op : edit.forward)
        session->submit(op);
    if (undo)
        undo->record(edit);
}

void UndoStack::record(const UndoEdit &edit)
{
    if (m_groupDepth > 0) {
        m_group.forward += edit.forward;
        // Undone in reverse order: the last move of a carry-over is taken back first.
        m_group.inverse = edit.inverse + m_group.inverse;
        return;
    }
    for (const Step &step : std::as_const(m_redo))
        watchDays(step, false);
    m_redo.clear();
    push(m_undo, { m_nextSerial++, edit });
    emit changed();
}

void UndoStack::push(QList<Step> &stack, const Step &step)
{
    watchDays(step, true);
    stack.append(step);
    if (stack.size() > limit)
        watchDays(stack.takeFirst(), false);
}

void UndoStack::beginGroup()
{
    if (m_groupDepth++ == 0)
        m_group = {};
}

void UndoStack::endGroup(const QString &name)
{
    if (m_groupDepth == 0 || --m_groupDepth > 0)
        return;
    m_group.name = name;
    if (!m_group.forward.isEmpty())
        record(m_group);
    m_group = {};
}

bool UndoStack::undo()
{
    if (m_undo.isEmpty())
        return false;
    Step step = m_undo.takeLast();
    const bool done
        = replay(step.edit.inverse, step.edit.forward,
                 tr("Not undone: %1 — the todo was deleted or moved meanwhile.").arg(step.edit.name));
    if (done)
        m_redo.append(step);
    else
        watchDays(step, false);
    emit changed();
    return done;
}

bool UndoStack::redo()
{
    if (m_redo.isEmpty())
        return false;
    Step step = m_redo.takeLast();
    const bool done
        = replay(step.edit.forward, step.edit.inverse,
                 tr("Not redone: %1 — the todo was deleted or moved meanwhile.").arg(step.edit.name));
    if (done)
        m_undo.append(step);
    else
        watchDays(step, false);
    emit changed();
    return done;
}

bool UndoStack::undoStep(int serial)
{
    if (!m_undo.isEmpty() && m_undo.constLast().serial == serial)
        return undo();
    for (int i = 0; i < m_undo.size(); ++i) {
        if (m_undo.at(i).serial != serial)
            continue;
        // Out of order: undone where it is, with no redo (the steps after it stay as they are).
        Step step = m_undo.takeAt(i);
        const bool done
            = replay(step.edit.inverse, step.edit.forward,
                     tr("Not undone: %1 — the todo was deleted or moved meanwhile.").arg(step.edit.name));
        watchDays(step, false);
        emit changed();
        return done;
    }
    return false;
}

void UndoStack::clear()
{
    if (m_undo.isEmpty() && m_redo.isEmpty())
        return;
    for (const Step &step : std::as_const(m_undo))
        watchDays(step, false);
    for (const Step &step : std::as_const(m_redo))
        watchDays(step, false);
    m_undo.clear();
    m_redo.clear();
    emit changed();
}

void UndoStack::watchDays(const Step &step, bool watch)
{
    if (!m_cache)
        return;
    for (const QDate &day : daysOf(step.edit)) {
        if (watch)
            m_cache->watch(day);
        else
            m_cache->unwatch(day);
    }
}

bool UndoStack::replay(QList<TodoOperation> &ops, QList<TodoOperation> &counterpart, const QString &notice)
{
    if (!m_cache || !m_session)
        return false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // What each removal takes away, as it is now: an insert of the same todo (a move, or the
    // way back) puts back that version, where it stood. A todo a move would take from a day it
    // is no longer on was deleted (or moved) meanwhile: the move is skipped, never a resurrection.
    QSet<QString> gone;
    for (const TodoOperation &op : std::as_const(ops)) {
        if (op.kind != TodoOperation::Kind::Remove)
            continue;
        const DayCache::Day &day = m_cache->day(op.day);
        int row = -1;
        const Todo *current = findIn(day.todos, op.todoId, &row);
        if (!current) {
            if (day.status == DayCache::Status::Ready)
                gone.insert(op.todoId);
            continue;
        }
        for (TodoOperation &insert : ops) {
            if (insert.kind == TodoOperation::Kind::Insert && insert.todo.id == op.todoId)
                insert.todo = *current;
        }
        for (TodoOperation &back : counterpart) {
            if (back.kind != TodoOperation::Kind::Insert || back.todo.id != op.todoId)
                continue;
            back.todo = *current;
            if (back.day == op.day) {
                back.position = row;
                back.afterId = row > 0 ? day.todos.at(row - 1).id : QString();
            }
        }
    }
    bool applied = false;
    bool skipped = false;
    for (TodoOperation op : std::as_const(ops)) {
        const DayCache::Day &day = m_cache->day(op.day);
        const bool here = findIn(day.todos, op.targetId()) != nullptr;
        const bool known = day.status == DayCache::Status::Ready;
        bool skip = false;
        if (op.kind == TodoOperation::Kind::Insert) {
            skip = here || gone.contains(op.todo.id);
            skipped = skipped || gone.contains(op.todo.id);
        } else if (op.kind == TodoOperation::Kind::Remove) {
            skip = known && !here;
        } else {
            skip = known && !here;
            skipped = skipped || skip;
        }
        if (skip) {
            qCDebug(lcUndo) << "skipping" << op.toJson();
            continue;
        }
        if (op.timestampMs > 0)
            op.timestampMs = now;
        if (op.kind == TodoOperation::Kind::Insert)
            op.todo.updated = now;
        m_session->submit(op);
        applied = true;
    }
    if (skipped || !applied)
        emit message(notice);
    return applied;
}
