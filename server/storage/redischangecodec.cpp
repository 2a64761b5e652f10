// SPDX-License-Identifier: MIT
#include "storage/redischangecodec.h"

#include <QList>

namespace RedisChangeCodec {

QByteArray head(qint64 timestampMs, qsizetype keyLength, bool deleted)
{
    return "v1 " + QByteArray::number(timestampMs) + ' ' + QByteArray::number(keyLength) + ' '
        + (deleted ? 'd' : 's') + '\n';
}

QByteArray encode(const Change &change)
{
    return QByteArray::number(change.revision) + ' '
        + head(change.timestampMs, change.key.size(), !change.value.has_value()) + change.key
        + change.value.value_or(QByteArray());
}

std::optional<Change> decode(const QByteArray &message)
{
    const qsizetype newline = message.indexOf('\n');
    if (newline < 0)
        return std::nullopt;
    const QList<QByteArray> fields = message.left(newline).split(' ');
    if (fields.size() != 5 || fields[1] != "v1" || (fields[4] != "s" && fields[4] != "d"))
        return std::nullopt;
    bool revisionOk = false, timeOk = false, lengthOk = false;
    Change change;
    change.revision = fields[0].toLongLong(&revisionOk);
    change.timestampMs = fields[2].toLongLong(&timeOk);
    const qsizetype keyLength = fields[3].toLongLong(&lengthOk);
    const QByteArray body = message.mid(newline + 1);
    if (!revisionOk || !timeOk || !lengthOk || keyLength <= 0 || keyLength > body.size())
        return std::nullopt;
    change.key = body.left(keyLength);
    if (fields[4] == "s")
        change.value = body.mid(keyLength);
    else if (body.size() != keyLength)
        return std::nullopt;
    return change;
}

} // namespace RedisChangeCodec
