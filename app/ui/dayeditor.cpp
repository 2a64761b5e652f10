// SPDX-License-Identifier: MIT
#include "ui/dayeditor.h"

#include "sync/daycache.h"
#include "sync/syncsession.h"
#include "sync/todocodec.h"
#include "sync/todooperation.h"
#include "ui/undostack.h"

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

void DayEditor::setUndoStack(UndoStack *undo)
{
    m_undo = undo;
}

void DayEditor::setDate(const QDate &date)
{
    m_date = date;
}

QString DayEditor::carryOverName(int count)
{
    return tr("Carry Over %n Todo(s)", nullptr, count);
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
    const Todo *todo = find(id);
    if (!canEdit(m_date) || !todo)
        return false;
    perform(UndoEdit::fieldEdit(*todo, op));
    return true;
}

void DayEditor::perform(const UndoEdit &edit)
{
    UndoStack::perform(m_session, m_undo, edit);
}

QString DayEditor::add(const QString &text, Todo::Priority priority, const QDate &day, const QString &remind)
{
    const QString trimmed = text.trimmed();
    const QDate target = day.isValid() ? day : m_date;
    if (trimmed.isEmpty() || !canEdit(target))
        return {};
    const qint64 now = nowMs();
    Todo todo;
    todo.id = newTodoId();
    todo.text = trimmed;
    todo.priority = isKnown(priority) ? priority : Todo::Priority::Medium;
    todo.created = now;
    todo.updated = now;
    todo.remind = remind;
    // Quick add may name another day: the todo goes to the end of that day's list.
    const TodoList &rows = target == m_date ? m_rows : m_cache->day(target).todos;
    const QString afterId = rows.isEmpty() ? QString() : rows.constLast().id;
    perform(UndoEdit::added(TodoOperation::insert(target, todo, -1, afterId, now)));
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
    perform(UndoEdit::removed(m_date, *it, row, row > 0 ? m_rows.at(row - 1).id : QString(), nowMs()));
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
    const QString fromAfterId = from > 0 ? m_rows.at(from - 1).id : QString();
    perform(UndoEdit::moved(moving, from, fromAfterId,
                            TodoOperation::move(m_date, moving.id, to, afterId, nowMs())));
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
    const TodoList &rows = m_cache->day(from).todos;
    const Todo *todo = findIn(rows, id);
    if (!todo)
        return false;
    const int row = int(todo - rows.constData());
    const QString fromAfterId = row > 0 ? rows.at(row - 1).id : QString();
    perform(UndoEdit::movedToDay(*todo, from, row, fromAfterId, to, position, afterId, nowMs()));
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
    if (m_undo)
        m_undo->beginGroup();
    for (const QString &id : std::as_const(open))
        moved += moveToDay(id, target) ? 1 : 0;
    if (m_undo)
        m_undo->endGroup(carryOverName(moved));
    return moved;
}
