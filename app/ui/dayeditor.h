// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todo.h"

#include <QDate>
#include <QObject>
#include <QPointer>

class DayCache;
class SyncSession;
class UndoStack;
struct TodoOperation;
struct UndoEdit;

/**
 * @brief The edit verbs of one day's list: each turns into TodoOperations for
 * SyncSession::submit(); each edit is recorded (with its inverse) in the window's UndoStack.
 *
 * DayModel owns one and forwards its Q_INVOKABLE verbs to it. The editor reads the rows the model
 * has announced (`rows`, a reference into the model) so that ids and positions are the ones the
 * user sees. Todos are always named by id: a row number is only turned into an id here, at once.
 */
class DayEditor : public QObject
{
    Q_OBJECT

public:
    explicit DayEditor(const TodoList &rows, QObject *parent = nullptr);

    void setBackend(DayCache *cache, SyncSession *session);
    /** Where edits are recorded for undo (none: not recorded). */
    void setUndoStack(UndoStack *undo);
    /** Another day; the window's undo history goes on across days. */
    void setDate(const QDate &date);

    /** Appends a todo to `day` (invalid: this editor's day) with a reminder time `remind` ("HH:mm" or ""). */
    QString add(const QString &text, Todo::Priority priority, const QDate &day = {},
                const QString &remind = {});
    bool setText(const QString &id, const QString &text);
    bool setPriority(const QString &id, Todo::Priority priority);
    bool setStatus(const QString &id, Todo::Status status);
    bool toggleDone(const QString &id);
    bool setNotes(const QString &id, const QString &notes);
    bool setRemind(const QString &id, const QString &remind);
    bool remove(const QString &id);
    bool move(int from, int to);
    /** Moves the todo `id` of this day to the end of `target`'s list. */
    bool moveToDay(const QString &id, const QDate &target);
    /**
     * Moves the todo `id` from the day `from` to the day `to`, right after `afterId` if it is
     * there, else to `position` (-1: the end). False when `from` does not hold the todo.
     */
    bool moveBetweenDays(const QString &id, const QDate &from, const QDate &to, int position,
                         const QString &afterId);
    int carryOverUnfinishedTo(const QDate &target);

    static QString newTodoId();
    /** The undo step's name of carrying `count` todos over ("Carry Over 3 Todos"). */
    static QString carryOverName(int count);

signals:
    void message(const QString &text);

private:
    const Todo *find(const QString &id) const;
    bool canEdit(const QDate &date);
    bool submitEdit(const QString &id, const TodoOperation &op);
    /** Submits the edit's forward operations and records it for undo. */
    void perform(const UndoEdit &edit);

    const TodoList &m_rows;
    QPointer<DayCache> m_cache;
    QPointer<SyncSession> m_session;
    QPointer<UndoStack> m_undo;
    QDate m_date;
};
