// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todo.h"

#include <QString>

/**
 * @brief Workload 8 (b): a day of N todos changed by a notification, DayModel vs a full reset.
 *
 * Four chains, each on its own DayCache: DayModel (the app's id diff) and ResetListModel
 * (reference: full reset), each bare and with a sort/filter proxy on top (the app's
 * TodoFilterModel; a plain QSortFilterProxyModel on the reference). The time of the model's
 * DayCache::dayChanged handler is taken between two probe slots connected before and after
 * the model's own (Qt calls slots in connection order), so it holds the diff (or reset), the
 * proxy's work and a ViewProbe reading the 30 visible rows; delegate creation is not in it.
 */
class ModelUpdateBench
{
public:
    enum class Case { OneChanged, MoveLastToFirst, MoveFirstToLast };

    /** Medians (µs) over the iterations of one round. */
    struct Round
    {
        double diff = 0;
        double reset = 0;
        double diffProxy = 0;
        double resetProxy = 0;
        /** DayCache::setServerValue with the serialized day (parse + cache + model + proxy). */
        double notifyDiffProxy = 0;
        double notifyResetProxy = 0;
    };

    ModelUpdateBench(int todos, int iterations);
    Round run(Case which) const;
    static QString caseName(Case which);

private:
    TodoList baseList() const;
    TodoList changedList(Case which, const TodoList &base) const;

    int m_todos;
    int m_iterations;
};
