// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todo.h"
#include "ui/undostack.h"

#include <QAbstractListModel>
#include <QDate>
#include <QPointer>
#include <QQmlEngine>

class AppController;
class DayCache;
class DayEditor;
class MovePlan;
class SyncSession;

/**
 * @brief The todos of one day, adapted from the shared DayCache for a list view.
 *
 * The model holds no state of its own beyond a copy of the rows it has announced: every edit
 * (DayEditor's verbs; the model forwards them) goes to SyncSession::submit(), which updates the
 * cache at once; the cache's dayChanged() is then diffed by todo id into fine-grained
 * insert/remove/move/dataChanged signals (never a reset on a live update; only the rows off a
 * longest run in the old order move, see MovePlan, so one dragged todo is one move), so edits from
 * this window, other windows and other devices all take the same path. Dates cross into QML as ISO
 * strings ("yyyy-MM-dd"): QML converts a QDate through UTC midnight, which is the wrong day west of
 * Greenwich.
 */
class DayModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("ui/appcontroller.h")
    Q_PROPERTY(AppController *controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(QString date READ isoDate WRITE setIsoDate NOTIFY dateChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int openCount READ openCount NOTIFY countChanged)
    Q_PROPERTY(int doneCount READ doneCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY statusChanged)
    Q_PROPERTY(QString error READ error NOTIFY statusChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY canUndoChanged)
    Q_PROPERTY(QString undoText READ undoText NOTIFY canUndoChanged)
    /** The window's undo/redo history (every edit, any day); it lives as long as the model. */
    Q_PROPERTY(UndoStack *undoStack READ undoStack CONSTANT)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TextRole,
        PriorityRole,
        StatusRole,
        DoneRole,
        CreatedRole,
        UpdatedRole,
        NotesRole, ///< "notes": multi-line plain text ("" when none)
        HasNotesRole, ///< "hasNotes": the notes hold more than white space
        RemindRole, ///< "remind": "HH:mm" or ""
        SeriesRole, ///< "series": the recurring series' id or ""
    };
    Q_ENUM(Role)

    explicit DayModel(QObject *parent = nullptr);
    ~DayModel() override;

    /** Binds the model to a cache and a session (C++ users; QML sets `controller`). */
    void setBackend(DayCache *cache, SyncSession *session);

    AppController *controller() const;
    void setController(AppController *controller);

    QDate date() const;
    void setDate(const QDate &date);
    QString isoDate() const;
    void setIsoDate(const QString &isoDate);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int openCount() const;
    int doneCount() const;
    bool isLoading() const;
    QString error() const;
    bool canUndo() const;
    QString undoText() const;
    UndoStack *undoStack() const;

    const TodoList &todos() const;

    /**
     * Appends a todo; returns its id ("" when the text is empty). QML: `add(text, Todo.High)`.
     * Quick add: `isoDate` another day than this model's (empty: this day), `remind` "HH:mm".
     */
    Q_INVOKABLE QString add(const QString &text, Todo::Priority priority = Todo::Priority::Medium,
                            const QString &isoDate = {}, const QString &remind = {});
    Q_INVOKABLE bool setText(const QString &id, const QString &text);
    /** False for an unknown id or a value outside the enum. */
    Q_INVOKABLE bool setPriority(const QString &id, Todo::Priority priority);
    Q_INVOKABLE bool setStatus(const QString &id, Todo::Status status);
    Q_INVOKABLE bool toggleDone(const QString &id);
    /** Sets the todo's notes (plain text; white space only removes them). */
    Q_INVOKABLE bool setNotes(const QString &id, const QString &notes);
    /** Sets the reminder time, "HH:mm", or removes it (""); false for another text. */
    Q_INVOKABLE bool setRemind(const QString &id, const QString &remind);
    /** Removes the todo and remembers it (and where it was) for undo(). */
    Q_INVOKABLE bool remove(const QString &id);
    /** Undoes the window's last edit (undoStack.undo()). */
    Q_INVOKABLE bool undo();
    /** Moves the todo at row `from` so that it ends at row `to`. */
    Q_INVOKABLE bool move(int from, int to);
    /** Moves the todo to the end of another day's list ("yyyy-MM-dd"). */
    Q_INVOKABLE bool moveToDay(const QString &id, const QString &isoDate);
    /**
     * Moves the todo `id` from the day `fromIso` to the day `toIso` (either may be another day
     * than this model's), after `afterId` if it is there, else to `position` (-1: the end).
     * Undoes a moveToDay() by id, whatever happened to the rows since.
     */
    Q_INVOKABLE bool moveBetweenDays(const QString &id, const QString &fromIso, const QString &toIso,
                                     int position = -1, const QString &afterId = QString());
    /** Moves every open todo of this day to `isoDate`; returns how many moved. */
    Q_INVOKABLE int carryOverUnfinishedTo(const QString &isoDate);
    Q_INVOKABLE int indexOf(const QString &id) const;
    Q_INVOKABLE QVariantMap get(int row) const;

    static QString newTodoId();

signals:
    void controllerChanged();
    void dateChanged();
    void countChanged();
    void statusChanged();
    void canUndoChanged();
    /** A short note for the user (shown as a toast), e.g. why an edit was refused. */
    void message(const QString &text);

private:
    void attach();
    void detach();
    void onDayChanged(const QDate &date);
    void syncFromCache();
    void applyDiff(const TodoList &target);
    void applySteps(const MovePlan &plan, const TodoList &target);

    QPointer<AppController> m_controller;
    QPointer<DayCache> m_cache;
    QPointer<SyncSession> m_session;
    QDate m_date;
    TodoList m_todos;
    UndoStack *m_undoStack;
    DayEditor *m_editor; ///< the edit verbs (after m_todos: it reads them)
    QMetaObject::Connection m_cacheConnection;
    bool m_watching = false;
};
