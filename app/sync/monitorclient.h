// SPDX-License-Identifier: MIT
#pragma once

#include "sync/backoff.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QWebSocket;

/**
 * @brief The notification socket for a set of keys (docs/protocol.md §5).
 *
 * Gets a token from `POST /token/websocket` (x-api-key) subscribing exactly the watched keys,
 * with the access pattern `^todos-\d{8}$`, and opens `<base>/ws?token=<token>`. A new token is
 * fetched, and the socket reopened with it, when the keys change; the token is also renewed
 * before its 2-hour lifetime ends, and every reconnect after a failure starts with a fresh
 * token, so an expired or revoked token never locks the monitor out. Reconnects use the same
 * never-ending exponential backoff with jitter as HpkvClient. connected() fires after every
 * (re)connect: notifications may have been missed, so the owner refetches the watched keys.
 */
class MonitorClient : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, FetchingToken, Connecting, Connected, Waiting };
    Q_ENUM(State)

    static constexpr qint64 tokenLifetimeMs = 2 * 60 * 60 * 1000;
    static constexpr const char *accessPattern = "^todos-\\d{8}$";

    explicit MonitorClient(QObject *parent = nullptr);
    ~MonitorClient() override;

    /** Where to connect; an invalid URL or empty key set keeps the monitor idle. */
    void setEndpoint(const QUrl &baseUrl, const QString &apiKey);
    /** The keys to be notified about; a change takes a new token (batched per event-loop pass). */
    void setKeys(const QList<QByteArray> &keys);
    QList<QByteArray> keys() const { return m_keys; }
    void stop();

    void setBackoff(const Backoff &backoff) { m_backoff = backoff; }
    /** How long after issue a token is renewed (default: 100 minutes of the 120). */
    void setTokenRefreshInterval(int ms);
    void setRequestTimeout(int ms) { m_requestTimeoutMs = ms; }

    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    /** Tokens fetched so far (diagnostics and tests). */
    int tokensFetched() const { return m_tokensFetched; }

signals:
    void stateChanged(MonitorClient::State state);
    void connected();
    /** `value` nullopt: the key was deleted; `revision` 0 when the server has none. */
    void notification(const QByteArray &key, const std::optional<QByteArray> &value, qint64 revision);
    /** Token refused, server unreachable, ...; no secrets in the text. */
    void failed(const QString &text);

private:
    void restart();
    void fetchToken();
    void onTokenReply(QNetworkReply *reply, quint64 generation);
    void openSocket();
    void dropSocket();
    void onSocketGone(QWebSocket *socket);
    void onTextMessage(const QString &text);
    void scheduleRetry();
    void setState(State state);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QString m_apiKey;
    QList<QByteArray> m_keys;
    QByteArray m_token;
    quint64 m_generation = 0;
    QPointer<QNetworkReply> m_tokenReply;
    QPointer<QWebSocket> m_socket;
    State m_state = State::Idle;
    Backoff m_backoff;
    QTimer m_retryTimer;
    QTimer m_refreshTimer;
    QTimer m_restartTimer;
    int m_requestTimeoutMs = 10000;
    int m_tokensFetched = 0;
};
