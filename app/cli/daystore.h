// SPDX-License-Identifier: MIT
#pragma once

#include "exchange/daylists.h"

#include <QDate>
#include <QString>
#include <functional>
#include <optional>

class CliConnection;

/**
 * @brief The command-line client's reads and writes of days, through its CliConnection.
 *
 * Writes are the app's compare-and-swap path (docs/sync.md): the day is read with its revision,
 * the edit (TodoOperations, which replay on any version of the list) applied to it, and written
 * with `ifRevision`; a 409 (someone wrote the day meanwhile) reads it again and applies the edit
 * again, up to `maxAttempts` times, so a concurrent edit of the same day is never lost. A server
 * without revisions (hosted HPKV) gets a read-modify-write.
 */
class DayStore
{
public:
    /** The edit of a day's list; nullopt: nothing to write (the todo is not there). */
    using Edit = std::function<std::optional<TodoList>(const TodoList &current)>;

    DayStore(CliConnection *connection, int maxAttempts);

    /** Every day in [from, to] with at least one todo (invalid dates: every day). An ExitCode. */
    int readRange(const QDate &from, const QDate &to, DayLists *days, QString *error);
    /** One day's list (empty when the day has none). An ExitCode. */
    int readDay(const QDate &day, TodoList *todos, QString *error);
    /**
     * Applies `edit` to the day's current list and writes the result (see above). ExitNotFound when
     * `edit` gives nullopt, ExitConflict when every attempt met a concurrent write.
     */
    int update(const QDate &day, const Edit &edit, QString *error);

private:
    int fail(const QDate &day, int code, const QString &what, QString *error) const;

    CliConnection *m_connection;
    int m_maxAttempts;
};
