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
 * Per transaction: BEGIN, one prepared upsert (`INSERT ... ON CONFLICT DO UPDATE`, in place) or
 * delete per row, COMMIT. The statements are compiled once per connection. The store revision
 * is the highest of the records' revisions and the `meta` row, so `meta` is written only when
 * the batch's revision is not kept by a stored row (its newest write was a delete): one WAL page
 * less to sync for the usual commit.
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

private:
    void run(const QString &file, RecordTable *table);
    /** The writer connection's prepared statements (created and used in the writer thread). */
    struct Statements;

    void serve(QSqlDatabase &db, Statements &statements);
    static bool initialize(QSqlDatabase &db, RecordTable *table, QString *error);
    static bool prepare(Statements &statements, QString *error);
    static SqliteCommit commit(QSqlDatabase &db, Statements &statements, const SqliteBatch &batch);

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
};
