// SPDX-License-Identifier: MIT
#pragma once

#include "core/change.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

class Storage;
class WebSocketSession;

/**
 * @brief Fans committed changes out to subscribed WebSocket sessions, and keeps peers alive.
 *
 * Listens to Storage::changed only, so every write path (WS, REST, other Redis instances) is
 * heard the same way. Exact subscriptions are indexed by key; wildcard subscriptions are
 * matched per change. Each notification is encoded once, as one WebSocket frame written to every
 * subscriber, exactly once per socket. Every session (token or API key) is registered for the
 * liveness sweep: a peer silent for pingIntervalMs gets a ping, and is aborted when no pong
 * arrives within pongTimeoutMs. Storage::changesMayBeLost closes every subscriber with
 * CloseCodes::Refetch.
 */
class SubscriptionHub : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        bool withRevision = true;
        int pingIntervalMs = 30000;
        int pongTimeoutMs = 10000;
    };

    SubscriptionHub(Storage *storage, Options options, QObject *parent = nullptr);
    ~SubscriptionHub() override;

    /** Monotonic ms, shared with sessions for their liveness bookkeeping. */
    qint64 nowMs() const { return m_clock.elapsed(); }

    /** Registers a session (indexed by its scope's subscriptions) until it closes. */
    void add(WebSocketSession *session);
    QList<WebSocketSession *> sessions() const { return m_sessions.values(); }
    int subscriberCount() const { return m_subscribers; }

    /** One sweep now (the timer calls it; tests may too). */
    void sweep();

private:
    void remove(WebSocketSession *session);
    void onChanged(const Change &change);
    void onChangesMayBeLost();

    Options m_options;
    QElapsedTimer m_clock;
    QTimer m_sweepTimer;
    QSet<WebSocketSession *> m_sessions;
    QHash<QByteArray, QList<WebSocketSession *>> m_exact;
    QList<QPair<QByteArray, WebSocketSession *>> m_wildcards;
    int m_subscribers = 0;
    quint64 m_serial = 0;
};
