// SPDX-License-Identifier: MIT
#pragma once

#include "todo.h"

#include <QDate>
#include <QHash>
#include <QObject>
#include <QString>
#include <optional>

/**
 * @brief The process-wide, per-day cache every window reads from.
 *
 * Each day is one key `todos-YYYYMMDD`. A day's entry holds the last value the server sent
 * (with its revision when the server has them) and the local view: that value with every
 * pending (not yet acknowledged) operation applied on top. Windows show `todos(day)`.
 * A notification older than the cached revision is dropped.
 */
class DayCache : public QObject
{
    Q_OBJECT

public:
    enum class Status { Unknown, Loading, Ready, Invalid };
    Q_ENUM(Status)

    struct Day
    {
        Status status = Status::Unknown;
        TodoList todos;     ///< what the user sees: server value + pending operations
        qint64 revision = 0; ///< server revision of the value underneath (0: none/unknown)
        QString error;      ///< Invalid: why the stored value cannot be shown
    };

    using QObject::QObject;

    const Day &day(const QDate &date) const;

    /** Days currently shown by some window: the monitor subscribes to these. Ref-counted. */
    void watch(const QDate &date);
    void unwatch(const QDate &date);
    QList<QDate> watchedDays() const;

    static QByteArray keyFor(const QDate &date);      ///< "todos-YYYYMMDD"
    static std::optional<QDate> dateForKey(const QByteArray &key);

    /// Used by the sync layer only.
    void setServerValue(const QDate &date, const std::optional<QByteArray> &value, qint64 revision);
    void setLocalView(const QDate &date, const TodoList &todos);
    void setLoading(const QDate &date);

signals:
    /** The visible list of `date` changed (any cause). Models diff by todo id. */
    void dayChanged(const QDate &date);
    void watchedDaysChanged();

private:
    QHash<QDate, Day> m_days;
    QHash<QDate, int> m_watchers;
};
