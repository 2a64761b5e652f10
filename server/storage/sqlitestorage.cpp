// SPDX-License-Identifier: MIT
#include "storage/sqlitestorage.h"

#include "core/privatedirectory.h"
#include "storage/storagelogging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <limits>

namespace {

QString notOpenDetail()
{
    return QStringLiteral("storage is not open");
}

constexpr QFileDevice::Permissions ownerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

/** SQLite's own message (e.g. "database or disk is full") never holds keys or values. */
QString commitFailedDetail(const QString &sqliteError)
{
    return QStringLiteral("storage could not commit the write (%1); nothing was changed").arg(sqliteError);
}

} // namespace

SqliteStorage::SqliteStorage(const QString &dataDir, QObject *parent)
    : Storage(parent)
    , m_dataDir(dataDir)
{
    startOpenBatch();
}

SqliteStorage::~SqliteStorage()
{
    m_destroying = true;
    flush();
    m_writer.reset();
}

QString SqliteStorage::filePath() const
{
    return QDir(m_dataDir).filePath(fileName());
}

bool SqliteStorage::open(QString *error)
{
    if (m_isOpen)
        return true;
    auto lock = std::make_unique<QLockFile>(QDir(m_dataDir).filePath(lockFileName()));
    auto writer = std::make_unique<SqliteWriter>(
        [this] { QMetaObject::invokeMethod(this, &SqliteStorage::processResults, Qt::QueuedConnection); });
    RecordTable loaded;
    QString problem = prepareDataDir();
    if (problem.isEmpty())
        problem = lockDataDir(lock.get());
    if (problem.isEmpty() && !writer->start(filePath(), &loaded, &problem))
        problem = QStringLiteral("cannot open database %1: %2").arg(filePath(), problem);
    if (!problem.isEmpty()) {
        qCWarning(lcStorage).noquote() << problem;
        if (error)
            *error = problem;
        return false;
    }

    m_table = std::move(loaded);
    m_writer = std::move(writer);
    m_lock = std::move(lock);
    m_isOpen = true;
    qCInfo(lcStorage).noquote() << "opened" << filePath() << "with" << m_table.size() << "records at revision"
                                << m_table.revision();
    if (error)
        error->clear();
    emit readyChanged(true);
    return true;
}

QString SqliteStorage::prepareDataDir() const
{
    const QFileInfo dir(m_dataDir);
    if (m_dataDir.isEmpty())
        return QStringLiteral("no data directory was given");
    if (dir.exists() && !dir.isDir())
        return QStringLiteral("data directory %1 exists but is not a directory").arg(m_dataDir);
    if (!dir.exists() && !createPrivateDirectory(m_dataDir))
        return QStringLiteral("cannot create data directory %1").arg(m_dataDir);
    return restrictDatabaseFiles();
}

QString SqliteStorage::restrictDatabaseFiles() const
{
    // The records are the users' lists: owner-only, whatever the umask. SQLite gives the -wal
    // and -shm files the permissions of the database file, so creating that one first as 0600
    // covers all three; files left by an older version are tightened too.
    const QString database = filePath();
    if (!QFileInfo::exists(database)) {
        QFile file(database);
        if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(ownerOnlyFile))
            return QStringLiteral("cannot create database %1: %2").arg(database, file.errorString());
    }
    const QStringList paths { database, QString(database + QStringLiteral("-wal")),
                              QString(database + QStringLiteral("-shm")) };
    for (const QString &path : paths) {
        if (QFileInfo::exists(path) && QFile::permissions(path) != ownerOnlyFile
            && !QFile::setPermissions(path, ownerOnlyFile))
            qCWarning(lcStorage).noquote() << "cannot restrict the permissions of" << path;
    }
    return {};
}

QString SqliteStorage::lockDataDir(QLockFile *lock) const
{
    // A lock left by a process that no longer runs is stale: tryLock() takes it over.
    if (lock->tryLock(0))
        return {};
    qint64 pid = 0;
    QString host;
    QString application;
    if (lock->error() == QLockFile::LockFailedError && lock->getLockInfo(&pid, &host, &application))
        return QStringLiteral("data directory %1 is in use by another server (process %2)")
            .arg(m_dataDir)
            .arg(pid);
    return QStringLiteral("cannot create the lock file in data directory %1").arg(m_dataDir);
}

void SqliteStorage::get(const QByteArray &key, GetCallback done)
{
    if (!done)
        return;
    if (!m_isOpen) {
        done(ReadResult { std::nullopt, WriteStatus::StorageFailed, notOpenDetail() });
        return;
    }
    auto answer = [this, key, done = std::move(done)] {
        done(ReadResult { committedRecord(key), WriteStatus::Ok, {} });
    };
    if (const auto batch = pendingBatchFor(key))
        m_deferred.push_back(DeferredRead { *batch, std::move(answer) });
    else
        answer();
}

void SqliteStorage::range(const QByteArray &first, const QByteArray &last, int limit, RangeCallback done)
{
    if (!done)
        return;
    if (!m_isOpen) {
        done(RangeResult { {}, false, WriteStatus::StorageFailed, notOpenDetail() });
        return;
    }
    auto answer
        = [this, first, last, limit, done = std::move(done)] { done(committedRange(first, last, limit)); };
    if (const auto batch = pendingBatchIn(first, last))
        m_deferred.push_back(DeferredRead { *batch, std::move(answer) });
    else
        answer();
}

void SqliteStorage::write(const WriteOp &op, WriteCallback done)
{
    if (!done)
        done = [](const WriteResult &) {};
    if (!m_isOpen) {
        done(WriteResult { WriteStatus::StorageFailed, 0, std::nullopt, notOpenDetail() });
        return;
    }
    const bool keyPending = m_pendingKeys.contains(op.key);
    RecordTable::Applied applied = m_table.apply(op);
    // A write that changes nothing and saw only committed data can be answered right away.
    if (!applied.mutated && !keyPending) {
        done(applied.result);
        return;
    }
    if (applied.mutated) {
        m_open.before.try_emplace(op.key, applied.previous);
        std::optional<QByteArray> value;
        if (applied.current)
            value = applied.current->value;
        m_open.rows.append(SqliteRow { op.key, value, applied.result.revision });
        m_pendingKeys[op.key] = m_open.id;
    }
    m_open.writes.append(PendingWrite { std::move(done), std::move(applied) });
    if (!m_inFlight)
        submitOpenBatch();
}

void SqliteStorage::flush()
{
    while (m_inFlight) {
        if (m_writer->waitForResult())
            processResults();
        else
            complete(SqliteCommit { m_inFlight->id, false, true, QStringLiteral("writer thread stopped") });
    }
}

void SqliteStorage::startOpenBatch()
{
    m_open = Batch {};
    m_open.id = m_nextBatchId++;
}

void SqliteStorage::submitOpenBatch()
{
    SqliteBatch job { m_open.id, m_open.rows, m_table.revision() };
    m_inFlight = std::move(m_open);
    startOpenBatch();
    m_writer->submit(std::move(job));
}

void SqliteStorage::processResults()
{
    if (!m_writer)
        return;
    while (const auto result = m_writer->takeResult())
        complete(*result);
}

void SqliteStorage::complete(const SqliteCommit &result)
{
    Q_ASSERT(m_inFlight && m_inFlight->id == result.id);
    Batch batch = std::move(*m_inFlight);
    m_inFlight.reset();
    if (result.ok)
        commitSucceeded(std::move(batch), result.transaction);
    else
        commitFailed(std::move(batch), result.error);
}

void SqliteStorage::commitSucceeded(Batch batch, bool transaction)
{
    for (const SqliteRow &row : std::as_const(batch.rows)) {
        const auto it = m_pendingKeys.find(row.key);
        if (it != m_pendingKeys.end() && it->second == batch.id)
            m_pendingKeys.erase(it);
    }
    if (transaction) {
        ++m_transactionsCommitted;
        m_writesCommitted += batch.rows.size();
        m_largestTransaction = qMax<qint64>(m_largestTransaction, batch.rows.size());
    }
    // Start the next transaction before running callbacks, so the disk stays busy meanwhile.
    if (!m_open.writes.isEmpty())
        submitOpenBatch();

    if (m_destroying)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (PendingWrite &write : batch.writes) {
        if (write.done)
            write.done(write.applied.result);
        if (write.applied.mutated)
            emit changed(
                Change { write.applied.key, write.applied.result.value, write.applied.result.revision, now });
    }
    answerDeferredReads(batch.id);
}

void SqliteStorage::commitFailed(Batch batch, const QString &error)
{
    Batch later = std::move(m_open);
    startOpenBatch();
    for (auto it = later.writes.crbegin(); it != later.writes.crend(); ++it)
        m_table.undo(it->applied);
    for (auto it = batch.writes.crbegin(); it != batch.writes.crend(); ++it)
        m_table.undo(it->applied);
    m_pendingKeys.clear();
    ++m_transactionsFailed;
    qCWarning(lcStorage).noquote() << "commit failed, rolled back"
                                   << batch.writes.size() + later.writes.size() << "writes:" << error;

    if (m_destroying)
        return;
    const WriteResult failure { WriteStatus::StorageFailed, 0, std::nullopt, commitFailedDetail(error) };
    for (const QList<PendingWrite> *writes : { &batch.writes, &later.writes }) {
        for (const PendingWrite &write : *writes) {
            if (write.done)
                write.done(failure);
        }
    }
    answerDeferredReads(std::numeric_limits<quint64>::max());
}

void SqliteStorage::answerDeferredReads(quint64 upToBatch)
{
    std::deque<DeferredRead> ready;
    std::deque<DeferredRead> waiting;
    for (DeferredRead &read : m_deferred)
        (read.batchId <= upToBatch ? ready : waiting).push_back(std::move(read));
    m_deferred = std::move(waiting);
    // Answers may issue new reads (appended to m_deferred), so run them from the local list.
    for (const DeferredRead &read : ready)
        read.answer();
}

std::optional<quint64> SqliteStorage::pendingBatchFor(const QByteArray &key) const
{
    const auto it = m_pendingKeys.find(key);
    if (it == m_pendingKeys.end())
        return std::nullopt;
    return it->second;
}

std::optional<quint64> SqliteStorage::pendingBatchIn(const QByteArray &first, const QByteArray &last) const
{
    std::optional<quint64> newest;
    if (last < first)
        return newest;
    const auto end = m_pendingKeys.upper_bound(last);
    for (auto it = m_pendingKeys.lower_bound(first); it != end; ++it)
        newest = qMax(newest.value_or(0), it->second);
    return newest;
}

std::optional<Record> SqliteStorage::committedRecord(const QByteArray &key) const
{
    // The oldest pending batch that touched the key remembers its committed state.
    for (const Batch *batch : { m_inFlight ? &*m_inFlight : nullptr, &m_open }) {
        if (!batch)
            continue;
        const auto it = batch->before.find(key);
        if (it != batch->before.end())
            return it->second;
    }
    const Record *record = m_table.find(key);
    return record ? std::optional<Record>(*record) : std::nullopt;
}

RangeResult SqliteStorage::committedRange(const QByteArray &first, const QByteArray &last, int limit) const
{
    if (!pendingBatchIn(first, last))
        return m_table.range(first, last, limit);

    std::map<QByteArray, Record> view;
    for (const KeyedRecord &record : m_table.range(first, last, 0).records)
        view.emplace(record.key, record.record);
    const auto end = m_pendingKeys.upper_bound(last);
    for (auto it = m_pendingKeys.lower_bound(first); it != end; ++it) {
        if (const auto record = committedRecord(it->first))
            view.insert_or_assign(it->first, *record);
        else
            view.erase(it->first);
    }
    RangeResult result;
    for (const auto &[key, record] : view) {
        if (limit > 0 && result.records.size() >= limit) {
            result.truncated = true;
            break;
        }
        result.records.append(KeyedRecord { key, record });
    }
    return result;
}
