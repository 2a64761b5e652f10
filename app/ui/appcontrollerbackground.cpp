// SPDX-License-Identifier: MIT
// AppController's "Keep running in the background" setting (kept apart: appcontroller.cpp is at
// the 400-line limit).
#include "ui/appcontroller.h"

#include <QSettings>

namespace {
const QString keepRunningKey = QStringLiteral("ui/keepRunning");
} // namespace

bool AppController::keepRunning() const
{
    return m_settings->value(keepRunningKey, false).toBool();
}

void AppController::setKeepRunning(bool keep)
{
    if (keep != keepRunning()) {
        m_settings->setValue(keepRunningKey, keep);
        emit keepRunningChanged();
    }
}
