// SPDX-License-Identifier: MIT
#include "ui/todofiltermodel.h"

#include "ui/daymodel.h"

namespace {
/// Where a status goes when sorting by status: what is under way, then what is open, then done.
int statusRank(int status)
{
    switch (Todo::Status(status)) {
    case Todo::Status::InProgress:
        return 0;
    case Todo::Status::NotSet:
        return 1;
    case Todo::Status::Done:
        return 2;
    }
    return 1;
}
} // namespace

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

TodoFilterModel::SortMode TodoFilterModel::sortMode() const
{
    return m_sortMode;
}

void TodoFilterModel::setSortMode(SortMode mode)
{
    if (m_sortMode == mode || mode < StoredOrder || mode > ByStatus)
        return;
    m_sortMode = mode;
    // Column -1 shows the source's own order again.
    sort(mode == StoredOrder ? -1 : 0);
    invalidate();
    emit sortModeChanged();
}

bool TodoFilterModel::isSorted() const
{
    return m_sortMode != StoredOrder;
}

bool TodoFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto key = [this](const QModelIndex &index) {
        if (m_sortMode == ByPriority)
            return -index.data(DayModel::PriorityRole).toInt(); // high first
        return statusRank(index.data(DayModel::StatusRole).toInt());
    };
    const int l = key(left);
    const int r = key(right);
    // Equal keys keep the user's order (the source rows).
    return l != r ? l < r : left.row() < right.row();
}

bool TodoFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_showDone || !sourceModel())
        return true;
    return !sourceModel()->index(sourceRow, 0, sourceParent).data(DayModel::DoneRole).toBool();
}

bool TodoFilterModel::moveRow(int from, int to)
{
    if (isSorted()) {
        emit moveRefusedWhileSorted();
        return false;
    }
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
