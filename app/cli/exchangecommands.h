// SPDX-License-Identifier: MIT
#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>

class CliContext;

/**
 * @brief `dayboard-cli export` and `import` (docs/cli.md), through dayboard_exchange.
 *
 * export writes the days of a range (or every day) as JSON (per-day arrays as stored), iCalendar
 * VTODOs or a Markdown checklist, to a file or stdout. import reads a JSON or .ics file completely
 * first (a malformed one is refused with its line, ExitBadFile, nothing written), merges it into
 * every day's current list as an ImportPlan, and writes each changed day through DayStore::update()
 * with the plan's operations, so concurrent edits survive and importing twice adds nothing.
 */
class ExchangeCommands
{
    Q_DECLARE_TR_FUNCTIONS(ExchangeCommands)

public:
    static void exportOptions(QCommandLineParser &parser);
    static int exportDays(CliContext &context);
    static void importOptions(QCommandLineParser &parser);
    static int importFile(CliContext &context);
};
