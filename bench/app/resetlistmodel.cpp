// SPDX-License-Identifier: MIT
#include "resetlistmodel.h"

#include "sync/daycache.h"
#include "ui/daymodel.h"

ResetListModel::ResetListModel(DayCache *cache, const QDate &day, QObject *parent)
    : QAbstractListModel(parent)
    , m_cache(cache)
    , m_day(day)
    , m_todos(cache->day(day).todos)
{
    connect(cache, &DayCache::dayChanged, this, &ResetListModel::onDayChanged);
}

void ResetListModel::onDayChanged(const QDate &date)
{
    if (date != m_day)
        return;
    beginResetModel();
    m_todos = m_cache->day(date).todos;
    endResetModel();
}

int ResetListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_todos.size());
}

QVariant ResetListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Todo &todo = m_todos.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case DayModel::TextRole:
        return todo.text;
    case DayModel::IdRole:
        return todo.id;
    case DayModel::PriorityRole:
        return int(todo.priority);
    case DayModel::StatusRole:
        return int(todo.status);
    case DayModel::DoneRole:
        return todo.isDone();
    case DayModel::CreatedRole:
        return todo.created;
    case DayModel::UpdatedRole:
        return todo.updated;
    default:
        return {};
    }
}

QHash<int, QByteArray> ResetListModel::roleNames() const
{
    static const QHash<int, QByteArray> names = DayModel().roleNames();
    return names;
}
