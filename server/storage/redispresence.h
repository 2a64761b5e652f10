// SPDX-License-Identifier: MIT
#pragma once

#include "core/presencebackend.h"
#include "storage/redisconfig.h"

#include <QTimer>

class RedisConnection;
struct redisReply;

/**
 * @brief Presence rosters kept in Redis, shared by every dayboard-server instance of a
 * deployment (docs/protocol.md §9.9, docs/scaling.md).
 *
 * Layout and scripts: RedisPresenceScripts. A join, rename or goodbye is PUBLISHed (the key) on
 * `<channel>:presence` by the script that made it, so every instance hears it and re-reads
 * that roster; expiries are found by the roster script each instance runs on its sweep. A
 * crashed instance's members therefore vanish within the expiry. Uses its own two connections
 * (commands, subscriber) and reconnects every second while Redis is away; requests made while
 * connecting wait (bounded) for the connection, and the clients' heartbeats repeat the rest.
 */
class RedisPresence : public PresenceBackend
{
    Q_OBJECT

public:
    explicit RedisPresence(RedisConfig config, QObject *parent = nullptr);
    ~RedisPresence() override;

    void announce(const QByteArray &key, const PresenceMember &member, const QByteArray &owner,
                  int ttlMs) override;
    void leave(const QByteArray &key, const QByteArray &memberId, const QByteArray &owner) override;
    void roster(const QByteArray &key, RosterCallback done) override;

private:
    void reconnect();
    void run(const QByteArray &source, const QByteArray &key, const QList<QByteArray> &args,
             std::function<void(const redisReply *)> done);

    RedisConfig m_config;
    QByteArray m_base;
    QByteArray m_channel;
    RedisConnection *m_commands;
    RedisConnection *m_subscriber;
    QTimer m_retry;
    static constexpr int maxPending = 4096;
    QList<std::function<void()>> m_pending; ///< waiting for the command connection
};
