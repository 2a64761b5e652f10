// SPDX-License-Identifier: MIT
#pragma once

#include "sync/backoff.h"
#include "sync/hpkvclient.h"
#include "sync/lostwritecheck.h"

#include <QDate>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <optional>

class DayCache;
class PendingQueue;
class SyncNotices;

/**
 * @brief Writes each day's pending operations to the server (docs/sync.md).
 *
 * One write per day at a time. With revisions, the batch is applied to the cached server value
 * and written if the revision still matches; a 409 rebases it on the value in the reply. Without
 * revisions, the day is read, the batch applied and written unconditionally, and LostWriteCheck
 * watches later values for a concurrent writer that undid it. Acknowledged operations leave the
 * queue; refused ones are undone and reported; anything else is retried with backoff.
 */
class DayWriter : public QObject
{
    Q_OBJECT

public:
    DayWriter(HpkvClient *client, DayCache *cache, SyncNotices *notices, QObject *parent = nullptr);

    /** The queue of the server in use. */
    void setQueue(PendingQueue *queue);

    /** Writes every day with pending operations. */
    void flushAll();
    /** Writes `day`'s pending operations, unless a write of it is under way. */
    void flush(const QDate &day);
    bool isWriting(const QDate &day) const;
    /** `value` is what the server holds for `day` now (someone's notification or a read). */
    void serverValueSeen(const QDate &day, const std::optional<QByteArray> &value);
    /** Connected (again): the next failure retries after the shortest delay. */
    void resetRetry();
    /** Another server: writes in flight, conflicts and checks of the previous one are forgotten. */
    void forget();

private:
    void fetchThenWrite(const QDate &day);
    void writeDay(const QDate &day, const TodoList &base, std::optional<qint64> ifRevision);
    void onWriteReply(const QDate &day, const QList<quint64> &seqs, const QByteArray &value,
                      const HpkvClient::Reply &reply);
    void onFailure(const QDate &day, const QList<quint64> &seqs, const HpkvClient::Reply &reply);
    void continueDay(const QDate &day);
    void scheduleRetry();
    void acceptServerValue(const QDate &day, const HpkvClient::Reply &reply);
    void reportInvalid(const QDate &day);

    HpkvClient *m_client;
    QPointer<DayCache> m_cache;
    SyncNotices *m_notices;
    PendingQueue *m_queue = nullptr;
    QSet<QDate> m_inFlight;
    QHash<QDate, int> m_conflicts;
    LostWriteCheck m_lostWrites;
    QTimer m_retryTimer;
    Backoff m_retryBackoff { 1000, 60000 };
};
