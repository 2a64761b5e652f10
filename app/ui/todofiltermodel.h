// SPDX-License-Identifier: MIT
#pragma once

#include <QQmlEngine>
#include <QSortFilterProxyModel>

class DayModel;

/**
 * @brief Shows a DayModel with or without its done todos, in the user's order or sorted.
 *
 * Rows keep the user's order unless `sortMode` sorts them (a view option: the stored order is
 * never rewritten; equal rows keep the user's order). Row-based verbs (moveRow) take proxy rows
 * and are mapped to the day's own rows here, so QML never has to know which rows are hidden;
 * moving rows is refused while sorted (the order shown is not the stored one).
 */
class TodoFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("ui/daymodel.h")
    Q_PROPERTY(DayModel *dayModel READ dayModel WRITE setDayModel NOTIFY dayModelChanged)
    Q_PROPERTY(bool showDone READ showDone WRITE setShowDone NOTIFY showDoneChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(SortMode sortMode READ sortMode WRITE setSortMode NOTIFY sortModeChanged)
    Q_PROPERTY(bool sorted READ isSorted NOTIFY sortModeChanged)

public:
    /** How rows are shown: as stored, high priority first, or in progress / not set / done. */
    enum SortMode { StoredOrder, ByPriority, ByStatus };
    Q_ENUM(SortMode)

    explicit TodoFilterModel(QObject *parent = nullptr);

    DayModel *dayModel() const;
    void setDayModel(DayModel *model);
    bool showDone() const;
    void setShowDone(bool show);
    int count() const;
    SortMode sortMode() const;
    void setSortMode(SortMode mode);
    bool isSorted() const;

    /**
     * Moves the row shown at `from` to where the row shown at `to` is. False while sorted, and
     * moveRefusedWhileSorted() says so: the order shown is not the stored one.
     */
    Q_INVOKABLE bool moveRow(int from, int to);
    Q_INVOKABLE QString idAt(int row) const;
    Q_INVOKABLE int rowOf(const QString &id) const;

signals:
    void dayModelChanged();
    void showDoneChanged();
    void countChanged();
    void sortModeChanged();
    /** A move (a drag, Ctrl+Up/Down) was refused because the rows are sorted. */
    void moveRefusedWhileSorted();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    DayModel *m_dayModel = nullptr;
    bool m_showDone = true;
    SortMode m_sortMode = StoredOrder;
};
