// SPDX-License-Identifier: MIT
#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>

/**
 * @brief Desktop notifications through org.freedesktop.Notifications (Desktop Notifications
 * Specification 1.2) over QtDBus.
 *
 * show() calls Notify with the given actions (key, label pairs) and hands back the id the
 * server gave (0: no notification service, or it refused). The server's ActionInvoked and
 * NotificationClosed signals for our ids come back as actionInvoked() and closed(); they are
 * sent to the connection that called Notify, so one Notifier per bus connection.
 */
class Notifier : public QObject
{
    Q_OBJECT

public:
    using Shown = std::function<void(uint id)>;

    /** `bus`: the session bus (tests pass a private one). */
    explicit Notifier(const QDBusConnection &bus = QDBusConnection::sessionBus(), QObject *parent = nullptr);

    /** `actions`: key, label, key, label... (e.g. "done", "Done"). `shown` gets the id, 0 on failure. */
    void show(const QString &summary, const QString &body, const QStringList &actions, const Shown &shown);
    void close(uint id);

signals:
    void actionInvoked(uint id, const QString &actionKey);
    /** The server closed it (reason: 1 expired, 2 dismissed, 3 CloseNotification, 4 other). */
    void closed(uint id, uint reason);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &actionKey);
    void onClosed(uint id, uint reason);

private:
    QDBusConnection m_bus;
};
