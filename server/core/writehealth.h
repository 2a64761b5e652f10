// SPDX-License-Identifier: MIT
#pragma once

#include "core/writeresult.h"

#include <QString>

/**
 * @brief Whether the server can take writes, as the last write that reached storage showed.
 *
 * KvService records the outcome of every write it hands to storage. A backend failure
 * (StorageFailed: the commit failed, e.g. a full disk; Unavailable or OutcomeUnknown: storage
 * unreachable) makes the server "degraded" with a reason for /healthz; the next write that
 * commits makes it healthy again, and so does storage becoming ready again after an outage
 * (KvService clears it on Storage::readyChanged(true)). Answers that are the client's own doing (404, 409,
 * 400) say nothing about storage and change nothing here. The reason never holds keys or values (it is built
 * from WriteResult::detail, which never does).
 */
class WriteHealth
{
public:
    void record(const WriteResult &result);
    /** Forgets a failure, e.g. when storage has just become reachable again. */
    void clear() { m_reason.clear(); }

    bool canWrite() const { return m_reason.isEmpty(); }
    /** Why writes fail, e.g. "last commit failed: database or disk is full"; empty when healthy. */
    const QString &reason() const { return m_reason; }

private:
    QString m_reason;
};
