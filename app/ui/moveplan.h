// SPDX-License-Identifier: MIT
#pragma once

#include <QList>

/**
 * @brief The fewest row moves (and the inserts) that turn a list's kept rows into a new order.
 *
 * Input: for each current row, the row it has in the new list (distinct values; rows of the new
 * list absent from the input are new and get inserted). The rows on one longest increasing
 * subsequence of those values (patience sorting, O(n log n)) already stand in the right
 * relative order and stay put; every other row is moved once, right after the row that
 * precedes it in the new order. So a single todo dragged from the top to the end is one move,
 * not n − 1. Applying the steps in order gives the new order.
 */
class MovePlan
{
public:
    struct Step
    {
        enum class Kind { Insert, Move };
        Kind kind = Kind::Insert;
        /// Move: the row's position before this step.
        int from = -1;
        /// The row it goes before, numbered before this step (beginMoveRows' destinationChild;
        /// for an insert, the new row's position).
        int before = 0;
        /// Its row in the new list.
        int targetRow = 0;
    };

    MovePlan(const QList<int> &targetRowOfRow, int targetSize);

    const QList<Step> &steps() const;
    int moveCount() const;

    /** Marks the positions of one longest strictly increasing subsequence of `values`. */
    static QList<bool> longestIncreasing(const QList<int> &values);

private:
    void plan(const QList<int> &targetRowOfRow, int targetSize);
    /** Each appends its step and returns where the row now stands. */
    int insertStep(QList<int> *current, int before, int target);
    int moveStep(QList<int> *current, int before, int target);

    QList<Step> m_steps;
    int m_moves = 0;
};
