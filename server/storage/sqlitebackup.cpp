// SPDX-License-Identifier: MIT
#include "storage/sqlitebackup.h"

#include "storage/storagelogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace {

std::atomic<quint64> connectionCounter { 0 };

QString errorText(const QSqlError &error)
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return text.isEmpty() ? QStringLiteral("unknown SQLite error") : text;
}

/** One connection of its own, removed from QSqlDatabase's registry when it goes. */
class Connection
{
public:
    explicit Connection(const QString &file)
        : m_name(QStringLiteral("dayboard-backup-%1").arg(++connectionCounter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(file);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            m_error = errorText(db.lastError());
    }
    ~Connection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    const QString &error() const { return m_error; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

    /** Runs `sql` (with `values` bound in order); false with `*error`. */
    bool exec(QSqlQuery &query, const QString &sql, QString *error, const QVariantList &values = {}) const
    {
        query = QSqlQuery(db());
        bool ok = query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        ok = ok && query.exec();
        if (!ok)
            *error = errorText(query.lastError());
        return ok;
    }

private:
    QString m_name;
    QString m_error;
};

} // namespace

bool SqliteBackup::snapshot(const QString &databaseFile, const QString &target, QString *error)
{
    if (!QFileInfo(databaseFile).isFile()) {
        *error = QStringLiteral("there is no database at %1").arg(databaseFile);
        return false;
    }
    const QFileInfo targetInfo(target);
    if (targetInfo.exists()
        && targetInfo.canonicalFilePath() == QFileInfo(databaseFile).canonicalFilePath()) {
        *error = QStringLiteral("the backup cannot replace the database itself");
        return false;
    }
    // VACUUM INTO accepts an empty existing file: this one is created 0600, so the records are
    // never readable by others, whatever the umask.
    QTemporaryFile temporary(
        QDir(targetInfo.absolutePath()).filePath(QStringLiteral(".dayboard-backup-XXXXXX")));
    if (!temporary.open()) {
        *error = QStringLiteral("cannot create a file in %1: %2")
                     .arg(targetInfo.absolutePath(), temporary.errorString());
        return false;
    }
    temporary.close();
    {
        Connection connection(databaseFile);
        QSqlQuery query;
        if (!connection.error().isEmpty()) {
            *error = QStringLiteral("cannot open %1: %2").arg(databaseFile, connection.error());
            return false;
        }
        // FULL: the copy is synced before VACUUM INTO returns (it follows the main database's setting).
        if (!connection.exec(query, QStringLiteral("PRAGMA synchronous=FULL"), error)
            || !connection.exec(query, QStringLiteral("VACUUM INTO ?"), error, { temporary.fileName() })) {
            *error = QStringLiteral("backup of %1 failed: %2").arg(databaseFile, *error);
            return false;
        }
    }
    if (std::rename(QFile::encodeName(temporary.fileName()).constData(),
                    QFile::encodeName(target).constData())
        != 0) {
        *error
            = QStringLiteral("cannot write %1: %2").arg(target, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    temporary.setAutoRemove(false);
    return true;
}

SqliteBackup::Inspection SqliteBackup::inspect(const QString &file)
{
    Inspection result;
    const QFileInfo info(file);
    if (!info.isFile() || !info.isReadable() || info.size() == 0) {
        result.error = QStringLiteral("%1 is not a readable, non-empty file").arg(file);
        return result;
    }
    Connection connection(file);
    QSqlQuery query;
    QString error;
    if (!connection.error().isEmpty()) {
        result.error = QStringLiteral("%1 cannot be opened: %2").arg(file, connection.error());
        return result;
    }
    if (!connection.exec(query, QStringLiteral("PRAGMA integrity_check(5)"), &error)) {
        result.error = QStringLiteral("%1 is not an SQLite database: %2").arg(file, error);
        return result;
    }
    QStringList problems;
    while (query.next())
        problems.append(query.value(0).toString());
    if (problems != QStringList { QStringLiteral("ok") }) {
        result.error
            = QStringLiteral("%1 failed SQLite's integrity check: %2").arg(file, problems.join(u"; "));
        return result;
    }
    QSet<QString> columns;
    if (connection.exec(query, QStringLiteral("SELECT name FROM pragma_table_info('records')"), &error)) {
        while (query.next())
            columns.insert(query.value(0).toString());
    }
    qint64 schema = 0;
    bool hasRevision = false;
    if (connection.exec(query, QStringLiteral("SELECT name, value FROM meta"), &error)) {
        while (query.next()) {
            if (query.value(0).toString() == u"schema")
                schema = query.value(1).toLongLong();
            if (query.value(0).toString() == u"revision") {
                hasRevision = true;
                result.highestRevision = query.value(1).toLongLong();
            }
        }
    }
    const QSet<QString> expected { QStringLiteral("key"), QStringLiteral("value"),
                                   QStringLiteral("revision") };
    if (columns != expected || schema != 1 || !hasRevision) {
        result.error
            = QStringLiteral("%1 is an SQLite database but not a Dayboard server's (schema 1: tables "
                             "records(key, value, revision) and meta)")
                  .arg(file);
        return result;
    }
    if (!connection.exec(query, QStringLiteral("SELECT count(*), coalesce(max(revision), 0) FROM records"),
                         &error)
        || !query.next()) {
        result.error = QStringLiteral("%1 cannot be read: %2").arg(file, error);
        return result;
    }
    result.records = query.value(0).toLongLong();
    result.highestRevision = qMax(result.highestRevision, query.value(1).toLongLong());
    result.ok = true;
    return result;
}

qint64 SqliteBackup::renumberAbove(const QString &file, qint64 floor, QString *error)
{
    Connection connection(file);
    if (!connection.error().isEmpty()) {
        *error = connection.error();
        return -1;
    }
    QSqlQuery query;
    // Ordered by the old revisions, so the newest record stays the newest.
    const QStringList steps {
        QStringLiteral("BEGIN IMMEDIATE"),
        QStringLiteral("CREATE TEMP TABLE renumbered (key BLOB PRIMARY KEY NOT NULL, n INTEGER NOT NULL)"),
        QStringLiteral("INSERT INTO renumbered (key, n) "
                       "SELECT key, ROW_NUMBER() OVER (ORDER BY revision, key) FROM records"),
        QStringLiteral("UPDATE records SET revision = ? + renumbered.n FROM renumbered "
                       "WHERE renumbered.key = records.key"),
        QStringLiteral("UPDATE meta SET value = ? + (SELECT count(*) FROM records) WHERE name = 'revision'"),
        QStringLiteral("COMMIT"),
    };
    for (const QString &sql : steps) {
        const QVariantList values = sql.contains(u'?') ? QVariantList { floor } : QVariantList {};
        if (!connection.exec(query, sql, error, values)) {
            QSqlQuery rollback(connection.db());
            rollback.exec(QStringLiteral("ROLLBACK"));
            return -1;
        }
    }
    if (!connection.exec(query, QStringLiteral("SELECT value FROM meta WHERE name = 'revision'"), error)
        || !query.next())
        return -1;
    const qint64 highest = query.value(0).toLongLong();
    qCInfo(lcStorage).noquote() << "restored records renumbered above revision" << floor << "up to"
                                << highest;
    return highest;
}
