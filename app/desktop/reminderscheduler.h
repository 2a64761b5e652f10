// SPDX-License-Identifier: MIT
#pragma once

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <functional>

class DayCache;
class Notifier;
class SyncSession;
struct Todo;

/**
 * @brief Shows each todo's reminder (`remind`, "HH:mm" on the todo's day) as a desktop
 * notification when its time has come; one per process, whatever the number of windows.
 *
 * It watches today and yesterday in the day cache (so the monitor keeps them current even with
 * no window open) and looks at reminders due now or missed within the last 24 hours. A timer
 * runs to the next due time, but never longer than wallClockCheckMs: after a suspend or a clock
 * change the next check compares with the wall clock again, and a missed reminder fires late,
 * saying "(was due 14:30)". Before showing one it claims it on the server (ReminderClaim), so
 * it shows on one device only. The notification's actions: "Done" sets the todo done, "Snooze
 * 10 min" (today's reminders only) moves `remind` to ten minutes from now, rounded up to the
 * minute (at most 23:59 of the todo's day), which clears `reminded` so it fires again.
 */
class ReminderScheduler : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    static constexpr int wallClockCheckMs = 30000;
    static constexpr qint64 missedWindowMs = 24 * 3600 * 1000;
    static constexpr int snoozeMinutes = 10;
    /** Later than this after its time, the notification says it was due then. */
    static constexpr qint64 lateAfterMs = 60 * 1000;

    ReminderScheduler(SyncSession *session, Notifier *notifier, QObject *parent = nullptr);
    ~ReminderScheduler() override;

    /** Tests: the time of day without waiting for it (default: QDateTime::currentDateTime). */
    void setClock(const Clock &clock);
    /** Watches today and yesterday and checks now and from then on. */
    void start();
    /** Claims and shows whatever is due now, then arms the timer. */
    void check();
    /** When the next reminder is due (invalid: none today). */
    QDateTime nextDue() const { return m_nextDue; }

    /** When `todo`'s reminder is due on `day`, if it still has to fire (invalid otherwise). */
    static QDateTime dueAt(const QDate &day, const Todo &todo);
    /** The `remind` a snooze at `now` sets on a todo of `day`. */
    static QString snoozedRemind(const QDate &day, const QDateTime &now);

signals:
    /** A reminder this process won the claim for is on screen. */
    void shown(const QDate &day, const QString &todoId, uint notificationId);
    /** A claim was answered: `won` (shown next) or someone else had it / it changed. */
    void claimDecided(const QDate &day, const QString &todoId, bool won);

private:
    struct Shown
    {
        QDate day;
        QString todoId;
    };
    void watchAround(const QDate &today);
    void claim(const QDate &day, const Todo &todo, const QDateTime &due);
    void show(const QDate &day, const Todo &todo, const QDateTime &due);
    void onAction(uint id, const QString &key);
    void scheduleCheck();

    SyncSession *m_session;
    QPointer<DayCache> m_cache; ///< may go before us when both are children of one owner
    Notifier *m_notifier;
    Clock m_clock;
    QList<QDate> m_watched;
    QSet<QString> m_claiming;
    QHash<uint, Shown> m_shown;
    QDateTime m_nextDue;
    QTimer m_timer;
    bool m_started = false;
};
