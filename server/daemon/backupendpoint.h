// SPDX-License-Identifier: MIT
#pragma once

#include "net/restapi.h"

#include <QObject>
#include <QSet>
#include <QString>

class ApiKeyRing;
class QThread;

/**
 * @brief `GET /admin/backup`: a consistent snapshot of the running server's SQLite database,
 * for remote self-hosters (docs/self-hosting.md, "Backup and restore").
 *
 * Only an API key may take one: a missing or wrong key is 401, a monitor token (which only
 * grants reading some days) 403. With the memory or Redis backend the answer is 501 (Redis has
 * its own snapshots). The snapshot (SqliteBackup::snapshot, `VACUUM INTO`) is made on a thread
 * of its own into a 0600 file in the data directory, so the event loop and the writer thread go
 * on serving; the file is sent as one `application/vnd.sqlite3` response and deleted.
 */
class BackupEndpoint : public QObject
{
    Q_OBJECT

public:
    /** `databaseFile` empty: the server has no SQLite database (memory or Redis backend). */
    BackupEndpoint(QString databaseFile, QString dataDir, const ApiKeyRing *keys, QObject *parent = nullptr);
    /** Waits for snapshots still being made (their files are removed, nothing is answered). */
    ~BackupEndpoint() override;

    static QByteArray path() { return QByteArrayLiteral("/admin/backup"); }
    /** Answers `GET /admin/backup` (true); leaves every other request alone (false). */
    bool handle(const HttpRequest &request, const RestApi::Done &done);

private:
    void start(const RestApi::Done &done);

    QString m_databaseFile;
    QString m_dataDir;
    const ApiKeyRing *m_keys;
    QSet<QThread *> m_running;
};
