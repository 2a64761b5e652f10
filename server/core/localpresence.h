// SPDX-License-Identifier: MIT
#pragma once

#include "core/presencebackend.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMap>

/**
 * @brief Presence rosters kept in this process (memory and SQLite servers): a server restart
 * forgets them all, so no member outlives the process that heard it.
 */
class LocalPresence : public PresenceBackend
{
    Q_OBJECT

public:
    explicit LocalPresence(QObject *parent = nullptr);

    void announce(const QByteArray &key, const PresenceMember &member, const QByteArray &owner,
                  int ttlMs) override;
    void leave(const QByteArray &key, const QByteArray &memberId, const QByteArray &owner) override;
    void roster(const QByteArray &key, RosterCallback done) override;

private:
    struct Entry
    {
        QString name;
        QByteArray owner;
        qint64 expiresMs = 0;
    };

    QElapsedTimer m_clock;
    QHash<QByteArray, QMap<QByteArray, Entry>> m_keys;
};
