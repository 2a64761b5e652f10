// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QAbstractItemModel;

/**
 * @brief Reads a model the way a list view showing its first rows does, without a view.
 *
 * On a reset or layout change it reads rowCount() and every role of the visible rows (a view
 * rebuilds what it shows); on dataChanged, inserts, removes and moves it reads only the rows
 * concerned that are visible. Delegate creation, the larger part of a real view's reset, is
 * not in it, so a reset measured with this probe is cheaper than in the app.
 */
class ViewProbe : public QObject
{
    Q_OBJECT

public:
    static constexpr int visibleRows = 30;

    explicit ViewProbe(QAbstractItemModel *model, QObject *parent = nullptr);
    /** Role reads so far (keeps the compiler from dropping them). */
    qint64 reads() const { return m_reads; }

private:
    void readRows(int first, int last);

    QAbstractItemModel *m_model;
    QList<int> m_roles;
    qint64 m_reads = 0;
};
