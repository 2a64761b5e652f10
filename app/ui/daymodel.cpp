// SPDX-License-Identifier: MIT
#include "ui/daymodel.h"

#include "sync/daycache.h"
#include "sync/syncsession.h"
#include "ui/appcontroller.h"
#include "ui/dayeditor.h"
#include "ui/moveplan.h"
#include "ui/todolistdiff.h"

#include <QLoggingCategory>
#include <algorithm>

Q_LOGGING_CATEGORY(lcDayModel, "dayboard.ui.model")

namespace {
QString isoOf(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
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
    if (fields & TodoListDiff::Field::Notes)
        roles << DayModel::NotesRole << DayModel::HasNotesRole;
    if (fields & TodoListDiff::Field::Remind)
        roles << DayModel::RemindRole;
    if (fields & TodoListDiff::Field::Series)
        roles << DayModel::SeriesRole;
    return roles;
}
} // namespace

DayModel::DayModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_undoStack(new UndoStack(this))
    , m_editor(new DayEditor(m_todos, this))
{
    m_editor->setUndoStack(m_undoStack);
    connect(m_editor, &DayEditor::message, this, &DayModel::message);
    connect(m_undoStack, &UndoStack::message, this, &DayModel::message);
    connect(m_undoStack, &UndoStack::changed, this, &DayModel::canUndoChanged);
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
    m_editor->setBackend(cache, session);
    m_undoStack->setBackend(cache, session);
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
    m_editor->setDate(date);
    attach();
    // Another day is another list: a reset is the honest signal here (this is not a live update).
    beginResetModel();
    m_todos = (m_cache && m_date.isValid()) ? m_cache->day(m_date).todos : TodoList();
    endResetModel();
    emit dateChanged();
    emit countChanged();
    emit statusChanged();
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
    case NotesRole:
        return todo.notes;
    case HasNotesRole:
        return !todo.notes.trimmed().isEmpty();
    case RemindRole:
        return todo.remind;
    case SeriesRole:
        return todo.series;
    default:
        return {};
    }
}

QHash<int, QByteArray> DayModel::roleNames() const
{
    return {
        { IdRole, "todoId" },       { TextRole, "text" },     { PriorityRole, "priority" },
        { StatusRole, "status" },   { DoneRole, "done" },     { CreatedRole, "created" },
        { UpdatedRole, "updated" }, { NotesRole, "notes" },   { HasNotesRole, "hasNotes" },
        { RemindRole, "remind" },   { SeriesRole, "series" },
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
    return m_undoStack->canUndo();
}

QString DayModel::undoText() const
{
    return m_undoStack->undoText();
}

UndoStack *DayModel::undoStack() const
{
    return m_undoStack;
}

const TodoList &DayModel::todos() const
{
    return m_todos;
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
    return { { QStringLiteral("todoId"), todo.id },
             { QStringLiteral("text"), todo.text },
             { QStringLiteral("priority"), int(todo.priority) },
             { QStringLiteral("status"), int(todo.status) },
             { QStringLiteral("done"), todo.isDone() },
             { QStringLiteral("notes"), todo.notes },
             { QStringLiteral("remind"), todo.remind },
             { QStringLiteral("series"), todo.series } };
}

QString DayModel::newTodoId()
{
    return DayEditor::newTodoId();
}

QString DayModel::add(const QString &text, Todo::Priority priority, const QString &isoDate,
                      const QString &remind)
{
    return m_editor->add(text, priority, QDate::fromString(isoDate, Qt::ISODate), remind);
}

bool DayModel::setText(const QString &id, const QString &text)
{
    return m_editor->setText(id, text);
}

bool DayModel::setPriority(const QString &id, Todo::Priority priority)
{
    return m_editor->setPriority(id, priority);
}

bool DayModel::setStatus(const QString &id, Todo::Status status)
{
    return m_editor->setStatus(id, status);
}

bool DayModel::setNotes(const QString &id, const QString &notes)
{
    return m_editor->setNotes(id, notes);
}

bool DayModel::setRemind(const QString &id, const QString &remind)
{
    return m_editor->setRemind(id, remind);
}

bool DayModel::toggleDone(const QString &id)
{
    return m_editor->toggleDone(id);
}

bool DayModel::remove(const QString &id)
{
    return m_editor->remove(id);
}

bool DayModel::undo()
{
    return m_undoStack->undo();
}

bool DayModel::move(int from, int to)
{
    return m_editor->move(from, to);
}

bool DayModel::moveToDay(const QString &id, const QString &isoDate)
{
    return m_editor->moveToDay(id, QDate::fromString(isoDate, Qt::ISODate));
}

bool DayModel::moveBetweenDays(const QString &id, const QString &fromIso, const QString &toIso, int position,
                               const QString &afterId)
{
    return m_editor->moveBetweenDays(id, QDate::fromString(fromIso, Qt::ISODate),
                                     QDate::fromString(toIso, Qt::ISODate), position, afterId);
}

int DayModel::carryOverUnfinishedTo(const QString &isoDate)
{
    return m_editor->carryOverUnfinishedTo(QDate::fromString(isoDate, Qt::ISODate));
}
