// SPDX-License-Identifier: MIT
#include "servermain.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("dayboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DAYBOARD_VERSION));
    return ServerMain::run(app);
}
