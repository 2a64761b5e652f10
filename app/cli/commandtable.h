// SPDX-License-Identifier: MIT
#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

class CliContext;

/**
 * @brief dayboard-cli's commands and its entry point: `dayboard-cli COMMAND [options] [arguments]`.
 *
 * Each command has its own QCommandLineParser (its options plus the common ones of CliContext), so
 * `dayboard-cli COMMAND --help` shows exactly what it takes; `dayboard-cli --help` lists the commands
 * (help2man makes the man page from it).
 */
class CommandTable
{
    Q_DECLARE_TR_FUNCTIONS(CommandTable)

public:
    struct Command
    {
        QString name;
        QString synopsis; ///< its arguments, for the overview
        QString summary;
        std::function<void(QCommandLineParser &)> options;
        std::function<int(CliContext &)> run;
    };

    static const QList<Command> &commands();
    /** Runs the command line (arguments()[0] is the program); returns the exit code. */
    static int run(const QStringList &arguments);
    /** `dayboard-cli --help`. */
    static QString overview();
};
