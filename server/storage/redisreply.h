// SPDX-License-Identifier: MIT
#pragma once

#include "core/record.h"
#include "core/storage.h"
#include "core/writeresult.h"

#include <QByteArray>
#include <optional>

struct redisReply;

/**
 * @brief Reading hiredis replies for RedisStorage: strings, records (value + revision), and the
 * WriteResult a failed command maps to (transient states are Unavailable, not failures).
 */
namespace RedisReply {
/** The reply's string bytes (STRING, STATUS or ERROR). */
QByteArray bytes(const redisReply *reply);
/** True for a STRING or STATUS reply. */
bool isString(const redisReply *reply);
/** The record a value and its revision form; nullopt when either is not a string. */
std::optional<Record> recordFrom(const redisReply *value, const redisReply *revision);
/** The records of a range script's reply (key, value, revision, ...), at most `limit` (> 0). */
RangeResult rangeFrom(const redisReply *reply, int limit);
/** The result of a command that failed; no reply: the connection ended with it in flight. */
WriteResult writeFailure(const redisReply *reply);
} // namespace RedisReply
