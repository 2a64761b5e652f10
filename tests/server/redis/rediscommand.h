// SPDX-License-Identifier: MIT
#pragma once

#include "redisserver.h"

#include <QByteArray>
#include <QList>
#include <hiredis/hiredis.h>
#include <vector>

/**
 * A blocking command through a plain hiredis connection: the test's view of Redis. Returns the
 * elements of an array reply, or the one string of a string or status reply ("OK").
 */
inline QList<QByteArray> redisCommand(const RedisServer &redis, const QList<QByteArray> &args)
{
    redisContext *context = redisConnect("127.0.0.1", redis.port());
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QByteArray &arg : args) {
        argv.push_back(arg.constData());
        lengths.push_back(size_t(arg.size()));
    }
    QList<QByteArray> result;
    if (auto *reply = static_cast<redisReply *>(
            redisCommandArgv(context, int(args.size()), argv.data(), lengths.data()))) {
        for (size_t i = 0; i < reply->elements; ++i)
            result.append(QByteArray(reply->element[i]->str, qsizetype(reply->element[i]->len)));
        if (reply->type == REDIS_REPLY_STRING || reply->type == REDIS_REPLY_STATUS)
            result.append(QByteArray(reply->str, qsizetype(reply->len)));
        freeReplyObject(reply);
    }
    redisFree(context);
    return result;
}
