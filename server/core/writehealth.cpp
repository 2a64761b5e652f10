// SPDX-License-Identifier: MIT
#include "core/writehealth.h"

#include "core/corelogging.h"

void WriteHealth::record(const WriteResult &result)
{
    QString reason;
    switch (result.status) {
    case WriteStatus::Ok:
        break;
    case WriteStatus::StorageFailed:
        reason = QStringLiteral("last commit failed: %1").arg(result.detail);
        break;
    case WriteStatus::Unavailable:
    case WriteStatus::OutcomeUnknown:
        reason = QStringLiteral("storage unreachable: %1").arg(result.detail);
        break;
    case WriteStatus::NotFound:
    case WriteStatus::Conflict:
    case WriteStatus::NotNumeric:
    case WriteStatus::Invalid:
        return;
    }
    if (reason == m_reason)
        return;
    if (reason.isEmpty())
        qCInfo(lcCore) << "storage takes writes again";
    m_reason = std::move(reason);
}
