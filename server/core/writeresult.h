// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

/** @brief How a write ended. Maps to the protocol codes 200/404/409/400/500/503. */
enum class WriteStatus {
    Ok,
    NotFound, ///< DELETE of a missing key (404)
    Conflict, ///< ifRevision did not match (409)
    NotNumeric, ///< ATOMIC on a stored value that is not an int64 (400)
    StorageFailed, ///< the backend could not commit; nothing changed (500)
    Unavailable, ///< the backend is unreachable; nothing changed (503)
    OutcomeUnknown, ///< the backend got the write but its answer was lost: applied or not (503)
    Invalid, ///< the write cannot be applied as asked, e.g. PATCH JSON nested too deeply (400)
};

/**
 * @brief The outcome of one write, delivered after it is durable (or failed).
 *
 * Ok: `revision` is the revision this write took; `value` is the resulting full value
 * (nullopt after a delete). Conflict: `revision` is the current revision (0 when absent)
 * and `value` the current value (nullopt when absent). Failures carry a short `detail`
 * that never contains keys or values.
 */
struct WriteResult
{
    WriteStatus status = WriteStatus::Ok;
    qint64 revision = 0;
    std::optional<QByteArray> value;
    QString detail;
};
