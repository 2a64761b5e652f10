// SPDX-License-Identifier: MIT
#pragma once

#include "exchange/daylists.h"

#include <QByteArray>

/**
 * @brief Writes days as a Markdown checklist for pasting elsewhere (export only).
 *
 * One `## YYYY-MM-DD (Weekday)` heading per day that has todos, then one task-list item per todo:
 * `- [ ] text (high priority)` / `- [x] text (low priority)`, ", in progress" and the due time
 * after the priority when there are, and the notes indented below the item. Text that Markdown
 * would read as formatting is escaped. Day names are English, whatever the locale (a file, not UI).
 */
class MarkdownWriter
{
public:
    static QByteArray write(const DayLists &days);
};
