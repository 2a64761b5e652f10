// SPDX-License-Identifier: MIT
#include "sync/monitorclient.h"

#include "sync/hpkvclient.h"
#include "sync/synclog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>
#include <QWebSocket>

using namespace Qt::StringLiterals;

MonitorClient::MonitorClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &MonitorClient::fetchToken);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(int(tokenLifetimeMs - 20 * 60 * 1000));
    // A fresh token is only needed by the next handshake: the open socket stays as it is.
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Connected)
            fetchToken();
    });
    m_restartTimer.setSingleShot(true);
    m_restartTimer.setInterval(0);
    connect(&m_restartTimer, &QTimer::timeout, this, &MonitorClient::restart);
}

MonitorClient::~MonitorClient()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void MonitorClient::setEndpoint(const QUrl &baseUrl, const QString &apiKey)
{
    m_baseUrl = baseUrl;
    m_apiKey = apiKey;
    m_restartTimer.start();
}

void MonitorClient::setKeys(const QList<QByteArray> &keys)
{
    if (keys == m_keys)
        return;
    m_keys = keys;
    m_restartTimer.start();
}

void MonitorClient::setTokenRefreshInterval(int ms)
{
    m_refreshTimer.setInterval(ms);
}

void MonitorClient::stop()
{
    m_keys.clear();
    restart();
}

void MonitorClient::restart()
{
    ++m_generation;
    if (m_tokenReply)
        m_tokenReply->abort();
    m_retryTimer.stop();
    m_refreshTimer.stop();
    m_token.clear();
    m_backoff.reset();
    dropSocket();
    setState(State::Idle);
    if (m_keys.isEmpty() || !m_baseUrl.isValid() || m_baseUrl.host().isEmpty())
        return;
    fetchToken();
}

void MonitorClient::fetchToken()
{
    if (m_keys.isEmpty())
        return;
    if (m_tokenReply)
        return;
    QNetworkRequest request(HpkvClient::httpUrl(m_baseUrl, u"/token/websocket"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("x-api-key", m_apiKey.toUtf8());
    request.setTransferTimeout(m_requestTimeoutMs);
    QJsonArray keys;
    for (const QByteArray &key : std::as_const(m_keys))
        keys.append(QString::fromUtf8(key));
    const QJsonObject body { { u"subscribeKeys"_s, keys },
                             { u"accessPattern"_s, QLatin1String(accessPattern) } };
    if (m_state != State::Connected)
        setState(State::FetchingToken);
    QNetworkReply *reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    m_tokenReply = reply;
    const quint64 generation = m_generation;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, generation] { onTokenReply(reply, generation); });
}

void MonitorClient::onTokenReply(QNetworkReply *reply, quint64 generation)
{
    reply->deleteLater();
    if (reply == m_tokenReply)
        m_tokenReply = nullptr;
    if (generation != m_generation)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    const QByteArray token = body.value(u"token"_s).toString().toUtf8();
    if (status != 200 || token.isEmpty()) {
        QString why;
        if (status == 401 || status == 403)
            why = u"the server refused the API key"_s;
        else if (status != 0)
            why = u"the server answered %1 %2"_s.arg(status).arg(body.value(u"error"_s).toString());
        else
            why = reply->error() == QNetworkReply::OperationCanceledError
                ? tr("no answer in time")
                : tr("the server cannot be reached");
        qCInfo(lcSync) << "monitor token request failed:" << why;
        emit failed(tr("Live updates are paused: %1.").arg(why));
        if (m_state != State::Connected)
            scheduleRetry();
        return;
    }
    ++m_tokensFetched;
    m_token = token;
    m_refreshTimer.start();
    if (m_state != State::Connected)
        openSocket();
}

void MonitorClient::openSocket()
{
    dropSocket();
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    connect(socket, &QWebSocket::connected, this, [this] {
        m_backoff.reset();
        setState(State::Connected);
        qCInfo(lcSync) << "monitor connected for" << m_keys.size() << "keys";
        emit connected();
    });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { onSocketGone(socket); });
    connect(socket, &QWebSocket::stateChanged, this, [this, socket](QAbstractSocket::SocketState state) {
        if (state == QAbstractSocket::UnconnectedState)
            onSocketGone(socket);
    });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, socket] { onSocketGone(socket); });
    connect(socket, &QWebSocket::textMessageReceived, this, &MonitorClient::onTextMessage);

    QUrl url = HpkvClient::webSocketUrl(m_baseUrl);
    QUrlQuery query;
    query.addQueryItem(u"token"_s, QString::fromUtf8(m_token));
    url.setQuery(query);
    setState(State::Connecting);
    socket->open(QNetworkRequest(url));
}

void MonitorClient::dropSocket()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

void MonitorClient::onSocketGone(QWebSocket *socket)
{
    if (socket != m_socket)
        return;
    dropSocket();
    qCDebug(lcSync) << "monitor socket down";
    scheduleRetry();
}

void MonitorClient::scheduleRetry()
{
    // The token may be the reason (expired, server secret changed): the retry fetches a new one.
    m_token.clear();
    m_refreshTimer.stop();
    setState(State::Waiting);
    m_retryTimer.start(m_backoff.nextDelayMs());
}

void MonitorClient::onTextMessage(const QString &text)
{
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    if (message.value(u"type"_s).toString() != "notification"_L1)
        return;
    const QByteArray key = message.value(u"key"_s).toString().toUtf8();
    const QJsonValue value = message.value(u"value"_s);
    std::optional<QByteArray> bytes;
    if (value.isString())
        bytes = value.toString().toUtf8();
    const qint64 revision = message.value(u"revision"_s).toInteger(0);
    emit notification(key, bytes, revision);
}

void MonitorClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}
