// SPDX-License-Identifier: MIT
#include "storage/redissetup.h"

#include "storage/redisconnection.h"
#include "storage/redisreply.h"
#include "storage/redisscripts.h"

#include <hiredis/hiredis.h>
#include <memory>

namespace RedisSetup {

void run(RedisConnection *commands, const QByteArray &keyBase, const QByteArray &secretCandidate,
         const QByteArray &apiKeyCandidate, std::function<void(const Result &, bool connectionEnded)> done)
{
    auto result = std::make_shared<Result>();
    const auto keep = [result](QByteArray Result::*field) {
        return [result, field](const redisReply *reply) {
            if (!reply)
                return;
            if (RedisReply::isString(reply) && reply->type == REDIS_REPLY_STRING)
                (*result).*field = RedisReply::bytes(reply);
            else if (result->error.isEmpty())
                result->error = RedisConnection::errorText(reply);
        };
    };
    const auto keepError = [result](const redisReply *reply) {
        if (reply && reply->type == REDIS_REPLY_ERROR && result->error.isEmpty())
            result->error = RedisConnection::errorText(reply);
    };
    commands->command({ "SCRIPT", "LOAD", RedisScripts::write }, keep(&Result::writeSha));
    commands->command({ "SCRIPT", "LOAD", RedisScripts::range }, keep(&Result::rangeSha));
    const bool wantApiKey = !apiKeyCandidate.isEmpty();
    if (wantApiKey) {
        const QByteArray apiKeyKey = keyBase + "api-key";
        commands->command({ "SET", apiKeyKey, apiKeyCandidate, "NX" }, keepError);
        commands->command({ "GET", apiKeyKey }, keep(&Result::apiKey));
    }
    const QByteArray secretKey = keyBase + "token-secret";
    commands->command({ "SET", secretKey, secretCandidate, "NX" }, keepError);
    commands->command({ "GET", secretKey }, [result, keep, wantApiKey, done](const redisReply *reply) {
        keep (&Result::secret)(reply);
        if (!reply) {
            done(*result, true);
            return;
        }
        if (result->error.isEmpty()
            && (result->writeSha.isEmpty() || result->rangeSha.isEmpty() || result->secret.isEmpty()
                || (wantApiKey && result->apiKey.isEmpty())))
            result->error = QStringLiteral("unexpected reply");
        done(*result, false);
    });
}

} // namespace RedisSetup
