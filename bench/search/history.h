// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todo.h"

#include <QDate>
#include <QMap>
#include <QStringList>

/**
 * @brief A made-up but realistic planner history: `perDay` todos a day for `days` days ending
 * `last`, texts from everyday verbs, objects and names, notes on one todo in five, older days
 * mostly done. The same seed gives the same history.
 */
QMap<QDate, TodoList> makeHistory(const QDate &last, int days, int perDay, quint32 seed = 13);

/** What a user types, one prefix per keystroke ("c", "ca", "cal", …) for each query. */
QStringList typedQueries();
