// SPDX-License-Identifier: MIT
#include "daemon/databaserestore.h"

#include "daemon/datadirectory.h"
#include "storage/sqlitebackup.h"
#include "storage/sqlitestorage.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QTemporaryFile>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace {

DatabaseRestore::Result refuse(const QString &why)
{
    DatabaseRestore::Result result;
    result.message = why + QStringLiteral("; nothing was changed");
    return result;
}

bool renameFile(const QString &from, const QString &to, QString *error)
{
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0)
        return true;
    *error = QStringLiteral("cannot rename %1 to %2: %3")
                 .arg(from, to, QString::fromLocal8Bit(std::strerror(errno)));
    return false;
}

/** Copies `source` into a new 0600 temporary file in `dir` (kept until `copy` goes). */
bool copyInto(const QString &source, QTemporaryFile *copy, QString *error)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(source, in.errorString());
        return false;
    }
    if (!copy->open()) {
        *error = QStringLiteral("cannot create a file in the data directory: %1").arg(copy->errorString());
        return false;
    }
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(1 << 20);
        if (chunk.isEmpty() || copy->write(chunk) != chunk.size()) {
            *error = QStringLiteral("cannot copy %1: %2").arg(source, copy->errorString());
            return false;
        }
    }
    if (!copy->flush()) {
        *error = QStringLiteral("cannot copy %1: %2").arg(source, copy->errorString());
        return false;
    }
    copy->close();
    return true;
}

} // namespace

DatabaseRestore::Result DatabaseRestore::restore(const QString &dataDir, const QString &backupFile,
                                                 qint64 revisionFloor)
{
    const DataDirectory directory(dataDir);
    QString error;
    if (!QFileInfo(backupFile).isFile())
        return refuse(QStringLiteral("%1 does not exist or is not a file").arg(backupFile));
    const bool created = !QFileInfo::exists(dataDir);
    if (!directory.ensure(&error))
        return refuse(error);
    Result result = put(directory, backupFile, revisionFloor);
    // A refused restore leaves no trace, not even the data directory it created.
    if (!result.ok && created)
        QDir().rmdir(dataDir);
    return result;
}

DatabaseRestore::Result DatabaseRestore::put(const DataDirectory &directory, const QString &backupFile,
                                             qint64 revisionFloor)
{
    const QString &dataDir = directory.path();
    QString error;
    QLockFile lock(directory.filePath(SqliteStorage::lockFileName()));
    if (!lock.tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString application;
        if (lock.error() == QLockFile::LockFailedError && lock.getLockInfo(&pid, &host, &application))
            return refuse(QStringLiteral("data directory %1 is in use by a running server (process %2): "
                                         "stop it first")
                              .arg(dataDir)
                              .arg(pid));
        return refuse(QStringLiteral("cannot lock data directory %1").arg(dataDir));
    }

    // Checked as the copy that will be used, so what was checked is what goes into place.
    QTemporaryFile copy(directory.filePath(QStringLiteral(".dayboard-restore-XXXXXX")));
    if (!copyInto(backupFile, &copy, &error))
        return refuse(error);
    const SqliteBackup::Inspection backup = SqliteBackup::inspect(copy.fileName());
    if (!backup.ok)
        return refuse(QString(backup.error).replace(copy.fileName(), backupFile));

    const QString database = directory.filePath(SqliteStorage::fileName());
    qint64 replacedHighest = 0;
    if (QFileInfo(database).exists() && QFileInfo(database).size() > 0) {
        const SqliteBackup::Inspection replaced = SqliteBackup::inspect(database);
        if (!replaced.ok && revisionFloor <= 0)
            return refuse(QStringLiteral("the database being replaced cannot be read (%1), so the newest "
                                         "revision its clients saw is unknown: give --revision-floor N")
                              .arg(replaced.error));
        replacedHighest = replaced.highestRevision;
    }
    Result result;
    result.records = backup.records;
    result.floor = qMax(qMax(replacedHighest, backup.highestRevision), revisionFloor);
    result.highestRevision = SqliteBackup::renumberAbove(copy.fileName(), result.floor, &error);
    if (result.highestRevision < 0)
        return refuse(QStringLiteral("cannot renumber the revisions of the copy: %1").arg(error));

    if (QFileInfo::exists(database)) {
        result.keptAs = database + QStringLiteral(".before-restore-")
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmssZ"));
        for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
            if (QFileInfo::exists(database + suffix)
                && !renameFile(database + suffix, result.keptAs + suffix, &error))
                return refuse(error);
        }
    }
    if (!renameFile(copy.fileName(), database, &error)) {
        if (!result.keptAs.isEmpty())
            renameFile(result.keptAs, database, &error);
        return refuse(error);
    }
    copy.setAutoRemove(false);
    result.ok = true;
    result.message = QStringLiteral("restored %1 records from %2 into %3; revisions continue above %4")
                         .arg(result.records)
                         .arg(backupFile, database)
                         .arg(result.floor);
    if (!result.keptAs.isEmpty())
        result.message += QStringLiteral("; the replaced database is kept as %1").arg(result.keptAs);
    return result;
}
