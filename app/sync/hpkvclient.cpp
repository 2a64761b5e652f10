// SPDX-License-Identifier: MIT
#include "sync/hpkvclient.h"

#include "sync/synclog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace {

enum Op { Get = 1, Set = 2, Patch = 3, Delete = 4, Range = 5, Atomic = 6 };

/// The base URL's path without the trailing `/ws` and with doubled slashes collapsed.
QString basePath(const QUrl &baseUrl)
{
    QString path = baseUrl.path();
    path.replace(QRegularExpression(u"/{2,}"_s), u"/"_s);
    while (path.endsWith(u'/'))
        path.chop(1);
    if (path.endsWith("/ws"_L1))
        path.chop(3);
    return path;
}

QString hostForLog(const QUrl &url)
{
    return url.host() + u':' + QString::number(url.port(url.scheme().endsWith(u's') ? 443 : 80));
}

} // namespace

std::optional<qint64> HpkvClient::Reply::revision() const
{
    const QJsonValue value = body.value(u"revision"_s);
    if (!value.isDouble())
        return std::nullopt;
    return value.toInteger();
}

std::optional<QByteArray> HpkvClient::Reply::value() const
{
    return storedBytes(body.value(u"value"_s));
}

std::optional<QByteArray> HpkvClient::storedBytes(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().toUtf8();
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return std::nullopt;
}

HpkvClient::HpkvClient(QObject *parent)
    : QObject(parent)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &HpkvClient::openSocket);
    m_heartbeatTimer.setInterval(30000);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &HpkvClient::onHeartbeat);
}

HpkvClient::~HpkvClient()
{
    // Callbacks may point into objects being destroyed with us: drop them unanswered.
    m_pending.clear();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

QUrl HpkvClient::webSocketUrl(const QUrl &baseUrl)
{
    QUrl url;
    const QString scheme = baseUrl.scheme().toLower();
    url.setScheme(scheme == "https"_L1 || scheme == "wss"_L1 ? u"wss"_s : u"ws"_s);
    url.setHost(baseUrl.host());
    url.setPort(baseUrl.port());
    url.setPath(basePath(baseUrl) + u"/ws"_s);
    return url;
}

QUrl HpkvClient::httpUrl(const QUrl &baseUrl, const QString &path)
{
    QUrl url;
    const QString scheme = baseUrl.scheme().toLower();
    url.setScheme(scheme == "https"_L1 || scheme == "wss"_L1 ? u"https"_s : u"http"_s);
    url.setHost(baseUrl.host());
    url.setPort(baseUrl.port());
    url.setPath(basePath(baseUrl) + path);
    return url;
}

void HpkvClient::setEndpoint(const QUrl &baseUrl, const QString &apiKey)
{
    dropSocket();
    m_baseUrl = baseUrl;
    m_apiKey = apiKey;
    m_wanted = baseUrl.isValid() && !baseUrl.host().isEmpty();
    m_everConnected = false;
    m_backoff.reset();
    if (m_revisions != Revisions::Unknown) {
        m_revisions = Revisions::Unknown;
        emit revisionsChanged();
    }
    if (m_wanted)
        openSocket();
    else
        setState(State::Disconnected);
}

void HpkvClient::disconnectFromServer()
{
    m_wanted = false;
    dropSocket();
    setState(State::Disconnected);
}

void HpkvClient::setHeartbeatInterval(int ms)
{
    m_heartbeatTimer.setInterval(ms);
    if (ms <= 0)
        m_heartbeatTimer.stop();
    else if (isConnected())
        m_heartbeatTimer.start();
}

void HpkvClient::dropSocket()
{
    m_reconnectTimer.stop();
    m_heartbeatTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    failAll(tr("The connection was closed."));
}

void HpkvClient::openSocket()
{
    if (!m_wanted)
        return;
    dropSocket();
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    connect(socket, &QWebSocket::connected, this, &HpkvClient::onSocketConnected);
    // Qt may report the socket unconnected before it reports why (a refused handshake): let a
    // pending error() signal arrive first, so the reason reaches the user.
    const auto goneLater
        = [this, socket] { QTimer::singleShot(0, this, [this, socket] { onSocketGone(socket); }); };
    connect(socket, &QWebSocket::disconnected, this, goneLater);
    connect(socket, &QWebSocket::stateChanged, this, [goneLater](QAbstractSocket::SocketState state) {
        if (state == QAbstractSocket::UnconnectedState)
            goneLater();
    });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, socket] { onSocketGone(socket); });
    connect(socket, &QWebSocket::textMessageReceived, this, &HpkvClient::onTextMessage);
    connect(socket, &QWebSocket::pong, this, [this] { m_awaitingPong = false; });

    QUrl url = webSocketUrl(m_baseUrl);
    QUrlQuery query;
    query.addQueryItem(u"apiKey"_s, m_apiKey);
    url.setQuery(query);
    setState(m_everConnected ? State::Reconnecting : State::Connecting);
    qCDebug(lcSync) << "opening request socket to" << hostForLog(m_baseUrl);
    socket->open(QNetworkRequest(url));
}

void HpkvClient::onSocketConnected()
{
    m_backoff.reset();
    m_everConnected = true;
    m_awaitingPong = false;
    if (m_heartbeatTimer.interval() > 0)
        m_heartbeatTimer.start();
    setState(State::Connected);
    qCInfo(lcSync) << "request socket connected to" << hostForLog(m_baseUrl);
    emit connected();
}

void HpkvClient::onSocketGone(QWebSocket *socket)
{
    if (socket != m_socket)
        return;
    const bool wasOpen = m_state == State::Connected;
    if (m_wanted && (!wasOpen || socket->error() != QAbstractSocket::UnknownSocketError)) {
        QString why = scrubbed(socket->errorString());
        if (socket->error() == QAbstractSocket::UnknownSocketError || why.isEmpty())
            why = u"the connection was refused"_s;
        qCInfo(lcSync) << "request socket to" << hostForLog(m_baseUrl) << "failed:" << why;
        emit connectionError(tr("Cannot reach the sync server %1: %2.").arg(hostForLog(m_baseUrl), why));
    }
    socket->disconnect(this);
    socket->deleteLater();
    m_socket = nullptr;
    m_heartbeatTimer.stop();
    failAll(tr("The connection to the sync server was lost."));
    if (!m_wanted) {
        setState(State::Disconnected);
        return;
    }
    const int delay = m_backoff.nextDelayMs();
    qCDebug(lcSync) << "request socket down; reconnecting in" << delay << "ms";
    setState(m_everConnected ? State::Reconnecting : State::Connecting);
    m_reconnectTimer.start(delay);
}

void HpkvClient::onHeartbeat()
{
    if (!m_socket)
        return;
    if (m_awaitingPong) {
        qCInfo(lcSync) << "no pong from" << hostForLog(m_baseUrl) << "- reconnecting";
        m_socket->abort();
        return;
    }
    m_awaitingPong = true;
    m_socket->ping();
}

void HpkvClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

int HpkvClient::send(QJsonObject request, Callback callback)
{
    const int messageId = m_nextMessageId++;
    request.insert(u"messageId"_s, messageId);
    const int op = request.value(u"op"_s).toInt();
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    m_pending.insert(messageId, Pending { std::move(callback), op, timer });

    if (!isConnected() || !m_socket) {
        // Answer later, never from inside send(): callers may hold state they update after it.
        QTimer::singleShot(0, this, [this, messageId] {
            finish(messageId, Reply { 0, {}, tr("Not connected to the sync server.") });
        });
        return messageId;
    }
    connect(timer, &QTimer::timeout, this, [this, messageId] {
        qCInfo(lcSync) << "request" << messageId << "timed out";
        finish(messageId, Reply { 0, {}, tr("The sync server did not answer in time."), true });
    });
    timer->start(m_requestTimeoutMs);
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
    return messageId;
}

int HpkvClient::get(const QByteArray &key, Callback callback)
{
    return send(QJsonObject { { u"op"_s, Get }, { u"key"_s, QString::fromUtf8(key) } }, std::move(callback));
}

int HpkvClient::set(const QByteArray &key, const QByteArray &value, std::optional<qint64> ifRevision,
                    Callback callback)
{
    QJsonObject request { { u"op"_s, Set },
                          { u"key"_s, QString::fromUtf8(key) },
                          { u"value"_s, QString::fromUtf8(value) } };
    if (ifRevision)
        request.insert(u"ifRevision"_s, *ifRevision);
    return send(request, std::move(callback));
}

int HpkvClient::range(const QByteArray &startKey, const QByteArray &endKey, int limit, Callback callback)
{
    return send(QJsonObject { { u"op"_s, Range },
                              { u"key"_s, QString::fromUtf8(startKey) },
                              { u"endKey"_s, QString::fromUtf8(endKey) },
                              { u"limit"_s, limit } },
                std::move(callback));
}

void HpkvClient::onTextMessage(const QString &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (!document.isObject()) {
        qCWarning(lcSync) << "ignoring a frame that is not a JSON object";
        return;
    }
    const QJsonObject body = document.object();
    const QJsonValue id = body.value(u"messageId"_s);
    if (!id.isDouble()) {
        // Pushed by the server without a request: presence (docs/protocol.md §9.9).
        if (body.contains(u"type"_s))
            emit pushed(body);
        else
            qCDebug(lcSync) << "ignoring a frame without messageId";
        return;
    }
    const int messageId = id.toInt();
    const auto it = m_pending.constFind(messageId);
    if (it == m_pending.constEnd()) {
        qCDebug(lcSync) << "ignoring a late or unknown reply" << messageId;
        return;
    }
    Reply reply;
    reply.body = body;
    reply.error = body.value(u"error"_s).toString();
    reply.code = body.value(u"code"_s).toInt(body.contains(u"error"_s) ? 500 : 200);
    noteRevisions(it->op, reply);
    finish(messageId, reply);
}

void HpkvClient::noteRevisions(int op, const Reply &reply)
{
    const bool answersWithRevision = op == Get || op == Set || op == Patch || op == Delete || op == Atomic;
    Revisions seen = m_revisions;
    if (reply.revision() && (reply.ok() || reply.code == 409))
        seen = Revisions::Supported;
    else if (reply.ok() && answersWithRevision)
        seen = Revisions::Unsupported;
    if (seen != m_revisions) {
        m_revisions = seen;
        qCInfo(lcSync) << "server revisions:" << seen;
        emit revisionsChanged();
    }
}

void HpkvClient::finish(int messageId, const Reply &reply)
{
    auto it = m_pending.find(messageId);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(*it);
    m_pending.erase(it);
    pending.timer->stop();
    pending.timer->deleteLater();
    if (pending.callback)
        pending.callback(reply);
}

void HpkvClient::failAll(const QString &why)
{
    const QList<int> ids = m_pending.keys();
    for (int id : ids) {
        // Requests queued for a "not connected" answer get it from their own single shot.
        if (m_pending.value(id).timer->isActive())
            finish(id, Reply { 0, {}, why });
    }
}

QString HpkvClient::scrubbed(QString text) const
{
    if (!m_apiKey.isEmpty())
        text.replace(m_apiKey, u"***"_s);
    return text;
}
