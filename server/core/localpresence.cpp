// SPDX-License-Identifier: MIT
#include "core/localpresence.h"

LocalPresence::LocalPresence(QObject *parent)
    : PresenceBackend(parent)
{
    m_clock.start();
}

void LocalPresence::announce(const QByteArray &key, const PresenceMember &member, const QByteArray &owner,
                             int ttlMs)
{
    Entry &entry = m_keys[key][member.id];
    const bool changed = entry.name != member.name || entry.expiresMs <= m_clock.elapsed();
    entry.name = member.name;
    entry.owner = owner;
    entry.expiresMs = m_clock.elapsed() + ttlMs;
    if (changed)
        emit keyChanged(key);
}

void LocalPresence::leave(const QByteArray &key, const QByteArray &memberId, const QByteArray &owner)
{
    const auto it = m_keys.find(key);
    if (it == m_keys.end())
        return;
    const auto entry = it->constFind(memberId);
    if (entry == it->constEnd() || entry->owner != owner)
        return;
    it->erase(entry);
    if (it->isEmpty())
        m_keys.erase(it);
    emit keyChanged(key);
}

void LocalPresence::roster(const QByteArray &key, RosterCallback done)
{
    QList<PresenceMember> members;
    const auto it = m_keys.find(key);
    if (it != m_keys.end()) {
        const qint64 now = m_clock.elapsed();
        it->removeIf([now](const auto &entry) { return entry.value().expiresMs <= now; });
        for (auto entry = it->cbegin(); entry != it->cend(); ++entry)
            members.append({ entry.key(), entry->name });
        if (it->isEmpty())
            m_keys.erase(it);
    }
    done(members);
}
