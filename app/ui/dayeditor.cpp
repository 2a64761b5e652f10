// SPDX-License-Identifier: MIT
#include "ui/dayeditor.h"

#include "sync/daycache.h"
#include "sync/syncsession.h"
#include "sync/todocodec.h"
#include "sync/todooperation.h"

#include <QDateTime>
#include <QMetaEnum>
#include <QRandomGenerator>
#include <algorithm>

namespace {
template<typename Enum> bool isKnown(Enum value)
{
    return QMetaEnum::fromType<Enum>().valueToKey(int(value)) != nullptr;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

const Todo *findIn(const TodoList &todos, const QString &id)
{
    const auto it = std::find_if(todos.cbegin(), todos.cend(), [&id](const Todo &t) { return t.id == id; });
    return it == todos.cend() ? nullptr : &*it;
}
} // namespace

DayEditor::DayEditor(const TodoList &rows, QObject *parent)
    : QObject(parent)
    , m_rows(rows)
{ }

void DayEditor::setBackend(DayCache *cache, SyncSession *session)
{
    m_cache = cache;
    m_session = session;
}

void DayEditor::setDate(const QDate &date)
{
    m_date = date;
    if (m_undo.isEmpty())
        return;
    m_undo.clear();
    emit canUndoChanged();
}

bool DayEditor::canUndo() const
{
    return !m_undo.isEmpty();
}

QString DayEditor::undoText() const
{
    return m_undo.isEmpty() ? QString() : m_undo.constLast().todo.text;
}

QString DayEditor::newTodoId()
{
    // data-model.md: todo_<ms since epoch>_<random>, never reused.
    const quint64 random = QRandomGenerator::global()->generate64();
    return QStringLiteral("todo_%1_%2")
        .arg(QDateTime::currentMSecsSinceEpoch())
        .arg(QString::number(random, 36).left(9));
}

const Todo *DayEditor::find(const QString &id) const
{
    return findIn(m_rows, id);
}

bool DayEditor::canEdit(const QDate &date)
{
    if (!m_session || !m_cache || !date.isValid())
        return false;
    if (m_cache->day(date).status == DayCache::Status::Invalid) {
        emit message(tr("This day's stored list cannot be read, so it is left untouched."));
        return false;
    }
    return true;
}

bool DayEditor::submitEdit(const QString &id, const TodoOperation &op)
{
    if (!canEdit(m_date) || !find(id))
        return false;
    m_session->submit(op);
    return true;
}

QString DayEditor::add(const QString &text, Todo::Priority priority)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || !canEdit(m_date))
        return {};
    const qint64 now = nowMs();
    Todo todo;
    todo.id = newTodoId();
    todo.text = trimmed;
    todo.priority = isKnown(priority) ? priority : Todo::Priority::Medium;
    todo.created = now;
    todo.updated = now;
    const QString afterId = m_rows.isEmpty() ? QString() : m_rows.constLast().id;
    m_session->submit(TodoOperation::insert(m_date, todo, -1, afterId, now));
    return todo.id;
}

bool DayEditor::setText(const QString &id, const QString &text)
{
    const QString trimmed = text.trimmed();
    const Todo *todo = find(id);
    if (!todo)
        return false;
    if (trimmed.isEmpty()) {
        emit message(tr("A todo needs some text; the old text was kept."));
        return false;
    }
    if (todo->text == trimmed)
        return true;
    return submitEdit(id, TodoOperation::setText(m_date, id, trimmed, nowMs()));
}

bool DayEditor::setPriority(const QString &id, Todo::Priority priority)
{
    const Todo *todo = find(id);
    if (!todo || !isKnown(priority))
        return false;
    if (todo->priority == priority)
        return true;
    return submitEdit(id, TodoOperation::setPriority(m_date, id, priority, nowMs()));
}

bool DayEditor::setNotes(const QString &id, const QString &notes)
{
    const Todo *todo = find(id);
    if (!todo)
        return false;
    // Notes of white space only are no notes: the member goes.
    const QString value = notes.trimmed().isEmpty() ? QString() : notes;
    if (todo->notes == value)
        return true;
    return submitEdit(id, TodoOperation::setNotes(m_date, id, value, nowMs()));
}

bool DayEditor::setRemind(const QString &id, const QString &remind)
{
    const Todo *todo = find(id);
    if (!todo)
        return false;
    const QString value = remind.trimmed();
    if (!value.isEmpty() && !TodoCodec::isRemindTime(value)) {
        emit message(tr("A reminder time is hours and minutes, like 14:30."));
        return false;
    }
    if (todo->remind == value)
        return true;
    return submitEdit(id, TodoOperation::setRemind(m_date, id, value, nowMs()));
}

bool DayEditor::setStatus(const QString &id, Todo::Status status)
{
    const Todo *todo = find(id);
    if (!todo || !isKnown(status))
        return false;
    if (todo->status == status)
        return true;
    return submitEdit(id, TodoOperation::setStatus(m_date, id, status, nowMs()));
}

bool DayEditor::toggleDone(const QString &id)
{
    const Todo *todo = find(id);
    if (!todo)
        return false;
    return setStatus(id, todo->isDone() ? Todo::Status::NotSet : Todo::Status::Done);
}

bool DayEditor::remove(const QString &id)
{
    const auto it = std::find_if(m_rows.cbegin(), m_rows.cend(), [&id](const Todo &t) { return t.id == id; });
    if (it == m_rows.cend() || !canEdit(m_date))
        return false;
    const int row = int(it - m_rows.cbegin());
    Removed removed { *it, row > 0 ? m_rows.at(row - 1).id : QString(), row };
    m_session->submit(TodoOperation::remove(m_date, id, nowMs()));
    m_undo.append(removed);
    // Undo is for the last few slips, not a history.
    if (m_undo.size() > 20)
        m_undo.removeFirst();
    emit canUndoChanged();
    return true;
}

bool DayEditor::undo()
{
    if (m_undo.isEmpty() || !canEdit(m_date))
        return false;
    const Removed removed = m_undo.takeLast();
    emit canUndoChanged();
    if (find(removed.todo.id))
        return false;
    const int position = std::min(removed.position, int(m_rows.size()));
    m_session->submit(TodoOperation::insert(m_date, removed.todo, position, removed.afterId, nowMs()));
    return true;
}

bool DayEditor::move(int from, int to)
{
    if (from < 0 || from >= m_rows.size() || to < 0 || to >= m_rows.size() || !canEdit(m_date))
        return false;
    if (from == to)
        return true;
    TodoList without = m_rows;
    const Todo moving = without.takeAt(from);
    const QString afterId = to > 0 ? without.at(to - 1).id : QString();
    m_session->submit(TodoOperation::move(m_date, moving.id, to, afterId, nowMs()));
    return true;
}

bool DayEditor::moveToDay(const QString &id, const QDate &target)
{
    if (!find(id) || !m_cache)
        return false;
    const TodoList &there = m_cache->day(target).todos;
    return moveBetweenDays(id, m_date, target, -1, there.isEmpty() ? QString() : there.constLast().id);
}

bool DayEditor::moveBetweenDays(const QString &id, const QDate &from, const QDate &to, int position,
                                const QString &afterId)
{
    if (!from.isValid() || !to.isValid() || from == to || !canEdit(from))
        return false;
    const Todo *todo = findIn(m_cache->day(from).todos, id);
    if (!todo)
        return false;
    const qint64 now = nowMs();
    Todo moved = *todo;
    moved.updated = now;
    // Insert first: if the app stops in between, the todo exists twice rather than nowhere.
    m_session->submit(TodoOperation::insert(to, moved, position, afterId, now));
    m_session->submit(TodoOperation::remove(from, id, now));
    return true;
}

int DayEditor::carryOverUnfinishedTo(const QDate &target)
{
    if (!target.isValid() || target == m_date)
        return 0;
    QStringList open;
    for (const Todo &todo : m_rows) {
        if (!todo.isDone())
            open << todo.id;
    }
    int moved = 0;
    for (const QString &id : std::as_const(open))
        moved += moveToDay(id, target) ? 1 : 0;
    return moved;
}
