// SPDX-License-Identifier: MIT
#include "core/privatedirectory.h"

#include <QDir>
#include <QFileInfo>

bool createPrivateDirectory(const QString &path)
{
    const QFileInfo info(QDir::cleanPath(path));
    if (!QDir().mkpath(info.absolutePath()))
        return false;
    constexpr QFileDevice::Permissions ownerOnly
        = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
    return QDir().mkdir(info.absoluteFilePath(), ownerOnly) || QFileInfo(path).isDir();
}
