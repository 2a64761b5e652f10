// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todooperation.h"

#include <QByteArray>
#include <QDate>
#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QVariant>
#include <optional>

/**
 * @brief Finds our unconditional (read-modify-write) writes that a concurrent writer undid.
 *
 * Without revisions (hosted HPKV) a day is written unconditionally after a read; two clients
 * doing that at once lose one write. After each such write, the operations in it are checked
 * against the values someone else writes to that day later (for `windowMs`): an insert that is
 * gone, a removed todo that is back, or a field showing a value one of our writes replaced
 * again means the write was lost, and its operation is to be sent again (docs/sync.md).
 * Only the latest of our edits of one field is checked; a newer edit of the same field by
 * someone who saw ours stands. Our own later edit of a todo (removing it, adding it back,
 * setting the field again; also by a conditional write, which cannot be lost) ends the checks it
 * makes moot: the todo gone after we removed it is not our insert lost.
 */
class LostWriteCheck
{
public:
    explicit LostWriteCheck(int windowMs);

    /**
     * Our unconditional write of `value` to `day` went through: `ops`, applied in order on
     * `base` (the value read before), are checked against later values.
     */
    void written(const QDate &day, const TodoList &base, const QList<TodoOperation> &ops,
                 const QByteArray &value);

    /**
     * Our conditional write of `ops` to `day` went through: it is not checked (it cannot be
     * lost), but it ends the checks of our earlier writes that it makes moot.
     */
    void writtenConditionally(const QDate &day, const QList<TodoOperation> &ops);

    /** Whether writes to `day` are still being checked. */
    bool isChecking(const QDate &day) const;

    /**
     * `value` is what the server holds for `day` now (nullopt: nothing). Returns the operations
     * it shows were overwritten, except those a still `pending` edit of the same field
     * supersedes (replaying them after it would undo it), and stops checking what `value`
     * settled. Our own value coming back tells nothing about a concurrent writer.
     */
    QList<TodoOperation> takeLost(const QDate &day, const std::optional<QByteArray> &value,
                                  const QList<TodoOperation> &pending);

    /** Forgets every write (another server). */
    void clear();

private:
    struct Check
    {
        TodoOperation op;
        QList<QVariant> before; ///< the values our writes replaced, oldest first
    };
    struct Write
    {
        QByteArray value;
        QList<Check> checks;
        QDeadlineTimer deadline;
    };

    static bool supersedes(const TodoOperation &newer, const TodoOperation &older);

    int m_windowMs;
    QHash<QDate, QList<Write>> m_writes;
};
