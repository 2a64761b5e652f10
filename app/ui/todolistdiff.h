// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todo.h"
#include "ui/moveplan.h"

#include <QFlags>
#include <QList>

/**
 * @brief How the rows a model shows become a new list of todos, as fine-grained row changes.
 *
 * Todos are matched by id (repeated ids pair up in order). First the rows with no match are
 * removed (removedRows(), highest first), then plan() inserts the new rows and moves the fewest
 * kept ones (MovePlan), which leaves the rows in the new order; last, changes() names the rows
 * whose todo differs from the new one and which of its fields did (none: only `extra`).
 */
class TodoListDiff
{
public:
    enum class Field {
        Text = 0x1,
        Priority = 0x2,
        Status = 0x4,
        Created = 0x8,
        Updated = 0x10,
        Notes = 0x20,
        Remind = 0x40,
        Series = 0x80,
    };
    Q_DECLARE_FLAGS(Fields, Field)

    struct Change
    {
        int row = 0; ///< in the new list
        Fields fields;
    };

    TodoListDiff(const TodoList &current, const TodoList &target);

    const QList<int> &removedRows() const { return m_removedRows; }
    const MovePlan &plan() const { return m_plan; }
    const QList<Change> &changes() const { return m_changes; }

private:
    /** For each row of `current` kept, its row in `target`; fills m_removedRows and m_changes. */
    QList<int> match(const TodoList &current, const TodoList &target);

    QList<int> m_removedRows;
    QList<Change> m_changes;
    MovePlan m_plan;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(TodoListDiff::Fields)
