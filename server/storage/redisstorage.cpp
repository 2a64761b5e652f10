// SPDX-License-Identifier: MIT
#include "storage/redisstorage.h"

#include "core/writerules.h"
#include "storage/redischangecodec.h"
#include "storage/redisconnection.h"
#include "storage/redislog.h"
#include "storage/redispersistence.h"
#include "storage/redisreply.h"
#include "storage/redisscripts.h"
#include "storage/redissetup.h"

#include <QDateTime>
#include <QEventLoop>
#include <QRandomGenerator>
#include <hiredis/hiredis.h>
#include <memory>
#include <utility>

using RedisReply::bytes;
using RedisReply::isString;
using RedisReply::recordFrom;
using RedisReply::writeFailure;

namespace {

QByteArray randomSecret()
{
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(secret.begin(), secret.end());
    return secret.toHex();
}

} // namespace

RedisStorage::RedisStorage(RedisConfig config, QObject *parent)
    : Storage(parent)
    , m_config(std::move(config))
    , m_base(m_config.keyBase())
    , m_channel(m_config.channel())
    , m_commands(new RedisConnection(QStringLiteral("commands"), this))
    , m_subscriber(new RedisConnection(QStringLiteral("notifications"), this))
{
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &RedisStorage::connectNow);
    connect(m_commands, &RedisConnection::closed, this, &RedisStorage::lost);
    connect(m_subscriber, &RedisConnection::closed, this, &RedisStorage::lost);
}

RedisStorage::~RedisStorage()
{
    // Pending callbacks are dropped: their owners may already be gone.
    m_closing = true;
    m_reconnect.stop();
    m_phase = Phase::Down;
    m_commands->close();
    m_subscriber->close();
}

void RedisStorage::setTiming(const Timing &timing)
{
    m_timing = timing;
    m_commands->setCommandTimeout(timing.commandTimeoutMs);
    m_subscriber->setCommandTimeout(timing.commandTimeoutMs);
}

bool RedisStorage::open(QString *error)
{
    if (m_phase == Phase::Ready)
        return true;
    m_opening = true;
    m_lastError.clear();
    connectNow();

    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(this, &Storage::readyChanged, &loop, &QEventLoop::quit);
    const auto failed
        = connect(m_commands, &RedisConnection::closed, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    const auto subFailed
        = connect(m_subscriber, &RedisConnection::closed, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    deadline.start(m_timing.openTimeoutMs);
    if (m_phase != Phase::Ready && m_phase != Phase::Down)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    disconnect(failed);
    disconnect(subFailed);
    m_opening = false;

    if (m_phase == Phase::Ready)
        return true;
    const QString reason = m_lastError.isEmpty() ? QStringLiteral("no answer in time") : m_lastError;
    m_reconnect.stop();
    m_phase = Phase::Down;
    m_commands->close();
    m_subscriber->close();
    if (error)
        *error = QStringLiteral("cannot use Redis at %1: %2").arg(m_config.endpoint(), reason);
    return false;
}

void RedisStorage::connectNow()
{
    m_phase = Phase::Connecting;
    const quint64 generation = ++m_generation;
    // The connections are opened one after the other; a late signal of an older attempt is ignored.
    disconnect(m_commands, &RedisConnection::opened, this, nullptr);
    disconnect(m_subscriber, &RedisConnection::opened, this, nullptr);
    connect(m_commands, &RedisConnection::opened, this,
            [this, generation] { commandConnectionOpened(generation); });
    connect(m_subscriber, &RedisConnection::opened, this,
            [this, generation] { subscriberOpened(generation); });
    m_commands->open(m_config);
}

void RedisStorage::commandConnectionOpened(quint64 generation)
{
    if (generation != m_generation || m_phase != Phase::Connecting)
        return;
    const QByteArray secretCandidate = m_tokenSecret.isEmpty() ? randomSecret() : m_tokenSecret;
    const QByteArray apiKeyCandidate = m_apiKeyCandidate.isEmpty() ? QByteArray()
        : m_apiKey.isEmpty()                                       ? m_apiKeyCandidate
                                                                   : m_apiKey;
    const bool wantApiKey = !apiKeyCandidate.isEmpty();
    RedisSetup::run(m_commands, m_base, secretCandidate, apiKeyCandidate,
                    [this, generation, wantApiKey](const RedisSetup::Result &setup, bool connectionEnded) {
        if (connectionEnded || generation != m_generation || m_phase != Phase::Connecting)
            return;
        if (!setup.error.isEmpty()) {
            m_commands->close(QStringLiteral("setup failed: ") + setup.error);
            return;
        }
        m_writeSha = setup.writeSha;
        m_rangeSha = setup.rangeSha;
        if (!m_tokenSecret.isEmpty() && m_tokenSecret != setup.secret)
            qCWarning(lcRedis) << "the shared token secret in Redis changed; tokens this instance issued "
                                  "earlier stay valid here only";
        if (m_tokenSecret.isEmpty())
            m_tokenSecret = setup.secret;
        if (wantApiKey && !m_apiKey.isEmpty() && m_apiKey != setup.apiKey)
            qCWarning(lcRedis) << "the shared API key in Redis changed; this instance keeps accepting the "
                                  "one it started with";
        if (wantApiKey && m_apiKey.isEmpty())
            m_apiKey = setup.apiKey;
        RedisPersistence::check(m_commands, m_config.endpoint());
        m_subscriber->open(m_config);
    });
}

void RedisStorage::subscriberOpened(quint64 generation)
{
    if (generation != m_generation || m_phase != Phase::Connecting)
        return;
    m_subscriber->subscribe(m_channel,
                            [this, generation](const redisReply *reply) { message(generation, reply); });
}

void RedisStorage::message(quint64 generation, const redisReply *reply)
{
    if (m_closing || generation != m_generation || !reply || reply->type != REDIS_REPLY_ARRAY
        || reply->elements < 3)
        return;
    const QByteArray kind = isString(reply->element[0]) ? bytes(reply->element[0]) : QByteArray();
    if (kind == "subscribe") {
        if (m_phase == Phase::Connecting)
            becomeReady();
        return;
    }
    if (kind != "message" || !isString(reply->element[2]))
        return;
    const std::optional<Change> change = RedisChangeCodec::decode(bytes(reply->element[2]));
    if (!change) {
        qCWarning(lcRedis) << "ignored a malformed message on the notification channel";
        return;
    }
    m_revisionFloor.see(change->revision);
    emit changed(*change);
}

void RedisStorage::becomeReady()
{
    m_phase = Phase::Ready;
    m_failedAttempts = 0;
    qCInfo(lcRedis).noquote() << "connected to Redis at" << m_config.endpoint();
    emit readyChanged(true);
    if (m_wasReady)
        emit changesMayBeLost();
    m_wasReady = true;
}

void RedisStorage::lost(const QString &reason)
{
    if (m_closing || m_phase == Phase::Down)
        return;
    const bool wasReady = m_phase == Phase::Ready;
    // Down first: callbacks of the requests failing below must see the storage unavailable.
    m_phase = Phase::Down;
    ++m_generation;
    m_lastError = reason;
    m_commands->close(reason);
    m_subscriber->close(reason);
    if (wasReady)
        emit readyChanged(false);
    if (m_opening)
        return;
    const int delay = int(qMin<qint64>(qint64(m_timing.reconnectFirstMs) << qMin(m_failedAttempts, 20),
                                       m_timing.reconnectMaxMs));
    ++m_failedAttempts;
    // One warning per outage; the retries themselves are debug noise.
    if (wasReady)
        qCWarning(lcRedis).nospace().noquote() << "Redis at " << m_config.endpoint() << " unavailable ("
                                               << reason << "); requests fail with 503 until it is back";
    qCDebug(lcRedis).nospace().noquote() << "reconnecting to Redis in " << delay << " ms (" << reason << ')';
    m_reconnect.start(delay);
}

void RedisStorage::get(const QByteArray &key, GetCallback done)
{
    const auto unavailable = [&done] {
        done({ std::nullopt, WriteStatus::Unavailable, QStringLiteral("Redis is unavailable") });
    };
    if (m_phase != Phase::Ready) {
        unavailable();
        return;
    }
    const bool sent
        = m_commands->command({ "HMGET", recordKey(key), "v", "r" }, [this, done](const redisReply *reply) {
              if (m_closing)
                  return;
              if (!reply || reply->type != REDIS_REPLY_ARRAY || reply->elements != 2) {
                  const WriteResult f = writeFailure(reply);
                  done({ std::nullopt, f.status, f.detail });
                  return;
              }
              const std::optional<Record> record = recordFrom(reply->element[0], reply->element[1]);
              if (record)
                  m_revisionFloor.see(record->revision);
              done({ record, WriteStatus::Ok, {} });
          });
    if (!sent)
        unavailable();
}

void RedisStorage::range(const QByteArray &first, const QByteArray &last, int limit, RangeCallback done)
{
    if (m_phase != Phase::Ready) {
        done({ {}, false, WriteStatus::Unavailable, QStringLiteral("Redis is unavailable") });
        return;
    }
    // One more than asked tells whether the range holds more (`truncated`).
    const QByteArray count = limit > 0 ? QByteArray::number(qint64(limit) + 1) : QByteArrayLiteral("-1");
    m_commands->script(m_rangeSha, RedisScripts::range, { m_base + "idx" },
                       { first, last, count, m_base + "r:" },
                       [this, limit, done](const redisReply *reply, bool) {
        if (m_closing)
            return;
        const RangeResult result = RedisReply::rangeFrom(reply, limit);
        for (const KeyedRecord &entry : result.records)
            m_revisionFloor.see(entry.record.revision);
        done(result);
    });
}

void RedisStorage::write(const WriteOp &op, WriteCallback done)
{
    if (m_phase != Phase::Ready) {
        done({ WriteStatus::Unavailable, 0, std::nullopt, QStringLiteral("Redis is unavailable") });
        return;
    }
    ++m_writesInFlight;
    WriteCallback finish = [this, done](const WriteResult &result) {
        if (!m_closing)
            done(result);
        writeFinished();
    };
    if (op.kind == WriteKind::Set) {
        // A SET does not depend on the current value: one script call, the client's
        // ifRevision (if any) is the script's expected revision.
        WriteOp unguarded = op;
        unguarded.ifRevision.reset();
        const PlannedWrite plan = planWrite(nullptr, unguarded);
        if (plan.status != WriteStatus::Ok) {
            finish({ plan.status, 0, std::nullopt, plan.detail });
            return;
        }
        compareAndSet(op, op.ifRevision.value_or(-1), plan, maxWriteAttempts, finish);
        return;
    }
    attemptWrite(op, 1, finish);
}

void RedisStorage::attemptWrite(const WriteOp &op, int attempt, WriteCallback finish)
{
    const bool sent
        = m_commands->command({ "HMGET", recordKey(op.key), "v", "r" }, [=, this](const redisReply *reply) {
              if (!reply || reply->type != REDIS_REPLY_ARRAY || reply->elements != 2) {
                  finish(writeFailure(reply));
                  return;
              }
              const std::optional<Record> current = recordFrom(reply->element[0], reply->element[1]);
              if (current)
                  m_revisionFloor.see(current->revision);
              const PlannedWrite plan = planWrite(current ? &*current : nullptr, op);
              if (plan.status == WriteStatus::Conflict) {
                  finish({ WriteStatus::Conflict,
                           current ? current->revision : 0,
                           current ? std::optional<QByteArray>(current->value) : std::nullopt,
                           {} });
                  return;
              }
              if (plan.status != WriteStatus::Ok) {
                  finish({ plan.status, current ? current->revision : 0, std::nullopt, plan.detail });
                  return;
              }
              compareAndSet(op, current ? current->revision : 0, plan, attempt, finish);
          });
    if (!sent)
        finish(writeFailure(nullptr));
}

void RedisStorage::compareAndSet(const WriteOp &op, qint64 expected, const PlannedWrite &plan, int attempt,
                                 WriteCallback finish)
{
    const QByteArray head
        = RedisChangeCodec::head(QDateTime::currentMSecsSinceEpoch(), op.key.size(), plan.remove);
    m_commands->script(m_writeSha, RedisScripts::write, { recordKey(op.key), m_base + "rev", m_base + "idx" },
                       { op.key, QByteArray::number(expected), plan.remove ? "del" : "set", plan.newValue,
                         m_channel, head, QByteArray::number(m_revisionFloor.highest()) },
                       [=, this](const redisReply *reply, bool sent) {
        if (!reply && sent) {
            // The script either ran whole or not at all, but which one is unknown.
            finish({ WriteStatus::OutcomeUnknown, 0, std::nullopt,
                     QStringLiteral("connection to Redis lost with the write in flight") });
            return;
        }
        if (!reply || reply->type != REDIS_REPLY_ARRAY || reply->elements < 2
            || reply->element[0]->type != REDIS_REPLY_INTEGER
            || reply->element[1]->type != REDIS_REPLY_INTEGER) {
            finish(writeFailure(reply));
            return;
        }
        const long long outcome = reply->element[0]->integer;
        const qint64 revision = reply->element[1]->integer;
        if (outcome == 1) {
            if (reply->elements > 2 && reply->element[2]->type == REDIS_REPLY_INTEGER
                && reply->element[2]->integer > 0)
                m_revisionFloor.counterWasBehind(reply->element[2]->integer, revision);
            m_revisionFloor.see(revision);
            finish({ WriteStatus::Ok,
                     revision,
                     plan.remove ? std::nullopt : std::optional<QByteArray>(plan.newValue),
                     {} });
        } else if (outcome == 2) {
            // Deleted by someone else since we read it: plan again from what is there now.
            attempt < maxWriteAttempts ? attemptWrite(op, attempt + 1, finish)
                                       : finish({ WriteStatus::StorageFailed, 0, std::nullopt,
                                                  QStringLiteral("too much contention on one key") });
        } else if (op.kind == WriteKind::Set) {
            m_revisionFloor.see(revision);
            const redisReply *value = reply->elements > 2 ? reply->element[2] : nullptr;
            finish({ WriteStatus::Conflict,
                     revision,
                     isString(value) ? std::optional<QByteArray>(bytes(value)) : std::nullopt,
                     {} });
        } else if (attempt < maxWriteAttempts) {
            attemptWrite(op, attempt + 1, finish);
        } else {
            finish({ WriteStatus::StorageFailed, 0, std::nullopt,
                     QStringLiteral("too much contention on one key") });
        }
    });
}

void RedisStorage::writeFinished()
{
    if (--m_writesInFlight == 0 && m_flushLoop)
        m_flushLoop->quit();
}

void RedisStorage::flush()
{
    if (m_writesInFlight == 0)
        return;
    // Every write in flight ends: by its reply, or with the connection (command timeout).
    QEventLoop loop;
    QEventLoop *outer = std::exchange(m_flushLoop, &loop);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    m_flushLoop = outer;
    if (outer && m_writesInFlight == 0)
        outer->quit();
}
