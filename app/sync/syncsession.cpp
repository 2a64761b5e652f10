// SPDX-License-Identifier: MIT
#include "sync/syncsession.h"

#include "sync/daycache.h"
#include "sync/daywriter.h"
#include "sync/hpkvclient.h"
#include "sync/monitorclient.h"
#include "sync/pendingqueue.h"
#include "sync/serverprobe.h"
#include "sync/synclog.h"
#include "sync/syncnotices.h"

#include <QPointer>
#include <QTimer>

struct SyncSession::Private
{
    Private(SyncSession *session, DayCache *dayCache, const QString &queueFile)
        : q(session)
        , cache(dayCache)
        , queue(std::make_unique<PendingQueue>(queueFile))
        , writer(&client, dayCache, &notices)
    {
        writer.setQueue(queue.get());
    }

    void wire();
    void wireQueue();
    /** Switches to another server's queue file; the current one keeps its operations on disk. */
    void useQueue(const QString &queueFile);
    /** Forgets what belongs to the previous server: its values, writes in flight, checks. */
    void forgetServerState();
    void refetchWatched();
    void fetchDay(const QDate &day);
    /** A value pushed by the monitor or fetched for display; pending ops of a now readable day go out. */
    void acceptNotification(const QDate &day, const std::optional<QByteArray> &value, qint64 revision);
    void watchedDaysChanged();
    /** The request socket failed: find out why (once at a time) and act on the verdict. */
    void diagnose(const QString &socketError);
    void setProblem(Problem problem, const QString &detail);

    SyncSession *q;
    QPointer<DayCache> cache; // the app may destroy the cache first (both children of one parent)
    std::unique_ptr<PendingQueue> queue;
    HpkvClient client;
    MonitorClient monitor;
    ServerEndpoint endpoint;
    SyncNotices notices;
    DayWriter writer;
    QTimer flushTimer; ///< zero-interval: every submit of one event-loop pass goes in one batch
    ServerProbe probe;
    Problem problem = Problem::None;
    QString problemDetail;
    bool synced = false;
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
    flushTimer.setSingleShot(true);
    flushTimer.setInterval(0);
    QObject::connect(&flushTimer, &QTimer::timeout, &writer, &DayWriter::flushAll);
    wireQueue();

    QObject::connect(&notices, &SyncNotices::message, q, &SyncSession::message);
    QObject::connect(&client, &HpkvClient::stateChanged, q, [this](HpkvClient::State state) {
        if (state == HpkvClient::State::Reconnecting)
            notices.connectionLost();
        emit q->connectionStateChanged();
    });
    QObject::connect(&client, &HpkvClient::revisionsChanged, q, &SyncSession::serverHasRevisionsChanged);
    // Why it failed is shown persistently (connection pill, Settings), not as a note.
    QObject::connect(&client, &HpkvClient::connectionError, q,
                     [this](const QString &text) { diagnose(text); });
    QObject::connect(&client, &HpkvClient::connected, q, [this] {
        probe.cancel();
        setProblem(Problem::None, {});
        notices.connected();
        writer.resetRetry();
        refetchWatched();
        if (!synced && cache->watchedDays().isEmpty()) {
            synced = true; // nothing to read: being connected is all there is to it
            emit q->synced();
        }
        writer.flushAll();
    });

    QObject::connect(&monitor, &MonitorClient::connected, q, [this] { refetchWatched(); });
    QObject::connect(&monitor, &MonitorClient::failed, q, [this](const QString &text) {
        if (client.isConnected())
            notices.say(text);
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
    QObject::connect(current, &PendingQueue::saveFailed, &notices, &SyncNotices::say);
}

void SyncSession::Private::useQueue(const QString &queueFile)
{
    qCInfo(lcSync) << "switching to the pending queue of another server";
    const QList<QDate> previousDays = queue->days();
    queue = std::make_unique<PendingQueue>(queueFile); // the old one finishes writing its file first
    writer.setQueue(queue.get());
    wireQueue();
    if (!queue->loadError().isEmpty())
        notices.say(queue->loadError());
    for (const QDate &day : previousDays + queue->days())
        cache->refresh(day);
    emit q->pendingCountChanged();
}

void SyncSession::Private::forgetServerState()
{
    writer.forget();
    notices.forgetDays();
    if (cache)
        cache->forgetServerValues();
}

void SyncSession::setEndpoint(const ServerEndpoint &endpoint, const QString &queueFile)
{
    const bool otherServer
        = HpkvClient::webSocketUrl(endpoint.baseUrl) != HpkvClient::webSocketUrl(d->endpoint.baseUrl);
    d->endpoint = endpoint;
    d->probe.cancel();
    d->synced = false;
    d->setProblem(Problem::None, {});
    d->notices.endpointChanged();
    d->client.setEndpoint(endpoint.baseUrl, endpoint.apiKey);
    d->monitor.setEndpoint(endpoint.baseUrl, endpoint.apiKey);
    if (otherServer)
        d->forgetServerState();
    if (!queueFile.isEmpty() && queueFile != d->queue->fileName())
        d->useQueue(queueFile);
    d->watchedDaysChanged();
}

void SyncSession::stop()
{
    d->client.disconnectFromServer();
    d->monitor.setEndpoint({}, {});
    d->monitor.stop();
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
        d->notices.dayUnreadable(operation.day, d->cache->day(operation.day).error);
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

SyncSession::Problem SyncSession::problem() const
{
    return d->problem;
}

QString SyncSession::problemDetail() const
{
    return d->problemDetail;
}

bool SyncSession::hasSynced() const
{
    return d->synced;
}

void SyncSession::Private::diagnose(const QString &socketError)
{
    if (probe.isRunning())
        return;
    probe.run(endpoint.baseUrl, endpoint.apiKey,
              [this, socketError](ServerProbe::Verdict verdict, const QString &detail) {
        if (client.isConnected())
            return;
        switch (verdict) {
        case ServerProbe::Verdict::KeyRefused:
            // Asking again with the same key is pointless: wait for the user to change it.
            qCInfo(lcSync) << "the server refused the API key; not retrying until the key changes";
            client.disconnectFromServer();
            monitor.setEndpoint({}, {});
            monitor.stop();
            setProblem(Problem::KeyRefused, detail);
            break;
        case ServerProbe::Verdict::Unreachable:
            setProblem(Problem::Unreachable, detail);
            break;
        case ServerProbe::Verdict::NotHpkv:
            setProblem(Problem::NotHpkv, detail);
            break;
        case ServerProbe::Verdict::TlsProblem:
            setProblem(Problem::TlsProblem, detail);
            break;
        case ServerProbe::Verdict::Accepted:
            // The key works over HTTP but the sync socket does not (a proxy without WebSocket?).
            setProblem(Problem::NotHpkv, socketError);
            break;
        }
    });
}

void SyncSession::Private::setProblem(Problem newProblem, const QString &detail)
{
    if (problem == newProblem && problemDetail == detail)
        return;
    problem = newProblem;
    problemDetail = detail;
    emit q->connectionStateChanged();
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

void SyncSession::Private::refetchWatched()
{
    if (!client.isConnected())
        return;
    for (const QDate &day : cache->watchedDays()) {
        if (!writer.isWriting(day))
            fetchDay(day);
    }
}

void SyncSession::Private::fetchDay(const QDate &day)
{
    cache->setLoading(day);
    client.get(DayCache::keyFor(day), [this, day](const HpkvClient::Reply &reply) {
        if (reply.ok() || reply.code == 404) {
            acceptNotification(day, reply.ok() ? reply.value() : std::nullopt, reply.revision().value_or(0));
            if (!synced) {
                synced = true;
                emit q->synced();
            }
        } else if (reply.code != 0)
            notices.loadFailed(day, reply.error);
    });
}

void SyncSession::Private::acceptNotification(const QDate &day, const std::optional<QByteArray> &value,
                                              qint64 revision)
{
    cache->setServerValue(day, value, revision);
    writer.serverValueSeen(day, value);
    if (cache->day(day).status == DayCache::Status::Ready)
        notices.dayReadable(day);
    // A day that was unreadable may have been repaired: what waited for it can go now.
    if (!writer.isWriting(day) && !queue->entriesFor(day).isEmpty())
        writer.flush(day);
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
