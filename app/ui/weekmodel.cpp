// SPDX-License-Identifier: MIT
#include "ui/weekmodel.h"

#include "sync/daycache.h"
#include "ui/appcontroller.h"

#include <QLocale>
#include <algorithm>

WeekModel::WeekModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

WeekModel::~WeekModel()
{
    watchWeek(false);
}

QDate WeekModel::weekStart(const QDate &date)
{
    const int first = int(QLocale().firstDayOfWeek());
    const int offset = (date.dayOfWeek() - first + 7) % 7;
    return date.addDays(-offset);
}

void WeekModel::setCache(DayCache *cache)
{
    if (m_cache == cache)
        return;
    beginResetModel();
    watchWeek(false);
    disconnect(m_cacheConnection);
    m_cache = cache;
    if (m_cache)
        m_cacheConnection = connect(m_cache, &DayCache::dayChanged, this, &WeekModel::onDayChanged);
    watchWeek(true);
    endResetModel();
}

AppController *WeekModel::controller() const
{
    return m_controller;
}

void WeekModel::setController(AppController *controller)
{
    if (m_controller == controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (controller)
        connect(controller, &AppController::todayChanged, this, &WeekModel::onTodayChanged);
    setCache(controller ? controller->cache() : nullptr);
    emit controllerChanged();
}

QString WeekModel::isoDate() const
{
    return m_date.isValid() ? m_date.toString(Qt::ISODate) : QString();
}

void WeekModel::setIsoDate(const QString &isoDate)
{
    setDate(QDate::fromString(isoDate, Qt::ISODate));
}

void WeekModel::setDate(const QDate &date)
{
    if (m_date == date)
        return;
    m_date = date;
    const QDate first = date.isValid() ? weekStart(date) : QDate();
    if (first != m_first) {
        // Another week is other rows altogether: a reset (not a live update).
        beginResetModel();
        watchWeek(false);
        m_first = first;
        watchWeek(true);
        endResetModel();
        emit weekChanged();
    }
    emit dateChanged();
}

QString WeekModel::firstDay() const
{
    return m_first.isValid() ? m_first.toString(Qt::ISODate) : QString();
}

int WeekModel::weeks() const
{
    return m_weeks;
}

void WeekModel::setWeeks(int weeks)
{
    weeks = std::clamp(weeks, 1, 6);
    if (weeks == m_weeks)
        return;
    beginResetModel();
    watchWeek(false);
    m_weeks = weeks;
    watchWeek(true);
    endResetModel();
    emit weekChanged();
}

void WeekModel::watchWeek(bool watch)
{
    if (!m_cache || !m_first.isValid())
        return;
    for (int i = 0; i < 7 * m_weeks; ++i) {
        if (watch)
            m_cache->watch(m_first.addDays(i));
        else
            m_cache->unwatch(m_first.addDays(i));
    }
}

void WeekModel::onDayChanged(const QDate &date)
{
    if (!m_first.isValid())
        return;
    const qint64 row = m_first.daysTo(date);
    if (row < 0 || row >= rowCount())
        return;
    const QModelIndex changed = index(int(row));
    emit dataChanged(changed, changed, { OpenCountRole, DoneCountRole });
}

void WeekModel::onTodayChanged()
{
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), { IsTodayRole });
}

int WeekModel::rowCount(const QModelIndex &parent) const
{
    return (parent.isValid() || !m_first.isValid()) ? 0 : 7 * m_weeks;
}

QVariant WeekModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QDate date = m_first.addDays(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case DateRole:
        return date.toString(Qt::ISODate);
    case DayNameRole:
        return QLocale().dayName(date.dayOfWeek(), QLocale::ShortFormat);
    case DayNumberRole:
        return date.day();
    case IsTodayRole:
        return date == (m_controller ? m_controller->todayDate() : QDate::currentDate());
    case OpenCountRole:
    case DoneCountRole: {
        if (!m_cache)
            return 0;
        const TodoList &todos = m_cache->day(date).todos;
        const int done
            = int(std::count_if(todos.cbegin(), todos.cend(), [](const Todo &t) { return t.isDone(); }));
        return role == DoneCountRole ? done : int(todos.size()) - done;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> WeekModel::roleNames() const
{
    return {
        { DateRole, "date" },           { DayNameRole, "dayName" },     { DayNumberRole, "dayNumber" },
        { OpenCountRole, "openCount" }, { DoneCountRole, "doneCount" }, { IsTodayRole, "isToday" },
    };
}
