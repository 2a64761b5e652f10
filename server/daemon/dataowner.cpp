// SPDX-License-Identifier: MIT
#include "daemon/dataowner.h"

#include <QFileInfo>
#include <unistd.h>

QString DataOwner::foreignOwnerRefusal(const QString &dir)
{
    const QFileInfo info(dir);
    const uint self = uint(::geteuid());
    if (!info.exists() || info.ownerId() == self)
        return {};
    return QStringLiteral(
               "Data directory %1 belongs to another user (uid %2), who could replace the secrets and "
               "records kept there; run the server as that user, give the directory to uid %3 "
               "(chown), or pass --allow-foreign-owner [DAYBOARD_ALLOW_FOREIGN_OWNER=1]")
        .arg(dir)
        .arg(info.ownerId())
        .arg(self);
}
