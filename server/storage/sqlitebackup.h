// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QtGlobal>

/**
 * @brief Backup and restore of SqliteStorage's database file (docs/self-hosting.md, "Backup
 * and restore"; docs/storage.md, "Online backup").
 *
 * Every function opens its own connection in the calling thread, so it may run beside a
 * running server (in another thread or process): SQLite's locking keeps them apart.
 */
class SqliteBackup
{
public:
    /** What a database file holds, as far as a restore needs to know. */
    struct Inspection
    {
        bool ok = false;
        QString error; ///< why the file is no Dayboard database (for people; no keys, no values)
        qint64 records = 0;
        qint64 highestRevision = 0; ///< the newest revision it issued (records and meta)
    };

    /**
     * Writes a consistent snapshot of the database `databaseFile` to `target` (0600, replaced
     * atomically): `VACUUM INTO` a temporary file next to `target`, then a rename. The snapshot
     * is one read transaction: every write committed before it started is in it, none after,
     * and writers are never blocked by it (WAL). False with `*error` when it cannot be made.
     */
    static bool snapshot(const QString &databaseFile, const QString &target, QString *error);

    /** `PRAGMA integrity_check`, then the schema Dayboard expects (records, meta, schema 1). */
    static Inspection inspect(const QString &file);

    /**
     * Gives every record of `file` a new revision above `floor` (in the order of their old
     * revisions) and the store's revision counter the highest of them, in one transaction.
     * Returns the new highest revision, or -1 with `*error`.
     */
    static qint64 renumberAbove(const QString &file, qint64 floor, QString *error);
};
