// SPDX-License-Identifier: MIT
#include "desktop/datamigration.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcMigration, "dayboard.ui.migration")

DataMigration::Result DataMigration::move(const QString &from, const QString &to)
{
    Result result;
    const QDir source(from);
    if (!source.exists())
        return result;
    const QString sourcePath = QFileInfo(from).absoluteFilePath();
    if (!QDir().mkpath(to)) {
        qCWarning(lcMigration).noquote() << "cannot create" << to << "- the data stays in" << from;
        return result;
    }
    const QDir target(to);
    const auto entries
        = source.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        const QString destination = target.filePath(entry.fileName());
        // The old folder itself is `<to>/Dayboard`: an entry of that name cannot move up.
        if (QFileInfo::exists(destination) || QFileInfo(destination).isSymLink()
            || QFileInfo(destination).absoluteFilePath() == sourcePath) {
            result.left.append(entry.fileName());
            continue;
        }
        if (QDir().rename(entry.absoluteFilePath(), destination))
            result.moved.append(entry.fileName());
        else
            result.left.append(entry.fileName());
    }
    if (result.left.isEmpty())
        QDir().rmdir(from);
    if (!result.moved.isEmpty())
        qCInfo(lcMigration).noquote() << "moved" << result.moved.join(u", ") << "from" << from << "to" << to;
    if (!result.left.isEmpty())
        qCWarning(lcMigration).noquote()
            << "left" << result.left.join(u", ") << "in" << from << "(" << to << "already has them)";
    return result;
}

QString DataMigration::oldDataDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("Dayboard/Dayboard"));
}
