// SPDX-License-Identifier: MIT
#include "syncsession.h"

#include "daycache.h"
#include "hpkvclient.h"
#include "monitorclient.h"
#include "pendingqueue.h"
#include "synclog.h"
#include "todocodec.h"

#include <QHash>
#include <QLocale>
#include <QSet>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

/// Consecutive 409s on one day before we slow down (someone else is writing it in a loop).
constexpr int conflictsBeforeBackoff = 8;

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
        , queue(queueFile)
    {
    }

    void wire();
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
    void watchedDaysChanged();
    void scheduleRetry();
    void reportInvalid(const QDate &day);
    void say(const QString &text);
    QList<PendingQueue::Entry> durableEntries(const QDate &day) const;

    SyncSession *q;
    DayCache *cache;
    PendingQueue queue;
    HpkvClient client;
    MonitorClient monitor;
    ServerEndpoint endpoint;
    QSet<QDate> inFlight;
    QSet<QDate> again;
    QSet<QDate> reportedInvalid;
    QHash<QDate, int> conflicts;
    QTimer retryTimer;
    Backoff retryBackoff{1000, 60000};
    QString lastMessage;
    bool outageReported = false;
};

SyncSession::SyncSession(DayCache *cache, const QString &queueFile, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, cache, queueFile))
{
    d->wire();
    if (!d->queue.loadError().isEmpty()) {
        QTimer::singleShot(0, this, [this, error = d->queue.loadError()] { emit message(error); });
    }
    for (const QDate &day : d->queue.days())
        cache->refresh(day);
}

SyncSession::~SyncSession()
{
    // The cache may outlive us; it must not call into a destroyed queue.
    d->cache->setOverlay({});
}

void SyncSession::Private::wire()
{
    cache->setOverlay([this](const QDate &day, const TodoList &server) {
        TodoList list = server;
        for (const PendingQueue::Entry &entry : queue.entriesFor(day))
            list = entry.op.applyTo(std::move(list));
        return list;
    });
    retryTimer.setSingleShot(true);
    QObject::connect(&retryTimer, &QTimer::timeout, q, [this] { flushAll(); });

    QObject::connect(&queue, &PendingQueue::countChanged, q, &SyncSession::pendingCountChanged);
    QObject::connect(&queue, &PendingQueue::durable, q, [this] { flushAll(); });
    QObject::connect(&queue, &PendingQueue::saved, q, [this] {
        if (queue.isSaved())
            emit q->queueSaved();
    });
    QObject::connect(&queue, &PendingQueue::saveFailed, q, [this](const QString &text) { say(text); });

    QObject::connect(&client, &HpkvClient::stateChanged, q, &SyncSession::connectionStateChanged);
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
                         if (const auto day = DayCache::dateForKey(key)) {
                             cache->setServerValue(*day, value, revision);
                             if (cache->day(*day).status == DayCache::Status::Ready)
                                 reportedInvalid.remove(*day);
                             if (!queue.entriesFor(*day).isEmpty())
                                 flush(*day);
                         }
                     });
    QObject::connect(cache, &DayCache::watchedDaysChanged, q, [this] { watchedDaysChanged(); });
}

void SyncSession::setEndpoint(const ServerEndpoint &endpoint)
{
    d->endpoint = endpoint;
    d->outageReported = false;
    d->client.setEndpoint(endpoint.baseUrl, endpoint.apiKey);
    d->monitor.setEndpoint(endpoint.baseUrl, endpoint.apiKey);
    d->watchedDaysChanged();
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
    if (d->cache->day(operation.day).status == DayCache::Status::Invalid) {
        d->say(u"The list of %1 on the server cannot be read, so it cannot be changed here."_s.arg(
            dayText(operation.day)));
        return;
    }
    // Shown at once; sent once the queue file holds it (PendingQueue::durable).
    d->queue.append(operation);
    d->cache->refresh(operation.day);
}

SyncSession::ConnectionState SyncSession::connectionState() const
{
    return ConnectionState(int(d->client.state()));
}

int SyncSession::pendingCount() const
{
    return d->queue.count();
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
    return d->queue.isSaved();
}

QList<PendingQueue::Entry> SyncSession::Private::durableEntries(const QDate &day) const
{
    QList<PendingQueue::Entry> entries = queue.entriesFor(day);
    entries.removeIf([this](const PendingQueue::Entry &e) { return !queue.isDurable(e.seq); });
    return entries;
}

void SyncSession::Private::flushAll()
{
    for (const QDate &day : queue.days())
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
    if (durableEntries(day).isEmpty())
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
    const QList<PendingQueue::Entry> entries = durableEntries(day);
    QList<quint64> seqs;
    TodoList next = base;
    for (const PendingQueue::Entry &entry : entries) {
        next = entry.op.applyTo(std::move(next));
        seqs.append(entry.seq);
    }
    if (next == base) {
        // Already on the server (a replay after a lost reply, or a no-op): nothing to write.
        inFlight.remove(day);
        queue.remove(seqs);
        cache->refresh(day);
        continueDay(day);
        return;
    }
    const QByteArray value = TodoCodec::serialize(next);
    qCDebug(lcSync) << "writing" << day << "with" << seqs.size() << "operations"
                    << (ifRevision ? "if revision" : "unconditionally") << ifRevision.value_or(-1);
    client.set(DayCache::keyFor(day), value, ifRevision, [this, day, seqs, value](const HpkvClient::Reply &reply) {
        onWriteReply(day, seqs, value, reply);
    });
}

void SyncSession::Private::onWriteReply(const QDate &day, const QList<quint64> &seqs, const QByteArray &value,
                                        const HpkvClient::Reply &reply)
{
    inFlight.remove(day);
    if (reply.ok()) {
        conflicts.remove(day);
        retryBackoff.reset();
        queue.remove(seqs);
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

void SyncSession::Private::onFailure(const QDate &day, const QList<quint64> &seqs, const HpkvClient::Reply &reply)
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
            queue.remove(seqs);
            cache->refresh(day);
            say(u"The server refused a change to %1 (%2); it was undone."_s.arg(dayText(day), reply.error));
        } else {
            say(u"The server refused to read %1 (%2)."_s.arg(dayText(day), reply.error));
        }
        break;
    case 401:
    case 403:
        say(u"The sync server refused access (%1). Check the API key; changes stay queued."_s.arg(reply.code));
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
    if (!durableEntries(day).isEmpty())
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
            acceptServerValue(day, reply);
        else if (reply.code != 0)
            say(u"%1 could not be loaded (%2)."_s.arg(dayText(day), reply.error));
    });
}

void SyncSession::Private::acceptServerValue(const QDate &day, const HpkvClient::Reply &reply)
{
    cache->setServerValue(day, reply.ok() ? reply.value() : std::nullopt, reply.revision().value_or(0));
    if (cache->day(day).status == DayCache::Status::Ready)
        reportedInvalid.remove(day);
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
