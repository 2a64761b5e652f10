// SPDX-License-Identifier: MIT
#pragma once

#include <QDate>
#include <QString>
#include <optional>

/**
 * @brief Reads a word that names a day, relative to `today`: one implementation, without Qt Gui,
 * for quick add's words and the command-line client's `--day`.
 *
 * parse(), case-insensitive:
 * - `today`, `tomorrow`;
 * - a weekday (`monday`…`sunday`, `mon`…`sun`, also `tues`, `thur`, `thurs`): the next such day,
 *   1 to 7 days after today (on a Friday, `fri` is the Friday a week later);
 * - `2026-12-24` (ISO), `24.12.` (the next 24 December, today included) or `24.12.2026`.
 * parseWithOffsets() also takes `yesterday` and `+N` / `-N` (N days from today), for places where
 * such a word cannot be part of a todo's text (a command-line option).
 * Anything else gives nullopt.
 */
namespace DayWord {
std::optional<QDate> parse(const QString &word, const QDate &today);
std::optional<QDate> parseWithOffsets(const QString &word, const QDate &today);
}
