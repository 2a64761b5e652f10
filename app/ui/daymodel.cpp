// SPDX-License-Identifier: MIT
#include "ui/daymodel.h"

#include "sync/daycache.h"
#include "sync/syncsession.h"
#include "sync/todooperation.h"
#include "ui/appcontroller.h"
#include "ui/moveplan.h"

#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <algorithm>

Q_LOGGING_CATEGORY(lcDayModel, "dayboard.ui.model")

namespace {
QString isoOf(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

/** For each row of `current`, its row in `target` by todo id (repeated ids pair up in order), or -1. */
QList<int> matchRows(const TodoList &current, const TodoList &target)
{
    // unmatched[id]: the first row of `target` with that id not paired yet; nextWithSameId chains the rest.
    QHash<QString, int> unmatched;
    unmatched.reserve(target.size());
    QList<int> nextWithSameId(target.size(), -1);
    for (int row = int(target.size()) - 1; row >= 0; --row) {
        nextWithSameId[row] = unmatched.value(target.at(row).id, -1);
        unmatched.insert(target.at(row).id, row);
    }
    QList<int> targetRows(current.size(), -1);
    for (int row = 0; row < current.size(); ++row) {
        const auto found = unmatched.find(current.at(row).id);
        if (found == unmatched.end() || *found < 0)
            continue;
        targetRows[row] = *found;
        *found = nextWithSameId.at(*found);
    }
    return targetRows;
}
} // namespace

DayModel::DayModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

DayModel::~DayModel()
{
    detach();
}

void DayModel::setBackend(DayCache *cache, SyncSession *session)
{
    if (m_cache == cache && m_session == session)
        return;
    detach();
    m_cache = cache;
    m_session = session;
    attach();
    syncFromCache();
}

AppController *DayModel::controller() const
{
    return m_controller;
}

void DayModel::setController(AppController *controller)
{
    if (m_controller == controller)
        return;
    m_controller = controller;
    if (controller)
        setBackend(controller->cache(), controller->session());
    else
        setBackend(nullptr, nullptr);
    emit controllerChanged();
}

QDate DayModel::date() const
{
    return m_date;
}

void DayModel::setDate(const QDate &date)
{
    if (m_date == date)
        return;
    detach();
    m_date = date;
    const bool hadUndo = !m_undo.isEmpty();
    m_undo.clear();
    attach();
    // Another day is another list: a reset is the honest signal here (this is not a live update).
    beginResetModel();
    m_todos = (m_cache && m_date.isValid()) ? m_cache->day(m_date).todos : TodoList();
    endResetModel();
    emit dateChanged();
    emit countChanged();
    emit statusChanged();
    if (hadUndo)
        emit canUndoChanged();
}

QString DayModel::isoDate() const
{
    return isoOf(m_date);
}

void DayModel::setIsoDate(const QString &isoDate)
{
    setDate(QDate::fromString(isoDate, Qt::ISODate));
}

void DayModel::attach()
{
    if (!m_cache)
        return;
    m_cacheConnection = connect(m_cache, &DayCache::dayChanged, this, &DayModel::onDayChanged);
    if (m_date.isValid()) {
        m_cache->watch(m_date);
        m_watching = true;
    }
}

void DayModel::detach()
{
    disconnect(m_cacheConnection);
    if (m_cache && m_watching)
        m_cache->unwatch(m_date);
    m_watching = false;
}

void DayModel::onDayChanged(const QDate &date)
{
    if (date == m_date)
        syncFromCache();
}

void DayModel::syncFromCache()
{
    const TodoList target = (m_cache && m_date.isValid()) ? m_cache->day(m_date).todos : TodoList();
    const int openBefore = openCount();
    const int countBefore = m_todos.size();
    applyDiff(target);
    if (openBefore != openCount() || countBefore != m_todos.size())
        emit countChanged();
    emit statusChanged();
}

// Turns m_todos into `target` with fine-grained row signals: removals first, then the inserts
// and the fewest moves (MovePlan), then dataChanged for the rows whose content differs.
void DayModel::applyDiff(const TodoList &target)
{
    QList<int> targetRows = matchRows(m_todos, target);
    removeUnmatched(&targetRows);
    const MovePlan plan(targetRows, int(target.size()));
    applySteps(plan, target);
    updateChanged(target);
}

void DayModel::removeUnmatched(QList<int> *targetRows)
{
    for (int row = int(m_todos.size()) - 1; row >= 0; --row) {
        if (targetRows->at(row) >= 0)
            continue;
        beginRemoveRows({}, row, row);
        m_todos.removeAt(row);
        targetRows->removeAt(row);
        endRemoveRows();
    }
}

void DayModel::applySteps(const MovePlan &plan, const TodoList &target)
{
    for (const MovePlan::Step &step : plan.steps()) {
        if (step.kind == MovePlan::Step::Kind::Insert) {
            beginInsertRows({}, step.before, step.before);
            m_todos.insert(step.before, target.at(step.targetRow));
            endInsertRows();
            continue;
        }
        beginMoveRows({}, step.from, step.from, {}, step.before);
        m_todos.move(step.from, step.before > step.from ? step.before - 1 : step.before);
        endMoveRows();
    }
}

void DayModel::updateChanged(const TodoList &target)
{
    Q_ASSERT(m_todos.size() == target.size());
    for (int row = 0; row < target.size(); ++row) {
        if (m_todos.at(row) == target.at(row))
            continue;
        const QList<int> roles = changedRoles(m_todos.at(row), target.at(row));
        m_todos[row] = target.at(row);
        const QModelIndex changed = index(row);
        emit dataChanged(changed, changed, roles);
    }
}

QList<int> DayModel::changedRoles(const Todo &before, const Todo &after) const
{
    QList<int> roles;
    if (before.text != after.text)
        roles << TextRole << Qt::DisplayRole;
    if (before.priority != after.priority)
        roles << PriorityRole;
    if (before.status != after.status)
        roles << StatusRole << DoneRole;
    if (before.created != after.created)
        roles << CreatedRole;
    if (before.updated != after.updated)
        roles << UpdatedRole;
    return roles;
}

int DayModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_todos.size());
}

QVariant DayModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Todo &todo = m_todos.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return todo.text;
    case IdRole:
        return todo.id;
    case PriorityRole:
        return todo.priority;
    case StatusRole:
        return todo.status;
    case DoneRole:
        return todo.isDone();
    case CreatedRole:
        return todo.created;
    case UpdatedRole:
        return todo.updated;
    default:
        return {};
    }
}

QHash<int, QByteArray> DayModel::roleNames() const
{
    return {
        {IdRole, "todoId"},
        {TextRole, "text"},
        {PriorityRole, "priority"},
        {StatusRole, "status"},
        {DoneRole, "done"},
        {CreatedRole, "created"},
        {UpdatedRole, "updated"},
    };
}

int DayModel::openCount() const
{
    return int(std::count_if(m_todos.cbegin(), m_todos.cend(), [](const Todo &t) { return !t.isDone(); }));
}

int DayModel::doneCount() const
{
    return int(m_todos.size()) - openCount();
}

bool DayModel::isLoading() const
{
    if (!m_cache || !m_date.isValid())
        return false;
    const auto status = m_cache->day(m_date).status;
    return status == DayCache::Status::Loading || status == DayCache::Status::Unknown;
}

QString DayModel::error() const
{
    if (!m_cache || !m_date.isValid())
        return {};
    const DayCache::Day &day = m_cache->day(m_date);
    return day.status == DayCache::Status::Invalid ? day.error : QString();
}

bool DayModel::canUndo() const
{
    return !m_undo.isEmpty();
}

QString DayModel::undoText() const
{
    return m_undo.isEmpty() ? QString() : m_undo.constLast().todo.text;
}

const TodoList &DayModel::todos() const
{
    return m_todos;
}

const Todo *DayModel::find(const QString &id) const
{
    for (const Todo &todo : m_todos) {
        if (todo.id == id)
            return &todo;
    }
    return nullptr;
}

int DayModel::indexOf(const QString &id) const
{
    for (int i = 0; i < m_todos.size(); ++i) {
        if (m_todos.at(i).id == id)
            return i;
    }
    return -1;
}

QVariantMap DayModel::get(int row) const
{
    if (row < 0 || row >= m_todos.size())
        return {};
    const Todo &todo = m_todos.at(row);
    return {{QStringLiteral("todoId"), todo.id},
            {QStringLiteral("text"), todo.text},
            {QStringLiteral("priority"), todo.priority},
            {QStringLiteral("status"), todo.status},
            {QStringLiteral("done"), todo.isDone()}};
}

QString DayModel::newTodoId()
{
    // data-model.md: todo_<ms since epoch>_<random>, never reused.
    const quint64 random = QRandomGenerator::global()->generate64();
    return QStringLiteral("todo_%1_%2")
        .arg(QDateTime::currentMSecsSinceEpoch())
        .arg(QString::number(random, 36).left(9));
}

bool DayModel::isValidPriority(const QString &priority)
{
    return priority == u"high" || priority == u"medium" || priority == u"low";
}

bool DayModel::isValidStatus(const QString &status)
{
    return status == u"not set" || status == u"in progress" || status == u"done";
}

bool DayModel::canEdit()
{
    if (!m_session || !m_date.isValid())
        return false;
    if (!error().isEmpty()) {
        emit message(tr("This day's stored list cannot be read, so it is left untouched."));
        return false;
    }
    return true;
}

QString DayModel::add(const QString &text, const QString &priority)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || !canEdit())
        return {};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    TodoOperation op;
    op.kind = TodoOperation::Kind::Insert;
    op.day = m_date;
    op.todo.id = newTodoId();
    op.todo.text = trimmed;
    op.todo.priority = isValidPriority(priority) ? priority : QStringLiteral("medium");
    op.todo.status = QStringLiteral("not set");
    op.todo.created = now;
    op.todo.updated = now;
    op.todoId = op.todo.id;
    op.position = -1;
    op.afterId = m_todos.isEmpty() ? QString() : m_todos.constLast().id;
    op.timestampMs = now;
    m_session->submit(op);
    return op.todo.id;
}

bool DayModel::submitField(const QString &id, int kind, const QString &value)
{
    if (!canEdit() || !find(id))
        return false;
    TodoOperation op;
    op.kind = TodoOperation::Kind(kind);
    op.day = m_date;
    op.todoId = id;
    op.text = value;
    op.timestampMs = QDateTime::currentMSecsSinceEpoch();
    m_session->submit(op);
    return true;
}

bool DayModel::setText(const QString &id, const QString &text)
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
    return submitField(id, int(TodoOperation::Kind::SetText), trimmed);
}

bool DayModel::setPriority(const QString &id, const QString &priority)
{
    const Todo *todo = find(id);
    if (!todo || !isValidPriority(priority))
        return false;
    if (todo->priority == priority)
        return true;
    return submitField(id, int(TodoOperation::Kind::SetPriority), priority);
}

bool DayModel::setStatus(const QString &id, const QString &status)
{
    const Todo *todo = find(id);
    if (!todo || !isValidStatus(status))
        return false;
    if (todo->status == status)
        return true;
    return submitField(id, int(TodoOperation::Kind::SetStatus), status);
}

bool DayModel::toggleDone(const QString &id)
{
    const Todo *todo = find(id);
    if (!todo)
        return false;
    return setStatus(id, todo->isDone() ? QStringLiteral("not set") : QStringLiteral("done"));
}

bool DayModel::remove(const QString &id)
{
    const int row = indexOf(id);
    if (row < 0 || !canEdit())
        return false;
    Removed removed{m_todos.at(row), row > 0 ? m_todos.at(row - 1).id : QString(), row};
    TodoOperation op;
    op.kind = TodoOperation::Kind::Remove;
    op.day = m_date;
    op.todoId = id;
    op.timestampMs = QDateTime::currentMSecsSinceEpoch();
    m_session->submit(op);
    m_undo.append(removed);
    // Undo is for the last few slips, not a history.
    if (m_undo.size() > 20)
        m_undo.removeFirst();
    emit canUndoChanged();
    return true;
}

bool DayModel::undo()
{
    if (m_undo.isEmpty() || !canEdit())
        return false;
    const Removed removed = m_undo.takeLast();
    emit canUndoChanged();
    if (find(removed.todo.id))
        return false;
    TodoOperation op;
    op.kind = TodoOperation::Kind::Insert;
    op.day = m_date;
    op.todo = removed.todo;
    op.todoId = removed.todo.id;
    op.position = std::min(removed.position, int(m_todos.size()));
    op.afterId = removed.afterId;
    op.timestampMs = QDateTime::currentMSecsSinceEpoch();
    m_session->submit(op);
    return true;
}

bool DayModel::move(int from, int to)
{
    if (from < 0 || from >= m_todos.size() || to < 0 || to >= m_todos.size() || !canEdit())
        return false;
    if (from == to)
        return true;
    TodoList without = m_todos;
    const Todo moving = without.takeAt(from);
    TodoOperation op;
    op.kind = TodoOperation::Kind::Move;
    op.day = m_date;
    op.todoId = moving.id;
    op.position = to;
    op.afterId = to > 0 ? without.at(to - 1).id : QString();
    op.timestampMs = QDateTime::currentMSecsSinceEpoch();
    m_session->submit(op);
    return true;
}

bool DayModel::moveToDay(const QString &id, const QString &isoDate)
{
    const QDate target = QDate::fromString(isoDate, Qt::ISODate);
    const Todo *todo = find(id);
    if (!todo || !target.isValid() || target == m_date || !canEdit())
        return false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Todo moved = *todo;
    moved.updated = now;

    TodoOperation insert;
    insert.kind = TodoOperation::Kind::Insert;
    insert.day = target;
    insert.todo = moved;
    insert.todoId = moved.id;
    insert.position = -1;
    const TodoList &there = m_cache->day(target).todos;
    insert.afterId = there.isEmpty() ? QString() : there.constLast().id;
    insert.timestampMs = now;

    TodoOperation remove;
    remove.kind = TodoOperation::Kind::Remove;
    remove.day = m_date;
    remove.todoId = id;
    remove.timestampMs = now;

    // Insert first: if the app stops in between, the todo exists twice rather than nowhere.
    m_session->submit(insert);
    m_session->submit(remove);
    return true;
}

int DayModel::carryOverUnfinishedTo(const QString &isoDate)
{
    const QDate target = QDate::fromString(isoDate, Qt::ISODate);
    if (!target.isValid() || target == m_date)
        return 0;
    QStringList open;
    for (const Todo &todo : std::as_const(m_todos)) {
        if (!todo.isDone())
            open << todo.id;
    }
    int moved = 0;
    for (const QString &id : std::as_const(open))
        moved += moveToDay(id, isoDate) ? 1 : 0;
    return moved;
}
