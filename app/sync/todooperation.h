// SPDX-License-Identifier: MIT
#pragma once

#include "todo.h"

#include <QDate>
#include <QString>

/**
 * @brief One user edit of one day's list, replayable on any version of that list.
 *
 * Edits are operations, not snapshots: on a 409 (or after an offline period) the same
 * operation is applied again to whatever the server holds, so concurrent edits of other
 * todos, or of other fields, are never lost. Operations on a todo id that is no longer
 * there are no-ops (someone else deleted it). Moving to another day is two operations:
 * Remove on the source day and Insert (same todo) on the target day.
 */
struct TodoOperation
{
    enum class Kind { Insert, SetText, SetPriority, SetStatus, Remove, Move };

    Kind kind = Kind::Insert;
    QDate day;
    QString todoId;
    Todo todo;          ///< Insert: the todo to insert
    QString text;       ///< SetText / SetPriority / SetStatus: the new value
    int position = -1;  ///< Insert/Move: target index (Move: after taking the todo out); -1: at the end
    QString afterId;    ///< Insert/Move: place right after this todo when it still exists (wins over position)
    qint64 timestampMs = 0; ///< when the user made the edit; Set* store it in Todo::updated when > 0

    /** The id the operation targets (Insert: todo.id). */
    QString targetId() const;
    /** A day and a target id; fromJson() of something unreadable gives an invalid operation. */
    bool isValid() const;

    /** Applies the operation to `list` and returns the result; unknown ids leave it alone. */
    TodoList applyTo(TodoList list) const;

    /** For the pending-operation queue file; day as "yyyy-MM-dd", kind as a name ("setText"). */
    QJsonObject toJson() const;
    static TodoOperation fromJson(const QJsonObject &object);
};
