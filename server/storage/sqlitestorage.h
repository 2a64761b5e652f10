// SPDX-License-Identifier: MIT
#pragma once

#include "core/storage.h"
#include "storage/recordtable.h"
#include "storage/sqlitewriter.h"

#include <QLockFile>
#include <deque>
#include <map>
#include <memory>

/**
 * @brief The durable default backend: records in memory, every write committed to SQLite.
 *
 * The file is `<dataDir>/dayboard.sqlite3` (WAL, `synchronous=FULL`); a data dir it creates is
 * 0700, the database and its -wal/-shm files are 0600. open() loads every
 * record into a RecordTable; reads are answered from it. A write is applied to the table at
 * once (so compare-and-swap chains see it) and queued for the SqliteWriter thread; writes that
 * arrive while a transaction runs are committed together in the next one (group commit).
 * Callbacks and `changed` run only after COMMIT succeeded. A failed commit rolls the table back
 * (that batch and every later one, newest first) and answers each of those writes
 * StorageFailed. A read that would see an uncommitted write is answered after that commit.
 */
class SqliteStorage : public Storage
{
    Q_OBJECT

public:
    explicit SqliteStorage(const QString &dataDir, QObject *parent = nullptr);
    /**
     * Commits every accepted write before returning, but runs no callbacks and emits nothing
     * (their receivers may already be gone): call flush() first to have them answered.
     */
    ~SqliteStorage() override;

    static QString fileName() { return QStringLiteral("dayboard.sqlite3"); }
    /** While open, this lock file keeps a second server from using the same data directory. */
    static QString lockFileName() { return QStringLiteral("dayboard.sqlite3.lock"); }
    QString filePath() const;

    bool open(QString *error) override;
    void get(const QByteArray &key, GetCallback done) override;
    void range(const QByteArray &first, const QByteArray &last, int limit, RangeCallback done) override;
    void write(const WriteOp &op, WriteCallback done) override;
    void flush() override;
    bool isReady() const override { return m_isOpen; }

    /** The revision of the newest accepted write (committed or still pending). */
    qint64 revision() const { return m_table.revision(); }
    qint64 transactionsCommitted() const { return m_transactionsCommitted; }
    qint64 writesCommitted() const { return m_writesCommitted; }
    qint64 transactionsFailed() const { return m_transactionsFailed; }
    qint64 largestTransaction() const { return m_largestTransaction; }

private:
    struct PendingWrite
    {
        WriteCallback done;
        RecordTable::Applied applied;
    };
    struct Batch
    {
        quint64 id = 0;
        QList<PendingWrite> writes;
        QList<SqliteRow> rows;
        std::map<QByteArray, std::optional<Record>> before; ///< committed state of touched keys
    };
    struct DeferredRead
    {
        quint64 batchId = 0;
        std::function<void()> answer;
    };

    QString prepareDataDir() const;
    QString restrictDatabaseFiles() const;
    QString lockDataDir(QLockFile *lock) const;
    void startOpenBatch();
    void submitOpenBatch();
    void processResults();
    void complete(const SqliteCommit &result);
    void commitSucceeded(Batch batch, bool transaction);
    void commitFailed(Batch batch, const QString &error);
    void answerDeferredReads(quint64 upToBatch);

    std::optional<quint64> pendingBatchFor(const QByteArray &key) const;
    std::optional<quint64> pendingBatchIn(const QByteArray &first, const QByteArray &last) const;
    std::optional<Record> committedRecord(const QByteArray &key) const;
    RangeResult committedRange(const QByteArray &first, const QByteArray &last, int limit) const;

    QString m_dataDir;
    RecordTable m_table;
    std::unique_ptr<SqliteWriter> m_writer;
    std::unique_ptr<QLockFile> m_lock;
    bool m_isOpen = false;
    bool m_destroying = false;
    std::optional<Batch> m_inFlight;
    Batch m_open;
    quint64 m_nextBatchId = 1;
    std::map<QByteArray, quint64> m_pendingKeys; ///< key -> newest batch holding a change to it
    std::deque<DeferredRead> m_deferred;
    qint64 m_transactionsCommitted = 0;
    qint64 m_writesCommitted = 0;
    qint64 m_transactionsFailed = 0;
    qint64 m_largestTransaction = 0;
};
