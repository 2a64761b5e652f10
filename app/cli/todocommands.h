// SPDX-License-Identifier: MIT
#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>

class CliContext;

/**
 * @brief dayboard-cli's commands on todos: add, list, done, edit, rm, move (docs/cli.md).
 *
 * Each edit is a TodoOperation written through DayStore::update() (compare-and-swap, replayed on a
 * concurrent write), exactly the edit the app makes for the same action. A move is an Insert on the
 * new day, then a Remove on the old one, so a failure in between leaves the todo on both days
 * rather than on neither.
 */
class TodoCommands
{
    Q_DECLARE_TR_FUNCTIONS(TodoCommands)

public:
    static void addOptions(QCommandLineParser &parser);
    static int add(CliContext &context);
    static void listOptions(QCommandLineParser &parser);
    static int list(CliContext &context);
    static void idOptions(QCommandLineParser &parser);
    static int done(CliContext &context);
    static void editOptions(QCommandLineParser &parser);
    static int edit(CliContext &context);
    static int remove(CliContext &context);
    static void moveOptions(QCommandLineParser &parser);
    static int move(CliContext &context);
};
