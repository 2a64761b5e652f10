// SPDX-License-Identifier: MIT
#include "storage/redisconfig.h"

#include <QUrl>

namespace {

bool hasHashTag(const QByteArray &prefix)
{
    const qsizetype open = prefix.indexOf('{');
    const qsizetype close = open < 0 ? -1 : prefix.indexOf('}', open + 1);
    return close > open + 1;
}

} // namespace

std::optional<RedisConfig> RedisConfig::parse(const QString &url, const QByteArray &prefix, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<RedisConfig> {
        if (error)
            *error = message;
        return std::nullopt;
    };

    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return fail(QStringLiteral("invalid Redis URL (expected redis://[:password@]host:port[/db])"));
    if (parsed.scheme() == u"rediss")
        return fail(QStringLiteral(
            "rediss:// (TLS) is not supported; reach Redis over a private network or a TLS tunnel"));
    if (parsed.scheme() != u"redis")
        return fail(QStringLiteral("Redis URL must start with redis://"));

    RedisConfig config;
    config.host = parsed.host();
    const int port = parsed.port(6379);
    if (port <= 0 || port > 65535)
        return fail(QStringLiteral("invalid port in Redis URL"));
    config.port = quint16(port);
    config.username = parsed.userName(QUrl::FullyDecoded).toUtf8();
    config.password = parsed.password(QUrl::FullyDecoded).toUtf8();
    if (!config.username.isEmpty() && config.password.isEmpty())
        return fail(QStringLiteral("Redis URL has a user but no password"));

    QString path = parsed.path();
    if (path.startsWith(u'/'))
        path.remove(0, 1);
    if (!path.isEmpty()) {
        bool ok = false;
        config.db = path.toInt(&ok);
        if (!ok || config.db < 0)
            return fail(QStringLiteral("invalid database number in Redis URL"));
    }

    if (prefix.isEmpty())
        return fail(QStringLiteral("the Redis key prefix must not be empty"));
    if ((prefix.contains('{') || prefix.contains('}')) && !hasHashTag(prefix))
        return fail(QStringLiteral("the Redis key prefix has a brace but no complete {hash tag}"));
    config.prefix = prefix;
    return config;
}

QByteArray RedisConfig::keyBase() const
{
    if (hasHashTag(prefix))
        return prefix;
    return '{' + prefix + '}';
}

QByteArray RedisConfig::channel() const
{
    return keyBase() + "changes@" + QByteArray::number(db);
}

QString RedisConfig::endpoint() const
{
    return (host.contains(u':') ? u'[' + host + u']' : host) + u':' + QString::number(port);
}
