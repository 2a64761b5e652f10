// SPDX-License-Identifier: MIT
#include "daemon/servermain.h"
#include "net/filelimit.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    // Every connection is a file descriptor and distributions default the soft limit to 1024:
    // go up to the hard limit (no privilege needed). --max-connections stays below it.
    FileLimit::raiseSoftToHard();
    // Qt's glib event dispatcher scans every socket notifier on each change, which makes a
    // fan-out to n sockets O(n^2) (bench/HISTORY.md §1: 10000 subscribers 2.8 s -> 0.29 s). The
    // headless server needs no glib integration: use Qt's UNIX dispatcher unless the user chose
    // (QT_NO_GLIB set, even empty, is left as it is). Must happen before the application exists.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("dayboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DAYBOARD_VERSION));
    return ServerMain::run(app);
}
