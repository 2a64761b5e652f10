// SPDX-License-Identifier: MIT
#include "sync/seriesstore.h"

#include "sync/daycache.h"
#include "sync/hpkvclient.h"
#include "sync/synclog.h"
#include "sync/syncsession.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr int pageSize = 200;
constexpr int maxConflictRetries = 8;
} // namespace

SeriesStore::SeriesStore(SyncSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_generateTimer.setSingleShot(true);
    m_generateTimer.setInterval(0);
    connect(&m_generateTimer, &QTimer::timeout, this, &SeriesStore::generate);
    HpkvClient *client = session->client();
    connect(client, &HpkvClient::connected, this, &SeriesStore::reload);
    connect(client, &HpkvClient::stateChanged, this, [this](HpkvClient::State state) {
        // Another connection may be another server: its series are read again.
        if (state != HpkvClient::State::Connected && m_loaded) {
            m_loaded = false;
            emit changed();
        }
    });
    connect(session->cache(), &DayCache::dayChanged, this, [this](const QDate &day) {
        if (m_loaded && day >= m_today && day <= m_today.addDays(horizonDays))
            scheduleGenerate();
    });
    if (client->isConnected())
        reload();
}

SeriesStore::~SeriesStore()
{
    setHorizonWatched(false);
}

void SeriesStore::setToday(const QDate &today)
{
    if (today == m_today)
        return;
    const bool watched = !m_watched.isEmpty();
    setHorizonWatched(false);
    m_today = today;
    setHorizonWatched(watched);
    if (m_session && m_session->client()->isConnected())
        reload();
}

QList<Series> SeriesStore::all() const
{
    QList<Series> result;
    for (const Stored &stored : m_series)
        result.append(stored.series);
    std::sort(result.begin(), result.end(), [](const Series &a, const Series &b) { return a.id < b.id; });
    return result;
}

std::optional<Series> SeriesStore::find(const QString &id) const
{
    const auto it = m_series.constFind(id);
    if (it == m_series.constEnd())
        return std::nullopt;
    return it->series;
}

void SeriesStore::reload()
{
    if (!m_session || !m_session->client()->isConnected())
        return;
    m_reading.clear();
    readPage(Series::keyPrefix, ++m_generation);
}

void SeriesStore::readPage(const QByteArray &startKey, quint64 generation)
{
    // Every key that starts with "series-" sorts before "series." ('.' follows '-').
    m_session->client()->range(startKey, "series.", pageSize,
                               [this, generation](const HpkvClient::Reply &reply) {
        if (generation != m_generation)
            return; // a newer read started
        if (!reply.ok()) {
            qCWarning(lcSync) << "could not read the repeating todos:" << reply.error;
            return; // read again at the next connect or midnight
        }
        QByteArray lastKey;
        for (const QJsonValue &record : reply.body.value(u"records"_s).toArray()) {
            lastKey = record[u"key"_s].toString().toUtf8();
            if (!lastKey.startsWith(Series::keyPrefix))
                continue;
            const std::optional<Series> series
                = Series::parse(HpkvClient::storedBytes(record[u"value"_s]).value_or(QByteArray()));
            if (series && series->key() == lastKey)
                m_reading.insert(series->id, { *series, record[u"revision"_s].toInteger() });
            else
                qCWarning(lcSync) << "ignoring" << lastKey << "- not a repeating todo Dayboard can read";
        }
        if (reply.body.value(u"truncated"_s).toBool() && !lastKey.isEmpty()) {
            readPage(lastKey + '\0', generation);
            return;
        }
        m_series = std::exchange(m_reading, {});
        m_loaded = true;
        setHorizonWatched(!m_series.isEmpty());
        emit changed();
        generate();
    });
}

void SeriesStore::setHorizonWatched(bool watched)
{
    DayCache *cache = m_session ? m_session->cache() : nullptr;
    if (!cache || watched == !m_watched.isEmpty() || (watched && !m_today.isValid()))
        return;
    if (watched) {
        for (int ahead = 0; ahead <= horizonDays; ++ahead)
            m_watched.append(m_today.addDays(ahead));
        for (const QDate &day : std::as_const(m_watched))
            cache->watch(day);
    } else {
        for (const QDate &day : std::exchange(m_watched, {}))
            cache->unwatch(day);
    }
}

void SeriesStore::scheduleGenerate()
{
    m_generateTimer.start();
}

void SeriesStore::generate()
{
    if (!m_loaded || !m_today.isValid() || !m_session || !m_session->client()->isConnected())
        return;
    const QDate horizon = m_today.addDays(horizonDays);
    for (const Stored &stored : std::as_const(m_series)) {
        const Series &series = stored.series;
        if (m_advancing.contains(series.id))
            continue;
        const QDate last = series.until.isValid() ? std::min(horizon, series.until) : horizon;
        const QDate first
            = std::max(series.through.isValid() ? series.through.addDays(1) : series.from, m_today);
        if (first <= last)
            advance(series, last);
    }
}

void SeriesStore::advance(const Series &series, const QDate &last)
{
    const QString id = series.id;
    m_advancing.insert(id);
    auto before = std::make_shared<QDate>();
    auto wrote = std::make_shared<bool>(false);
    const Change moveThrough = [last, before, wrote](Series &stored) {
        *before = stored.through;
        *wrote = !stored.through.isValid() || stored.through < last;
        if (*wrote)
            stored.through = last;
        return *wrote;
    };
    update(id, moveThrough, [this, id, last, before, wrote](const QString &error) {
        m_advancing.remove(id);
        const std::optional<Series> series = find(id);
        if (!error.isEmpty() || !*wrote || !series || !m_session)
            return; // another instance created them, or the next reload tries again
        // This instance moved `through`: it alone creates the occurrences of those days.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QDate day = std::max(before->isValid() ? before->addDays(1) : series->from, m_today);
        for (; day <= last; day = day.addDays(1)) {
            if (series->occursOn(day))
                m_session->submit(TodoOperation::insert(day, series->occurrence(day, now)));
        }
        qCInfo(lcSync).noquote() << "repeating todo" << id << "created through" << last.toString(Qt::ISODate);
    });
}

void SeriesStore::update(const QString &id, const Change &change, const Done &done, int attempt)
{
    const auto it = m_series.constFind(id);
    if (it == m_series.constEnd()) {
        done(tr("This repeating todo is not on the server any more."));
        return;
    }
    Series next = it->series;
    if (!change(next)) {
        done({});
        return;
    }
    write(next, it->revision, done, [this, id, change, done, attempt](const HpkvClient::Reply &reply) {
        if (reply.code != 409 || attempt >= maxConflictRetries) {
            done(tr("The server did not take the change: %1").arg(reply.error));
            return;
        }
        // Someone else changed it: apply the change to what they wrote.
        const std::optional<QByteArray> value = reply.value();
        const std::optional<Series> stored = value ? Series::parse(*value) : std::nullopt;
        if (!stored) {
            m_series.remove(id);
            emit changed();
            done(tr("This repeating todo is not on the server any more."));
            return;
        }
        m_series.insert(id, { *stored, reply.revision().value_or(0) });
        update(id, change, done, attempt + 1);
    });
}

void SeriesStore::write(const Series &series, std::optional<qint64> ifRevision, const Done &done,
                        const Failed &failed)
{
    HpkvClient *client = m_session->client();
    if (client->revisions() != HpkvClient::Revisions::Supported)
        ifRevision.reset();
    client->set(series.key(), series.serialize(), ifRevision,
                [this, series, done, failed](const HpkvClient::Reply &reply) {
        if (!reply.ok()) {
            if (failed)
                failed(reply);
            else
                done(tr("The server did not take the change: %1").arg(reply.error));
            return;
        }
        m_series.insert(series.id, { series, reply.revision().value_or(0) });
        setHorizonWatched(true);
        emit changed();
        done({});
    });
}

bool SeriesStore::canWrite(const Done &done) const
{
    if (m_session && m_session->client()->isConnected() && m_loaded)
        return true;
    done(tr("Repeating todos can be changed only while connected to the server."));
    return false;
}

void SeriesStore::start(const QDate &day, const Todo &todo, const Series &rule, const Done &done)
{
    if (!canWrite(done))
        return;
    Series series = rule;
    series.id = Series::newId();
    series.text = todo.text;
    series.priority = todo.priority;
    series.notes = todo.notes;
    series.remind = todo.remind;
    series.from = day;
    series.through = day; // `todo` is that day's occurrence
    series.until = {};
    series.extra = {};
    // ifRevision 0: only if the key does not exist yet.
    write(series, 0, [this, day, todo, series, done](const QString &error) {
        if (error.isEmpty() && m_session) {
            m_session->submit(TodoOperation::setMembers(day, todo.id, { { u"series"_s, series.id } },
                                                        QDateTime::currentMSecsSinceEpoch()));
            scheduleGenerate();
        }
        done(error);
    });
}

void SeriesStore::changeFrom(const QDate &day, const Todo &todo, const Series &changed, const Done &done)
{
    const std::optional<Series> old = find(todo.series);
    if (!old) {
        done(tr("This repeating todo is not on the server any more."));
        return;
    }
    if (!canWrite(done))
        return;
    const QString oldId = old->id;
    // End the old series first: should the new one fail, the todo stops repeating, and no day
    // ever gets an occurrence of both.
    update(
        oldId,
        [day](Series &stored) {
        const QDate end = day.addDays(-1);
        if (stored.until.isValid() && stored.until <= end)
            return false;
        stored.until = end;
        return true;
        },
        [this, day, todo, changed, oldId, done](const QString &error) {
        if (!error.isEmpty()) {
            done(error);
            return;
        }
        const std::optional<Series> ended = find(oldId);
        removeOpenAfter(oldId, day, ended && ended->through.isValid() ? ended->through : day);
        Series next = changed;
        next.id = Series::newId();
        next.notes = ended ? ended->notes : QString();
        next.remind = ended ? ended->remind : QString();
        next.from = day;
        next.through = day;
        next.until = {};
        next.extra = {};
        write(next, 0, [this, day, todo, next, done](const QString &error) {
            if (!error.isEmpty()) {
                done(tr("The todo stopped repeating, but its new rule was not saved: %1").arg(error));
                return;
            }
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            if (todo.text != next.text)
                m_session->submit(TodoOperation::setText(day, todo.id, next.text, now));
            if (todo.priority != next.priority)
                m_session->submit(TodoOperation::setPriority(day, todo.id, next.priority, now));
            m_session->submit(TodoOperation::setMembers(day, todo.id, { { u"series"_s, next.id } }, now));
            scheduleGenerate();
            done({});
        });
    });
}

void SeriesStore::stopAfter(const QDate &day, const Todo &todo, const Done &done)
{
    if (!find(todo.series)) {
        done(tr("This repeating todo is not on the server any more."));
        return;
    }
    if (!canWrite(done))
        return;
    const QString id = todo.series;
    update(
        id,
        [day](Series &stored) {
        if (stored.until.isValid() && stored.until <= day)
            return false;
        stored.until = day;
        return true;
        },
        [this, day, todo, id, done](const QString &error) {
        if (error.isEmpty()) {
            const std::optional<Series> ended = find(id);
            removeOpenAfter(id, day, ended && ended->through.isValid() ? ended->through : day);
            m_session->submit(TodoOperation::setMembers(day, todo.id, { { u"series"_s, QJsonValue::Null } },
                                                        QDateTime::currentMSecsSinceEpoch()));
        }
        done(error);
    });
}

void SeriesStore::removeOpenAfter(const QString &seriesId, const QDate &day, const QDate &through)
{
    DayCache *cache = m_session->cache();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (QDate date = day.addDays(1); date <= through; date = date.addDays(1)) {
        // Days the app does not hold are not read for this: occurrences are only created
        // within the watched horizon, and the past days that count are watched (overdue).
        const TodoList todos = cache->day(date).todos;
        for (const Todo &todo : todos) {
            if (todo.series == seriesId && !todo.isDone())
                m_session->submit(TodoOperation::remove(date, todo.id, now));
        }
    }
}
