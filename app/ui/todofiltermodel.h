// SPDX-License-Identifier: MIT
#pragma once

#include <QQmlEngine>
#include <QSortFilterProxyModel>

class DayModel;

/**
 * @brief Shows a DayModel with or without its done todos.
 *
 * Rows keep the user's order. Row-based verbs (moveRow) take proxy rows and are mapped to
 * the day's own rows here, so QML never has to know which rows are hidden.
 */
class TodoFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("ui/daymodel.h")
    Q_PROPERTY(DayModel *dayModel READ dayModel WRITE setDayModel NOTIFY dayModelChanged)
    Q_PROPERTY(bool showDone READ showDone WRITE setShowDone NOTIFY showDoneChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit TodoFilterModel(QObject *parent = nullptr);

    DayModel *dayModel() const;
    void setDayModel(DayModel *model);
    bool showDone() const;
    void setShowDone(bool show);
    int count() const;

    /** Moves the row shown at `from` to where the row shown at `to` is. */
    Q_INVOKABLE bool moveRow(int from, int to);
    Q_INVOKABLE QString idAt(int row) const;
    Q_INVOKABLE int rowOf(const QString &id) const;

signals:
    void dayModelChanged();
    void showDoneChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    DayModel *m_dayModel = nullptr;
    bool m_showDone = true;
};
