// SPDX-License-Identifier: MIT
#include "desktop/reminderscheduler.h"

#include "desktop/notifier.h"
#include "desktop/reminderclaim.h"
#include "sync/daycache.h"
#include "sync/syncsession.h"

#include <QLocale>
#include <QLoggingCategory>
#include <algorithm>

Q_LOGGING_CATEGORY(lcReminders, "dayboard.desktop.reminders")

namespace {
const QString doneAction = QStringLiteral("done");
const QString snoozeAction = QStringLiteral("snooze");
const QString timeFormat = QStringLiteral("HH:mm");

QString claimKey(const QDate &day, const QString &todoId)
{
    return day.toString(Qt::ISODate) + QLatin1Char('/') + todoId;
}
} // namespace

ReminderScheduler::ReminderScheduler(SyncSession *session, Notifier *notifier, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_cache(session->cache())
    , m_notifier(notifier)
    , m_clock([] { return QDateTime::currentDateTime(); })
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ReminderScheduler::check);
    connect(m_notifier, &Notifier::actionInvoked, this, &ReminderScheduler::onAction);
    connect(m_notifier, &Notifier::closed, this, [this](uint id) { m_shown.remove(id); });
    connect(m_session->cache(), &DayCache::dayChanged, this, [this](const QDate &day) {
        if (m_watched.contains(day))
            scheduleCheck();
    });
}

ReminderScheduler::~ReminderScheduler()
{
    for (const QDate &day : std::as_const(m_watched)) {
        if (m_cache)
            m_cache->unwatch(day);
    }
}

void ReminderScheduler::setClock(const Clock &clock)
{
    m_clock = clock;
}

void ReminderScheduler::start()
{
    m_started = true;
    check();
}

void ReminderScheduler::scheduleCheck()
{
    // Coalesces the cache's burst of dayChanged signals into one check.
    if (m_started)
        m_timer.start(0);
}

QDateTime ReminderScheduler::dueAt(const QDate &day, const Todo &todo)
{
    if (todo.remind.isEmpty() || todo.reminded != 0 || todo.isDone())
        return {};
    const QTime time = QTime::fromString(todo.remind, timeFormat);
    return time.isValid() ? QDateTime(day, time) : QDateTime();
}

QString ReminderScheduler::snoozedRemind(const QDate &day, const QDateTime &now)
{
    QDateTime later = now.addSecs(snoozeMinutes * 60);
    if (later.time().second() != 0 || later.time().msec() != 0)
        later = QDateTime(later.date(), QTime(later.time().hour(), later.time().minute())).addSecs(60);
    if (later.date() > day)
        return QStringLiteral("23:59");
    return later.time().toString(timeFormat);
}

void ReminderScheduler::watchAround(const QDate &today)
{
    const QList<QDate> wanted { today.addDays(-1), today };
    if (wanted == m_watched)
        return;
    DayCache *cache = m_session->cache();
    for (const QDate &day : wanted)
        cache->watch(day);
    for (const QDate &day : std::as_const(m_watched))
        cache->unwatch(day);
    m_watched = wanted;
}

void ReminderScheduler::check()
{
    const QDateTime now = m_clock();
    watchAround(now.date());
    m_nextDue = {};
    for (const QDate &day : std::as_const(m_watched)) {
        const DayCache::Day &entry = m_session->cache()->day(day);
        if (entry.status != DayCache::Status::Ready)
            continue;
        for (const Todo &todo : entry.todos) {
            const QDateTime due = dueAt(day, todo);
            if (!due.isValid())
                continue;
            if (due > now) {
                if (!m_nextDue.isValid() || due < m_nextDue)
                    m_nextDue = due;
            } else if (due.msecsTo(now) <= missedWindowMs) {
                claim(day, todo, due);
            }
        }
    }
    qint64 wait = wallClockCheckMs;
    if (m_nextDue.isValid())
        wait = std::clamp<qint64>(now.msecsTo(m_nextDue), 0, wallClockCheckMs);
    m_timer.start(int(wait));
}

void ReminderScheduler::claim(const QDate &day, const Todo &todo, const QDateTime &due)
{
    const QString key = claimKey(day, todo.id);
    if (m_claiming.contains(key))
        return;
    m_claiming.insert(key);
    const QString todoId = todo.id;
    ReminderClaim::claim(m_session->client(), day, todoId, todo.remind, m_clock().toMSecsSinceEpoch(),
                         [this, key, day, todoId, due](ReminderClaim::Outcome outcome, const Todo &stored) {
        m_claiming.remove(key);
        qCInfo(lcReminders) << "claim of" << key << "outcome" << int(outcome);
        if (outcome != ReminderClaim::Outcome::Failed)
            emit claimDecided(day, todoId, outcome == ReminderClaim::Outcome::Won);
        if (outcome == ReminderClaim::Outcome::Won)
            show(day, stored, due);
    });
}

void ReminderScheduler::show(const QDate &day, const Todo &todo, const QDateTime &due)
{
    const QDateTime now = m_clock();
    QString body = tr("Today at %1").arg(todo.remind);
    if (due.msecsTo(now) > lateAfterMs) {
        const QString when = day == now.date()
            ? todo.remind
            : QLocale().toString(day, QLocale::ShortFormat) + QLatin1Char(' ') + todo.remind;
        body = tr("(was due %1)").arg(when);
    }
    const QString todoId = todo.id;
    // A reminder of an earlier day cannot move to a later time on its day: Done only.
    QStringList actions { doneAction, tr("Done") };
    if (day == now.date())
        actions << snoozeAction << tr("Snooze 10 min");
    m_notifier->show(todo.text, body, actions, [this, day, todoId](uint id) {
        if (id == 0)
            return;
        m_shown.insert(id, { day, todoId });
        emit shown(day, todoId, id);
    });
}

void ReminderScheduler::onAction(uint id, const QString &key)
{
    const auto found = m_shown.constFind(id);
    if (found == m_shown.constEnd())
        return;
    const Shown target = *found;
    const QDateTime now = m_clock();
    if (key == doneAction) {
        m_session->submit(
            TodoOperation::setStatus(target.day, target.todoId, Todo::Status::Done, now.toMSecsSinceEpoch()));
    } else if (key == snoozeAction) {
        m_session->submit(TodoOperation::setRemind(target.day, target.todoId, snoozedRemind(target.day, now),
                                                   now.toMSecsSinceEpoch()));
    } else {
        return;
    }
    qCInfo(lcReminders) << "reminder" << id << key;
    m_shown.remove(id);
    m_notifier->close(id);
}
