// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

class HpkvClient;

/**
 * @brief Presence on the request socket (docs/protocol.md §9.9): announces this app's members
 * (one per window: the day it shows, the days whose presence it wants) and keeps the rosters
 * the server pushes.
 *
 * One per HpkvClient (forClient()). Each member is announced when it changes, on every
 * (re)connect, and again every heartbeat the server asks for. A server without presence
 * (hosted HPKV, `--no-extensions`) answers op 7 with an error: the client then stays quiet
 * until the next connect and isAvailable() is false, so the app simply shows no presence.
 * Rosters are cleared when the connection drops (they would go stale).
 */
class PresenceClient : public QObject
{
    Q_OBJECT

public:
    struct Member
    {
        QByteArray id;
        QString name;
    };

    explicit PresenceClient(HpkvClient *client, QObject *parent = nullptr);
    ~PresenceClient() override;

    /** The client's PresenceClient, created on first use (a child of `client`). */
    static PresenceClient *forClient(HpkvClient *client);

    /** What others are shown for every member of this app (a device's name). */
    void setDeviceName(const QString &name);
    QString deviceName() const { return m_deviceName; }

    /** A new member id (a window of this app); announce it with setMember(). */
    QByteArray createMember();
    /** What member `id` looks at (`here`) and whose rosters it wants (`watch`); announced at once. */
    void setMember(const QByteArray &id, const QList<QByteArray> &here, const QList<QByteArray> &watch);
    /** Says goodbye for `id`. */
    void removeMember(const QByteArray &id);
    bool isLocalMember(const QByteArray &id) const { return m_members.contains(id); }

    /** Whether the server answered a presence request with success since the last connect. */
    bool isAvailable() const { return m_available; }
    /** The last roster the server pushed for `key` (this app's members included). */
    QList<Member> roster(const QByteArray &key) const { return m_rosters.value(key); }

signals:
    void availableChanged();
    void rosterChanged(const QByteArray &key);
    void deviceNameChanged();

private:
    struct Announcement
    {
        QList<QByteArray> here;
        QList<QByteArray> watch;
    };

    void announce(const QByteArray &id);
    void announceAll();
    void onPushed(const QJsonObject &message);
    void onConnectionLost();
    void setAvailable(bool available);

    HpkvClient *m_client;
    QString m_deviceName;
    QHash<QByteArray, Announcement> m_members;
    QHash<QByteArray, QList<Member>> m_rosters;
    QTimer m_heartbeat;
    bool m_available = false;
    bool m_refused = false; ///< the server has no presence: stay quiet until the next connect
};
