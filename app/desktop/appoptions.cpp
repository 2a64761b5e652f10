// SPDX-License-Identifier: MIT
#include "desktop/appoptions.h"

#include "desktop/connectionmanager.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <cstdio>
#include <cstdlib>

AppOptions AppOptions::parse(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("AppOptions", "Dayboard: calm per-day todo lists."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(
        QStringLiteral("server"),
        QCoreApplication::translate("AppOptions", "Sync with the server at <url> (this run only)."),
        QStringLiteral("url"));
    const QCommandLineOption apiKey(QStringLiteral("api-key"),
                                    QCoreApplication::translate("AppOptions", "API key for --server."),
                                    QStringLiteral("key"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("AppOptions", "Keep settings and data in <dir>."), QStringLiteral("dir"));
    const QCommandLineOption newWindow(
        QStringLiteral("new-window"),
        QCoreApplication::translate("AppOptions",
                                    "Open a new window (in the running Dayboard if there is one)."));
    parser.addOptions({ server, apiKey, dataDir, newWindow });
    parser.process(app);

    AppOptions options;
    if (parser.isSet(server)) {
        options.server = ConnectionManager::normalizedUrl(parser.value(server));
        if (!options.server.isValid()) {
            std::fputs(
                qPrintable(QCoreApplication::translate(
                    "AppOptions", "--server needs an http(s) or ws(s) URL, e.g. https://example.com\n")),
                stderr);
            std::exit(2);
        }
    }
    options.apiKey = parser.value(apiKey);
    options.dataDir = parser.isSet(dataDir) ? QDir(parser.value(dataDir)).absolutePath() : defaultDataDir();
    options.newWindow = parser.isSet(newWindow);
    return options;
}

bool AppOptions::isTextOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" || arg == "--version")
            return true;
    }
    return false;
}

QString AppOptions::defaultDataDir()
{
    // Not AppDataLocation: with organisation and application both "Dayboard" that is
    // ~/.local/share/Dayboard/Dayboard. DataMigration moves the data of that folder.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .absoluteFilePath(QStringLiteral("Dayboard"));
}

void AppOptions::setApplicationInfo()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Dayboard"));
    QCoreApplication::setApplicationName(QStringLiteral("Dayboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DAYBOARD_VERSION));
}
