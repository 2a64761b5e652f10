// SPDX-License-Identifier: MIT
#pragma once

#include "desktop/connectionmanager.h"
#include "desktop/embeddedserver.h"
#include "desktop/translations.h"
#include "sync/daycache.h"
#include "sync/syncsession.h"
#include "ui/appcontroller.h"

#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QStringList>
#include <QTemporaryDir>
#include <QTranslator>
#include <memory>

/**
 * @brief The app's shared objects over a real embedded server in a temporary folder: what
 * Application builds, minus windows and single-instance (tests and the screenshot tool).
 */
struct UiTestEnv
{
    QTemporaryDir dir;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<DayCache> cache;
    std::unique_ptr<SyncSession> session;
    std::unique_ptr<ConnectionManager> connection;
    std::unique_ptr<AppController> controller;

    bool start()
    {
        if (!dir.isValid())
            return false;
        // The app's English texts with their plural forms ("1 edit waiting"), unless a
        // translation is installed already (dayboard-screenshot: the system's language).
        if (QCoreApplication::instance()->findChildren<QTranslator *>().isEmpty())
            Translations::install(QCoreApplication::instance(), { QStringLiteral("en") });
        settings
            = std::make_unique<QSettings>(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        cache = std::make_unique<DayCache>();
        session = std::make_unique<SyncSession>(cache.get(), dir.filePath(QStringLiteral("pending.json")));
        connection = std::make_unique<ConnectionManager>(session.get(), settings.get(), dir.path());
        controller
            = std::make_unique<AppController>(cache.get(), session.get(), connection.get(), settings.get());
        AppController::setInstance(controller.get());
        connection->start();
        return connection->embeddedServer()->isRunning();
    }

    ~UiTestEnv()
    {
        AppController::setInstance(nullptr);
        controller.reset();
        session.reset();
        connection.reset();
        cache.reset();
    }
};

/** The first argument of every signal a spy caught, as text (e.g. the notes a window was told). */
inline QStringList texts(const QSignalSpy &spy)
{
    QStringList result;
    for (const QList<QVariant> &arguments : spy)
        result.append(arguments.constFirst().toString());
    return result;
}
