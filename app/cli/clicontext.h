// SPDX-License-Identifier: MIT
#pragma once

#include "cli/cliconnection.h"
#include "cli/clioutput.h"
#include "cli/daystore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <memory>
#include <optional>

/**
 * @brief What every dayboard-cli command has: its parsed command line, where it prints, and (after
 * connect()) the connection and the DayStore.
 *
 * The options every command takes (--server, --key, --data-dir, --json, --retries, --timeout) are
 * added by addCommonOptions(); environment variables DAYBOARD_SERVER and DAYBOARD_API_KEY stand in
 * for --server and --key.
 */
class CliContext
{
    Q_DECLARE_TR_FUNCTIONS(CliContext)

public:
    static void addCommonOptions(QCommandLineParser &parser);

    explicit CliContext(const QCommandLineParser &parser);
    ~CliContext();

    const QCommandLineParser &parser() const { return m_parser; }
    const CliOutput &out() const { return m_output; }
    /** Connects (CliConnection); prints why not and returns its ExitCode. */
    int connect();
    CliConnection *connection() const { return m_connection.get(); }
    DayStore &store() { return *m_store; }

    /** The day the option names (DayWord), `fallback` when not given; nullopt (and a printed usage error)
     * when bad. */
    std::optional<QDate> day(const QString &option, const QDate &fallback) const;
    /**
     * The todo whose id is `prefix`, starts with it (`todo_` may be left out) or whose last part
     * (the random one of `todo_<ms>_<random>`) starts with it, searched on `onlyDay`
     * when valid, else on every day. Prints and returns ExitNotFound / ExitAmbiguous when there is none or
     * more than one.
     */
    int findTodo(const QString &prefix, const QDate &onlyDay, QDate *day, Todo *todo);
    /** The one positional argument at `index`; nullopt and a printed usage error when missing. */
    std::optional<QString> argument(int index, const QString &name) const;

private:
    const QCommandLineParser &m_parser;
    CliOutput m_output;
    std::unique_ptr<CliConnection> m_connection;
    std::unique_ptr<DayStore> m_store;
};
