// SPDX-License-Identifier: MIT
#include "storage/sqlitewriter.h"

#include "storage/recordtable.h"
#include "storage/storagelogging.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <atomic>

namespace {

std::atomic<quint64> connectionCounter { 0 };

QString errorText(const QSqlError &error)
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return text.isEmpty() ? QStringLiteral("unknown SQLite error") : text;
}

// Runs a prepared statement without parameters and resets it.
bool runOnce(QSqlQuery &query, QString *error)
{
    const bool ok = query.exec();
    if (!ok)
        *error = errorText(query.lastError());
    query.finish();
    return ok;
}

bool exec(QSqlQuery &query, const QString &sql, QString *error)
{
    if (query.exec(sql))
        return true;
    *error = errorText(query.lastError());
    return false;
}

// QSQLITE binds a null QByteArray as SQL NULL; stored values are never NULL.
QByteArray blob(const QByteArray &bytes)
{
    return bytes.isNull() ? QByteArray("") : bytes;
}

} // namespace

struct SqliteWriter::Statements
{
    explicit Statements(const QSqlDatabase &db)
        : begin(db)
        , commit(db)
        , upsert(db)
        , remove(db)
        , meta(db)
    { }

    // BEGIN and COMMIT prepared once too (QSqlDatabase::transaction() compiles them each time).
    QSqlQuery begin;
    QSqlQuery commit;
    QSqlQuery upsert;
    QSqlQuery remove;
    QSqlQuery meta;
};

SqliteWriter::SqliteWriter(std::function<void()> resultReady)
    : m_resultReady(std::move(resultReady))
{ }

SqliteWriter::~SqliteWriter()
{
    stop();
}

bool SqliteWriter::start(const QString &file, RecordTable *table, QString *error)
{
    Q_ASSERT(!m_thread);
    m_thread.reset(QThread::create([this, file, table] { run(file, table); }));
    m_thread->setObjectName(QStringLiteral("dayboard-sqlite-writer"));
    m_thread->start();

    QMutexLocker locker(&m_mutex);
    while (m_initState == InitState::Pending)
        m_resultAdded.wait(&m_mutex);
    if (m_initState == InitState::Ready)
        return true;
    locker.unlock();
    if (error)
        *error = m_initError;
    stop();
    return false;
}

void SqliteWriter::submit(SqliteBatch batch)
{
    QMutexLocker locker(&m_mutex);
    m_jobs.push_back(std::move(batch));
    m_jobAdded.wakeAll();
}

std::optional<SqliteCommit> SqliteWriter::takeResult()
{
    QMutexLocker locker(&m_mutex);
    if (m_results.empty())
        return std::nullopt;
    SqliteCommit result = std::move(m_results.front());
    m_results.pop_front();
    return result;
}

bool SqliteWriter::waitForResult()
{
    QMutexLocker locker(&m_mutex);
    // The timeout only guards against a writer thread that ended without answering.
    while (m_results.empty() && m_thread && !m_thread->isFinished())
        m_resultAdded.wait(&m_mutex, 1000);
    return !m_results.empty();
}

void SqliteWriter::stop()
{
    if (!m_thread)
        return;
    {
        QMutexLocker locker(&m_mutex);
        m_stopping = true;
        m_jobAdded.wakeAll();
    }
    m_thread->wait();
    m_thread.reset();
}

void SqliteWriter::run(const QString &file, RecordTable *table)
{
    const QString name = QStringLiteral("dayboard-sqlite-writer-%1").arg(connectionCounter++);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        QString error;
        std::unique_ptr<Statements> statements;
        bool ready = initialize(db, table, &error);
        if (ready) {
            statements = std::make_unique<Statements>(db);
            ready = prepare(*statements, &error);
        }
        {
            QMutexLocker locker(&m_mutex);
            m_initState = ready ? InitState::Ready : InitState::Failed;
            m_initError = error;
            m_resultAdded.wakeAll();
        }
        if (ready)
            serve(db, *statements);
        statements.reset();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void SqliteWriter::serve(QSqlDatabase &db, Statements &statements)
{
    while (std::optional<SqliteBatch> batch = nextBatch(db)) {
        SqliteCommit result = commit(db, statements, *batch);
        if (result.ok)
            m_walBytesSinceCheckpoint += walBytesOf(*batch);
        {
            QMutexLocker locker(&m_mutex);
            m_results.push_back(std::move(result));
            m_resultAdded.wakeAll();
        }
        if (m_resultReady)
            m_resultReady();
        if (m_walBytesSinceCheckpoint >= forcedCheckpointBytes())
            checkpoint(db);
    }
}

std::optional<SqliteBatch> SqliteWriter::nextBatch(QSqlDatabase &db)
{
    QMutexLocker locker(&m_mutex);
    while (m_jobs.empty() && !m_stopping) {
        if (m_walBytesSinceCheckpoint < idleCheckpointBytes()) {
            m_jobAdded.wait(&m_mutex);
        } else if (!m_jobAdded.wait(&m_mutex, idleCheckpointDelayMs())) {
            locker.unlock();
            checkpoint(db);
            locker.relock();
        }
    }
    if (m_jobs.empty())
        return std::nullopt;
    SqliteBatch batch = std::move(m_jobs.front());
    m_jobs.pop_front();
    return batch;
}

qint64 SqliteWriter::walBytesOf(const SqliteBatch &batch) const
{
    if (batch.rows.isEmpty())
        return 0;
    // Each row dirties its leaf page plus the overflow pages of a long value; the interior
    // pages above, page splits and the meta row add a few more per transaction.
    const qint64 payloadPerPage = m_pageSize - 64;
    qint64 pages = 3;
    for (const SqliteRow &row : batch.rows)
        pages += 1 + (row.key.size() + (row.value ? row.value->size() : 0)) / payloadPerPage;
    constexpr qint64 frameHeaderBytes = 24;
    return pages * (m_pageSize + frameHeaderBytes);
}

void SqliteWriter::checkpoint(QSqlDatabase &db)
{
    m_walBytesSinceCheckpoint = 0;
    QSqlQuery query(db);
    // One row: busy, frames in the WAL, frames now in the database file.
    if (!query.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")) || !query.next()) {
        qCWarning(lcStorage) << "WAL checkpoint failed:" << errorText(query.lastError());
        return;
    }
    const qint64 frames = query.value(1).toLongLong();
    const qint64 copied = query.value(2).toLongLong();
    if (copied < frames)
        qCInfo(lcStorage) << "WAL checkpoint incomplete:" << frames - copied
                          << "frames are held by a reader (e.g. a running backup); retried later";
}

bool SqliteWriter::initialize(QSqlDatabase &db, RecordTable *table, QString *error)
{
    if (!db.open()) {
        *error = errorText(db.lastError());
        return false;
    }
    QSqlQuery query(db);
    // Only a new (empty) database takes this; an existing file keeps its page size. A SET
    // commits one page: a 1 KB page makes that one 1048-byte WAL frame (usually one disk block to
    // sync) instead of a 4120-byte one that always spans two.
    if (!exec(query, QStringLiteral("PRAGMA page_size=%1").arg(newDatabasePageSize()), error))
        return false;
    // Reading the journal mode back is the first real file access: it fails on a non-database.
    if (!exec(query, QStringLiteral("PRAGMA journal_mode=WAL"), error))
        return false;
    if (!query.next() || query.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0) {
        *error = QStringLiteral("could not switch the database to WAL journal mode");
        return false;
    }
    const QStringList setup {
        QStringLiteral("PRAGMA synchronous=FULL"),
        QStringLiteral("PRAGMA busy_timeout=5000"),
        QStringLiteral("PRAGMA wal_autocheckpoint=0"), // the writer checkpoints, see checkpoint()
        QStringLiteral("PRAGMA journal_size_limit=%1").arg(walSizeLimitBytes()),
        QStringLiteral("CREATE TABLE IF NOT EXISTS records (key BLOB PRIMARY KEY NOT NULL, "
                       "value BLOB NOT NULL, revision INTEGER NOT NULL) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY NOT NULL, "
                       "value INTEGER NOT NULL)"),
        QStringLiteral("INSERT OR IGNORE INTO meta (name, value) VALUES ('revision', 0)"),
        QStringLiteral("INSERT OR IGNORE INTO meta (name, value) VALUES ('schema', 1)"),
    };
    for (const QString &sql : setup) {
        if (!exec(query, sql, error))
            return false;
    }
    if (!exec(query, QStringLiteral("PRAGMA page_size"), error))
        return false;
    if (query.next())
        m_pageSize = qMax<qint64>(512, query.value(0).toLongLong());

    query.setForwardOnly(true);
    if (!exec(query, QStringLiteral("SELECT key, value, revision FROM records"), error))
        return false;
    qint64 highest = 0;
    while (query.next()) {
        const Record record { query.value(1).toByteArray(), query.value(2).toLongLong() };
        highest = qMax(highest, record.revision);
        table->load(query.value(0).toByteArray(), record);
    }
    if (query.lastError().isValid()) {
        *error = errorText(query.lastError());
        return false;
    }
    if (!exec(query, QStringLiteral("SELECT value FROM meta WHERE name = 'revision'"), error))
        return false;
    if (query.next())
        highest = qMax(highest, query.value(0).toLongLong());
    table->setRevision(highest);
    return true;
}

bool SqliteWriter::prepare(Statements &statements, QString *error)
{
    const std::pair<QSqlQuery *, QString> all[] = {
        { &statements.begin, QStringLiteral("BEGIN") },
        { &statements.commit, QStringLiteral("COMMIT") },
        { &statements.upsert,
          QStringLiteral("INSERT INTO records (key, value, revision) VALUES (?, ?, ?) ON CONFLICT (key) "
                         "DO UPDATE SET value = excluded.value, revision = excluded.revision") },
        { &statements.remove, QStringLiteral("DELETE FROM records WHERE key = ?") },
        { &statements.meta, QStringLiteral("UPDATE meta SET value = ? WHERE name = 'revision'") },
    };
    for (const auto &[query, sql] : all) {
        if (!query->prepare(sql)) {
            *error = errorText(query->lastError());
            return false;
        }
    }
    return true;
}

SqliteCommit SqliteWriter::commit(QSqlDatabase &db, Statements &statements, const SqliteBatch &batch)
{
    SqliteCommit result { batch.id, false, !batch.rows.isEmpty(), {} };
    if (batch.rows.isEmpty()) {
        result.ok = true;
        return result;
    }
    if (!runOnce(statements.begin, &result.error))
        return result;
    bool ok = true;
    {
        QSqlQuery &meta = statements.meta;
        QSqlQuery *failed = nullptr;
        bool revisionStored = false; ///< a stored row carries batch.revision: no meta write needed
        for (const SqliteRow &row : batch.rows) {
            if (!ok)
                break;
            revisionStored = revisionStored || (row.value && row.revision == batch.revision);
            QSqlQuery &query = row.value ? statements.upsert : statements.remove;
            query.bindValue(0, blob(row.key));
            if (row.value) {
                query.bindValue(1, blob(*row.value));
                query.bindValue(2, row.revision);
            }
            ok = query.exec();
            if (!ok)
                failed = &query;
            query.finish();
        }
        if (ok && !revisionStored) {
            meta.bindValue(0, batch.revision);
            ok = meta.exec();
            if (!ok)
                failed = &meta;
            meta.finish();
        }
        if (!ok)
            result.error = errorText(failed->lastError());
    }
    if (ok)
        ok = runOnce(statements.commit, &result.error);
    if (!ok && !db.rollback())
        qCWarning(lcStorage) << "rollback after a failed commit failed:" << errorText(db.lastError());
    result.ok = ok;
    return result;
}
