// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

/**
 * @brief One PRESENCE request (op 7, docs/protocol.md §9.9): who a member of a connection is,
 * which keys it is looking at (`here`) and which keys' rosters the connection wants pushed
 * (`watch`). Sent again every heartbeat; an empty `here` is the member's goodbye.
 */
struct PresenceAnnouncement
{
    /** Limits per request and per connection (docs/self-hosting.md, limits). */
    static constexpr int maxMemberBytes = 64;
    static constexpr int maxNameChars = 64;
    static constexpr int maxHereKeys = 4;
    static constexpr int maxWatchKeys = 64;
    static constexpr int maxMembersPerConnection = 8;

    QByteArray member; ///< chosen by the client, stable across its reconnects (a random id)
    QString name; ///< what others are shown, e.g. the device's name
    QList<QByteArray> here;
    QList<QByteArray> watch;
};
