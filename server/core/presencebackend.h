// SPDX-License-Identifier: MIT
#pragma once

#include "core/presencemember.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <functional>

/**
 * @brief Where presence rosters live: per key, members with an expiry (docs/protocol.md §9.9).
 *
 * LocalPresence keeps them in this process (memory and SQLite servers); RedisPresence keeps
 * them in Redis, shared by every instance of a deployment. An entry is owned by the connection
 * that announced it last (`owner`), so a late goodbye of an old connection does not remove the
 * member its new connection announced again. `keyChanged` says a roster may have changed (a
 * join, a rename, a goodbye, on any instance); expiries are found by roster(), which drops
 * expired members before answering.
 */
class PresenceBackend : public QObject
{
    Q_OBJECT

public:
    using RosterCallback = std::function<void(const QList<PresenceMember> &members)>;

    using QObject::QObject;
    ~PresenceBackend() override = default;

    /** Adds or refreshes `member` on `key` until `ttlMs` from now. */
    virtual void announce(const QByteArray &key, const PresenceMember &member, const QByteArray &owner,
                          int ttlMs)
        = 0;
    /** Removes `memberId` from `key` if `owner` still owns it. */
    virtual void leave(const QByteArray &key, const QByteArray &memberId, const QByteArray &owner) = 0;
    /** The live members of `key`, sorted by id; expired ones are dropped first. */
    virtual void roster(const QByteArray &key, RosterCallback done) = 0;

signals:
    void keyChanged(const QByteArray &key);
};
