// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todo.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <optional>

/**
 * @brief The time a todo is due or should remind, kept in its extra members (docs/data-model.md,
 * "Exchange formats").
 *
 * A todo may carry `remind` or `due` (the first one present wins): "HH:mm" or "HH:mm:ss" (local
 * time on the todo's day), an ISO 8601 date-time, or a number of ms since the epoch. Dayboard
 * itself does not set them yet; other clients and imports may.
 */
class DueTime
{
public:
    /** The due/reminder time of `todo` on `day`; nullopt when it has none or it is unreadable. */
    static std::optional<QDateTime> of(const Todo &todo, const QDate &day);

    /** The `due` member an import stores for a time on the todo's day: "HH:mm" (or "HH:mm:ss"). */
    static QString member(const QTime &time);
};
