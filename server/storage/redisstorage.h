// SPDX-License-Identifier: MIT
#pragma once

#include "core/storage.h"
#include "storage/redisconfig.h"
#include "storage/redisrevisionfloor.h"

#include <QByteArray>
#include <QTimer>

class QEventLoop;
class RedisConnection;
struct PlannedWrite;
struct redisReply;

/**
 * @brief A Storage kept in Redis, shared by every dayboard-server instance of a deployment.
 *
 * Layout (see RedisScripts): one hash per record, a sorted set as the byte-ordered key index
 * for RANGE, one revision counter, all under one hash tag. Writes are compare-and-set Lua
 * scripts that bump the counter, store the record and PUBLISH the change in one atomic step;
 * PATCH, ATOMIC and DELETE read the record, plan the write with planWrite() and retry when
 * another writer got in between. `changed` is emitted only from the deployment's pub/sub
 * channel (a dedicated connection), so every instance hears every write exactly once, its own
 * included.
 *
 * Revisions never repeat, even on a Redis that lost its data (restarted without persistence):
 * every revision this instance sees (writes, reads, notifications) raises a floor that each
 * write passes to the script, which moves a counter found at or below it past it (and logs
 * it, RedisRevisionFloor). At connect the instance checks Redis's persistence settings and
 * warns plainly when a restart would lose the data (RedisPersistence).
 *
 * Nothing blocks the event loop except open() (startup) and flush(). While Redis is
 * unreachable every request fails at once with Unavailable, isReady() is false, and the
 * storage reconnects with exponential backoff; once back it emits changesMayBeLost(),
 * since notifications published meanwhile are gone.
 */
class RedisStorage : public Storage
{
    Q_OBJECT

public:
    /** @brief Timeouts and backoff; tests shorten them. */
    struct Timing
    {
        int reconnectFirstMs = 100; ///< first retry after a lost connection
        int reconnectMaxMs = 5000; ///< backoff doubles up to this
        int commandTimeoutMs = 5000; ///< an unanswered command ends the connection
        int openTimeoutMs = 5000; ///< open() gives up after this
    };

    /** A PATCH/ATOMIC/DELETE that keeps losing its race this often fails with StorageFailed. */
    static constexpr int maxWriteAttempts = 1000;

    explicit RedisStorage(RedisConfig config, QObject *parent = nullptr);
    ~RedisStorage() override;

    void setTiming(const Timing &timing);
    const RedisConfig &config() const { return m_config; }

    /**
     * Connects and waits (running a local event loop, at most openTimeoutMs) until Redis
     * answers, the scripts are loaded and the notification channel is subscribed. Fails when
     * Redis cannot be reached or refuses us; after a success, outages are ridden out.
     */
    bool open(QString *error) override;
    void get(const QByteArray &key, GetCallback done) override;
    void range(const QByteArray &first, const QByteArray &last, int limit, RangeCallback done) override;
    void write(const WriteOp &op, WriteCallback done) override;
    void flush() override;
    bool isReady() const override { return m_phase == Phase::Ready; }

    /**
     * The token signing secret of this deployment, the same on every instance: the first
     * instance to start stores a random one in Redis (SET NX), every instance reads it.
     * Empty until open() succeeded.
     */
    QByteArray sharedTokenSecret() const { return m_tokenSecret; }

    /**
     * Before open(): also share an API key through Redis (`<prefix>api-key`), for deployments
     * without configured keys. The first instance stores `candidate` (SET NX), every instance
     * reads what is there; sharedApiKey() returns it after open() succeeded.
     */
    void shareApiKey(const QByteArray &candidate) { m_apiKeyCandidate = candidate; }
    QByteArray sharedApiKey() const { return m_apiKey; }

    /** Connection attempts that failed since Redis was last reachable (0 while ready). */
    int failedConnectAttempts() const { return m_failedAttempts; }

private:
    enum class Phase { Down, Connecting, Ready };
    QByteArray recordKey(const QByteArray &key) const { return m_base + "r:" + key; }

    void connectNow();
    void commandConnectionOpened(quint64 generation);
    void subscriberOpened(quint64 generation);
    void message(quint64 generation, const redisReply *reply);
    void becomeReady();
    void lost(const QString &reason);

    void attemptWrite(const WriteOp &op, int attempt, WriteCallback finish);
    void compareAndSet(const WriteOp &op, qint64 expected, const PlannedWrite &plan, int attempt,
                       WriteCallback finish);
    void writeFinished();

    RedisConfig m_config;
    QByteArray m_base;
    QByteArray m_channel;
    Timing m_timing;
    RedisConnection *m_commands;
    RedisConnection *m_subscriber;
    QTimer m_reconnect;
    Phase m_phase = Phase::Down;
    quint64 m_generation = 0;
    int m_failedAttempts = 0;
    bool m_wasReady = false;
    bool m_opening = false;
    bool m_closing = false;
    QString m_lastError;
    QByteArray m_writeSha;
    QByteArray m_rangeSha;
    QByteArray m_tokenSecret;
    QByteArray m_apiKeyCandidate;
    QByteArray m_apiKey;
    RedisRevisionFloor m_revisionFloor;
    int m_writesInFlight = 0;
    QEventLoop *m_flushLoop = nullptr;
};
