// SPDX-License-Identifier: MIT
#include "sync/daywriter.h"

#include "sync/daycache.h"
#include "sync/pendingqueue.h"
#include "sync/synclog.h"
#include "sync/syncnotices.h"
#include "sync/todocodec.h"

namespace {

/// Consecutive 409s on one day before we slow down (someone else is writing it in a loop).
constexpr int conflictsBeforeBackoff = 8;
/// How long an unconditional (RMW) write is checked for being overwritten by a concurrent RMW.
constexpr int rmwVerifyWindowMs = 10000;

} // namespace

DayWriter::DayWriter(HpkvClient *client, DayCache *cache, SyncNotices *notices, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_cache(cache)
    , m_notices(notices)
    , m_lostWrites(rmwVerifyWindowMs)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &DayWriter::flushAll);
}

void DayWriter::setQueue(PendingQueue *queue)
{
    m_queue = queue;
}

bool DayWriter::isWriting(const QDate &day) const
{
    return m_inFlight.contains(day);
}

void DayWriter::resetRetry()
{
    m_retryTimer.stop();
    m_retryBackoff.reset();
}

void DayWriter::forget()
{
    // The client has already answered every request to the previous server (code 0).
    m_inFlight.clear();
    m_conflicts.clear();
    m_lostWrites.clear();
    resetRetry();
}

void DayWriter::reportInvalid(const QDate &day)
{
    m_notices->dayUnreadable(day, m_cache->day(day).error);
}

void DayWriter::flushAll()
{
    for (const QDate &day : m_queue->days())
        flush(day);
}

void DayWriter::flush(const QDate &day)
{
    if (!m_client->isConnected())
        return;
    if (m_inFlight.contains(day)) {
        // One write per day at a time; what queued meanwhile goes in the next batch.
        return;
    }
    if (m_queue->entriesFor(day).isEmpty())
        return;
    const DayCache::Day &cached = m_cache->day(day);
    if (cached.status == DayCache::Status::Invalid) {
        reportInvalid(day);
        return;
    }
    if (m_client->revisions() == HpkvClient::Revisions::Supported && cached.status == DayCache::Status::Ready)
        writeDay(day, cached.serverTodos, cached.revision);
    else
        fetchThenWrite(day);
}

void DayWriter::fetchThenWrite(const QDate &day)
{
    m_inFlight.insert(day);
    m_client->get(DayCache::keyFor(day), [this, day](const HpkvClient::Reply &reply) {
        if (!reply.ok() && reply.code != 404) {
            m_inFlight.remove(day);
            onFailure(day, {}, reply);
            return;
        }
        acceptServerValue(day, reply);
        const DayCache::Day &cached = m_cache->day(day);
        if (cached.status == DayCache::Status::Invalid) {
            m_inFlight.remove(day);
            reportInvalid(day);
            return;
        }
        if (m_client->revisions() == HpkvClient::Revisions::Supported)
            writeDay(day, cached.serverTodos, cached.revision);
        else
            writeDay(day, cached.serverTodos, std::nullopt); // read-modify-write (docs/sync.md)
    });
}

void DayWriter::writeDay(const QDate &day, const TodoList &base, std::optional<qint64> ifRevision)
{
    m_inFlight.insert(day);
    const QList<PendingQueue::Entry> entries = m_queue->entriesFor(day);
    QList<quint64> seqs;
    QList<TodoOperation> ops;
    TodoList next = base;
    for (const PendingQueue::Entry &entry : entries) {
        next = entry.op.applyTo(std::move(next));
        seqs.append(entry.seq);
        ops.append(entry.op);
    }
    if (next == base) {
        // Already on the server (a replay after a lost reply, or a no-op): nothing to write.
        m_inFlight.remove(day);
        m_queue->remove(seqs);
        m_cache->refresh(day);
        continueDay(day);
        return;
    }
    const QByteArray value = TodoCodec::serialize(next);
    qCDebug(lcSync) << "writing" << day << "with" << seqs.size() << "operations"
                    << (ifRevision ? "if revision" : "unconditionally") << ifRevision.value_or(-1);
    const bool conditional = ifRevision.has_value();
    m_client->set(DayCache::keyFor(day), value, ifRevision,
                  [this, day, seqs, base, ops, value, conditional](const HpkvClient::Reply &reply) {
        if (reply.ok() && !conditional)
            m_lostWrites.written(day, base, ops, value);
        else if (reply.ok())
            m_lostWrites.writtenConditionally(day, ops);
        onWriteReply(day, seqs, value, reply);
    });
}

void DayWriter::onWriteReply(const QDate &day, const QList<quint64> &seqs, const QByteArray &value,
                             const HpkvClient::Reply &reply)
{
    m_inFlight.remove(day);
    if (reply.ok()) {
        m_conflicts.remove(day);
        m_retryBackoff.reset();
        m_queue->remove(seqs);
        m_cache->setServerValue(day, value, reply.revision().value_or(0));
        continueDay(day);
        return;
    }
    if (reply.code == 409) {
        // Someone wrote the day first: rebase every pending op on the value in the 409 body.
        qCDebug(lcSync) << "conflict on" << day << "- rebasing on revision" << reply.revision().value_or(0);
        m_cache->setServerValue(day, reply.value(), reply.revision().value_or(0));
        if (++m_conflicts[day] >= conflictsBeforeBackoff) {
            m_conflicts.remove(day);
            scheduleRetry();
        } else {
            flush(day);
        }
        return;
    }
    onFailure(day, seqs, reply);
}

void DayWriter::onFailure(const QDate &day, const QList<quint64> &seqs, const HpkvClient::Reply &reply)
{
    qCInfo(lcSync) << "sync of" << day << "failed:" << reply.code << reply.error;
    switch (reply.code) {
    case 0:
        // Timeout or connection lost: a reconnect flushes everything again; a timeout retries.
        if (m_client->isConnected())
            scheduleRetry();
        break;
    case 400:
        if (!seqs.isEmpty()) {
            m_queue->remove(seqs);
            m_cache->refresh(day);
            m_notices->changeRefused(day, reply.error);
        } else {
            m_notices->readRefused(day, reply.error);
        }
        break;
    case 401:
    case 403:
        m_notices->accessRefused(reply.code);
        scheduleRetry();
        break;
    default:
        // 429, 500, ...: nothing changed on the server; the same batch is tried again later.
        scheduleRetry();
        break;
    }
}

void DayWriter::continueDay(const QDate &day)
{
    if (!m_queue->entriesFor(day).isEmpty())
        flush(day);
}

void DayWriter::scheduleRetry()
{
    if (!m_retryTimer.isActive())
        m_retryTimer.start(m_retryBackoff.nextDelayMs());
}

void DayWriter::acceptServerValue(const QDate &day, const HpkvClient::Reply &reply)
{
    m_cache->setServerValue(day, reply.ok() ? reply.value() : std::nullopt, reply.revision().value_or(0));
    serverValueSeen(day, reply.ok() ? reply.value() : std::nullopt);
    if (m_cache->day(day).status == DayCache::Status::Ready)
        m_notices->dayReadable(day);
}

void DayWriter::serverValueSeen(const QDate &day, const std::optional<QByteArray> &value)
{
    if (!m_lostWrites.isChecking(day))
        return;
    QList<TodoOperation> pending;
    for (const PendingQueue::Entry &entry : m_queue->entriesFor(day))
        pending.append(entry.op);
    const QList<TodoOperation> lost = m_lostWrites.takeLost(day, value, pending);
    if (lost.isEmpty())
        return;
    // A concurrent read-modify-write (hosted HPKV, no revisions) overwrote ours: replay it.
    qCInfo(lcSync) << "a concurrent write overwrote" << lost.size() << "operations on" << day
                   << "- sending them again";
    for (const TodoOperation &op : lost)
        m_queue->append(op);
    m_cache->refresh(day);
}
