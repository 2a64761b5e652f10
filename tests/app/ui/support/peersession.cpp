// SPDX-License-Identifier: MIT
#include "peersession.h"

#include "sync/daycache.h"
#include "sync/syncsession.h"
#include "sync/todocodec.h"
#include "sync/todooperation.h"

#include <QDate>
#include <QJsonObject>

namespace {

QDate dateOf(const QString &isoDay)
{
    return QDate::fromString(isoDay, Qt::ISODate);
}

} // namespace

PeerSession::PeerSession(QObject *parent)
    : QObject(parent)
    , m_cache(std::make_unique<DayCache>())
    , m_session(std::make_unique<SyncSession>(m_cache.get(), m_dir.filePath(QStringLiteral("pending.json"))))
{
    connect(m_session.get(), &SyncSession::connectionStateChanged, this, &PeerSession::connectedChanged);
}

PeerSession::~PeerSession() = default;

void PeerSession::setUrl(const QString &url)
{
    if (url == m_url)
        return;
    m_url = url;
    connectSession();
    emit endpointChanged();
}

void PeerSession::setApiKey(const QString &apiKey)
{
    if (apiKey == m_apiKey)
        return;
    m_apiKey = apiKey;
    connectSession();
    emit endpointChanged();
}

bool PeerSession::isConnected() const
{
    return m_session->connectionState() == SyncSession::ConnectionState::Connected;
}

void PeerSession::connectSession()
{
    if (!m_url.isEmpty() && !m_apiKey.isEmpty())
        m_session->setEndpoint({ QUrl(m_url), m_apiKey });
}

void PeerSession::watch(const QString &isoDay)
{
    m_cache->watch(dateOf(isoDay));
}

QStringList PeerSession::texts(const QString &isoDay) const
{
    const DayCache::Day &day = m_cache->day(dateOf(isoDay));
    if (day.status != DayCache::Status::Ready)
        return { QStringLiteral("<not loaded>") };
    QStringList result;
    for (const Todo &todo : day.serverTodos)
        result.append(todo.text);
    return result;
}

QStringList PeerSession::priorities(const QString &isoDay) const
{
    QStringList result;
    for (const Todo &todo : m_cache->day(dateOf(isoDay)).serverTodos)
        result.append(TodoCodec::priorityName(todo.priority));
    return result;
}

QVariantList PeerSession::todos(const QString &isoDay) const
{
    QVariantList result;
    for (const Todo &todo : m_cache->day(dateOf(isoDay)).serverTodos)
        result.append(TodoCodec::toJson(todo).toVariantMap());
    return result;
}

bool PeerSession::submit(const QVariantMap &operation)
{
    const TodoOperation op = TodoOperation::fromJson(QJsonObject::fromVariantMap(operation));
    if (!op.isValid())
        return false;
    m_session->submit(op);
    return true;
}
