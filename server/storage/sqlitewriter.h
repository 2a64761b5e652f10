// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>
#include <QWaitCondition>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QSqlDatabase;
class QSqlQuery;
class QThread;
class RecordTable;

/** @brief One record as a transaction writes it: `value` nullopt deletes the key. */
struct SqliteRow
{
    QByteArray key;
    std::optional<QByteArray> value;
    qint64 revision = 0;
};

/** @brief The rows of one transaction and the store revision to record with them. */
struct SqliteBatch
{
    quint64 id = 0;
    QList<SqliteRow> rows;
    qint64 revision = 0;
};

/** @brief How a batch ended. `error` is for the log: it never contains keys or values. */
struct SqliteCommit
{
    quint64 id = 0;
    bool ok = false;
    bool transaction = false; ///< false for a batch with no rows (nothing to write)
    QString error;
};

/**
 * @brief The thread that owns SqliteStorage's database connection and commits its batches.
 *
 * QSqlDatabase connections may only be used by the thread that created them, so the writer
 * thread opens the file, creates the schema, loads the records, and then runs one transaction
 * per submitted batch, in order. Results are queued; `resultReady` is called from the writer
 * thread after each one (it must only post work to the owning thread).
 *
 * Checkpoints are the writer's, never a commit's: when it runs them and why is described once,
 * in docs/storage.md ("Checkpoints"); the transaction and page size are in the sections before.
 */
class SqliteWriter
{
public:
    explicit SqliteWriter(std::function<void()> resultReady);
    ~SqliteWriter();
    SqliteWriter(const SqliteWriter &) = delete;
    SqliteWriter &operator=(const SqliteWriter &) = delete;

    /**
     * Starts the thread, opens `file` and loads every record into `table` (filled before this
     * returns; not touched afterwards). False with `*error` set when the file is unusable.
     */
    bool start(const QString &file, RecordTable *table, QString *error);
    void submit(SqliteBatch batch);
    std::optional<SqliteCommit> takeResult();
    /** Blocks until a result is waiting to be taken; false if the thread ended instead. */
    bool waitForResult();
    void stop();

    /** The page size of a database the writer creates (SQLite's default is 4096). */
    static constexpr int newDatabasePageSize() { return 1024; }
    /** WAL bytes after which the writer checkpoints once it is idle. */
    static constexpr qint64 idleCheckpointBytes() { return 1024 * 1024; }
    /** How long the writer must have had no batch to count as idle. */
    static constexpr int idleCheckpointDelayMs() { return 2; }
    /** WAL bytes after which the writer checkpoints even when it is never idle. */
    static constexpr qint64 forcedCheckpointBytes() { return 4 * idleCheckpointBytes(); }
    /** `journal_size_limit`: the WAL file is truncated to this when it restarts larger. */
    static constexpr qint64 walSizeLimitBytes() { return 2 * forcedCheckpointBytes(); }

private:
    void run(const QString &file, RecordTable *table);
    /** The writer connection's prepared statements (created and used in the writer thread). */
    struct Statements;

    void serve(QSqlDatabase &db, Statements &statements);
    bool initialize(QSqlDatabase &db, RecordTable *table, QString *error);
    static bool prepare(Statements &statements, QString *error);
    static SqliteCommit commit(QSqlDatabase &db, Statements &statements, const SqliteBatch &batch);
    /** An upper estimate of the WAL bytes a committed batch appended (its pages, in frames). */
    qint64 walBytesOf(const SqliteBatch &batch) const;
    /** The next batch (checkpointing while idle); nullopt once stop() was called. */
    std::optional<SqliteBatch> nextBatch(QSqlDatabase &db);
    void checkpoint(QSqlDatabase &db);

    enum class InitState { Pending, Ready, Failed };

    std::function<void()> m_resultReady;
    std::unique_ptr<QThread> m_thread;
    QMutex m_mutex;
    QWaitCondition m_jobAdded;
    QWaitCondition m_resultAdded;
    std::deque<SqliteBatch> m_jobs;
    std::deque<SqliteCommit> m_results;
    bool m_stopping = false;
    InitState m_initState = InitState::Pending;
    QString m_initError;
    // Writer thread only:
    qint64 m_pageSize = 4096;
    qint64 m_walBytesSinceCheckpoint = 0;
};
