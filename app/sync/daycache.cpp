// SPDX-License-Identifier: MIT
#include "sync/daycache.h"

#include "sync/synclog.h"
#include "sync/todocodec.h"

using namespace Qt::StringLiterals;

namespace {

bool sameDay(const DayCache::Day &a, const DayCache::Day &b)
{
    return a.status == b.status && a.todos == b.todos && a.revision == b.revision && a.error == b.error
        && a.serverTodos == b.serverTodos;
}

} // namespace

const DayCache::Day &DayCache::day(const QDate &date) const
{
    static const Day unknown;
    const auto it = m_days.constFind(date);
    return it == m_days.constEnd() ? unknown : *it;
}

void DayCache::watch(const QDate &date)
{
    if (!date.isValid())
        return;
    if (m_watchers[date]++ == 0)
        emit watchedDaysChanged();
}

void DayCache::unwatch(const QDate &date)
{
    const auto it = m_watchers.find(date);
    if (it == m_watchers.end())
        return;
    if (--*it <= 0) {
        m_watchers.erase(it);
        emit watchedDaysChanged();
    }
}

QList<QDate> DayCache::watchedDays() const
{
    QList<QDate> days = m_watchers.keys();
    std::sort(days.begin(), days.end());
    return days;
}

QByteArray DayCache::keyFor(const QDate &date)
{
    return "todos-" + date.toString(u"yyyyMMdd"_s).toLatin1();
}

std::optional<QDate> DayCache::dateForKey(const QByteArray &key)
{
    if (key.size() != 14 || !key.startsWith("todos-"))
        return std::nullopt;
    for (qsizetype i = 6; i < key.size(); ++i) {
        if (key.at(i) < '0' || key.at(i) > '9')
            return std::nullopt;
    }
    const QDate date = QDate::fromString(QString::fromLatin1(key.mid(6)), u"yyyyMMdd"_s);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

bool DayCache::setServerValue(const QDate &date, const std::optional<QByteArray> &value, qint64 revision)
{
    Day next = day(date);
    if (revision > 0 && next.revision > 0 && revision < next.revision) {
        qCDebug(lcSync) << "dropping a value of" << date << "older than the cached one";
        return false;
    }
    next.revision = revision;
    if (!value) {
        next.status = Status::Ready;
        next.serverTodos.clear();
        next.error.clear();
    } else if (TodoCodec::Result parsed = TodoCodec::parse(*value); parsed.ok) {
        next.status = Status::Ready;
        next.serverTodos = std::move(parsed.todos);
        next.error.clear();
    } else {
        next.status = Status::Invalid;
        next.serverTodos.clear();
        next.error = parsed.error;
        qCWarning(lcSync) << "the stored list of" << date << "is invalid:" << parsed.error;
    }
    next.todos = next.status == Status::Invalid ? TodoList() : next.serverTodos;
    if (m_overlay && next.status != Status::Invalid)
        next.todos = m_overlay(date, next.serverTodos);
    update(date, std::move(next));
    return true;
}

void DayCache::setLocalView(const QDate &date, const TodoList &todos)
{
    Day next = day(date);
    next.todos = todos;
    update(date, std::move(next));
}

void DayCache::setLoading(const QDate &date)
{
    Day next = day(date);
    // A day already shown keeps its content while it is fetched again.
    if (next.status != Status::Unknown)
        return;
    next.status = Status::Loading;
    update(date, std::move(next));
}

void DayCache::setOverlay(Overlay overlay)
{
    m_overlay = std::move(overlay);
}

void DayCache::refresh(const QDate &date)
{
    Day next = day(date);
    if (next.status == Status::Invalid)
        return;
    next.todos = m_overlay ? m_overlay(date, next.serverTodos) : next.serverTodos;
    update(date, std::move(next));
}

void DayCache::forgetServerValues()
{
    const QList<QDate> dates = m_days.keys();
    for (const QDate &date : dates) {
        Day next;
        next.todos = m_overlay ? m_overlay(date, {}) : TodoList();
        update(date, std::move(next));
    }
}

void DayCache::update(const QDate &date, Day day)
{
    const auto it = m_days.find(date);
    if (it != m_days.end() && sameDay(*it, day))
        return;
    m_days.insert(date, std::move(day));
    emit dayChanged(date);
}
