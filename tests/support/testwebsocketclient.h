// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractSocket>
#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketProtocol>
#include <functional>

/**
 * @brief A QWebSocket for tests: connect and wait, request/reply by messageId, raw frames.
 *
 * Every text frame the server sends is kept (frames()), parsed when it is a JSON object, and
 * sorted into notifications (`"type":"notification"`) and replies. Waits spin the event loop
 * (QTRY-style) and return as soon as their condition holds, so they are safe on a loaded machine.
 */
class TestWebSocketClient : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultTimeoutMs = 15000;

    explicit TestWebSocketClient(QObject *parent = nullptr);
    ~TestWebSocketClient() override;

    /** Opens `url` with extra upgrade headers; true once connected, false on error or timeout. */
    bool open(const QUrl &url, const QMap<QByteArray, QByteArray> &headers = {},
              int timeoutMs = defaultTimeoutMs);
    bool isConnected() const;
    /** The last socket error text (handshake refusals land here), empty if none. */
    QString errorString() const { return m_errorString; }

    /**
     * Sends `request` with a fresh integer messageId and waits for the reply that echoes it.
     * Returns an empty object on timeout.
     */
    QJsonObject request(QJsonObject request, int timeoutMs = defaultTimeoutMs);
    /** Sends `request` as-is (no messageId added) and returns the next reply frame. */
    QJsonObject requestWithoutId(const QJsonObject &request, int timeoutMs = defaultTimeoutMs);
    /** Sends `frame` as a text frame and returns the next reply frame (empty on timeout). */
    QJsonObject rawRequest(const QByteArray &frame, int timeoutMs = defaultTimeoutMs);

    qint64 sendText(const QByteArray &frame);
    qint64 sendBinary(const QByteArray &frame);

    /** Every text frame received, in order. */
    const QList<QByteArray> &frames() const { return m_frames; }
    /** Every binary frame received, in order. */
    const QList<QByteArray> &binaryFrames() const { return m_binaryFrames; }
    /** Received notifications, in order. */
    const QList<QJsonObject> &notifications() const { return m_notifications; }
    /** Received JSON objects that are not notifications, in order. */
    const QList<QJsonObject> &replies() const { return m_replies; }
    /** Notifications received for `key`. */
    QList<QJsonObject> notificationsFor(const QString &key) const;
    void clearReceived();

    /** Waits until `condition` holds; false on timeout. */
    bool waitFor(const std::function<bool()> &condition, int timeoutMs = defaultTimeoutMs);
    /** Waits until at least `count` notifications have arrived. */
    bool waitForNotifications(int count, int timeoutMs = defaultTimeoutMs);

    void close(QWebSocketProtocol::CloseCode code = QWebSocketProtocol::CloseCodeNormal);
    /** Waits for the socket to be closed (by either side). */
    bool waitForDisconnected(int timeoutMs = defaultTimeoutMs);
    bool wasDisconnected() const { return m_disconnected; }
    QWebSocketProtocol::CloseCode closeCode() const { return m_socket.closeCode(); }
    QString closeReason() const { return m_socket.closeReason(); }

    QWebSocket &socket() { return m_socket; }

private:
    void onTextMessage(const QString &message);
    QJsonObject takeReplyWithId(qint64 id);

    QWebSocket m_socket;
    QString m_errorString;
    bool m_disconnected = false;
    qint64 m_nextMessageId = 1;
    QList<QByteArray> m_frames;
    QList<QByteArray> m_binaryFrames;
    QList<QJsonObject> m_notifications;
    QList<QJsonObject> m_replies;
    qsizetype m_repliesConsumed = 0;
};
