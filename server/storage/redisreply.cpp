// SPDX-License-Identifier: MIT
#include "storage/redisreply.h"

#include "storage/redisconnection.h"
#include "storage/redislog.h"

#include <hiredis/hiredis.h>

namespace RedisReply {

QByteArray bytes(const redisReply *reply)
{
    return QByteArray(reply->str, qsizetype(reply->len));
}

bool isString(const redisReply *reply)
{
    return reply && (reply->type == REDIS_REPLY_STRING || reply->type == REDIS_REPLY_STATUS);
}

std::optional<Record> recordFrom(const redisReply *value, const redisReply *revision)
{
    if (!isString(value) || !isString(revision))
        return std::nullopt;
    return Record { bytes(value), bytes(revision).toLongLong() };
}

WriteResult writeFailure(const redisReply *reply)
{
    if (!reply) {
        // The connection ended with the request in flight: a write script either ran whole or
        // not at all, but which one is unknown (a client can check the record's revision).
        return { WriteStatus::Unavailable, 0, std::nullopt,
                 QStringLiteral("connection to Redis lost before it answered") };
    }
    const QString error = RedisConnection::errorText(reply);
    if (error.isEmpty()) {
        qCWarning(lcRedis) << "unexpected reply type" << reply->type << "from Redis";
        return { WriteStatus::StorageFailed, 0, std::nullopt, QStringLiteral("unexpected reply from Redis") };
    }
    // States that pass (failover, loading, a busy script) are "unavailable", not failures.
    static const char *const transient[]
        = { "READONLY", "LOADING", "MASTERDOWN", "BUSY", "TRYAGAIN", "CLUSTERDOWN", "NOREPLICAS" };
    for (const char *code : transient) {
        if (error.startsWith(QLatin1String(code)))
            return { WriteStatus::Unavailable, 0, std::nullopt, QStringLiteral("Redis is unavailable") };
    }
    qCWarning(lcRedis) << "Redis error:" << error.section(u' ', 0, 0);
    return { WriteStatus::StorageFailed, 0, std::nullopt, QStringLiteral("storage error") };
}

RangeResult rangeFrom(const redisReply *reply, int limit)
{
    RangeResult result;
    if (!reply || reply->type != REDIS_REPLY_ARRAY || reply->elements % 3 != 0) {
        const WriteResult f = writeFailure(reply);
        result.status = f.status;
        result.detail = f.detail;
        return result;
    }
    for (size_t i = 0; i + 2 < reply->elements; i += 3) {
        if (limit > 0 && result.records.size() == limit) {
            result.truncated = true;
            break;
        }
        if (const std::optional<Record> record = recordFrom(reply->element[i + 1], reply->element[i + 2]))
            result.records.append({ bytes(reply->element[i]), *record });
    }
    return result;
}

} // namespace RedisReply
