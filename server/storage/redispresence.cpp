// SPDX-License-Identifier: MIT
#include "storage/redispresence.h"

#include "storage/redisconnection.h"
#include "storage/redislog.h"
#include "storage/redispresencescripts.h"
#include "storage/redisreply.h"

#include <QCryptographicHash>
#include <algorithm>
#include <hiredis/hiredis.h>
#include <utility>

RedisPresence::RedisPresence(RedisConfig config, QObject *parent)
    : PresenceBackend(parent)
    , m_config(std::move(config))
    , m_base(m_config.keyBase())
    , m_channel(m_config.channel() + ":presence")
    , m_commands(new RedisConnection(QStringLiteral("presence"), this))
    , m_subscriber(new RedisConnection(QStringLiteral("presence-subscriber"), this))
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(1000);
    connect(&m_retry, &QTimer::timeout, this, &RedisPresence::reconnect);
    for (RedisConnection *connection : { m_commands, m_subscriber }) {
        connect(connection, &RedisConnection::closed, this, [this](const QString &reason) {
            if (!m_retry.isActive()) {
                qCInfo(lcRedis) << "presence connection lost:" << reason;
                m_retry.start();
            }
        });
    }
    connect(m_commands, &RedisConnection::opened, this, [this] {
        const QList<std::function<void()>> pending = std::exchange(m_pending, {});
        for (const auto &run : pending)
            run();
    });
    connect(m_subscriber, &RedisConnection::opened, this, [this] {
        m_subscriber->subscribe(m_channel, [this](const redisReply *reply) {
            if (!reply || reply->type != REDIS_REPLY_ARRAY || reply->elements < 3)
                return;
            if (RedisReply::bytes(reply->element[0]) == "message" && RedisReply::isString(reply->element[2]))
                emit keyChanged(RedisReply::bytes(reply->element[2]));
        });
    });
    reconnect();
}

RedisPresence::~RedisPresence() = default;

void RedisPresence::reconnect()
{
    if (!m_commands->isOpen())
        m_commands->open(m_config);
    if (!m_subscriber->isOpen())
        m_subscriber->open(m_config);
}

void RedisPresence::run(const QByteArray &source, const QByteArray &key, const QList<QByteArray> &args,
                        std::function<void(const redisReply *)> done)
{
    if (!m_commands->isOpen()) {
        // Connecting (at start or after an outage): run it once connected; beyond the bound,
        // dropped (the clients' heartbeats announce again, the sweep asks again).
        if (m_pending.size() < maxPending)
            m_pending.append([this, source, key, args, done] { run(source, key, args, done); });
        return;
    }
    const QByteArray sha = QCryptographicHash::hash(source, QCryptographicHash::Sha1).toHex();
    m_commands->script(sha, source, { m_base + "p:" + key, m_base + "pn:" + key }, args,
                       [done](const redisReply *reply, bool) {
        if (reply && reply->type == REDIS_REPLY_ERROR)
            qCWarning(lcRedis) << "presence script failed:" << RedisConnection::errorText(reply);
        done(reply);
    });
}

void RedisPresence::announce(const QByteArray &key, const PresenceMember &member, const QByteArray &owner,
                             int ttlMs)
{
    run(RedisPresenceScripts::announce, key,
        { member.id, owner, member.name.toUtf8(), QByteArray::number(ttlMs), m_channel, key },
        [](const redisReply *) {});
}

void RedisPresence::leave(const QByteArray &key, const QByteArray &memberId, const QByteArray &owner)
{
    run(RedisPresenceScripts::leave, key, { memberId, owner, m_channel, key }, [](const redisReply *) {});
}

void RedisPresence::roster(const QByteArray &key, RosterCallback done)
{
    run(RedisPresenceScripts::roster, key, {}, [done](const redisReply *reply) {
        // Redis away: no answer, and the roster is left as last pushed (the next sweep asks again).
        if (!reply || reply->type != REDIS_REPLY_ARRAY)
            return;
        QList<PresenceMember> members;
        for (size_t i = 0; i + 1 < reply->elements; i += 2)
            members.append({ RedisReply::bytes(reply->element[i]),
                             QString::fromUtf8(RedisReply::bytes(reply->element[i + 1])) });
        std::sort(members.begin(), members.end(),
                  [](const PresenceMember &a, const PresenceMember &b) { return a.id < b.id; });
        done(members);
    });
}
