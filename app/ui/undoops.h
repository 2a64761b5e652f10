// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todooperation.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

/**
 * @brief One undoable edit: the operations that made it and the operations that undo it.
 *
 * Both are TodoOperations by todo id (docs/sync.md §11), never a snapshot of a list: undoing a
 * text edit sets the old text and nothing else, so a priority another client set meanwhile
 * stays. `name` is what the Edit menu shows after "Undo" / "Redo" (e.g. Delete “Buy milk”).
 */
struct UndoEdit
{
    Q_DECLARE_TR_FUNCTIONS(UndoEdit)

public:
    QString name;
    QList<TodoOperation> forward;
    QList<TodoOperation> inverse;

    /** The edit of one field (any Set* operation) of `before`, undone by setting its old value. */
    static UndoEdit fieldEdit(const Todo &before, const TodoOperation &op);
    /** Adding `todo`: undone by removing it. */
    static UndoEdit added(const TodoOperation &insert);
    /** Deleting `todo` from `row` (after `afterId`) of `day`: undone by inserting it there again. */
    static UndoEdit removed(const QDate &day, const Todo &todo, int row, const QString &afterId, qint64 now);
    /** Moving within one day from `fromRow` (after `fromAfterId`) to the place `op` names. */
    static UndoEdit moved(const Todo &todo, int fromRow, const QString &fromAfterId, const TodoOperation &op);
    /**
     * Moving `todo` from row `fromRow` (after `fromAfterId`) of `from` to `position` / after
     * `afterId` of `to`: insert on `to` first, then remove from `from`; undone the same way back.
     */
    static UndoEdit movedToDay(const Todo &todo, const QDate &from, int fromRow, const QString &fromAfterId,
                               const QDate &to, int position, const QString &afterId, qint64 now);

    /** The operation that sets back what `op` changes on `before`. */
    static TodoOperation inverseOf(const Todo &before, const TodoOperation &op);
};
