// SPDX-License-Identifier: MIT
#include "daemon/backupendpoint.h"

#include "core/apikeyring.h"
#include "daemon/datadirectory.h"
#include "net/netlog.h"
#include "storage/sqlitebackup.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryFile>
#include <QThread>
#include <memory>

BackupEndpoint::BackupEndpoint(QString databaseFile, QString dataDir, const ApiKeyRing *keys, QObject *parent)
    : QObject(parent)
    , m_databaseFile(std::move(databaseFile))
    , m_dataDir(std::move(dataDir))
    , m_keys(keys)
{ }

BackupEndpoint::~BackupEndpoint()
{
    for (QThread *thread : std::as_const(m_running)) {
        thread->wait();
        delete thread;
    }
}

bool BackupEndpoint::handle(const HttpRequest &request, const RestApi::Done &done)
{
    if (RestApi::normalizedPath(request.path) != path() || request.method == "OPTIONS")
        return false;
    const QByteArray key = request.header("x-api-key");
    if (key.isEmpty() || !m_keys->accepts(key)) {
        const bool token = request.hasQueryValue("token") || request.hasHeader("authorization");
        done(token ? HttpServerResponse::error(
                 403, QStringLiteral("A backup needs an API key; tokens cannot take one"))
                   : HttpServerResponse::error(401, QStringLiteral("Missing or invalid API key")));
        return true;
    }
    if (request.method != "GET") {
        HttpServerResponse response = HttpServerResponse::error(405, QStringLiteral("Method not allowed"));
        response.headers.append({ QByteArray("Allow"), QByteArray("GET, OPTIONS") });
        done(response);
        return true;
    }
    if (m_databaseFile.isEmpty()) {
        done(HttpServerResponse::error(
            501,
            QStringLiteral("This server keeps no SQLite database (memory or Redis backend); "
                           "back up Redis with its own snapshots (docs/self-hosting.md)")));
        return true;
    }
    start(done);
    return true;
}

void BackupEndpoint::start(const RestApi::Done &done)
{
    // The name is reserved here (0600, in the private data directory); the snapshot replaces it.
    auto file = std::make_shared<QTemporaryFile>(
        DataDirectory(m_dataDir).filePath(QStringLiteral(".dayboard-backup-download-XXXXXX")));
    if (!file->open()) {
        qCWarning(lcNet).noquote() << "backup: cannot create a file in the data directory:"
                                   << file->errorString();
        done(HttpServerResponse::error(500, QStringLiteral("The backup could not be made")));
        return;
    }
    file->close();
    auto error = std::make_shared<QString>();
    auto ok = std::make_shared<bool>(false);
    QThread *thread = QThread::create([database = m_databaseFile, target = file->fileName(), error, ok] {
        *ok = SqliteBackup::snapshot(database, target, error.get());
    });
    thread->setObjectName(QStringLiteral("dayboard-backup"));
    m_running.insert(thread);
    connect(thread, &QThread::finished, this, [this, thread, file, error, ok, done] {
        m_running.remove(thread);
        thread->deleteLater();
        QFile snapshot(file->fileName());
        if (!*ok || !snapshot.open(QIODevice::ReadOnly)) {
            qCWarning(lcNet).noquote() << "backup failed:" << (*ok ? snapshot.errorString() : *error);
            done(HttpServerResponse::error(500, QStringLiteral("The backup could not be made")));
            return;
        }
        HttpServerResponse response;
        response.contentType = "application/vnd.sqlite3";
        response.body = snapshot.readAll();
        const QByteArray name = "dayboard-"
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")).toLatin1()
            + ".sqlite3";
        response.headers.append(
            { QByteArray("Content-Disposition"), "attachment; filename=\"" + name + '"' });
        qCInfo(lcNet).noquote() << "backup of" << response.body.size() << "bytes sent";
        done(response);
    });
    thread->start();
}
