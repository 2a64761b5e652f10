// SPDX-License-Identifier: MIT
#include "syncsession.h"

#include "daycache.h"
#include "hpkvclient.h"
#include "monitorclient.h"
#include "pendingqueue.h"
#include "synclog.h"
#include "todocodec.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QLocale>
#include <QPointer>
#include <QSet>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

/// Consecutive 409s on one day before we slow down (someone else is writing it in a loop).
constexpr int conflictsBeforeBackoff = 8;
/// How long an unconditional (RMW) write is checked for being overwritten by a concurrent RMW.
constexpr int rmwVerifyWindowMs = 10000;

/// The value an op overwrites, so a later value showing exactly it again reveals a lost write.
QString fieldBefore(const TodoList &list, const TodoOperation &op)
{
    for (const Todo &todo : list) {
        if (todo.id != op.todoId)
            continue;
        switch (op.kind) {
        case TodoOperation::Kind::SetText:
            return todo.text;
        case TodoOperation::Kind::SetPriority:
            return todo.priority;
        case TodoOperation::Kind::SetStatus:
            return todo.status;
        default:
            return {};
        }
    }
    return {};
}

enum class Seen { Present, Lost, Unknown };

/// Whether `list`, a value someone else wrote after our write, still shows `op`'s effect.
Seen effectIn(const TodoList &list, const TodoOperation &op, const QStringList &before)
{
    const Todo *todo = nullptr;
    for (const Todo &t : list) {
        if (t.id == op.targetId())
            todo = &t;
    }
    switch (op.kind) {
    case TodoOperation::Kind::Insert:
        return todo ? Seen::Present : Seen::Lost;
    case TodoOperation::Kind::Remove:
        return todo ? Seen::Lost : Seen::Present;
    case TodoOperation::Kind::SetText:
    case TodoOperation::Kind::SetPriority:
    case TodoOperation::Kind::SetStatus: {
        if (!todo)
            return Seen::Unknown;
        const QString now = fieldBefore({ *todo }, op);
        if (now == op.text)
            return Seen::Present;
        // Back to the old value: our write was overwritten by a stale read. Anything else is
        // a newer edit of the same field by someone who saw ours, which stands.
        return before.contains(now) ? Seen::Lost : Seen::Present;
    }
    case TodoOperation::Kind::Move:
        return Seen::Unknown;
    }
    return Seen::Unknown;
}

struct Check
{
    TodoOperation op;
    QStringList before; ///< the values our writes replaced, oldest first

    bool isFieldEdit() const
    {
        return op.kind == TodoOperation::Kind::SetText || op.kind == TodoOperation::Kind::SetPriority
            || op.kind == TodoOperation::Kind::SetStatus;
    }
    bool supersedes(const Check &older) const
    {
        return isFieldEdit() && older.op.kind == op.kind && older.op.todoId == op.todoId;
    }
};

/// Adds `check` to `checks`; an older check of the same field is folded into it (only the
/// latest of our values counts, and every value we replaced is a sign of a lost write).
void addCheck(QList<Check> &checks, Check check)
{
    for (qsizetype i = checks.size() - 1; i >= 0; --i) {
        if (check.supersedes(checks.at(i))) {
            check.before = checks.at(i).before + check.before;
            checks.removeAt(i);
        }
    }
    checks.append(std::move(check));
}

/// An unconditional write and the ops in it not yet seen in someone else's value.
struct UnverifiedWrite
{
    QByteArray value;
    QList<Check> checks;
    QDeadlineTimer deadline;
};

QString dayText(const QDate &day)
{
    return QLocale().toString(day, QLocale::ShortFormat);
}

} // namespace

struct SyncSession::Private
{
    Private(SyncSession *session, DayCache *dayCache, const QString &queueFile)
        : q(session)
        , cache(dayCache)
        , queue(std::make_unique<PendingQueue>(queueFile))
    { }

    void wire();
    void wireQueue();
    /** Switches to another server's queue file; the current one keeps its operations on disk. */
    void useQueue(const QString &queueFile);
    /** Forgets what belongs to the previous server: its values, writes in flight, checks. */
    void forgetServerState();
    void flushAll();
    void flush(const QDate &day);
    void fetchThenWrite(const QDate &day);
    void writeDay(const QDate &day, const TodoList &base, std::optional<qint64> ifRevision);
    void onWriteReply(const QDate &day, const QList<quint64> &seqs, const QByteArray &value,
                      const HpkvClient::Reply &reply);
    void onFailure(const QDate &day, const QList<quint64> &seqs, const HpkvClient::Reply &reply);
    void continueDay(const QDate &day);
    void refetchWatched();
    void fetchDay(const QDate &day);
    void acceptServerValue(const QDate &day, const HpkvClient::Reply &reply);
    /** A value pushed by the monitor or fetched for display; pending ops of a now readable day go out. */
    void acceptNotification(const QDate &day, const std::optional<QByteArray> &value, qint64 revision);
    void watchedDaysChanged();
    void scheduleRetry();
    void reportInvalid(const QDate &day);
    void say(const QString &text);
    void verifyWrites(const QDate &day, const std::optional<QByteArray> &value);
    void addUnverified(const QDate &day, UnverifiedWrite write);

    SyncSession *q;
    QPointer<DayCache> cache; // the app may destroy the cache first (both children of one parent)
    std::unique_ptr<PendingQueue> queue;
    HpkvClient client;
    MonitorClient monitor;
    ServerEndpoint endpoint;
    QSet<QDate> inFlight;
    QSet<QDate> again;
    QSet<QDate> reportedInvalid;
    QHash<QDate, int> conflicts;
    QHash<QDate, QList<UnverifiedWrite>> unverified;
    QTimer retryTimer;
    QTimer flushTimer; ///< zero-interval: every submit of one event-loop pass goes in one batch
    Backoff retryBackoff { 1000, 60000 };
    QString lastMessage;
    bool outageReported = false;
};

SyncSession::SyncSession(DayCache *cache, const QString &queueFile, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, cache, queueFile))
{
    d->wire();
    if (!d->queue->loadError().isEmpty()) {
        QTimer::singleShot(0, this, [this, error = d->queue->loadError()] { emit message(error); });
    }
    for (const QDate &day : d->queue->days())
        cache->refresh(day);
}

SyncSession::~SyncSession()
{
    // The cache may outlive us; it must not call into a destroyed queue.
    if (d->cache)
        d->cache->setOverlay({});
}

void SyncSession::Private::wire()
{
    cache->setOverlay([this](const QDate &day, const TodoList &server) {
        TodoList list = server;
        for (const PendingQueue::Entry &entry : queue->entriesFor(day))
            list = entry.op.applyTo(std::move(list));
        return list;
    });
    retryTimer.setSingleShot(true);
    QObject::connect(&retryTimer, &QTimer::timeout, q, [this] { flushAll(); });
    flushTimer.setSingleShot(true);
    flushTimer.setInterval(0);
    QObject::connect(&flushTimer, &QTimer::timeout, q, [this] { flushAll(); });
    wireQueue();

    QObject::connect(&client, &HpkvClient::stateChanged, q, [this](HpkvClient::State state) {
        if (state == HpkvClient::State::Reconnecting && !outageReported) {
            outageReported = true;
            say(u"The connection to the sync server was lost; reconnecting. Changes are kept and sent when "
                u"it "
                u"is back."_s);
        }
        emit q->connectionStateChanged();
    });
    QObject::connect(&client, &HpkvClient::revisionsChanged, q, &SyncSession::serverHasRevisionsChanged);
    QObject::connect(&client, &HpkvClient::connectionError, q, [this](const QString &text) {
        if (outageReported)
            return;
        outageReported = true;
        say(text + u" Changes are kept and sent when the connection is back."_s);
    });
    QObject::connect(&client, &HpkvClient::connected, q, [this] {
        if (outageReported)
            say(u"Connected to the sync server again."_s);
        outageReported = false;
        lastMessage.clear();
        retryTimer.stop();
        retryBackoff.reset();
        refetchWatched();
        flushAll();
    });

    QObject::connect(&monitor, &MonitorClient::connected, q, [this] { refetchWatched(); });
    QObject::connect(&monitor, &MonitorClient::failed, q, [this](const QString &text) {
        if (client.isConnected())
            say(text);
    });
    QObject::connect(&monitor, &MonitorClient::notification, q,
                     [this](const QByteArray &key, const std::optional<QByteArray> &value, qint64 revision) {
                         if (const auto day = DayCache::dateForKey(key))
                             acceptNotification(*day, value, revision);
                     });
    QObject::connect(cache, &DayCache::watchedDaysChanged, q, [this] { watchedDaysChanged(); });
}

void SyncSession::Private::wireQueue()
{
    PendingQueue *current = queue.get();
    QObject::connect(current, &PendingQueue::countChanged, q, &SyncSession::pendingCountChanged);
    QObject::connect(current, &PendingQueue::saved, q, [this, current] {
        if (current == queue.get() && queue->isSaved())
            emit q->queueSaved();
    });
    QObject::connect(current, &PendingQueue::saveFailed, q, [this](const QString &text) { say(text); });
}

void SyncSession::Private::useQueue(const QString &queueFile)
{
    qCInfo(lcSync) << "switching to the pending queue of another server";
    const QList<QDate> previousDays = queue->days();
    queue = std::make_unique<PendingQueue>(queueFile); // the old one finishes writing its file first
    wireQueue();
    if (!queue->loadError().isEmpty())
        say(queue->loadError());
    for (const QDate &day : previousDays + queue->days())
        cache->refresh(day);
    emit q->pendingCountChanged();
}

void SyncSession::Private::forgetServerState()
{
    // The client has already answered every request to the previous server (code 0).
    inFlight.clear();
    again.clear();
    conflicts.clear();
    unverified.clear();
    reportedInvalid.clear();
    retryTimer.stop();
    retryBackoff.reset();
    if (cache)
        cache->forgetServerValues();
}

void SyncSession::setEndpoint(const ServerEndpoint &endpoint, const QString &queueFile)
{
    const bool otherServer
        = HpkvClient::webSocketUrl(endpoint.baseUrl) != HpkvClient::webSocketUrl(d->endpoint.baseUrl);
    d->endpoint = endpoint;
    d->outageReported = false;
    d->client.setEndpoint(endpoint.baseUrl, endpoint.apiKey);
    d->monitor.setEndpoint(endpoint.baseUrl, endpoint.apiKey);
    if (otherServer)
        d->forgetServerState();
    if (!queueFile.isEmpty() && queueFile != d->queue->fileName())
        d->useQueue(queueFile);
    d->watchedDaysChanged();
}

QString SyncSession::queueFile() const
{
    return d->queue->fileName();
}

ServerEndpoint SyncSession::endpoint() const
{
    return d->endpoint;
}

void SyncSession::submit(const TodoOperation &operation)
{
    if (!operation.isValid()) {
        qCWarning(lcSync) << "ignoring an operation without day or todo id";
        return;
    }
    // An unreadable day is never written, but the edit is kept (queued) rather than dropped:
    // it may be the Insert half of a move whose Remove half goes through.
    if (d->cache->day(operation.day).status == DayCache::Status::Invalid)
        d->reportInvalid(operation.day);
    // Shown at once and sent in this event-loop pass, while the queue file is written in
    // parallel (waiting for the disk first would add its latency and protect nothing: docs/sync.md §2).
    d->queue->append(operation);
    d->cache->refresh(operation.day);
    d->flushTimer.start();
}

SyncSession::ConnectionState SyncSession::connectionState() const
{
    return ConnectionState(int(d->client.state()));
}

int SyncSession::pendingCount() const
{
    return d->queue->count();
}

bool SyncSession::serverHasRevisions() const
{
    return d->client.revisions() == HpkvClient::Revisions::Supported;
}

DayCache *SyncSession::cache() const
{
    return d->cache;
}

HpkvClient *SyncSession::client() const
{
    return &d->client;
}

MonitorClient *SyncSession::monitor() const
{
    return &d->monitor;
}

bool SyncSession::isQueueSaved() const
{
    return d->queue->isSaved();
}

void SyncSession::Private::flushAll()
{
    for (const QDate &day : queue->days())
        flush(day);
}

void SyncSession::Private::flush(const QDate &day)
{
    if (!client.isConnected())
        return;
    if (inFlight.contains(day)) {
        // One write per day at a time; what queued meanwhile goes in the next batch.
        again.insert(day);
        return;
    }
    if (queue->entriesFor(day).isEmpty())
        return;
    const DayCache::Day &cached = cache->day(day);
    if (cached.status == DayCache::Status::Invalid) {
        reportInvalid(day);
        return;
    }
    if (client.revisions() == HpkvClient::Revisions::Supported && cached.status == DayCache::Status::Ready)
        writeDay(day, cached.serverTodos, cached.revision);
    else
        fetchThenWrite(day);
}

void SyncSession::Private::fetchThenWrite(const QDate &day)
{
    inFlight.insert(day);
    client.get(DayCache::keyFor(day), [this, day](const HpkvClient::Reply &reply) {
        if (!reply.ok() && reply.code != 404) {
            inFlight.remove(day);
            onFailure(day, {}, reply);
            return;
        }
        acceptServerValue(day, reply);
        const DayCache::Day &cached = cache->day(day);
        if (cached.status == DayCache::Status::Invalid) {
            inFlight.remove(day);
            reportInvalid(day);
            return;
        }
        if (client.revisions() == HpkvClient::Revisions::Supported)
            writeDay(day, cached.serverTodos, cached.revision);
        else
            writeDay(day, cached.serverTodos, std::nullopt); // read-modify-write (docs/sync.md)
    });
}

void SyncSession::Private::writeDay(const QDate &day, const TodoList &base, std::optional<qint64> ifRevision)
{
    inFlight.insert(day);
    const QList<PendingQueue::Entry> entries = queue->entriesFor(day);
    QList<quint64> seqs;
    UnverifiedWrite written;
    TodoList next = base;
    for (const PendingQueue::Entry &entry : entries) {
        addCheck(written.checks, Check { entry.op, { fieldBefore(next, entry.op) } });
        next = entry.op.applyTo(std::move(next));
        seqs.append(entry.seq);
    }
    if (next == base) {
        // Already on the server (a replay after a lost reply, or a no-op): nothing to write.
        inFlight.remove(day);
        queue->remove(seqs);
        cache->refresh(day);
        continueDay(day);
        return;
    }
    const QByteArray value = TodoCodec::serialize(next);
    qCDebug(lcSync) << "writing" << day << "with" << seqs.size() << "operations"
                    << (ifRevision ? "if revision" : "unconditionally") << ifRevision.value_or(-1);
    written.value = value;
    const bool conditional = ifRevision.has_value();
    client.set(DayCache::keyFor(day), value, ifRevision,
               [this, day, seqs, written, conditional](const HpkvClient::Reply &reply) {
                   if (reply.ok() && !conditional)
                       addUnverified(day, written);
                   onWriteReply(day, seqs, written.value, reply);
               });
}

void SyncSession::Private::onWriteReply(const QDate &day, const QList<quint64> &seqs, const QByteArray &value,
                                        const HpkvClient::Reply &reply)
{
    inFlight.remove(day);
    if (reply.ok()) {
        conflicts.remove(day);
        retryBackoff.reset();
        queue->remove(seqs);
        cache->setServerValue(day, value, reply.revision().value_or(0));
        continueDay(day);
        return;
    }
    if (reply.code == 409) {
        // Someone wrote the day first: rebase every pending op on the value in the 409 body.
        cache->setServerValue(day, reply.value(), reply.revision().value_or(0));
        if (++conflicts[day] >= conflictsBeforeBackoff) {
            conflicts.remove(day);
            scheduleRetry();
        } else {
            flush(day);
        }
        return;
    }
    onFailure(day, seqs, reply);
}

void SyncSession::Private::onFailure(const QDate &day, const QList<quint64> &seqs,
                                     const HpkvClient::Reply &reply)
{
    qCInfo(lcSync) << "sync of" << day << "failed:" << reply.code << reply.error;
    switch (reply.code) {
    case 0:
        // Timeout or connection lost: a reconnect flushes everything again; a timeout retries.
        if (client.isConnected())
            scheduleRetry();
        break;
    case 400:
        if (!seqs.isEmpty()) {
            queue->remove(seqs);
            cache->refresh(day);
            say(u"The server refused a change to %1 (%2); it was undone."_s.arg(dayText(day), reply.error));
        } else {
            say(u"The server refused to read %1 (%2)."_s.arg(dayText(day), reply.error));
        }
        break;
    case 401:
    case 403:
        say(u"The sync server refused access (%1). Check the API key; changes stay queued."_s.arg(
            reply.code));
        scheduleRetry();
        break;
    default:
        // 429, 500, ...: nothing changed on the server; the same batch is tried again later.
        scheduleRetry();
        break;
    }
}

void SyncSession::Private::continueDay(const QDate &day)
{
    again.remove(day);
    if (!queue->entriesFor(day).isEmpty())
        flush(day);
}

void SyncSession::Private::scheduleRetry()
{
    if (!retryTimer.isActive())
        retryTimer.start(retryBackoff.nextDelayMs());
}

void SyncSession::Private::refetchWatched()
{
    if (!client.isConnected())
        return;
    for (const QDate &day : cache->watchedDays()) {
        if (!inFlight.contains(day))
            fetchDay(day);
    }
}

void SyncSession::Private::fetchDay(const QDate &day)
{
    cache->setLoading(day);
    client.get(DayCache::keyFor(day), [this, day](const HpkvClient::Reply &reply) {
        if (reply.ok() || reply.code == 404)
            acceptNotification(day, reply.ok() ? reply.value() : std::nullopt, reply.revision().value_or(0));
        else if (reply.code != 0)
            say(u"%1 could not be loaded (%2)."_s.arg(dayText(day), reply.error));
    });
}

void SyncSession::Private::acceptServerValue(const QDate &day, const HpkvClient::Reply &reply)
{
    cache->setServerValue(day, reply.ok() ? reply.value() : std::nullopt, reply.revision().value_or(0));
    verifyWrites(day, reply.ok() ? reply.value() : std::nullopt);
    if (cache->day(day).status == DayCache::Status::Ready)
        reportedInvalid.remove(day);
}

void SyncSession::Private::acceptNotification(const QDate &day, const std::optional<QByteArray> &value,
                                              qint64 revision)
{
    cache->setServerValue(day, value, revision);
    verifyWrites(day, value);
    if (cache->day(day).status == DayCache::Status::Ready)
        reportedInvalid.remove(day);
    // A day that was unreadable may have been repaired: what waited for it can go now.
    if (!inFlight.contains(day) && !queue->entriesFor(day).isEmpty())
        flush(day);
}

void SyncSession::Private::watchedDaysChanged()
{
    QList<QByteArray> keys;
    for (const QDate &day : cache->watchedDays()) {
        keys.append(DayCache::keyFor(day));
        if (cache->day(day).status == DayCache::Status::Unknown && client.isConnected())
            fetchDay(day);
    }
    monitor.setKeys(keys);
}

void SyncSession::Private::reportInvalid(const QDate &day)
{
    if (reportedInvalid.contains(day))
        return;
    reportedInvalid.insert(day);
    say(u"The list of %1 on the server cannot be read (%2). It is left as it is; your changes to it are kept "
        u"and not sent."_s.arg(dayText(day), cache->day(day).error));
}

void SyncSession::Private::say(const QString &text)
{
    if (text == lastMessage)
        return;
    lastMessage = text;
    emit q->message(text);
}

void SyncSession::Private::verifyWrites(const QDate &day, const std::optional<QByteArray> &value)
{
    const auto it = unverified.find(day);
    if (it == unverified.end())
        return;
    QList<UnverifiedWrite> &writes = *it;
    writes.removeIf([](const UnverifiedWrite &w) { return w.deadline.hasExpired(); });
    // Our own write coming back tells nothing about a concurrent writer.
    const bool ours = value && std::any_of(writes.cbegin(), writes.cend(), [&](const UnverifiedWrite &w) {
                          return w.value == *value;
                      });
    const TodoCodec::Result parsed = TodoCodec::parse(value.value_or("[]"));
    if (!ours && parsed.ok) {
        QList<TodoOperation> lost;
        for (UnverifiedWrite &write : writes) {
            write.checks.removeIf([&](const Check &check) {
                switch (effectIn(parsed.todos, check.op, check.before)) {
                case Seen::Present:
                    return true;
                case Seen::Lost:
                    lost.append(check.op);
                    return true;
                case Seen::Unknown:
                    return false;
                }
                return false;
            });
        }
        writes.removeIf([](const UnverifiedWrite &w) { return w.checks.isEmpty(); });
        if (!lost.isEmpty()) {
            // A concurrent read-modify-write (hosted HPKV, no revisions) overwrote ours: replay it.
            qCInfo(lcSync) << "a concurrent write overwrote" << lost.size() << "operations on" << day
                           << "- sending them again";
            const QList<PendingQueue::Entry> pending = queue->entriesFor(day);
            for (const TodoOperation &op : std::as_const(lost)) {
                // A newer edit of the same field still queued here wins anyway: replaying the
                // lost one after it would undo it.
                const Check lostCheck { op, {} };
                const bool superseded = std::any_of(pending.cbegin(), pending.cend(), [&](const auto &entry) {
                    return Check { entry.op, {} }.supersedes(lostCheck);
                });
                if (!superseded)
                    queue->append(op);
            }
            cache->refresh(day);
        }
    }
    if (writes.isEmpty())
        unverified.erase(it);
}

void SyncSession::Private::addUnverified(const QDate &day, UnverifiedWrite write)
{
    QList<UnverifiedWrite> &writes = unverified[day];
    for (Check &check : write.checks) {
        for (UnverifiedWrite &older : writes) {
            older.checks.removeIf([&](const Check &old) {
                if (!check.supersedes(old))
                    return false;
                check.before = old.before + check.before;
                return true;
            });
        }
    }
    writes.removeIf([](const UnverifiedWrite &w) { return w.checks.isEmpty(); });
    write.deadline = QDeadlineTimer(rmwVerifyWindowMs);
    writes.append(std::move(write));
}
