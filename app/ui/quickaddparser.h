// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todo.h"

#include <QDate>
#include <QList>
#include <QString>
#include <optional>

/**
 * @brief Quick add: what the add field's text says besides the todo's text (docs/user-guide.md,
 * "Quick add"). Pure: the same input, today and ignored parts always give the same result.
 *
 * The text is split at white space; a word is taken as
 * - a day: `today`, `tomorrow`, a weekday (`monday`…`sunday`, `mon`…`sun`, also `tues`, `thur`,
 *   `thurs`: the next such day, 1 to 7 days after today), `2026-12-24` (ISO), `24.12.` (the next
 *   24 December, today included) or `24.12.2026`;
 * - a reminder time: `14:30` or `9:05` (24-hour clock) → remind "14:30" / "09:05";
 * - a priority: `!high`, `!medium`, `!low`, `!1` (high), `!2` (medium), `!3` (low).
 * Words are matched without regard to case. When a kind appears more than once, its last word is
 * taken and the earlier ones stay text. A word that starts with a backslash is always text (the
 * backslash dropped: `\fri` adds "fri"), and a kind listed in `ignored` (a chip clicked off)
 * stays text too. The remaining words, joined by single spaces, are the todo's text.
 */
class QuickAddParser
{
public:
    enum Part { DayPart = 1, TimePart = 2, PriorityPart = 4 };

    struct Token
    {
        Part part = DayPart;
        QString source; ///< the word as typed
    };

    struct Result
    {
        QString text; ///< the todo's text (trimmed; empty: nothing to add)
        QDate day; ///< invalid: no day given
        QString remind; ///< "HH:mm"; empty: no time given
        std::optional<Todo::Priority> priority;
        QList<Token> tokens; ///< the words taken, in the order they were typed
    };

    /** `ignored`: an OR of Parts whose words stay text. */
    static Result parse(const QString &input, const QDate &today, int ignored = 0);

    static std::optional<QDate> parseDay(const QString &word, const QDate &today);
    static std::optional<QString> parseTime(const QString &word);
    static std::optional<Todo::Priority> parsePriority(const QString &word);
};
