// SPDX-License-Identifier: MIT
#pragma once

// PRESENCE requests and the presence messages a TestWebSocketClient received (docs/protocol.md
// §9.9), for the server's presence tests. Header-only.

#include "testwebsocketclient.h"

#include <QDebug>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace PresenceFrames {

inline QJsonObject presence(const QString &member, const QString &name, const QStringList &here,
                            const QStringList &watch)
{
    return QJsonObject { { QStringLiteral("op"), 7 },
                         { QStringLiteral("member"), member },
                         { QStringLiteral("name"), name },
                         { QStringLiteral("here"), QJsonArray::fromStringList(here) },
                         { QStringLiteral("watch"), QJsonArray::fromStringList(watch) } };
}

/** The presence messages `client` received, in order. */
inline QList<QJsonObject> presenceMessages(const TestWebSocketClient &client)
{
    QList<QJsonObject> result;
    for (const QJsonObject &object : client.replies()) {
        if (object.value(QStringLiteral("type")).toString() == QLatin1String("presence"))
            result.append(object);
    }
    return result;
}

/** The names in the last roster of `key` that `client` was sent; nullopt when none came yet. */
inline std::optional<QStringList> lastRoster(const TestWebSocketClient &client, const QString &key)
{
    std::optional<QStringList> names;
    for (const QJsonObject &message : presenceMessages(client)) {
        if (message.value(QStringLiteral("key")).toString() != key)
            continue;
        QStringList list;
        for (const QJsonValue &member : message.value(QStringLiteral("members")).toArray())
            list.append(member.toObject().value(QStringLiteral("name")).toString());
        names = list;
    }
    return names;
}

inline bool waitForRoster(TestWebSocketClient &client, const QString &key, const QStringList &names)
{
    const bool seen = client.waitFor([&] { return lastRoster(client, key) == names; });
    if (!seen)
        qWarning() << "last roster of" << key << "is"
                   << lastRoster(client, key).value_or(QStringList { QStringLiteral("(none)") }) << "expected"
                   << names;
    return seen;
}

} // namespace PresenceFrames
