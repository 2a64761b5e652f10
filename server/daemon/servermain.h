// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

class QCoreApplication;

/**
 * @brief What dayboard-server does between QCoreApplication and exit: options, start, run
 * until SIGTERM/SIGINT, graceful stop. In the library so main.cpp stays a few lines.
 *
 * Output contract (scripts and tests depend on it): once accepting, stdout gets exactly
 * `listening on http://ADDR:PORT`; errors go to stderr with a non-zero exit code (2 for bad
 * options, 1 for everything else); a termination signal stops gracefully with exit code 0.
 */
class ServerMain
{
public:
    static int run(QCoreApplication &app);
};
