// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todo.h"

#include <QDate>
#include <QHash>
#include <QObject>
#include <QString>
#include <functional>
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
        TodoList todos; ///< what the user sees: server value + pending operations
        qint64 revision = 0; ///< server revision of the value underneath (0: none/unknown)
        QString error; ///< Invalid: why the stored value cannot be shown
        TodoList serverTodos; ///< the server's value underneath (without pending operations)
    };

    /** Computes the visible list from the server's list (the sync layer applies pending ops). */
    using Overlay = std::function<TodoList(const QDate &date, const TodoList &serverTodos)>;

    using QObject::QObject;

    const Day &day(const QDate &date) const;

    /** Days currently shown by some window: the monitor subscribes to these. Ref-counted. */
    void watch(const QDate &date);
    void unwatch(const QDate &date);
    QList<QDate> watchedDays() const;
    /** Every day the cache holds an entry for (any status), in no particular order. */
    QList<QDate> knownDays() const { return m_days.keys(); }

    static QByteArray keyFor(const QDate &date); ///< "todos-YYYYMMDD"
    static std::optional<QDate> dateForKey(const QByteArray &key);

    /// Used by the sync layer only.
    /**
     * A value the server sent (reply or notification); nullopt: the key does not exist.
     * Returns false, changing nothing, when `revision` is older than the cached one (both > 0).
     * Without revisions (hosted HPKV, revision 0) the last value wins.
     */
    bool setServerValue(const QDate &date, const std::optional<QByteArray> &value, qint64 revision);
    void setLocalView(const QDate &date, const TodoList &todos);
    void setLoading(const QDate &date);
    void setOverlay(Overlay overlay);
    /** Recomputes the visible list of `date` through the overlay (after the pending ops changed). */
    void refresh(const QDate &date);
    /** Another server: every day is Unknown again (no value, no revision), pending ops still shown. */
    void forgetServerValues();

signals:
    /** The visible list of `date` changed (any cause). Models diff by todo id. */
    void dayChanged(const QDate &date);
    void watchedDaysChanged();

private:
    void update(const QDate &date, Day day);

    QHash<QDate, Day> m_days;
    Overlay m_overlay;
    QHash<QDate, int> m_watchers;
};
