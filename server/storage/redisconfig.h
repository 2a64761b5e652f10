// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

/**
 * @brief Where a RedisStorage connects and how it names its keys.
 *
 * Parsed from `redis://[[user]:password@]host[:port][/db]` plus a key prefix. Every Redis key
 * and the notification channel of one deployment share one hash tag (see keyBase()), so the
 * Lua scripts touch a single Redis Cluster slot.
 */
struct RedisConfig
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 6379;
    QByteArray username; ///< Redis 6 ACL user; empty: `AUTH <password>` only
    QByteArray password; ///< empty: no AUTH
    int db = 0;
    QByteArray prefix = QByteArrayLiteral("dayboard:");

    /** Parses a URL and a prefix; nullopt with `*error` set for anything it cannot use. */
    static std::optional<RedisConfig> parse(const QString &url, const QByteArray &prefix, QString *error);

    /**
     * The start of every Redis key of this deployment: the prefix itself when it already holds
     * a hash tag (`{...}`), else the prefix wrapped into one (`dayboard:` -> `{dayboard:}`).
     */
    QByteArray keyBase() const;
    /** The pub/sub channel of this deployment (pub/sub ignores the db number, so it is in the name). */
    QByteArray channel() const;
    /** host:port, for log lines and errors (never the password). */
    QString endpoint() const;
};
