// SPDX-License-Identifier: MIT
#include "ui/moveplan.h"

#include <algorithm>

MovePlan::MovePlan(const QList<int> &targetRowOfRow, int targetSize)
{
    plan(targetRowOfRow, targetSize);
}

const QList<MovePlan::Step> &MovePlan::steps() const
{
    return m_steps;
}

int MovePlan::moveCount() const
{
    return m_moves;
}

QList<bool> MovePlan::longestIncreasing(const QList<int> &values)
{
    // Patience sorting: tails[k] is the position of the smallest value ending an increasing
    // run of length k + 1; previous[] links each position to the one before it in its run.
    QList<int> tails;
    QList<int> previous(values.size(), -1);
    for (int i = 0; i < values.size(); ++i) {
        const auto slot
            = std::lower_bound(tails.cbegin(), tails.cend(), values.at(i),
                               [&](int position, int value) { return values.at(position) < value; });
        const qsizetype length = slot - tails.cbegin();
        if (length > 0)
            previous[i] = tails.at(length - 1);
        if (length == tails.size())
            tails.append(i);
        else
            tails[length] = i;
    }
    QList<bool> onIt(values.size(), false);
    for (int i = tails.isEmpty() ? -1 : tails.constLast(); i >= 0; i = previous.at(i))
        onIt[i] = true;
    return onIt;
}

// Walks the new order. Invariant: the rows placed so far plus the staying rows stand in the new
// order, so putting the next row right after its predecessor in the new order keeps it true.
void MovePlan::plan(const QList<int> &targetRowOfRow, int targetSize)
{
    const QList<bool> stays = longestIncreasing(targetRowOfRow);
    QList<int> rowOfTarget(targetSize, -1);
    for (int row = 0; row < targetRowOfRow.size(); ++row)
        rowOfTarget[targetRowOfRow.at(row)] = row;

    QList<int> current = targetRowOfRow; // the new-list row of each row, as the steps go
    int previousAt = -1; // where the previous new-list row stands, when a step just put it there
    for (int target = 0; target < targetSize; ++target) {
        const int oldRow = rowOfTarget.at(target);
        if (oldRow >= 0 && stays.at(oldRow)) {
            previousAt = -1;
            continue;
        }
        const int before
            = target == 0 ? 0 : (previousAt >= 0 ? previousAt : int(current.indexOf(target - 1))) + 1;
        previousAt = oldRow < 0 ? insertStep(&current, before, target) : moveStep(&current, before, target);
    }
}

int MovePlan::insertStep(QList<int> *current, int before, int target)
{
    m_steps.append({ Step::Kind::Insert, -1, before, target });
    current->insert(before, target);
    return before;
}

int MovePlan::moveStep(QList<int> *current, int before, int target)
{
    const int from = int(current->indexOf(target));
    if (from == before)
        return from; // already right after its predecessor
    const int to = before > from ? before - 1 : before;
    m_steps.append({ Step::Kind::Move, from, before, target });
    current->move(from, to);
    ++m_moves;
    return to;
}
