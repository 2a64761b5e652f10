// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todo.h"

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

/**
 * @brief A recurring todo: the rule, the todo every occurrence starts as, and how far it was generated.
 *
 * Stored in its own key `series-<id>` (docs/data-model.md, "Recurring todos"), which clients that
 * know only the six todo fields never read. Occurrences are ordinary todos in the days' keys, with
 * `series` set and the deterministic id `<id>-<YYYYMMDD>`, so inserting a day's occurrence twice
 * (two windows, two instances) adds nothing the second time. Members this version does not know are kept
 * (`extra`) and written back.
 */
struct Series
{
    enum class Frequency { Daily, Weekdays, Weekly, Monthly };

    QString id;
    QString text;
    Todo::Priority priority = Todo::Priority::Low;
    QString notes;
    QString remind; ///< "HH:mm" or ""
    Frequency frequency = Frequency::Daily;
    QList<int> weekDays; ///< Weekly: ISO weekdays 1 (Monday) to 7, sorted
    int monthDay = 1; ///< Monthly: 1..31; a shorter month uses its last day
    QDate from; ///< the first day it may occur
    QDate until; ///< invalid: no end; else the last day it may occur
    /**
     * Occurrences up to this day have been created (invalid: none yet). Moved forward with
     * compare-and-swap by the one instance that then creates them, so a day is generated once:
     * an occurrence deleted or moved away is never brought back.
     */
    QDate through;
    QJsonObject extra; ///< members this version does not know

    /** Sets `weekDays` to the ISO weekdays (1..7) of `days`, each once, sorted; others are dropped. */
    void setWeekDays(const QList<int> &days);
    /** Whether the rule puts an occurrence on `day` (within from and until). */
    bool occursOn(const QDate &day) const;
    /** The occurrence's todo on `day` (not checked against the rule), created at `nowMs`. */
    Todo occurrence(const QDate &day, qint64 nowMs) const;

    QByteArray key() const { return keyFor(id); }
    static QByteArray keyFor(const QString &id); ///< "series-<id>"
    static constexpr const char *keyPrefix = "series-";
    static QString newId(qint64 nowMs = -1); ///< "s<ms since epoch><random>", letters and digits only
    static QString occurrenceId(const QString &seriesId, const QDate &day); ///< "<seriesId>-<YYYYMMDD>"

    QByteArray serialize() const;
    /** nullopt when `value` is not a series object (no id, no known rule, no `from`). */
    static std::optional<Series> parse(const QByteArray &value);

    /** The stored name of a frequency ("daily", "weekdays", "weekly", "monthly"). */
    static QString frequencyName(Frequency frequency);
    static std::optional<Frequency> frequencyFromName(const QString &name);

    friend bool operator==(const Series &, const Series &) = default;
};
