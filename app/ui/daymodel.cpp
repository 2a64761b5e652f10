// SPDX-License-Identifier: MIT
#include "ui/daymodel.h"

#include "sync/daycache.h"
#include "sync/syncsession.h"
#include "sync/todooperation.h"
#include "ui/appcontroller.h"
#include "ui/moveplan.h"
#include "ui/todolistdiff.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QRandomGenerator>
#include <algorithm>

Q_LOGGING_CATEGORY(lcDayModel, "dayboard.ui.model")

namespace {
QString isoOf(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

template<typename Enum>
bool isKnown(Enum value)
{
    return QMetaEnum::fromType<Enum>().valueToKey(int(value)) != nullptr;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QList<int> rolesOf(TodoListDiff::Fields fields)
{
    QList<int> roles;
    if (fields & TodoListDiff::Field::Text)
        roles << DayModel::TextRole << Qt::DisplayRole;
    if (fields & TodoListDiff::Field::Priority)
        roles << DayModel::PriorityRole;
    if (fields & TodoListDiff::Field::Status)
        roles << DayModel::StatusRole << DayModel::DoneRole;
    if (fields & TodoListDiff::Field::Created)
        roles << DayModel::CreatedRole;
    if (fields & TodoListDiff::Field::Updated)
        roles << DayModel::UpdatedRole;
    return roles;
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
    const TodoListDiff diff(m_todos, target);
    for (int row : diff.removedRows()) {
        beginRemoveRows({}, row, row);
        m_todos.removeAt(row);
        endRemoveRows();
    }
    applySteps(diff.plan(), target);
    Q_ASSERT(m_todos.size() == target.size());
    for (const TodoListDiff::Change &change : diff.changes()) {
        m_todos[change.row] = target.at(change.row);
        const QModelIndex changed = index(change.row);
        emit dataChanged(changed, changed, rolesOf(change.fields));
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
        return int(todo.priority);
    case StatusRole:
        return int(todo.status);
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
            {QStringLiteral("priority"), int(todo.priority)},
            {QStringLiteral("status"), int(todo.status)},
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

QString DayModel::add(const QString &text, Todo::Priority priority)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || !canEdit())
        return {};
    const qint64 now = nowMs();
    Todo todo;
    todo.id = newTodoId();
    todo.text = trimmed;
    todo.priority = isKnown(priority) ? priority : Todo::Priority::Medium;
    todo.created = now;
    todo.updated = now;
    const QString afterId = m_todos.isEmpty() ? QString() : m_todos.constLast().id;
    m_session->submit(TodoOperation::insert(m_date, todo, -1, afterId, now));
    return todo.id;
}

bool DayModel::submitEdit(const QString &id, const TodoOperation &op)
{
    if (!canEdit() || !find(id))
        return false;
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
    return submitEdit(id, TodoOperation::setText(m_date, id, trimmed, nowMs()));
}

bool DayModel::setPriority(const QString &id, Todo::Priority priority)
{
    const Todo *todo = find(id);
    if (!todo || !isKnown(priority))
        return false;
    if (todo->priority == priority)
        return true;
    return submitEdit(id, TodoOperation::setPriority(m_date, id, priority, nowMs()));
}

bool DayModel::setStatus(const QString &id, Todo::Status status)
{
    const Todo *todo = find(id);
    if (!todo || !isKnown(status))
        return false;
    if (todo->status == status)
        return true;
    return submitEdit(id, TodoOperation::setStatus(m_date, id, status, nowMs()));
}

bool DayModel::toggleDone(const QString &id)
{
    const Todo *todo = find(id);
    if (!todo)
        return false;
    return setStatus(id, todo->isDone() ? Todo::Status::NotSet : Todo::Status::Done);
}

bool DayModel::remove(const QString &id)
{
    const int row = indexOf(id);
    if (row < 0 || !canEdit())
        return false;
    Removed removed{m_todos.at(row), row > 0 ? m_todos.at(row - 1).id : QString(), row};
    m_session->submit(TodoOperation::remove(m_date, id, nowMs()));
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
    const int position = std::min(removed.position, int(m_todos.size()));
    m_session->submit(TodoOperation::insert(m_date, removed.todo, position, removed.afterId, nowMs()));
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
    const QString afterId = to > 0 ? without.at(to - 1).id : QString();
    m_session->submit(TodoOperation::move(m_date, moving.id, to, afterId, nowMs()));
    return true;
}

bool DayModel::moveToDay(const QString &id, const QString &isoDate)
{
    const QDate target = QDate::fromString(isoDate, Qt::ISODate);
    const Todo *todo = find(id);
    if (!todo || !target.isValid() || target == m_date || !canEdit())
        return false;
    const qint64 now = nowMs();
    Todo moved = *todo;
    moved.updated = now;
    const TodoList &there = m_cache->day(target).todos;
    const QString afterId = there.isEmpty() ? QString() : there.constLast().id;
    // Insert first: if the app stops in between, the todo exists twice rather than nowhere.
    m_session->submit(TodoOperation::insert(target, moved, -1, afterId, now));
    m_session->submit(TodoOperation::remove(m_date, id, now));
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
