// SPDX-License-Identifier: MIT
// dayboard-cli: Dayboard's todo lists from the command line (docs/cli.md). Qt Core/Network/WebSockets
// only, no Qt Gui.
#include "cli/commandtable.h"
#include "desktop/appoptions.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    AppOptions::setApplicationInfo(); // the app's names: same QStandardPaths, same key store
    // Informational logs of the sync core and the in-process server are not the command's output.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("*.info=false\n*.debug=false"));
    return CommandTable::run(app.arguments());
}
