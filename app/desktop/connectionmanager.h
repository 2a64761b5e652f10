// SPDX-License-Identifier: MIT
#pragma once

#include "sync/listcopier.h"
#include "sync/syncsession.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>

class EmbeddedServer;
class KeyStore;
class QSettings;

/**
 * @brief Decides where the SyncSession connects: the embedded server (default) or a remote one.
 *
 * Switching takes effect at once, without a restart: the embedded server is started (or
 * stopped) and the session gets the new endpoint. A remote API key lives in the KeyStore;
 * the command line (--server, --api-key) overrides the settings for one run.
 */
class ConnectionManager : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Embedded, Remote };
    Q_ENUM(Mode)

    ConnectionManager(SyncSession *session, QSettings *settings, const QString &dataDir,
                      QObject *parent = nullptr);
    ~ConnectionManager() override;

    /** For this run only: a remote server (and key) given on the command line. */
    void setOverride(const QUrl &server, const QString &apiKey);
    /** Connects as the settings (or the override) say. Never waits for the network. */
    void start();
    /** Quit: the session lets go of its server, the embedded one stops gracefully, then `done`. */
    void shutdown(const std::function<void()> &done);
    /**
     * Switches mode; an empty `apiKey` keeps the stored one. Returns false on bad input.
     * `bringLists`: once the session uses the new server, every day with todos on the previous
     * one is copied over (ListCopier; the built-in server keeps running until it is done) and
     * message() says what happened.
     */
    bool apply(Mode mode, const QUrl &remoteUrl, const QString &apiKey, bool bringLists = false);
    /** A copy started by apply() is under way. */
    bool isCopying() const;

    /**
     * The built-in server listens on every interface (shared) or on 127.0.0.1 only (default).
     * Saved in the settings; takes effect at once (the built-in server restarts on a new address).
     */
    void setShareEmbedded(bool share);
    bool shareEmbedded() const;

    Mode mode() const;
    QUrl remoteUrl() const;
    QUrl currentUrl() const;
    QString error() const;
    bool hasApiKey() const;
    KeyStore *keyStore() const;
    EmbeddedServer *embeddedServer() const;

    static QUrl normalizedUrl(const QString &text);
    /**
     * Each server has its own queue of unsent edits (docs/sync.md §5): the built-in server
     * `<dataDir>/pending-operations.json`, a remote one `pending-operations-<hash>.json`, the
     * hash (16 hex digits of SHA-256) of its normalized WebSocket URL, so `https://host` and
     * `wss://host/ws/` share one queue. The API key is not part of it.
     */
    static QString queueFileFor(const QString &dataDir, Mode mode, const QUrl &url);

signals:
    void changed();
    void message(const QString &text);

private:
    void connectEmbedded();
    void connectRemote(const QString &apiKey);
    void setError(const QString &error);
    void startCopyIfSwitched();
    void copyFinished(const ListCopier::Result &result);

    SyncSession *m_session;
    QSettings *m_settings;
    QString m_dataDir;
    EmbeddedServer *m_embedded;
    KeyStore *m_keyStore;
    Mode m_mode = Mode::Embedded;
    QUrl m_remoteUrl;
    QUrl m_currentUrl;
    QUrl m_overrideUrl;
    QString m_overrideKey;
    QString m_error;
    bool m_hasApiKey = false;
    std::optional<ServerEndpoint> m_copyFrom;
    QPointer<ListCopier> m_copier;
};
