// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todo.h"

#include <QDate>
#include <QJsonObject>
#include <QString>

/**
 * @brief One user edit of one day's list, replayable on any version of that list.
 *
 * Edits are operations, not snapshots: on a 409 (or after an offline period) the same
 * operation is applied again to whatever the server holds, so concurrent edits of other
 * todos, or of other fields, are never lost. Operations on a todo id that is no longer
 * there are no-ops (someone else deleted it). Moving to another day is two operations:
 * Remove on the source day and Insert (same todo) on the target day.
 *
 * Build one with the named constructors (insert(), remove(), move(), setText(),
 * setPriority(), setStatus(), setNotes(), setRemind(), setReminded(), setMembers());
 * `timestampMs` is when the user made the edit (0: unknown).
 */
struct TodoOperation
{
    enum class Kind {
        Insert,
        SetText,
        SetPriority,
        SetStatus,
        Remove,
        Move,
        SetNotes,
        SetRemind,
        SetReminded,
        SetMembers
    };

    Kind kind = Kind::Insert;
    QDate day;
    QString todoId;
    Todo todo; ///< Insert: the todo to insert
    QString text; ///< SetText, SetNotes, SetRemind: the new text / notes / "HH:mm" ("" removes)
    Todo::Priority priority = Todo::Priority::Low; ///< SetPriority: the new priority
    Todo::Status status = Todo::Status::NotSet; ///< SetStatus: the new status
    qint64 reminded = 0; ///< SetReminded: ms since epoch (0 removes the member)
    QJsonObject members; ///< SetMembers: members to set; a null value removes the member
    int position = -1; ///< Insert/Move: target index (Move: after taking the todo out); -1: at the end
    QString afterId; ///< Insert/Move: place right after this todo when it still exists (wins over position)
    qint64 timestampMs = 0; ///< when the user made the edit; Set* store it in Todo::updated when > 0

    /** Inserts `todo` right after `afterId` if it is still there, else at `position` (-1: at the end). */
    static TodoOperation insert(const QDate &day, const Todo &todo, int position = -1,
                                const QString &afterId = {}, qint64 timestampMs = 0);
    static TodoOperation remove(const QDate &day, const QString &id, qint64 timestampMs = 0);
    /** Moves the todo right after `afterId` if it is still there, else to `position` (-1: the end). */
    static TodoOperation move(const QDate &day, const QString &id, int position, const QString &afterId = {},
                              qint64 timestampMs = 0);
    static TodoOperation setText(const QDate &day, const QString &id, const QString &text,
                                 qint64 timestampMs = 0);
    static TodoOperation setPriority(const QDate &day, const QString &id, Todo::Priority priority,
                                     qint64 timestampMs = 0);
    static TodoOperation setStatus(const QDate &day, const QString &id, Todo::Status status,
                                   qint64 timestampMs = 0);
    /** Sets the notes; "" removes them. */
    static TodoOperation setNotes(const QDate &day, const QString &id, const QString &notes,
                                  qint64 timestampMs = 0);
    /** Sets the reminder time ("HH:mm"; "" removes it) and removes `reminded`, so it fires again. */
    static TodoOperation setRemind(const QDate &day, const QString &id, const QString &remind,
                                   qint64 timestampMs = 0);
    /** Marks the reminder shown at `shownMs` (0 removes the mark); `updated` is left alone. */
    static TodoOperation setReminded(const QDate &day, const QString &id, qint64 shownMs);
    /**
     * Sets members of the stored todo object by name (any member but `id`; a known one is read
     * as TodoCodec reads it), a null value removing the member: for import and for undoing
     * edits of members Dayboard does not know.
     */
    static TodoOperation setMembers(const QDate &day, const QString &id, const QJsonObject &members,
                                    qint64 timestampMs = 0);

    /** The id the operation targets (Insert: todo.id). */
    QString targetId() const;
    /** A day and a target id; fromJson() of something unreadable gives an invalid operation. */
    bool isValid() const;
    /** Any Set* kind: an edit of fields of one todo. */
    bool isFieldEdit() const;

    /** Applies the operation to `list` and returns the result; unknown ids leave it alone. */
    TodoList applyTo(TodoList list) const;

    /**
     * For the pending-operation queue file; day as "yyyy-MM-dd", kind as a name ("setText"),
     * the new value of a Set* as its stored text under "text" (SetReminded: a number under
     * "reminded", SetMembers: an object under "members").
     */
    QJsonObject toJson() const;
    static TodoOperation fromJson(const QJsonObject &object);
};
