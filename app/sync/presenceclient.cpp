// SPDX-License-Identifier: MIT
#include "sync/presenceclient.h"

#include "sync/hpkvclient.h"
#include "sync/synclog.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QSysInfo>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {
constexpr int presenceOp = 7;
constexpr int defaultHeartbeatMs = 5000;

QJsonArray keyArray(const QList<QByteArray> &keys)
{
    QJsonArray array;
    for (const QByteArray &key : keys)
        array.append(QString::fromUtf8(key));
    return array;
}
} // namespace

PresenceClient::PresenceClient(HpkvClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_deviceName(QSysInfo::machineHostName())
{
    m_heartbeat.setInterval(defaultHeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &PresenceClient::announceAll);
    connect(client, &HpkvClient::pushed, this, &PresenceClient::onPushed);
    connect(client, &HpkvClient::connected, this, [this] {
        m_refused = false;
        announceAll();
    });
    connect(client, &HpkvClient::stateChanged, this, [this](HpkvClient::State state) {
        if (state != HpkvClient::State::Connected)
            onConnectionLost();
    });
}

PresenceClient::~PresenceClient() = default;

PresenceClient *PresenceClient::forClient(HpkvClient *client)
{
    if (auto *existing = client->findChild<PresenceClient *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    return new PresenceClient(client, client);
}

void PresenceClient::setDeviceName(const QString &name)
{
    const QString trimmed = name.trimmed().left(64);
    const QString effective = trimmed.isEmpty() ? QSysInfo::machineHostName() : trimmed;
    if (effective == m_deviceName)
        return;
    m_deviceName = effective;
    announceAll();
    emit deviceNameChanged();
}

QByteArray PresenceClient::createMember()
{
    return QUuid::createUuid().toByteArray(QUuid::Id128);
}

void PresenceClient::setMember(const QByteArray &id, const QList<QByteArray> &here,
                               const QList<QByteArray> &watch)
{
    Announcement &announcement = m_members[id];
    if (announcement.here == here && announcement.watch == watch && m_available)
        return;
    announcement = { here, watch };
    announce(id);
}

void PresenceClient::removeMember(const QByteArray &id)
{
    if (!m_members.remove(id))
        return;
    if (m_client->isConnected() && !m_refused) {
        m_client->send(QJsonObject { { u"op"_s, presenceOp },
                                     { u"member"_s, QString::fromLatin1(id) },
                                     { u"name"_s, m_deviceName },
                                     { u"here"_s, QJsonArray() },
                                     { u"watch"_s, QJsonArray() } },
                       [](const HpkvClient::Reply &) {});
    }
    if (m_members.isEmpty())
        m_heartbeat.stop();
}

void PresenceClient::announceAll()
{
    for (auto it = m_members.cbegin(); it != m_members.cend(); ++it)
        announce(it.key());
}

void PresenceClient::announce(const QByteArray &id)
{
    if (!m_client->isConnected() || m_refused)
        return;
    const Announcement announcement = m_members.value(id);
    QJsonObject request { { u"op"_s, presenceOp },
                          { u"member"_s, QString::fromLatin1(id) },
                          { u"name"_s, m_deviceName.isEmpty() ? u"?"_s : m_deviceName },
                          { u"here"_s, keyArray(announcement.here) },
                          { u"watch"_s, keyArray(announcement.watch) } };
    QPointer<PresenceClient> self(this);
    m_client->send(request, [self](const HpkvClient::Reply &reply) {
        if (!self)
            return;
        if (reply.ok()) {
            const int heartbeatMs = reply.body.value(u"heartbeatMs"_s).toInt(defaultHeartbeatMs);
            if (self->m_heartbeat.interval() != heartbeatMs || !self->m_heartbeat.isActive())
                self->m_heartbeat.start(qMax(50, heartbeatMs));
            self->setAvailable(true);
        } else if (reply.code == 400 || reply.code == 404) {
            // Not a Dayboard server with presence: no presence until the next connect.
            qCInfo(lcSync) << "the server has no presence:" << reply.error;
            self->m_refused = true;
            self->m_heartbeat.stop();
            self->setAvailable(false);
        } else if (reply.code != 0) {
            qCInfo(lcSync) << "presence refused:" << reply.code << reply.error;
        }
    });
}

void PresenceClient::onPushed(const QJsonObject &message)
{
    if (message.value(u"type"_s).toString() != u"presence"_s)
        return;
    const QByteArray key = message.value(u"key"_s).toString().toUtf8();
    QList<Member> members;
    for (const QJsonValue &value : message.value(u"members"_s).toArray()) {
        const QJsonObject member = value.toObject();
        members.append({ member.value(u"id"_s).toString().toUtf8(), member.value(u"name"_s).toString() });
    }
    m_rosters.insert(key, members);
    emit rosterChanged(key);
}

void PresenceClient::onConnectionLost()
{
    m_heartbeat.stop();
    const QList<QByteArray> keys = m_rosters.keys();
    m_rosters.clear();
    for (const QByteArray &key : keys)
        emit rosterChanged(key);
    setAvailable(false);
}

void PresenceClient::setAvailable(bool available)
{
    if (available == m_available)
        return;
    m_available = available;
    emit availableChanged();
}
