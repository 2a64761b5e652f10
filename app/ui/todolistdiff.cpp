// SPDX-License-Identifier: MIT
#include "ui/todolistdiff.h"

#include <QHash>
#include <algorithm>

namespace {

/** For each row of `current`, its row in `target` by todo id (repeated ids pair up in order), or -1. */
QList<int> matchRows(const TodoList &current, const TodoList &target)
{
    // unmatched[id]: the first row of `target` with that id not paired yet; nextWithSameId chains the rest.
    QHash<QString, int> unmatched;
    unmatched.reserve(target.size());
    QList<int> nextWithSameId(target.size(), -1);
    for (int row = int(target.size()) - 1; row >= 0; --row) {
        nextWithSameId[row] = unmatched.value(target.at(row).id, -1);
        unmatched.insert(target.at(row).id, row);
    }
    QList<int> targetRows(current.size(), -1);
    for (int row = 0; row < current.size(); ++row) {
        const auto found = unmatched.find(current.at(row).id);
        if (found == unmatched.end() || *found < 0)
            continue;
        targetRows[row] = *found;
        *found = nextWithSameId.at(*found);
    }
    return targetRows;
}

TodoListDiff::Fields changedFields(const Todo &before, const Todo &after)
{
    TodoListDiff::Fields fields;
    fields.setFlag(TodoListDiff::Field::Text, before.text != after.text);
    fields.setFlag(TodoListDiff::Field::Priority, before.priority != after.priority);
    fields.setFlag(TodoListDiff::Field::Status, before.status != after.status);
    fields.setFlag(TodoListDiff::Field::Created, before.created != after.created);
    fields.setFlag(TodoListDiff::Field::Updated, before.updated != after.updated);
    fields.setFlag(TodoListDiff::Field::Notes, before.notes != after.notes);
    fields.setFlag(TodoListDiff::Field::Remind, before.remind != after.remind);
    fields.setFlag(TodoListDiff::Field::Series, before.series != after.series);
    return fields;
}

} // namespace

TodoListDiff::TodoListDiff(const TodoList &current, const TodoList &target)
    : m_plan(match(current, target), int(target.size()))
{ }

QList<int> TodoListDiff::match(const TodoList &current, const TodoList &target)
{
    const QList<int> targetRows = matchRows(current, target);
    QList<int> kept;
    kept.reserve(targetRows.size());
    for (int row = 0; row < current.size(); ++row) {
        const int targetRow = targetRows.at(row);
        if (targetRow < 0) {
            m_removedRows.prepend(row);
            continue;
        }
        kept.append(targetRow);
        if (!(current.at(row) == target.at(targetRow)))
            m_changes.append({ targetRow, changedFields(current.at(row), target.at(targetRow)) });
    }
    std::sort(m_changes.begin(), m_changes.end(),
              [](const Change &a, const Change &b) { return a.row < b.row; });
    return kept;
}
