// SPDX-License-Identifier: MIT
#pragma once

#include "daemon/serverconfig.h"

#include <QCommandLineOption>
#include <QList>
#include <QProcessEnvironment>
#include <QString>

class QCommandLineParser;

/**
 * @brief dayboard-server's limit flags (connections, requests, timeouts, sizes) and their
 * DAYBOARD_* environment twins: `--max-in-flight` is also DAYBOARD_MAX_IN_FLIGHT.
 *
 * Kept apart from ServerOptionsParser so the limits live in one table. Timeouts are given in
 * seconds (fractions allowed); a limit of 0 means "no limit" where the help says so.
 */
class LimitOptions
{
public:
    LimitOptions();

    QList<QCommandLineOption> options() const;
    /** Reads every given flag or variable into `config`; false with `*error` on a bad value. */
    bool apply(const QCommandLineParser &parser, const QProcessEnvironment &env, ServerConfig *config,
               QString *error) const;

private:
    enum class Kind { Count, Bytes, Rate, Seconds };
    struct Limit
    {
        QString flag;
        Kind kind;
        QString help;
        bool zeroAllowed;
    };

    static QString variableOf(const QString &flag);
    static bool parseValue(const QString &text, Kind kind, bool zeroAllowed, double *value);
    static void store(const QString &flag, double value, ServerConfig *config);
    static double defaultOf(const QString &flag, const ServerConfig &config);

    QList<Limit> m_limits;
};
