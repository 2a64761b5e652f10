// SPDX-License-Identifier: MIT
#include "application.h"
#include "desktop/appoptions.h"
#include "desktop/translations.h"

#include <QApplication>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>

Q_IMPORT_QML_PLUGIN(DayboardPlugin)

int main(int argc, char *argv[])
{
    AppOptions::setApplicationInfo();
    if (AppOptions::isTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        Translations::install(&app);
        AppOptions::parse(app); // prints and exits
        return 0;
    }

    // A QApplication (not QGuiApplication): the tray icon of "Keep running in the background" is a
    // QSystemTrayIcon, which needs Qt Widgets. The windows stay Qt Quick.
    QApplication app(argc, argv);
    // Before any text is made: the options' errors and the QML engine use it.
    Translations::install(&app);
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Dayboard"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.dayboard.Dayboard"));
    // Dayboard draws its own calm look on top of the Basic style; an explicit choice still wins.
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Basic"));

    Application application(AppOptions::parse(app));
    const int status = application.start();
    if (status != 0)
        return status < 0 ? 0 : status;
    return QGuiApplication::exec();
}
