// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QUrl>
#include <optional>

class QCoreApplication;

/** @brief What the command line asked for (see `dayboard --help`). */
struct AppOptions
{
    QUrl server; ///< --server: a remote server for this run (overrides Settings)
    QString apiKey; ///< --api-key
    QString dataDir; ///< --data-dir: settings, pending edits, the embedded server's data
    bool newWindow = false;

    /** Parses the arguments; handles --help/--version (exits) and reports bad input. */
    static AppOptions parse(const QCoreApplication &app);
    /** --help / --version: answered without a display (no QGuiApplication needed). */
    static bool isTextOnly(int argc, char **argv);
    /** `~/.local/share/Dayboard` (XDG data home): the data folder without --data-dir. */
    static QString defaultDataDir();
    /** Names and version used by QSettings, QStandardPaths and --version. */
    static void setApplicationInfo();
};
