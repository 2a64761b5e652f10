// SPDX-License-Identifier: MIT
#include "testwebsocketclient.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTest>

TestWebSocketClient::TestWebSocketClient(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &TestWebSocketClient::onTextMessage);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &frame) { m_binaryFrames.append(frame); });
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) { m_errorString = m_socket.errorString(); });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] { m_disconnected = true; });
}

TestWebSocketClient::~TestWebSocketClient()
{
    m_socket.abort();
}

bool TestWebSocketClient::open(const QUrl &url, const QMap<QByteArray, QByteArray> &headers, int timeoutMs)
{
    m_errorString.clear();
    m_disconnected = false;
    QNetworkRequest request(url);
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        request.setRawHeader(it.key(), it.value());
    m_socket.open(request);
    // An error or a disconnect ends the wait early: a refused handshake must not cost the timeout.
    waitFor([this] { return isConnected() || !m_errorString.isEmpty() || m_disconnected; }, timeoutMs);
    return isConnected();
}

bool TestWebSocketClient::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

QJsonObject TestWebSocketClient::request(QJsonObject request, int timeoutMs)
{
    const qint64 id = m_nextMessageId++;
    request.insert(QStringLiteral("messageId"), id);
    sendText(QJsonDocument(request).toJson(QJsonDocument::Compact));
    QJsonObject reply;
    waitFor(
        [&] {
        reply = takeReplyWithId(id);
        return !reply.isEmpty();
        },
        timeoutMs);
    return reply;
}

QJsonObject TestWebSocketClient::requestWithoutId(const QJsonObject &request, int timeoutMs)
{
    return rawRequest(QJsonDocument(request).toJson(QJsonDocument::Compact), timeoutMs);
}

QJsonObject TestWebSocketClient::rawRequest(const QByteArray &frame, int timeoutMs)
{
    // Replies that came before this request are not its answer.
    m_repliesConsumed = m_replies.size();
    sendText(frame);
    if (!waitFor([this] { return m_replies.size() > m_repliesConsumed; }, timeoutMs))
        return {};
    return m_replies.at(m_repliesConsumed++);
}

qint64 TestWebSocketClient::sendText(const QByteArray &frame)
{
    return m_socket.sendTextMessage(QString::fromUtf8(frame));
}

qint64 TestWebSocketClient::sendBinary(const QByteArray &frame)
{
    return m_socket.sendBinaryMessage(frame);
}

QList<QJsonObject> TestWebSocketClient::notificationsFor(const QString &key) const
{
    QList<QJsonObject> result;
    for (const QJsonObject &notification : m_notifications) {
        if (notification.value(QStringLiteral("key")).toString() == key)
            result.append(notification);
    }
    return result;
}

void TestWebSocketClient::clearReceived()
{
    m_frames.clear();
    m_binaryFrames.clear();
    m_notifications.clear();
    m_replies.clear();
    m_repliesConsumed = 0;
}

bool TestWebSocketClient::waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(5);
    }
    return true;
}

bool TestWebSocketClient::waitForNotifications(int count, int timeoutMs)
{
    return waitFor([this, count] { return m_notifications.size() >= count; }, timeoutMs);
}

void TestWebSocketClient::close(QWebSocketProtocol::CloseCode code)
{
    m_socket.close(code);
}

bool TestWebSocketClient::waitForDisconnected(int timeoutMs)
{
    return waitFor([this] { return m_disconnected || m_socket.state() == QAbstractSocket::UnconnectedState; },
                   timeoutMs);
}

void TestWebSocketClient::onTextMessage(const QString &message)
{
    const QByteArray frame = message.toUtf8();
    m_frames.append(frame);
    const QJsonDocument document = QJsonDocument::fromJson(frame);
    if (!document.isObject())
        return;
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("type")).toString() == QLatin1String("notification"))
        m_notifications.append(object);
    else
        m_replies.append(object);
}

QJsonObject TestWebSocketClient::takeReplyWithId(qint64 id)
{
    for (const QJsonObject &reply : std::as_const(m_replies)) {
        const QJsonValue messageId = reply.value(QStringLiteral("messageId"));
        if (messageId.isDouble() && messageId.toInteger() == id)
            return reply;
    }
    return {};
}
