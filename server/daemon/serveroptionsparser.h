// SPDX-License-Identifier: MIT
#pragma once

#include "daemon/serverconfig.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

/**
 * @brief Turns dayboard-server's command line and DAYBOARD_* environment into a ServerConfig.
 *
 * Every flag has an environment twin; a flag given on the command line wins over its variable.
 * Kept out of main.cpp so it is tested like any other code.
 */
class ServerOptionsParser
{
public:
    enum class Outcome {
        Run, ///< `config` is ready
        Help, ///< print `text` to stdout, exit 0
        Version, ///< print `text` to stdout, exit 0
        Error, ///< print `text` to stderr, exit 2
    };

    struct Result
    {
        Outcome outcome = Outcome::Error;
        ServerConfig config;
        QString text;
    };

    /** `arguments` includes the program name first, as QCoreApplication::arguments(). */
    static Result parse(const QStringList &arguments,
                        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    /** The data dir used when neither --data-dir nor DAYBOARD_DATA_DIR is given. */
    static QString defaultDataDir();
};
