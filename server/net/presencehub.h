// SPDX-License-Identifier: MIT
#pragma once

#include "core/presencehandler.h"
#include "core/presencemember.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

class PresenceBackend;
class WebSocketSession;

/**
 * @brief Presence for WebSocket connections (docs/protocol.md §9.9): executes PRESENCE
 * requests and pushes `{"type":"presence"}` messages to the connections that opted in.
 *
 * Each connection may announce up to PresenceAnnouncement::maxMembersPerConnection members
 * (one per app window), each looking at up to maxHereKeys keys, and watch up to maxWatchKeys
 * keys in all; every key must be one its scope may access. Members live in the backend with
 * an expiry that each announcement (the client's heartbeat) renews; a connection that closes
 * takes its members with it at once. A sweep re-reads every watched roster so expiries (and
 * members of other instances) are pushed within a sweep interval. Only connections that sent
 * a PRESENCE request are ever sent a presence message.
 */
class PresenceHub : public QObject, public PresenceHandler
{
    Q_OBJECT

public:
    struct Options
    {
        int expiryMs = 15000; ///< a member not announced again for this long is dropped
    };

    PresenceHub(PresenceBackend *backend, Options options, QObject *parent = nullptr);
    /** Says goodbye for every member still announced (a clean stop leaves no ghosts). */
    ~PresenceHub() override;

    void handlePresence(const Request &request, const AccessScope &scope, PresencePeer *peer,
                        std::function<void(const Reply &)> done) override;

    int heartbeatMs() const { return qMax(1, m_options.expiryMs / 3); }
    /** Re-reads every watched roster and pushes those that changed (the timer calls it). */
    void sweep();

private:
    struct Member
    {
        QString name;
        QList<QByteArray> here;
        QList<QByteArray> watch;
    };
    struct Peer
    {
        QByteArray owner;
        QHash<QByteArray, Member> members;
        QSet<QByteArray> watched;
    };

    QString refusal(const Request &request, const AccessScope &scope, WebSocketSession *session) const;
    void apply(WebSocketSession *session, const PresenceAnnouncement &announcement);
    void updateWatches(WebSocketSession *session);
    void removeSession(WebSocketSession *session);
    void refresh(const QByteArray &key, WebSocketSession *only = nullptr);
    void push(const QByteArray &key, const QList<PresenceMember> &members,
              const QList<WebSocketSession *> &to);

    PresenceBackend *m_backend;
    Options m_options;
    QByteArray m_instance;
    quint64 m_nextOwner = 0;
    QTimer m_sweepTimer;
    QHash<WebSocketSession *, Peer> m_peers;
    QHash<QByteArray, QSet<WebSocketSession *>> m_watchers;
    QHash<QByteArray, QList<PresenceMember>> m_lastRoster;
};
