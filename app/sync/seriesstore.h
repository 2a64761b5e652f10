// SPDX-License-Identifier: MIT
#pragma once

#include "sync/hpkvclient.h"
#include "sync/series.h"

#include <QDate>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <functional>
#include <optional>

class SyncSession;

/**
 * @brief The recurring todos of the server in use, and the occurrences they put into the days.
 *
 * Reads every `series-<id>` key (RANGE) when the session connects, at midnight and when the
 * days windows show change. Occurrences are created from today to `horizonDays` ahead, which
 * the store keeps watched in the DayCache while there is a series: for each series, the
 * instance that moves the series' `through` forward with compare-and-swap inserts the
 * occurrences of the days it covered (Insert operations, no-ops when the id is there). Any
 * other instance or window reads the new `through` (409) and inserts nothing, so no day is
 * generated twice and a deleted occurrence does not come back (docs/data-model.md).
 *
 * Changing a series needs a connection: start(), changeFrom() and stopAfter() report an error
 * through their callback when the write cannot be made, and change nothing then.
 */
class SeriesStore : public QObject
{
    Q_OBJECT

public:
    /** Occurrences are created up to today + this many days. */
    static constexpr int horizonDays = 14;
    /** "" on success, else what went wrong, for the user. */
    using Done = std::function<void(const QString &error)>;

    explicit SeriesStore(SyncSession *session, QObject *parent = nullptr);
    ~SeriesStore() override;

    void setToday(const QDate &today);
    QDate today() const { return m_today; }
    /** True once the series were read from the server in use. */
    bool isLoaded() const { return m_loaded; }
    QList<Series> all() const;
    std::optional<Series> find(const QString &id) const;

    /**
     * Makes `todo` (on `day`) repeat by `rule` (its frequency, week days, month day): a new
     * series with the todo's text, priority, notes and reminder, from `day`; the todo becomes
     * that day's occurrence and the days after it get theirs.
     */
    void start(const QDate &day, const Todo &todo, const Series &rule, const Done &done);
    /**
     * "All future": from `day` on, the series of the occurrence `todo` follows `changed` (its
     * text, priority, frequency, week days, month day). The old series ends the day before; a
     * new one starts on `day` with `todo` as its first occurrence (edited in place); the old
     * series' open occurrences after `day` are removed and the new rule creates the new ones.
     */
    void changeFrom(const QDate &day, const Todo &todo, const Series &changed, const Done &done);
    /** Ends the series of the occurrence `todo` on `day`: `todo` stays as a plain todo, the open occurrences
     * after it go. */
    void stopAfter(const QDate &day, const Todo &todo, const Done &done);
    /** Reads every series again, then creates what is missing. */
    void reload();

signals:
    /** The series (or whether they are loaded) changed. */
    void changed();

private:
    struct Stored
    {
        Series series;
        qint64 revision = 0;
    };
    /** Returns false when there is nothing to write (the series as stored stays). */
    using Change = std::function<bool(Series &series)>;

    void readPage(const QByteArray &startKey, quint64 generation);
    void setHorizonWatched(bool watched);
    void scheduleGenerate();
    void generate();
    void advance(const Series &series, const QDate &last);
    /** Compare-and-swap of the series `id`: `change` on what the server holds, retried on 409. */
    void update(const QString &id, const Change &change, const Done &done, int attempt = 0);
    /** A refused write: `failed` decides (default: done() with the server's error). */
    using Failed = std::function<void(const HpkvClient::Reply &reply)>;
    /**
     * SETs `series` (compare-and-swap on `ifRevision` where the server has revisions); on success
     * keeps it with its revision and calls done("").
     */
    void write(const Series &series, std::optional<qint64> ifRevision, const Done &done,
               const Failed &failed = {});
    /** Removes the open occurrences of `seriesId` on the days after `day` up to `through`. */
    void removeOpenAfter(const QString &seriesId, const QDate &day, const QDate &through);
    bool canWrite(const Done &done) const;

    QPointer<SyncSession> m_session;
    QDate m_today;
    QHash<QString, Stored> m_series;
    QHash<QString, Stored> m_reading;
    QSet<QString> m_advancing;
    QList<QDate> m_watched;
    QTimer m_generateTimer;
    quint64 m_generation = 0;
    bool m_loaded = false;
};
