// SPDX-License-Identifier: MIT
#pragma once

#include "sync/backoff.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <optional>

class QWebSocket;

/**
 * @brief The request socket to an HPKV-compatible server (docs/protocol.md §1, §2, §4, §8).
 *
 * One QWebSocket opened on `<base>/ws?apiKey=<key>`. Every request carries a messageId and
 * its reply is matched by that id only (replies may come in any order). Each request has its
 * own timeout; a request that cannot be sent, times out or loses its connection is answered
 * locally with code 0. After any disconnect the client reconnects with exponential backoff
 * and jitter and never gives up until disconnectFromServer() or a new endpoint.
 *
 * The client also learns whether the server has Dayboard's revisions (§8): the hosted HPKV
 * service sends no `revision` in its replies.
 */
class HpkvClient : public QObject
{
    Q_OBJECT

public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting };
    Q_ENUM(State)
    enum class Revisions { Unknown, Supported, Unsupported };
    Q_ENUM(Revisions)

    /** A server reply, or a local failure (code 0). */
    struct Reply
    {
        int code = 0; ///< the reply's code (200 success); 0: no reply (see error)
        QJsonObject body; ///< the whole reply object
        QString error; ///< the server's `error`, or why there was no reply
        bool timedOut = false;

        bool ok() const { return code == 200; }
        /** `revision` when the reply carries one (Dayboard servers only). */
        std::optional<qint64> revision() const;
        /** `value` as stored bytes; nullopt when absent or null. */
        std::optional<QByteArray> value() const;
    };
    using Callback = std::function<void(const Reply &)>;

    /**
     * A value as the stored bytes, however the server put it in JSON: a string as its UTF-8, an
     * array or object (the hosted service may send a stored JSON document parsed) as compact JSON.
     * nullopt for null or absent. For a reply's `value` and a RANGE record's.
     */
    static std::optional<QByteArray> storedBytes(const QJsonValue &value);

    explicit HpkvClient(QObject *parent = nullptr);
    ~HpkvClient() override;

    /** Connects to `baseUrl` (any form §1 allows) with `apiKey`; replaces any connection. */
    void setEndpoint(const QUrl &baseUrl, const QString &apiKey);
    /** Closes and stays closed; pending requests are answered with code 0. */
    void disconnectFromServer();

    /** `ws(s)://host:port[/prefix]/ws` for any accepted base URL form, without a query. */
    static QUrl webSocketUrl(const QUrl &baseUrl);
    /** `http(s)://host:port[/prefix]<path>` for REST and the token endpoint. */
    static QUrl httpUrl(const QUrl &baseUrl, const QString &path);

    /** Sends `request` with a fresh messageId (returned); `callback` runs exactly once, later. */
    int send(QJsonObject request, Callback callback);
    int get(const QByteArray &key, Callback callback);
    int set(const QByteArray &key, const QByteArray &value, std::optional<qint64> ifRevision,
            Callback callback);
    int range(const QByteArray &startKey, const QByteArray &endKey, int limit, Callback callback);

    void setRequestTimeout(int ms) { m_requestTimeoutMs = ms; }
    int requestTimeout() const { return m_requestTimeoutMs; }
    /** Reconnect delays; tests use a few milliseconds. */
    void setBackoff(const Backoff &backoff) { m_backoff = backoff; }
    /** Interval of the WebSocket ping that finds dead connections (0: off). */
    void setHeartbeatInterval(int ms);

    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    Revisions revisions() const { return m_revisions; }
    int pendingRequests() const { return int(m_pending.size()); }

signals:
    void stateChanged(HpkvClient::State state);
    /** Every successful (re)connect: callers refetch what they show and resend what they hold. */
    void connected();
    void revisionsChanged();
    /** A connect attempt failed or the connection dropped; the text holds no secrets. */
    void connectionError(const QString &text);
    /** A message the server pushed on this socket (`type` set, no messageId), e.g. presence. */
    void pushed(const QJsonObject &message);

private:
    struct Pending
    {
        Callback callback;
        int op = 0;
        QTimer *timer = nullptr;
    };

    void openSocket();
    void dropSocket();
    void onSocketConnected();
    void onSocketGone(QWebSocket *socket);
    void onTextMessage(const QString &text);
    void onHeartbeat();
    void setState(State state);
    void noteRevisions(int op, const Reply &reply);
    void finish(int messageId, const Reply &reply);
    void failAll(const QString &why);
    QString scrubbed(QString text) const;

    QUrl m_baseUrl;
    QString m_apiKey;
    QPointer<QWebSocket> m_socket;
    State m_state = State::Disconnected;
    Revisions m_revisions = Revisions::Unknown;
    bool m_wanted = false;
    bool m_everConnected = false;
    int m_nextMessageId = 1;
    int m_requestTimeoutMs = 10000;
    QHash<int, Pending> m_pending;
    Backoff m_backoff;
    QTimer m_reconnectTimer;
    QTimer m_heartbeatTimer;
    bool m_awaitingPong = false;
};
