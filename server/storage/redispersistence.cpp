// SPDX-License-Identifier: MIT
#include "storage/redispersistence.h"

#include "storage/redisconnection.h"
#include "storage/redislog.h"

#include <hiredis/hiredis.h>
#include <memory>

namespace {

/** The value of a `CONFIG GET name` reply ({name, value}); false when CONFIG was refused. */
bool configValue(const redisReply *reply, QByteArray *value)
{
    if (!reply || reply->type != REDIS_REPLY_ARRAY || reply->elements != 2
        || reply->element[1]->type != REDIS_REPLY_STRING)
        return false;
    *value = QByteArray(reply->element[1]->str, qsizetype(reply->element[1]->len));
    return true;
}

} // namespace

void RedisPersistence::check(RedisConnection *connection, const QString &endpoint)
{
    struct Answers
    {
        bool ok = true;
        QByteArray appendOnly;
        QByteArray save;
    };
    auto answers = std::make_shared<Answers>();
    connection->command({ "CONFIG", "GET", "appendonly" }, [answers](const redisReply *reply) {
        answers->ok = configValue(reply, &answers->appendOnly) && answers->ok;
    });
    connection->command({ "CONFIG", "GET", "save" }, [answers, endpoint](const redisReply *reply) {
        if (!reply)
            return; // the connection ended; the next one checks again
        answers->ok = configValue(reply, &answers->save) && answers->ok;
        if (!answers->ok) {
            qCInfo(lcRedis).noquote() << "could not check whether Redis at" << endpoint
                                      << "keeps its data (CONFIG GET refused); make sure it runs with "
                                         "appendonly yes (docs/scaling.md)";
        } else if (answers->appendOnly != "yes" && answers->save.trimmed().isEmpty()) {
            qCWarning(lcRedis).noquote() << "Redis at" << endpoint
                                         << "keeps no data on disk (appendonly no, no save points): a Redis "
                                            "restart loses every record. "
                                            "Revisions keep growing (never reused), but run Redis with "
                                            "appendonly yes (docs/scaling.md)";
        } else if (answers->appendOnly != "yes") {
            qCInfo(lcRedis).noquote()
                << "Redis at" << endpoint
                << "persists by snapshots only (appendonly no): a crash loses the writes "
                   "since the last snapshot";
        }
    });
}
