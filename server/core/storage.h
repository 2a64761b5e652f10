// SPDX-License-Identifier: MIT
#pragma once

#include "core/change.h"
#include "core/record.h"
#include "core/writeop.h"
#include "core/writeresult.h"

#include <QList>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

/** @brief The result of a GET: `error` set means the backend failed (500/503). */
struct ReadResult
{
    std::optional<Record> record;
    WriteStatus status = WriteStatus::Ok; ///< Ok, StorageFailed or Unavailable
    QString detail;
};

/** @brief The result of a RANGE, inclusive at both ends, byte-wise key order. */
struct RangeResult
{
    QList<KeyedRecord> records;
    bool truncated = false; ///< true exactly when more records exist in the range
    WriteStatus status = WriteStatus::Ok;
    QString detail;
};

/**
 * @brief Where records live: the small interface every backend implements.
 *
 * Implementations: MemoryStorage (tests, --memory), SqliteStorage (the durable default),
 * RedisStorage (shared by several server instances).
 *
 * Rules every backend keeps:
 * - One revision counter for the whole store; every successful write takes the next value,
 *   so revisions never repeat, even across delete/re-create and restarts.
 * - A write's callback runs only once the write is durable (or has failed, changing nothing).
 * - A read never exposes a write that may still fail: its answer waits for that write's commit.
 * - `changed` is emitted once per committed write, after it is durable (for RedisStorage:
 *   once per write made by any instance).
 * - Callbacks run on the thread that owns the Storage, possibly before the call returns.
 */
class Storage : public QObject
{
    Q_OBJECT

public:
    using GetCallback = std::function<void(const ReadResult &)>;
    using RangeCallback = std::function<void(const RangeResult &)>;
    using WriteCallback = std::function<void(const WriteResult &)>;

    using QObject::QObject;
    ~Storage() override = default;

    /** Opens the backend; on failure returns false and sets `*error` to a message for people. */
    virtual bool open(QString *error) = 0;
    virtual void get(const QByteArray &key, GetCallback done) = 0;
    virtual void range(const QByteArray &first, const QByteArray &last, int limit, RangeCallback done) = 0;
    virtual void write(const WriteOp &op, WriteCallback done) = 0;
    /** Blocks until every accepted write is committed or failed and its callback has run. */
    virtual void flush() = 0;
    /** False while the backend cannot serve (e.g. Redis down); /healthz reports it. */
    virtual bool isReady() const { return true; }

signals:
    void changed(const Change &change);
    void readyChanged(bool ready);
    /** Notifications may have been missed (e.g. Redis reconnected): monitors must refetch. */
    void changesMayBeLost();
};
