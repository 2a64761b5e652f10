// SPDX-License-Identifier: MIT
#include "ui/todofiltermodel.h"

#include "ui/daymodel.h"

TodoFilterModel::TodoFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(this, signal, this, &TodoFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &TodoFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &TodoFilterModel::countChanged);
}

DayModel *TodoFilterModel::dayModel() const
{
    return m_dayModel;
}

void TodoFilterModel::setDayModel(DayModel *model)
{
    if (m_dayModel == model)
        return;
    m_dayModel = model;
    setSourceModel(model);
    emit dayModelChanged();
    emit countChanged();
}

bool TodoFilterModel::showDone() const
{
    return m_showDone;
}

void TodoFilterModel::setShowDone(bool show)
{
    if (m_showDone == show)
        return;
    m_showDone = show;
    invalidateRowsFilter();
    emit showDoneChanged();
    emit countChanged();
}

int TodoFilterModel::count() const
{
    return rowCount();
}

bool TodoFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_showDone || !sourceModel())
        return true;
    return !sourceModel()->index(sourceRow, 0, sourceParent).data(DayModel::DoneRole).toBool();
}

bool TodoFilterModel::moveRow(int from, int to)
{
    if (!m_dayModel || from < 0 || to < 0 || from >= rowCount() || to >= rowCount())
        return false;
    const int sourceFrom = mapToSource(index(from, 0)).row();
    const int sourceTo = mapToSource(index(to, 0)).row();
    return m_dayModel->move(sourceFrom, sourceTo);
}

QString TodoFilterModel::idAt(int row) const
{
    return index(row, 0).data(DayModel::IdRole).toString();
}

int TodoFilterModel::rowOf(const QString &id) const
{
    if (!m_dayModel)
        return -1;
    const int sourceRow = m_dayModel->indexOf(id);
    return sourceRow < 0 ? -1 : mapFromSource(m_dayModel->index(sourceRow)).row();
}
