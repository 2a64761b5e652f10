// SPDX-License-Identifier: MIT
#include "desktop/notifier.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>
#include <QVariantMap>

Q_LOGGING_CATEGORY(lcNotifier, "dayboard.desktop.notifier")

namespace {
const QString service = QStringLiteral("org.freedesktop.Notifications");
const QString path = QStringLiteral("/org/freedesktop/Notifications");
const QString interface = QStringLiteral("org.freedesktop.Notifications");
} // namespace

Notifier::Notifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
    m_bus.connect(service, path, interface, QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(service, path, interface, QStringLiteral("NotificationClosed"), this,
                  SLOT(onClosed(uint, uint)));
}

void Notifier::show(const QString &summary, const QString &body, const QStringList &actions,
                    const Shown &shown)
{
    QDBusMessage call = QDBusMessage::createMethodCall(service, path, interface, QStringLiteral("Notify"));
    const QVariantMap hints { { QStringLiteral("desktop-entry"), QStringLiteral("io.dayboard.Dayboard") },
                              { QStringLiteral("category"), QStringLiteral("reminder") } };
    call << QStringLiteral("Dayboard") << uint(0) << QStringLiteral("io.dayboard.Dayboard") << summary << body
         << actions << hints << int(0); // 0: stays until the user acts on it
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [watcher, shown] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError()) {
            qCWarning(lcNotifier).noquote() << "no notification shown:" << reply.error().message();
            shown(0);
            return;
        }
        shown(reply.value());
    });
}

void Notifier::close(uint id)
{
    QDBusMessage call
        = QDBusMessage::createMethodCall(service, path, interface, QStringLiteral("CloseNotification"));
    call << id;
    m_bus.asyncCall(call);
}

void Notifier::onActionInvoked(uint id, const QString &actionKey)
{
    emit actionInvoked(id, actionKey);
}

void Notifier::onClosed(uint id, uint reason)
{
    emit closed(id, reason);
}
