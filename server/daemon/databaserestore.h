// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QtGlobal>

class DataDirectory;

/**
 * @brief Puts a backup in place of a stopped server's database (`dayboard-server restore`,
 * docs/self-hosting.md "Backup and restore").
 *
 * The data directory's lock is taken first, so a running server refuses it. The backup is
 * copied into the data directory and checked there (SqliteBackup::inspect: integrity check and
 * schema); a bad file is refused with the reason and nothing is changed. Then every restored
 * record gets a revision above the newest revision the replaced database (or the backup, or
 * `revisionFloor`) had issued, so revisions stay monotonic for clients that saw later ones
 * (docs/sync.md §10). The replaced database is kept beside it as
 * `dayboard.sqlite3.before-restore-<time>`; the copy is renamed into place last.
 */
class DatabaseRestore
{
public:
    struct Result
    {
        bool ok = false;
        QString message; ///< what happened, or why nothing was changed
        qint64 records = 0;
        qint64 floor = 0; ///< every restored revision is above this
        qint64 highestRevision = 0;
        QString keptAs; ///< where the replaced database went; empty when there was none
    };

    static Result restore(const QString &dataDir, const QString &backupFile, qint64 revisionFloor = 0);

private:
    static Result put(const DataDirectory &directory, const QString &backupFile, qint64 revisionFloor);
};
