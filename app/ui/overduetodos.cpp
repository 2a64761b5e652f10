// SPDX-License-Identifier: MIT
#include "ui/overduetodos.h"

#include "sync/daycache.h"
#include "sync/syncsession.h"
#include "ui/appcontroller.h"
#include "ui/dayeditor.h"
#include "ui/undostack.h"

#include <QDateTime>
#include <algorithm>

namespace {
// A missed occurrence of a repeating todo is not carried over: the next occurrence stands for it.
bool isOverdue(const Todo &todo)
{
    return !todo.isDone() && todo.series.isEmpty();
}
} // namespace

OverdueTodos::OverdueTodos(QObject *parent)
    : QObject(parent)
{ }

OverdueTodos::~OverdueTodos()
{
    watchDays(false);
}

AppController *OverdueTodos::controller() const
{
    return m_controller;
}

void OverdueTodos::setController(AppController *controller)
{
    if (m_controller == controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (controller) {
        connect(controller, &AppController::todayChanged, this,
                [this] { setToday(m_controller->todayDate()); });
        setBackend(controller->cache(), controller->session(), controller->todayDate());
    } else {
        setBackend(nullptr, nullptr, {});
    }
    emit controllerChanged();
}

void OverdueTodos::setBackend(DayCache *cache, SyncSession *session, const QDate &today)
{
    watchDays(false);
    disconnect(m_cacheConnection);
    m_cache = cache;
    m_session = session;
    m_today = today;
    if (m_cache) {
        m_cacheConnection = connect(m_cache, &DayCache::dayChanged, this, [this](const QDate &day) {
            if (day < m_today && day >= m_today.addDays(-lookBack))
                recount();
        });
    }
    watchDays(true);
    recount();
}

void OverdueTodos::setToday(const QDate &today)
{
    if (today == m_today)
        return;
    watchDays(false);
    m_today = today;
    watchDays(true);
    recount();
}

UndoStack *OverdueTodos::undoStack() const
{
    return m_undo;
}

void OverdueTodos::setUndoStack(UndoStack *undo)
{
    if (m_undo == undo)
        return;
    m_undo = undo;
    emit undoStackChanged();
}

int OverdueTodos::count() const
{
    return m_count;
}

int OverdueTodos::dayCount() const
{
    return m_dayCount;
}

void OverdueTodos::watchDays(bool watch)
{
    if (!m_cache || !m_today.isValid())
        return;
    for (int back = 1; back <= lookBack; ++back) {
        if (watch)
            m_cache->watch(m_today.addDays(-back));
        else
            m_cache->unwatch(m_today.addDays(-back));
    }
}

void OverdueTodos::recount()
{
    int count = 0;
    int days = 0;
    if (m_cache && m_today.isValid()) {
        for (int back = 1; back <= lookBack; ++back) {
            const TodoList &todos = m_cache->day(m_today.addDays(-back)).todos;
            const auto open
                = std::count_if(todos.cbegin(), todos.cend(), [](const Todo &t) { return isOverdue(t); });
            count += int(open);
            days += open > 0 ? 1 : 0;
        }
    }
    if (count == m_count && days == m_dayCount)
        return;
    m_count = count;
    m_dayCount = days;
    emit countChanged();
}

int OverdueTodos::carryOver()
{
    if (!m_cache || !m_session || !m_today.isValid() || m_count == 0)
        return 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    int moved = 0;
    if (m_undo)
        m_undo->beginGroup();
    for (int back = lookBack; back >= 1; --back) {
        const QDate day = m_today.addDays(-back);
        if (m_cache->day(day).status == DayCache::Status::Invalid)
            continue;
        // A copy: every submit changes the cache's lists.
        const TodoList todos = m_cache->day(day).todos;
        for (int row = 0; row < todos.size(); ++row) {
            const Todo &todo = todos.at(row);
            if (!isOverdue(todo))
                continue;
            const TodoList &there = m_cache->day(m_today).todos;
            const QString afterId = there.isEmpty() ? QString() : there.constLast().id;
            UndoStack::perform(m_session, m_undo,
                               UndoEdit::movedToDay(todo, day, row,
                                                    row > 0 ? todos.at(row - 1).id : QString(), m_today, -1,
                                                    afterId, now));
            ++moved;
        }
    }
    if (m_undo)
        m_undo->endGroup(DayEditor::carryOverName(moved));
    return moved;
}
