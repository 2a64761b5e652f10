// SPDX-License-Identifier: MIT
#pragma once

#include <QDate>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>

class AppController;
class DayCache;
class SyncSession;
class UndoStack;

/**
 * @brief The unfinished todos of the days before today, for today's "from earlier days" note.
 *
 * Occurrences of repeating todos do not count: the next occurrence stands for a missed one.
 *
 * Looks back `lookBack` days (today excluded). Those days are watched in the DayCache, so they
 * are read from the server once and kept current by its notifications, like the week strip's
 * days: the count is live in every window, whichever day it shows. carryOver() moves them all
 * to the end of today's list (oldest day first, each day in its order) as ONE undo step of
 * `undoStack`. Dates are ISO strings in QML.
 */
class OverdueTodos : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("ui/appcontroller.h")
    Q_MOC_INCLUDE("ui/undostack.h")
    Q_PROPERTY(AppController *controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(UndoStack *undoStack READ undoStack WRITE setUndoStack NOTIFY undoStackChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int dayCount READ dayCount NOTIFY countChanged)
    Q_PROPERTY(int lookBackDays READ lookBackDays CONSTANT)

public:
    /** How many days before today are looked at. */
    static constexpr int lookBack = 30;

    explicit OverdueTodos(QObject *parent = nullptr);
    ~OverdueTodos() override;

    AppController *controller() const;
    void setController(AppController *controller);
    /** C++ users and tests: the cache, the session and today. */
    void setBackend(DayCache *cache, SyncSession *session, const QDate &today);
    void setToday(const QDate &today);
    UndoStack *undoStack() const;
    void setUndoStack(UndoStack *undo);

    /** Unfinished todos on the `lookBack` days before today. */
    int count() const;
    /** How many of those days hold them. */
    int dayCount() const;
    int lookBackDays() const { return lookBack; }

    /** Moves every one of them to the end of today's list, one undo step; returns how many. */
    Q_INVOKABLE int carryOver();

signals:
    void controllerChanged();
    void undoStackChanged();
    void countChanged();

private:
    void watchDays(bool watch);
    void recount();

    QPointer<AppController> m_controller;
    QPointer<DayCache> m_cache;
    QPointer<SyncSession> m_session;
    QPointer<UndoStack> m_undo;
    QMetaObject::Connection m_cacheConnection;
    QDate m_today;
    int m_count = 0;
    int m_dayCount = 0;
};
