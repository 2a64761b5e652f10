// SPDX-License-Identifier: MIT
#pragma once

#include "ui/undoops.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>

class DayCache;
class SyncSession;

/**
 * @brief A window's undo and redo history: every edit made in the window, on any day.
 *
 * Each step is an UndoEdit (operations by todo id and their inverses). undo() submits the
 * inverse operations through SyncSession::submit(), redo() the forward ones again, so both are
 * replayed on whatever the server holds then, like any edit: a field another client changed
 * meanwhile keeps its value. What cannot be undone any more is skipped and said (message()):
 * an edit of a todo that is no longer on its day (deleted or moved elsewhere), or moving back a
 * todo that was deleted meanwhile. Undoing a delete brings the todo back, with every field as
 * it was last seen. The days the steps touch stay watched in the DayCache, so their values are
 * current when a step is replayed. One DayModel owns one stack (`dayModel.undoStack`).
 */
class UndoStack : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A DayModel owns its window's UndoStack (dayModel.undoStack).")
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY changed)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY changed)
    Q_PROPERTY(QString undoText READ undoText NOTIFY changed)
    Q_PROPERTY(QString redoText READ redoText NOTIFY changed)
    Q_PROPERTY(int lastStep READ lastStep NOTIFY changed)

public:
    /** Steps kept; the oldest is dropped beyond this. */
    static constexpr int limit = 50;

    explicit UndoStack(QObject *parent = nullptr);
    ~UndoStack() override;

    void setBackend(DayCache *cache, SyncSession *session);

    bool canUndo() const;
    bool canRedo() const;
    QString undoText() const;
    QString redoText() const;
    /** The serial of the newest step (0: none), for a note's own Undo (undoStep()). */
    int lastStep() const;

    /** Submits the edit's forward operations, then records it in `undo` (when there is one). */
    static void perform(SyncSession *session, UndoStack *undo, const UndoEdit &edit);
    /** Records an edit whose forward operations were just submitted; clears the redo steps. */
    void record(const UndoEdit &edit);
    /** Until endGroup(), record() adds to one step (carry-over: many moves, one undo). */
    void beginGroup();
    /** Names the group's step; an empty group records nothing. */
    void endGroup(const QString &name);

    Q_INVOKABLE bool undo();
    Q_INVOKABLE bool redo();
    /** Undoes the step `serial` (a note's Undo), even when newer steps came after it. */
    Q_INVOKABLE bool undoStep(int serial);
    Q_INVOKABLE void clear();

signals:
    void changed();
    /** What could not be undone or redone, for a toast. */
    void message(const QString &text);

private:
    struct Step
    {
        int serial = 0;
        UndoEdit edit;
    };

    /**
     * Submits `ops`; refreshes the todos in `counterpart` from what the removals take away, so
     * the way back restores the todo as it is now. False when nothing could be applied.
     */
    bool replay(QList<TodoOperation> &ops, QList<TodoOperation> &counterpart, const QString &notice);
    void watchDays(const Step &step, bool watch);
    void push(QList<Step> &stack, const Step &step);

    QPointer<DayCache> m_cache;
    QPointer<SyncSession> m_session;
    QList<Step> m_undo;
    QList<Step> m_redo;
    int m_nextSerial = 1;
    int m_groupDepth = 0;
    UndoEdit m_group;
};
