// SPDX-License-Identifier: MIT
#pragma once

#include "core/change.h"
#include "core/presencemember.h"
#include "core/reply.h"

#include <QByteArray>

/**
 * @brief Encodes Replies (and notifications) as the compact JSON clients expect.
 *
 * WebSocket frames follow docs/protocol.md §2/§4/§8; REST bodies follow §6. Success replies never
 * have an `error` member; `revision` appears only when the Reply carries one (extensions on).
 */
class ReplyEncoder
{
public:
    /** An HTTP status with its JSON body. */
    struct HttpResponse
    {
        int status = 200;
        QByteArray body;
    };

    static QByteArray toWebSocket(const Reply &reply);
    static HttpResponse toRest(const Reply &reply);
    /** The §5 notification frame; `withRevision` adds the §8 `revision` member. */
    static QByteArray notification(const Change &change, bool withRevision);
    /** `{"type":"presence","key","members":[{"id","name"}],"timestamp"}` (docs/protocol.md §9.9). */
    static QByteArray presence(const QByteArray &key, const QList<PresenceMember> &members,
                               qint64 timestampMs);
};
