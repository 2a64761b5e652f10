// SPDX-License-Identifier: MIT
#pragma once

#include "privatesessionbus.h"

#include <QJsonArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

/**
 * @brief A real notification server for a test: dunst on a private session bus, drawing on its
 * own Xvfb display.
 *
 * Its notifications never expire. invokeAction() works as a user picking an action from dunst's
 * context menu: `dunstctl action 0` opens the menu through the configured `dmenu`, a script that
 * picks the line of the requested action key, and dunst sends ActionInvoked to the app.
 */
class NotificationDaemon
{
public:
    static constexpr int defaultTimeoutMs = 30000;

    NotificationDaemon();
    ~NotificationDaemon();

    /** Empty when Xvfb, dbus-daemon, dunst and dunstctl are on PATH, else what is missing. */
    static QString missingPrograms();

    /** True once org.freedesktop.Notifications is on the private bus. */
    bool start(int timeoutMs = defaultTimeoutMs);
    QString busAddress() const { return m_bus.address(); }
    QString errorString() const { return m_error; }

    /** `dunstctl count displayed`; -1 on failure. */
    int displayedCount();
    /** Closes every shown notification (they move to the history). */
    void closeAll();
    /** `dunstctl history` as [{id, summary, body}], newest first. */
    QJsonArray history();
    /** Picks `actionKey` from the context menu of the topmost notification. */
    bool invokeAction(const QString &actionKey);

private:
    QByteArray dunstctl(const QStringList &arguments, bool *ok = nullptr);
    bool startDisplay(int timeoutMs);
    bool waitForName(int timeoutMs);

    QTemporaryDir m_dir;
    PrivateSessionBus m_bus;
    QProcess m_xvfb;
    QProcess m_dunst;
    QString m_display;
    QString m_error;
};
