// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todooperation.h"

#include <QObject>
#include <QString>
#include <QUrl>
#include <memory>

class DayCache;
class HpkvClient;
class MonitorClient;

/** @brief Where the app syncs: a base URL (http/https/ws/wss, with or without /ws) and an API key. */
struct ServerEndpoint
{
    QUrl baseUrl;
    QString apiKey;
    bool operator==(const ServerEndpoint &) const = default;
};

/**
 * @brief The app's sync core, shared by every window of the process.
 *
 * Owns the HPKV client (request socket), the monitor (token + notification socket for the
 * watched days), the DayCache and the pending-operation queue (on disk, replayed on
 * reconnect and after a restart). The UI only calls submit() and reads the cache.
 */
class SyncSession : public QObject
{
    Q_OBJECT
    Q_PROPERTY(ConnectionState connectionState READ connectionState NOTIFY connectionStateChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)
    Q_PROPERTY(bool serverHasRevisions READ serverHasRevisions NOTIFY serverHasRevisionsChanged)
    Q_PROPERTY(Problem problem READ problem NOTIFY connectionStateChanged)

public:
    enum class ConnectionState { Disconnected, Connecting, Connected, Reconnecting };
    Q_ENUM(ConnectionState)
    /**
     * Why the session is not connected, when the user can act on it (ServerProbe). KeyRefused
     * stops every retry until setEndpoint() (a new key); the others keep retrying with backoff.
     */
    enum class Problem { None, KeyRefused, Unreachable, NotHpkv, TlsProblem };
    Q_ENUM(Problem)

    /** `queueFile`: where pending operations are kept across restarts. */
    SyncSession(DayCache *cache, const QString &queueFile, QObject *parent = nullptr);
    ~SyncSession() override;

    /**
     * Connects (or reconnects) to `endpoint`; takes effect at once. Another server (base URL)
     * than before: the cache forgets the previous server's values and fetches again.
     * `queueFile` not empty: the pending operations of this server live there; the current
     * queue keeps its operations in its own file, for when its server is used again
     * (docs/sync.md §5). Empty: the current queue goes on.
     */
    void setEndpoint(const ServerEndpoint &endpoint, const QString &queueFile = {});
    ServerEndpoint endpoint() const;
    /** Closes both sockets and stays closed (quitting); queued operations stay in the queue file. */
    void stop();
    /** The file of the queue in use. */
    QString queueFile() const;

    /** Applies the operation to the cache now, then writes it (CAS with rebase, or RMW). */
    void submit(const TodoOperation &operation);

    ConnectionState connectionState() const;
    Problem problem() const;
    /** What the network said about the problem (no secrets); empty without one. */
    QString problemDetail() const;
    /** True once a day was read from the current endpoint (set again by setEndpoint()). */
    bool hasSynced() const;
    int pendingCount() const;
    bool serverHasRevisions() const;
    DayCache *cache() const;

    /** The request and notification clients (backoff, timeouts, diagnostics). */
    HpkvClient *client() const;
    MonitorClient *monitor() const;
    /** True when every operation submitted so far is in the queue file. */
    bool isQueueSaved() const;

signals:
    void connectionStateChanged();
    void pendingCountChanged();
    void serverHasRevisionsChanged();
    /** Something the user should hear about, non-blocking (shown as a toast). No secrets. */
    void message(const QString &text);
    /** The first read from the current endpoint succeeded: it serves our lists. */
    void synced();
    /** The queue file now holds every operation submitted so far. */
    void queueSaved();

private:
    struct Private;
    std::unique_ptr<Private> d;
};
