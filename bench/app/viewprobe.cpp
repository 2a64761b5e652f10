// SPDX-License-Identifier: MIT
#include "viewprobe.h"

#include <QAbstractItemModel>

ViewProbe::ViewProbe(QAbstractItemModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_roles(model->roleNames().keys())
{
    const auto all = [this] { readRows(0, visibleRows - 1); };
    connect(model, &QAbstractItemModel::modelReset, this, all);
    connect(model, &QAbstractItemModel::layoutChanged, this, all);
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
        readRows(topLeft.row(), bottomRight.row());
    });
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { readRows(first, last); });
    connect(model, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &, int first, int) { readRows(first, first); });
    connect(model, &QAbstractItemModel::rowsMoved, this,
            [this](const QModelIndex &, int, int, const QModelIndex &, int destination) {
        readRows(destination, destination);
    });
}

void ViewProbe::readRows(int first, int last)
{
    const int rows = m_model->rowCount();
    for (int row = std::max(first, 0); row <= std::min({ last, visibleRows - 1, rows - 1 }); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        for (int role : std::as_const(m_roles))
            m_reads += m_model->data(index, role).isValid() ? 1 : 0;
    }
}
