// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todo.h"

#include <QDate>
#include <QMap>

/**
 * @brief Some days' todo lists, by day: what an export writes and what an import is merged into.
 *
 * The caller gathers them (from the DayCache, the server or a data directory); the exchange
 * classes never read or write storage themselves.
 */
using DayLists = QMap<QDate, TodoList>;
