// SPDX-License-Identifier: MIT
#pragma once

#include "exchange/daylists.h"
#include "exchange/importdocument.h"
#include "sync/todooperation.h"

#include <QCoreApplication>
#include <QList>

/**
 * @brief What importing a file changes, as operations, plus a summary of every todo in it.
 *
 * make() merges a validated ImportDocument into the current lists of some days by todo id (the
 * iCalendar UID): a todo whose id is nowhere in `existing` becomes an Insert (at the end of its
 * day, in file order); a todo that exists gets SetText/SetPriority/SetStatus for the fields that
 * differ, on the day where it is now, but only when the file's copy is newer (its `updated`, else
 * `created`, is later than Dayboard's); otherwise it is skipped. Importing the same file again
 * therefore adds and changes nothing.
 *
 * Applying it (docs/sync.md, "Export and import"): the plan is a list of TodoOperation, the same
 * replayable edits the app makes, so a caller never writes a snapshot over someone else's edit:
 * - the app submits every operation to SyncSession::submit() in one event-loop pass (one
 *   compare-and-swap write per day, rebased on a 409 like any edit, queued while offline);
 * - a client that writes a day itself (the CLI on a data directory or its own connection) reads
 *   the day with its revision, applies applyTo(day, list), writes it with `ifRevision` and on a
 *   conflict reads again and applies the plan again to the new value.
 * Replaying is safe: an Insert of an id that is there already is a no-op (two imports racing add
 * each todo once), a Set* of a todo deleted meanwhile is a no-op, edits of other todos survive.
 *
 * `existing` must hold at least the days daysToRead() names; pass more (a range, or every day)
 * to also find todos that were moved to another day since the file was written.
 *
 * Not changed on an existing todo, because no operation edits them yet: its notes (extra member
 * `notes`), its due time and its other extra members; the summary names the notes and the due
 * time when they differ.
 */
class ImportPlan
{
    Q_DECLARE_TR_FUNCTIONS(ImportPlan)

public:
    struct Entry
    {
        enum class Outcome { Added, Updated, Skipped };
        Outcome outcome = Outcome::Skipped;
        QString todoId; ///< empty for something that is not a todo
        QString text; ///< the todo's text, or what the file calls the thing skipped
        QDate day; ///< where it went (Added/Updated); invalid for Skipped
        int line = 0; ///< where it is in the file
        QString reason; ///< why skipped, or what changed / what was left out
    };

    /** The days whose current lists make() needs: every day of the file and `undatedDay`. */
    static QList<QDate> daysToRead(const ImportDocument &document, const QDate &undatedDay);

    /**
     * A `document` that is not ok() gives an empty plan. Undated items go to `undatedDay`. `nowMs` (-1: now)
     * becomes the `created` of a todo the file gives no creation time.
     */
    static ImportPlan make(const ImportDocument &document, const DayLists &existing, const QDate &undatedDay,
                           qint64 nowMs = -1);

    /** Every operation, grouped by day in date order, each day's in file order. */
    const QList<TodoOperation> &operations() const { return m_operations; }
    /** The days the operations change, in date order. */
    QList<QDate> days() const;
    /** `list` (any version of `day`) with this plan's operations of `day` applied. */
    TodoList applyTo(const QDate &day, TodoList list) const;
    bool isEmpty() const { return m_operations.isEmpty(); }

    /** One entry per todo of the file and per thing skipped, in file order. */
    const QList<Entry> &summary() const { return m_summary; }
    int count(Entry::Outcome outcome) const;
    /** `added`, `updated`, `skipped`: an outcome's name in machine-readable output (not translated). */
    static QString outcomeName(Entry::Outcome outcome);

private:
    void mergeItem(const ImportDocument::Item &item, const QDate &day, const DayLists &existing,
                   QList<TodoOperation> &operations);

    QList<TodoOperation> m_operations;
    QList<Entry> m_summary;
};
