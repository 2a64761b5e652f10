// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todo.h"

#include <QAbstractListModel>
#include <QDate>

class DayCache;

/**
 * @brief The reference for DayModel's id diff: the same rows, replaced by a full model reset.
 *
 * Follows one day of a DayCache like DayModel does, but answers every DayCache::dayChanged
 * with beginResetModel() / endResetModel(). Same roles as DayModel.
 */
class ResetListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    ResetListModel(DayCache *cache, const QDate &day, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void onDayChanged(const QDate &date);

    DayCache *m_cache;
    QDate m_day;
    TodoList m_todos;
};
