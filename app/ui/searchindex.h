// SPDX-License-Identifier: MIT
#pragma once

#include "sync/todo.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>

class DayCache;
class SyncSession;

/**
 * @brief Every day's todos, for search (docs/sync.md §11): one per SyncSession, shared by every
 * window of the process.
 *
 * The history lives on the server. On first use (load()) and after every reconnect the index reads
 * every `todos-` key with RANGE, a page of at most 1000 days at a time (ExchangeDays), and the
 * days the DayCache holds on top; from then on every DayCache change (a monitor notification, a
 * reply, a local edit) replaces that day's entries at once. Searching never touches the network.
 *
 * snapshot() is an implicitly shared copy: a search thread reads it while the GUI thread goes on
 * updating the index (a day's update copies only that day's map node list).
 */
class SearchIndex : public QObject
{
    Q_OBJECT

public:
    struct Entry
    {
        QString id;
        QString text;
        QString notes;
        Todo::Status status = Todo::Status::NotSet;
        Todo::Priority priority = Todo::Priority::Low;
        QString folded; ///< text + "\n" + notes, case-folded: what a query is matched against
        int foldedTextLength = 0; ///< where the text ends in `folded`
    };
    using Days = QMap<QDate, QList<Entry>>;

    struct Hit
    {
        QDate day;
        Entry entry;
        bool inNotes = false; ///< some query word is found in the notes only
    };
    struct Hits
    {
        QList<Hit> hits; ///< newest day first, each day in list order; at most `limit`
        int total = 0; ///< every matching todo
    };

    /** The index of `session` (created on first call, a child of the session). */
    static SearchIndex *of(SyncSession *session);

    explicit SearchIndex(QObject *parent = nullptr);

    /** Follows the session's cache and connection; load() reads the history. */
    void attach(SyncSession *session);
    /** Reads the whole history now if it was never read (later reconnects read it again). */
    void load();

    void setDay(const QDate &day, const TodoList &todos);
    void setAll(const QMap<QDate, TodoList> &days);
    Days snapshot() const { return m_days; }
    int todoCount() const { return m_count; }
    bool isLoading() const { return m_loading; }
    bool isLoaded() const { return m_loaded; }
    QString error() const { return m_error; }

    /** Pure, any thread: every entry holding every word of `query` (case-folded, in any order). */
    static Hits search(const Days &days, const QString &query, int limit = 300);
    static Entry entryFor(const Todo &todo);

signals:
    /** The entries changed (a day, or everything). */
    void changed();
    void loadingChanged();

private:
    void fetch();

    QPointer<SyncSession> m_session;
    Days m_days;
    int m_count = 0;
    bool m_wanted = false;
    bool m_loading = false;
    bool m_loaded = false;
    QString m_error;
};
